package dev.nixmigrate.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.core.model.PythonProject.BuildBackend;
import dev.nixmigrate.core.model.PythonProject.PackageManager;
import dev.nixmigrate.core.model.PythonProject.TestRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonProjectTest {
  @Test
  void theVocabulariesAreWrittenAsJsonAndTemplatesKnowThem() {
    assertEquals(
        List.of("uv", "poetry", "pdm", "hatch", "pip"),
        Arrays.stream(PackageManager.values()).map(PackageManager::id).toList());
    assertEquals(
        List.of("pytest", "unittest", "none"),
        Arrays.stream(TestRunner.values()).map(TestRunner::id).toList());
    assertEquals(
        List.of(
            "hatchling",
            "setuptools",
            "poetry-core",
            "pdm-backend",
            "flit_core",
            "maturin",
            "scikit-build-core",
            "mesonpy",
            "uv_build",
            "other",
            "none"),
        Arrays.stream(BuildBackend.values()).map(BuildBackend::id).toList());
  }

  @Test
  void aBackendIsFoundByItsObjectOrItsDistribution() {
    assertEquals(
        Optional.of(BuildBackend.SETUPTOOLS),
        BuildBackend.byObject("setuptools.build_meta:__legacy__"));
    assertEquals(Optional.of(BuildBackend.FLIT_CORE), BuildBackend.byObject("flit.buildapi"));
    assertEquals(Optional.empty(), BuildBackend.byObject("my_backend"));
    assertEquals(Optional.of(BuildBackend.MESONPY), BuildBackend.byDistribution("meson-python"));
    assertEquals(Optional.empty(), BuildBackend.byDistribution(""));
  }
}
