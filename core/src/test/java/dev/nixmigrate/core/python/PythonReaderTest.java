package dev.nixmigrate.core.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.Requirement;
import dev.nixmigrate.core.read.RepoFiles;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonReaderTest {
  @TempDir Path dir;

  private Optional<PythonProject> read(RepoFiles files, String... names) {
    return PythonReader.read(files, ".", List.of(names));
  }

  @Test
  void setupCfgOnlyProject() {
    TestRepo.in(dir)
        .file(
            "setup.cfg",
            "[metadata]\n"
                + "name = legacy-pkg\n"
                + "version = attr: pkg.__version__\n\n"
                + "[options]\n"
                + "python_requires = >=3.8\n"
                + "install_requires =\n"
                + "    requests>=2\n"
                + "    click\n\n"
                + "[options.extras_require]\n"
                + "test = pytest\n\n"
                + "[tool:pytest]\n"
                + "addopts = -q\n");
    PythonProject p = read(new RepoFiles(dir), "setup.cfg").orElseThrow();
    assertEquals("legacy-pkg", p.name());
    assertTrue(p.dynamicVersion());
    assertEquals(">=3.8", p.requiresPython());
    assertEquals(
        List.of("requests", "click"), p.dependencies().stream().map(Requirement::name).toList());
    assertEquals("pytest", p.testRunner());
    assertEquals("none", p.buildBackend(), "no pyproject and no setup.py: nothing to build with");
  }

  @Test
  void requirementsOnlyApplicationWithIncludesAndPythonVersionPin() {
    TestRepo.in(dir)
        .file(
            "requirements.txt",
            "-r requirements/base.txt\nflask==3.0 # web\n--index-url https://x\n")
        .file(
            "requirements/base.txt",
            "requests>=2 \\\n  --hash=sha256:abc\n-r ../requirements.txt\n")
        .file(".python-version", "3.12\n")
        .file("app.py", "print('hi')\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p =
        read(files, ".python-version", "app.py", "requirements", "requirements.txt").orElseThrow();
    assertEquals(
        List.of("requests", "flask"), p.dependencies().stream().map(Requirement::name).toList());
    assertEquals("==3.12.*", p.requiresPython());
    assertEquals(".python-version", p.requiresPythonSource());
    assertEquals("pip", p.packageManager());
    assertEquals("runtime", p.requirementFiles().get(0).role());
  }

  @Test
  void docsRequirementsAloneAreNotAProject() {
    TestRepo.in(dir).file("docs/requirements.txt", "mkdocs\n");
    RepoFiles files = new RepoFiles(dir);
    assertTrue(PythonReader.read(files, "docs", List.of("requirements.txt")).isEmpty());
    assertTrue(files.diagnostics().get(0).message().contains("not a project"));
  }

  @Test
  void severalLockFilesAreReportedAndTheToolTableDecides() {
    TestRepo.in(dir)
        .file("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\n[tool.poetry]\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml", "uv.lock", "poetry.lock").orElseThrow();
    assertEquals("poetry", p.packageManager());
    Diagnostic d = files.diagnostics().get(0);
    assertTrue(d.message().contains("several lock files"), d.toString());
  }

  @Test
  void badRequirementStringsAreLocatedWarnings() {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n"
                + "dependencies = [\n  \"ok>=1\",\n  \"bad >> 2\",\n]\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml").orElseThrow();
    assertEquals(1, p.dependencies().size());
    Diagnostic d = files.diagnostics().get(0);
    assertEquals("pyproject.toml", d.file());
    assertEquals(6, d.line(), "the line of the string itself");
    assertTrue(d.message().contains("bad >> 2"));
  }

  @Test
  void dependencyGroupsExpandIncludesAndCutCycles() {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n"
                + "[dependency-groups]\ntest = [\"pytest\", {include-group = \"lint\"}]\n"
                + "lint = [\"ruff\", {include-group = \"test\"}]\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml").orElseThrow();
    assertEquals(
        List.of("pytest", "ruff"),
        p.dependencyGroups().get("test").stream().map(Requirement::name).toList());
    assertTrue(
        files.diagnostics().stream().anyMatch(d -> d.message().contains("includes it back")),
        files.diagnostics().toString());
  }
}
