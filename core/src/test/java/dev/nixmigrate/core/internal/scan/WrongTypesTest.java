package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest value of the wrong type or shape is a located diagnostic: an ERROR where nixmigrate
 * needs the value, a WARNING saying what was ignored otherwise.
 */
class WrongTypesTest {
  @TempDir Path dir;

  private static final String CRATE = "[package]\nname = \"a\"\nversion = \"0.1.0\"\n";
  private static final String PYPROJECT = "[project]\nname = \"a\"\nversion = \"1.0\"\n";

  private Diagnostic error(String file, int line, int column, String... files) {
    Diagnostic d = Scanned.of(dir, files).at(Severity.ERROR, file, line, column);
    assertTrue(d.message().contains(", but must be"), d.message());
    return d;
  }

  private Diagnostic warning(String file, int line, int column, String... files) {
    Scanned s = Scanned.of(dir, files);
    assertTrue(s.all(Severity.ERROR).isEmpty(), s.facts().diagnostics().toString());
    Diagnostic d = s.at(Severity.WARNING, file, line, column);
    assertTrue(d.message().contains("ignored"), d.message());
    return d;
  }

  @Test
  void integerName() {
    Diagnostic d = error("pyproject.toml", 2, 1, "pyproject.toml", "[project]\nname = 42\n");
    assertTrue(d.message().startsWith("project.name is an integer, but must be a string"));
  }

  @Test
  void integerCrateName() {
    error("Cargo.toml", 2, 1, "Cargo.toml", "[package]\nname = 7\nversion = \"0.1.0\"\n");
  }

  @Test
  void dependenciesAString() {
    error("pyproject.toml", 4, 1, "pyproject.toml", PYPROJECT + "dependencies = \"requests\"\n");
  }

  @Test
  void dependencyNotAString() {
    error(
        "pyproject.toml",
        4,
        29,
        "pyproject.toml",
        PYPROJECT + "dependencies = [\"requests\", 3]\n");
  }

  @Test
  void cargoVersionATable() {
    Diagnostic d =
        error("Cargo.toml", 3, 1, "Cargo.toml", "[package]\nname = \"a\"\nversion = { x = 1 }\n");
    assertTrue(d.message().contains("{ workspace = true }"), d.message());
  }

  @Test
  void cargoDependenciesAString() {
    error("Cargo.toml", 1, 1, "Cargo.toml", "dependencies = \"serde\"\n" + CRATE);
  }

  @Test
  void cargoDependencyAnInteger() {
    Diagnostic d = error("Cargo.toml", 5, 1, "Cargo.toml", CRATE + "[dependencies]\nserde = 1\n");
    assertTrue(d.message().startsWith("dependencies.serde is an integer"), d.message());
  }

  @Test
  void poetryPythonNotAString() {
    error(
        "pyproject.toml",
        5,
        1,
        "pyproject.toml",
        "[tool.poetry]\nname = \"a\"\nversion = \"1.0\"\n[tool.poetry.dependencies]\npython = 3\n");
  }

  @Test
  void requiresPythonNotASpecifier() {
    Diagnostic d =
        Scanned.of(dir, "pyproject.toml", PYPROJECT + "requires-python = \"three\"\n")
            .at(Severity.ERROR, "pyproject.toml", 4, 1);
    assertTrue(d.message().contains("PEP 440"), d.message());
  }

  @Test
  void badPep508StringIsLocated() {
    Diagnostic d =
        warning(
            "pyproject.toml",
            6,
            6,
            "pyproject.toml",
            PYPROJECT + "dependencies = [\n  \"a\",\n  \"b >>= 1\",\n]\n");
    assertTrue(d.message().contains("'b >>= 1'"), d.message());
  }

  @Test
  void cargoLockOfTheWrongShape() {
    warning(
        "Cargo.lock",
        2,
        1,
        "Cargo.toml",
        CRATE,
        "Cargo.lock",
        "version = 3\npackage = { name = \"a\" }\n");
  }

  @Test
  void cargoLockPackageWithoutAStringName() {
    warning(
        "Cargo.lock",
        3,
        1,
        "Cargo.toml",
        CRATE,
        "Cargo.lock",
        "version = 3\n[[package]]\nname = 1\n");
  }

  @Test
  void vcpkgOfTheWrongShape() {
    warning(
        "vcpkg.json",
        2,
        18,
        "CMakeLists.txt",
        "project(a)\n",
        "vcpkg.json",
        "{\"name\": \"a\",\n \"dependencies\": {\"zlib\": 1}}");
  }

  @Test
  void vcpkgDependencyOfTheWrongShape() {
    warning(
        "vcpkg.json",
        1,
        19,
        "CMakeLists.txt",
        "project(a)\n",
        "vcpkg.json",
        "{\"dependencies\": [{\"version\": \"1\"}]}");
  }

  @Test
  void presetsOfTheWrongShape() {
    warning(
        "CMakePresets.json",
        1,
        23,
        "CMakeLists.txt",
        "project(a)\n",
        "CMakePresets.json",
        "{\"configurePresets\": [[\"x\"]]}");
  }

  @Test
  void garbageSetupCfg() {
    Diagnostic d =
        warning(
            "setup.cfg", 3, 1, "setup.cfg", "[metadata]\nname = a\nthis is not ini\n", "a.py", "");
    assertTrue(d.message().contains("configparser"), d.message());
  }

  @Test
  void setupCfgRequirementIsLocated() {
    warning(
        "setup.cfg",
        6,
        1,
        "setup.cfg",
        "[metadata]\nname = a\n[options]\ninstall_requires =\n    ok\n    !!bad\n",
        "a.py",
        "");
  }

  @Test
  void missingRequirementsInclude() {
    Diagnostic d =
        warning(
            "requirements.txt",
            2,
            1,
            "requirements.txt",
            "requests\n-r missing.txt\n",
            "main.py",
            "");
    assertTrue(d.message().contains("'missing.txt', which does not exist"), d.message());
  }

  @Test
  void toolchainTableOfTheWrongType() {
    warning(
        "rust-toolchain.toml",
        1,
        1,
        "Cargo.toml",
        CRATE,
        "rust-toolchain.toml",
        "toolchain = \"stable\"\n");
  }
}
