package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CMake-backed Python project whose tests import modules its test folder's CMakeLists.txt builds
 * (pybind11's and nanobind's shape): no wheel holds those modules, so the test recipe builds them
 * with CMake beside copies of the tests and runs pytest there. The recipe's commands are run for
 * real, with the machine's CMake and pytest.
 */
class CMakeBuiltTestsTest {
  @TempDir Path dir;

  /**
   * A scikit-build-core project whose tests run with pytest: the shape of pybind11 and nanobind
   * (also used by PythonPackageTest).
   */
  static final String PYPROJECT =
      """
      [build-system]
      requires = ["scikit-build-core>=0.10"]
      build-backend = "scikit_build_core.build"

      [project]
      name = "binder"
      version = "1.0"

      [project.optional-dependencies]
      test = ["pytest"]
      """;

  private void project() {
    TestRepo.in(dir)
        .file("pyproject.toml", PYPROJECT)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.15)\nproject(binder LANGUAGES NONE)\n"
                + "add_subdirectory(tests)\n")
        // Stands for a compiled test module: made at build time, in the build folder only.
        .file(
            "tests/CMakeLists.txt",
            "configure_file(test_ext.py test_ext.py COPYONLY)\n"
                + "add_custom_target(built_ext ALL COMMAND ${CMAKE_COMMAND} -E echo \"VALUE = 42\""
                + " > ${CMAKE_CURRENT_BINARY_DIR}/built_ext.py)\n")
        .file(
            "tests/test_ext.py",
            "import built_ext\n\n\ndef test_value():\n    assert built_ext.VALUE == 42\n");
  }

  /** The commands of the justfile's {@code test} recipe, as written. */
  private static List<String> testRecipe(String justfile) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : justfile.split("\n")) {
      if (line.startsWith("test:")) {
        in = true;
      } else if (in && line.startsWith("    ")) {
        out.add(line.strip());
      } else if (in) {
        break;
      }
    }
    return out;
  }

  @Test
  void theTestRecipeBuildsTheTestModulesWithCMakeAndRunsPytestBesideThem() throws Exception {
    project();
    Generators.Generation gen = Generators.generate(RepoScanner.scan(dir), Options.defaults(), 1);
    String justfile = gen.file("justfile").text();
    List<String> test = testRecipe(justfile);
    assertEquals(3, test.size(), justfile);
    assertTrue(test.get(0).startsWith("cmake -S . -B build-tests -DPython_EXECUTABLE="), justfile);
    assertEquals(
        "cmake --build build-tests --parallel \"$(getconf _NPROCESSORS_ONLN)\"", test.get(1));
    assertEquals("cd build-tests/tests && python -m pytest", test.get(2));
    assertTrue(justfile.contains("python -m pip install pytest cmake"), justfile);
    // The same commands in CI.
    assertTrue(
        gen.file(".github/workflows/ci.yml")
            .text()
            .contains("cd build-tests/tests && python -m pytest"));

    Path cmake = Tools.require("cmake");
    // A Python that has pytest: the one on PATH, or Debian's, where python3-pytest puts it.
    java.util.Optional<Path> python3 = java.util.Optional.empty();
    for (Path candidate : List.of(Tools.require("python3"), Path.of("/usr/bin/python3"))) {
      if (Files.isExecutable(candidate)
          && Processes.run(null, List.of(candidate.toString(), "-c", "import pytest"), null, 60)
              .ok()) {
        python3 = java.util.Optional.of(candidate);
        break;
      }
    }
    if (python3.isEmpty()) {
      Tools.missing("no python3 here can import pytest; install python3-pytest to run this test");
    }
    Path bin = Files.createDirectories(dir.resolve(".bin"));
    Files.createSymbolicLink(bin.resolve("python"), python3.get());
    Map<String, String> env =
        Map.of("PATH", bin + ":" + cmake.getParent() + ":" + System.getenv("PATH"));
    String out = "";
    for (String command : test) {
      Processes.Result r =
          Processes.run(dir, env, List.of("bash", "-euo", "pipefail", "-c", command), null, 300);
      assertTrue(r.ok(), command + ":\n" + r.output());
      out = r.output();
    }
    assertTrue(out.contains("1 passed"), out);
  }

  /** With uv (or Poetry, PDM), the same commands run through the project's environment. */
  @Test
  void throughUvTheCommandsRunInTheProjectsEnvironment() throws Exception {
    project();
    TestRepo.in(dir).file("uv.lock", "version = 1\n");
    String justfile =
        Generators.generate(RepoScanner.scan(dir), Options.defaults(), 1).file("justfile").text();
    assertEquals(
        java.util.List.of(
            "cmake -S . -B build-tests"
                + " -DPython_EXECUTABLE=\"$(uv run python -c 'import sys; print(sys.executable)')\""
                + " -DPYTHON_EXECUTABLE=\"$(uv run python -c 'import sys; print(sys.executable)')\"",
            "cmake --build build-tests --parallel \"$(getconf _NPROCESSORS_ONLN)\"",
            "cd build-tests/tests && uv run python -m pytest"),
        testRecipe(justfile),
        justfile);
    // GitLab's python image has no CMake: the job installs it.
    String job =
        Generators.generate(RepoScanner.scan(dir), Options.defaults().withCi(CiService.GITLAB), 1)
            .file(".gitlab/ci/build.yml")
            .text();
    assertTrue(
        job.lines().anyMatch(l -> l.contains("apt-get install") && l.matches(".*\\bcmake\\b.*")),
        job);
  }
}
