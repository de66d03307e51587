package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.Requirement;
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
  void setupPyLiteralsAreReadDirectlyOrThroughAModuleLevelName() {
    TestRepo.in(dir)
        .file(
            "setup.py",
            "from setuptools import setup\n\n"
                + "VERSION = '2.4.1'\n"
                + "REQUIRES = [\n"
                + "    'requests>=2.31',  # HTTP\n"
                + "    \"click\",\n"
                + "]\n"
                + "PYTHON = \">=3.9\"\n\n"
                + "setup(\n"
                + "    name=\"legacy-tool\",\n"
                + "    version=VERSION,\n"
                + "    python_requires=PYTHON,\n"
                + "    install_requires=REQUIRES,\n"
                + ")\n");
    PythonProject p = read(new RepoFiles(dir), "setup.py").orElseThrow();
    assertEquals("legacy-tool", p.name());
    assertEquals("2.4.1", p.version());
    assertEquals(">=3.9", p.requiresPython());
    assertEquals(
        List.of("requests", "click"), p.dependencies().stream().map(Requirement::name).toList());
  }

  @Test
  void setupPyValuesThatAreNotLiteralsGiveNothing() {
    TestRepo.in(dir)
        .file(
            "setup.py",
            "from setuptools import setup\n"
                + "VERSION = get_version()\n"
                + "setup(name='x', version=VERSION, install_requires=read('requirements.in')"
                + " + ['six'])\n");
    PythonProject p = read(new RepoFiles(dir), "setup.py").orElseThrow();
    assertEquals(null, p.version());
    assertTrue(p.dynamicVersion());
    assertEquals(List.of(), p.dependencies());
  }

  @Test
  void dependenciesTheVersioningHookWritesAreReadWithoutTheirVersionTemplates() {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [project]
            name = "app"
            dynamic = ["version", "dependencies"]

            [tool.hatch.metadata.hooks.uv-dynamic-versioning]
            dependencies = [
                "app-types=={{ version }}",
                "app-extra[fast]>=1.0,<={{ version }}; python_version >= '3.11'",
                "rich>=13",
            ]
            """);
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml").orElseThrow();
    List<Requirement> deps = p.dependencies();
    assertEquals(
        List.of("app-types", "app-extra", "rich"), deps.stream().map(Requirement::name).toList());
    assertEquals(
        List.of("", ">=1.0", ">=13"),
        deps.stream().map(r -> r.specifier() == null ? "" : r.specifier()).toList());
    assertEquals(List.of("fast"), deps.get(1).extras());
    assertTrue(deps.get(0).marker().equals(deps.get(2).marker()), "no marker on either");
    assertTrue(!deps.get(1).marker().equals(deps.get(0).marker()), "the marker stays");
    assertEquals(7, deps.get(0).line(), "the line of the string itself");
    assertEquals(List.of(), files.diagnostics(), "a template is not a malformed requirement");
  }

  @Test
  void dependenciesHatchRequirementsTxtReadsComeFromTheFilesItNames() {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [project]
            name = "app"
            version = "1.0"
            dynamic = ["dependencies"]

            [tool.hatch.metadata.hooks.requirements_txt]
            files = ["requirements/base.txt", "../outside.txt"]
            """)
        .file("requirements/base.txt", "click>=8 # the CLI\nrich\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml").orElseThrow();
    assertEquals(
        List.of("click", "rich"), p.dependencies().stream().map(Requirement::name).toList());
    assertEquals(1, files.diagnostics().size(), files.diagnostics().toString());
    assertTrue(files.diagnostics().get(0).message().contains("../outside.txt"));

    // Without files or filename, the hook reads requirements.txt.
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"app\"\nversion = \"1.0\"\ndynamic = [\"dependencies\"]\n\n"
                + "[tool.hatch.metadata.hooks.requirements_txt]\n")
        .file("requirements.txt", "httpx\n");
    assertEquals(
        List.of("httpx"),
        read(new RepoFiles(dir), "pyproject.toml").orElseThrow().dependencies().stream()
            .map(Requirement::name)
            .toList());
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
    assertEquals(PythonProject.TestRunner.PYTEST, p.testRunner());
    assertEquals(
        PythonProject.BuildBackend.NONE,
        p.buildBackend(),
        "no pyproject and no setup.py: nothing to build with");
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
    assertEquals(PythonProject.PackageManager.PIP, p.packageManager());
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
    assertEquals(PythonProject.PackageManager.POETRY, p.packageManager());
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

  /** Each requirement as {@code name file:line}. */
  private static List<String> whereRead(List<Requirement> requirements) {
    return requirements.stream().map(r -> r.name() + " " + r.file() + ":" + r.line()).toList();
  }

  @Test
  void eachRequirementKnowsTheFileAndLineItWasReadFrom() {
    TestRepo.in(dir)
        .file(
            "pkg/pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n"
                + "dependencies = [\n  \"rich\",\n  \"click\",\n]\n"
                + "[dependency-groups]\ntest = [\"pytest\"]\n")
        .file("pkg/requirements-dev.txt", "# tools\nruff \\\n  --hash=sha256:abc\nmypy\n")
        .file("legacy/setup.py", "from setuptools import setup\nsetup()\n")
        .file(
            "legacy/setup.cfg",
            "[metadata]\nname = legacy\n\n[options]\ninstall_requires =\n"
                + "    requests>=2\n    # pinned\n    idna\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p =
        PythonReader.read(files, "pkg", List.of("pyproject.toml", "requirements-dev.txt"))
            .orElseThrow();
    assertEquals(
        List.of("rich pkg/pyproject.toml:5", "click pkg/pyproject.toml:6"),
        whereRead(p.dependencies()));
    assertEquals(
        List.of("pytest pkg/pyproject.toml:9"), whereRead(p.dependencyGroups().get("test")));
    assertEquals(
        List.of("ruff pkg/requirements-dev.txt:2", "mypy pkg/requirements-dev.txt:4"),
        whereRead(p.requirementFiles().get(0).requirements()));
    PythonProject legacy =
        PythonReader.read(files, "legacy", List.of("setup.py", "setup.cfg")).orElseThrow();
    assertEquals(
        List.of("requests legacy/setup.cfg:6", "idna legacy/setup.cfg:8"),
        whereRead(legacy.dependencies()));
  }

  @Test
  void poetryDependenciesKnowTheirLineAndTypedMarkers() {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[tool.poetry]\nname = \"x\"\nversion = \"1\"\n"
                + "[tool.poetry.dependencies]\npython = \"^3.9\"\n"
                + "tomli = { version = \"^2\", python = \"<3.11\","
                + " markers = \"sys_platform == 'linux' or sys_platform == 'darwin'\" }\n"
                + "broken = { version = \"1\", markers = \"os_name = 'nt'\" }\n");
    RepoFiles files = new RepoFiles(dir);
    PythonProject p = read(files, "pyproject.toml").orElseThrow();
    Requirement tomli = p.dependencies().get(0);
    assertEquals(List.of("tomli pyproject.toml:6"), whereRead(p.dependencies()));
    assertEquals(
        "(sys_platform == \"linux\" or sys_platform == \"darwin\") and python_version < \"3.11\"",
        tomli.marker().toString());
    Diagnostic d = files.diagnostics().get(0);
    assertEquals(7, d.line(), d.toString());
    assertTrue(d.message().contains("not a PEP 508 marker"), d.toString());
  }

  private static final String SETUP_PY =
      "from setuptools import setup\nsetup(name=\"x\", version=\"1\")\n";

  /** A session's decorator name wins over its function's; a test session by that name is run. */
  @Test
  void aNoxSessionIsKnownByTheNameItsDecoratorGives() {
    TestRepo.in(dir)
        .file("setup.py", SETUP_PY)
        .file("tests/test_x.py", "def test_x():\n    pass\n")
        .file(
            "noxfile.py",
            "import nox\n\n@nox.session(name=\"lint\")\ndef tests(session):\n    pass\n\n"
                + "@nox.session(\n    python=[\"3.12\"],\n    name='unit',\n)\ndef check(session):\n"
                + "    pass\n");
    assertEquals(
        "unit",
        read(new RepoFiles(dir), "setup.py", "tests", "noxfile.py").orElseThrow().noxSession());
  }

  /**
   * A noxfile made to make a backtracking matcher take exponential time (a decorator followed by
   * many lines that are blank in two ways) is read in one pass. The timeout only guards against a
   * hang; the old pattern took hours on this input.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aHostileNoxfileIsReadInOnePass() {
    String block = "@session\n" + " \n".repeat(20) + "x\n";
    TestRepo.in(dir)
        .file("setup.py", SETUP_PY)
        .file("tests/test_x.py", "def test_x():\n    pass\n")
        .file("noxfile.py", block.repeat(20_000) + "@session\ndef tests(s):\n    pass\n");
    assertEquals(
        "tests",
        read(new RepoFiles(dir), "setup.py", "tests", "noxfile.py").orElseThrow().noxSession());
  }
}
