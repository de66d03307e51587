package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands CI and the justfile run, decided from what the manifests say. */
class CommandPlannerTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "2.8.12, true",
    "3.0, true",
    "3.4.3, true",
    "3.5, false",
    "3.10, false",
    "3.5...3.28, false",
    "2.8...3.20, true",
    "4.0, false"
  })
  void oldMinimumVersionsGetCMakesPolicyFloor(String minimum, boolean floor) throws Exception {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION "
                + minimum
                + ")\nproject(x CXX)\nenable_testing()\nadd_executable(x x.cc)\nadd_test(NAME x COMMAND x)\n")
        .file("x.cc", "int main() {}\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(
        floor, c.build().get(0).endsWith(" " + CommandPlanner.POLICY_FLOOR), c.build().toString());
    assertEquals(
        floor, c.lint().get(0).endsWith(" " + CommandPlanner.POLICY_FLOOR), c.lint().toString());
    assertEquals(List.of("ctest --test-dir build --output-on-failure --no-tests=error"), c.test());
  }

  @Test
  void uvInstallsTheTestGroupBesidesTheDefaultOne() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\nrequires-python = \">=3.11\"\n\n"
                + "[dependency-groups]\ndev = [\"ruff\"]\ntest = [\"pytest\"]\ndocs = [\"sphinx\"]\n\n"
                + "[tool.uv]\n\n[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n")
        .file("uv.lock", "version = 1\n")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertTrue(
        c.setup().contains("uv sync --locked --all-extras --group test"), c.setup().toString());
    assertFalse(String.join(" ", c.setup()).contains("docs"), c.setup().toString());
  }

  private static final String CRATE =
      "[package]\nname = \"c\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  @Test
  void testRequirementsKeptBesideTheTestsAreInstalledBeforeTheTests() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n\n"
                + "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n")
        .file("x/__init__.py", "")
        .file("tests/requirements.txt", "pytest>=8\nhypothesis\n")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    List<String> setup = c.setup();
    int reqs = setup.indexOf("python -m pip install -r tests/requirements.txt");
    assertTrue(reqs > setup.indexOf("python -m pip install -e ."), setup.toString());
    // pytest is what the file asks for, so the tests run with it.
    assertEquals(List.of("python -m pytest"), c.test());

    // A root test-requirements.txt, with a hyphen in its name, is read as well.
    TestRepo.in(dir).file("test-requirements.txt", "-r tests/requirements.txt\ncoverage\n");
    setup = CommandPlanner.plan(RepoScanner.scan(dir)).get(0).setup();
    assertTrue(setup.contains("python -m pip install -r test-requirements.txt"), setup.toString());
    // A requirements file for the project itself is not a test file.
    TestRepo.in(dir).file("requirements.txt", "requests\n");
    setup = CommandPlanner.plan(RepoScanner.scan(dir)).get(0).setup();
    assertFalse(setup.contains("python -m pip install -r requirements.txt"), setup.toString());
  }

  /** A setup.py package with a test, in {@code dir}. */
  private TestRepo setupPyProject() {
    return TestRepo.in(dir)
        .file(
            "setup.py",
            "from setuptools import setup\nsetup(name=\"x\", version=\"1\", packages=[\"x\"])\n")
        .file("x/__init__.py", "")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
  }

  @Test
  void testsUpstreamRunsThroughToxRunThroughTox() throws Exception {
    setupPyProject()
        .file(
            "tox.ini",
            "[tox]\nenvlist = py311,py312\n\n[testenv]\ndeps =\n    pytest\n    hypothesis\n"
                + "commands =\n    pytest {posargs}\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("python -m tox -e py"), c.test());
    assertTrue(c.setup().contains("python -m pip install tox"), c.setup().toString());

    // A tox.ini whose test environment runs no test runner (a lint-only tox) is not how the
    // tests run.
    TestRepo.in(dir)
        .file("tox.ini", "[tox]\nenvlist = lint\n\n[testenv]\ncommands =\n    flake8 x\n");
    assertEquals(
        List.of("python -m unittest"), CommandPlanner.plan(RepoScanner.scan(dir)).get(0).test());
  }

  /**
   * A noxfile session named as test sessions are is how the tests run, with this interpreter; the
   * noxfile is read as text, and a session by another name is not taken for the tests.
   */
  @Test
  void aNoxTestSessionRunsTheTestsWithThisInterpreter() throws Exception {
    setupPyProject()
        .file(
            "noxfile.py",
            "import nox\n\n\n@nox.session(reuse_venv=True)\ndef lint(session):\n    pass\n\n\n"
                + "@nox.session(\n    python=[\"3.9\", \"3.12\"],\n)\n@nox.parametrize(\"x\", [1])\n"
                + "def unit(session: nox.Session, x) -> None:\n    session.run(\"pytest\")\n\n\n"
                + "def tests(session):  # not a session: no decorator\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("python -m nox -s unit --force-python python"), c.test());
    assertTrue(c.setup().contains("python -m pip install nox"), c.setup().toString());
    assertEquals(
        "unit", RepoScanner.scan(dir).projects().get(0).python().orElseThrow().noxSession());

    // Only a lint session: the tests run as they would without nox.
    TestRepo.in(dir)
        .file("noxfile.py", "import nox\n\n@nox.session\ndef lint(session):\n    pass\n");
    assertEquals(
        List.of("python -m unittest"), CommandPlanner.plan(RepoScanner.scan(dir)).get(0).test());
    // tox wins over nox.
    TestRepo.in(dir)
        .file("noxfile.py", "import nox\n\n@nox.session\ndef tests(session):\n    pass\n")
        .file("tox.ini", "[testenv]\ndeps = pytest\ncommands = pytest\n");
    assertEquals(
        List.of("python -m tox -e py"), CommandPlanner.plan(RepoScanner.scan(dir)).get(0).test());
  }

  @Test
  void warningsFailClippyOnlyOnAPinnedToolchain() throws Exception {
    TestRepo.in(dir).file("Cargo.toml", CRATE).file("src/lib.rs", "");
    String lint = String.join("\n", CommandPlanner.plan(RepoScanner.scan(dir)).get(0).lint());
    assertFalse(lint.contains("-D warnings"), lint);
    for (String channel : List.of("1.85.0", "1.85", "nightly-2025-01-01")) {
      TestRepo.in(dir).file("rust-toolchain.toml", "[toolchain]\nchannel = \"" + channel + "\"\n");
      lint = String.join("\n", CommandPlanner.plan(RepoScanner.scan(dir)).get(0).lint());
      assertTrue(lint.contains("cargo clippy --all-targets -- -D warnings"), channel + ": " + lint);
    }
    TestRepo.in(dir).file("rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n");
    lint = String.join("\n", CommandPlanner.plan(RepoScanner.scan(dir)).get(0).lint());
    assertFalse(lint.contains("-D warnings"), lint);
  }

  @Test
  void benchesThatNeedNightlyAreLeftOutOfTheBuild() throws Exception {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("src/lib.rs", "")
        .file("benches/criterion.rs", "fn main() {}\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("cargo build --all-targets"), c.build());
    TestRepo.in(dir).file("benches/parse.rs", "#![feature(test)]\nextern crate test;\n");
    c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("cargo build --tests --examples"), c.build());
    assertTrue(c.lint().get(1).startsWith("cargo clippy --tests --examples"), c.lint().toString());
  }

  private static final String MATURIN =
      "[build-system]\nrequires = [\"maturin>=1,<2\"]\nbuild-backend = \"maturin\"\n\n"
          + "[project]\nname = \"fastsum\"\nversion = \"1.0\"\n";

  /** The Rust part's commands of a maturin package whose crate has {@code cargo}. */
  private ProjectCommands maturinCrate(String cargo) throws Exception {
    TestRepo.in(dir)
        .file("pyproject.toml", MATURIN)
        .file("Cargo.toml", cargo)
        .file("src/lib.rs", "")
        .file("tests/test_sum.py", "def test_sum():\n    pass\n");
    return CommandPlanner.plan(RepoScanner.scan(dir)).stream()
        .filter(c -> c.kind().equals("rust"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPyo3ExtensionModuleIsBuiltAsALibraryAndTestedThroughPython() throws Exception {
    String pkg = "[package]\nname = \"fastsum\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n";
    String lib = "[lib]\ncrate-type = [\"cdylib\"]\n\n";
    // In the dependency itself, in a [dependencies.pyo3] table, and through a default feature.
    for (String deps :
        List.of(
            "[dependencies]\npyo3 = { version = \"0.25\", features = [\"extension-module\"] }\n",
            "[dependencies.pyo3]\nversion = \"0.25\"\nfeatures = [\"abi3-py39\", \"extension-module\"]\n",
            "[dependencies]\npyo3 = \"0.25\"\n\n[features]\ndefault = [\"python\"]\n"
                + "python = [\"pyo3/extension-module\"]\n")) {
      ProjectCommands c = maturinCrate(pkg + lib + deps);
      assertEquals(List.of("cargo build --lib"), c.build(), deps);
      assertEquals(List.of(), c.test(), deps);
    }
    // Turned on by maturin (pyproject's [tool.maturin] features), cargo test links as usual.
    ProjectCommands plain = maturinCrate(pkg + lib + "[dependencies]\npyo3 = \"0.25\"\n");
    assertEquals(List.of("cargo test"), plain.test());
  }

  @Test
  void theWorkspacesOtherCratesAreStillTested() throws Exception {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[workspace]\nmembers = [\"py\", \"core\"]\nresolver = \"2\"\n\n"
                + "[workspace.dependencies]\n"
                + "pyo3 = { version = \"0.25\", features = [\"extension-module\"] }\n")
        .file(
            "py/Cargo.toml",
            "[package]\nname = \"fastsum-py\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\npyo3 = { workspace = true }\n")
        .file("py/src/lib.rs", "")
        .file(
            "core/Cargo.toml",
            "[package]\nname = \"fastsum-core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n")
        .file("core/src/lib.rs", "");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(
        List.of(
            "cargo build -p fastsum-py --lib",
            "cargo build --workspace --all-targets --exclude fastsum-py"),
        c.build());
    assertEquals(List.of("cargo test --workspace --exclude fastsum-py"), c.test());
  }

  private static final String TEST_EXTRA =
      "[project]\nname = \"x\"\nversion = \"1\"\n\n"
          + "[project.optional-dependencies]\ntest = [\"pytest\", \"appdirs\"]\n\n";

  @Test
  void pipAndHatchInstallTheTestExtra() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            TEST_EXTRA
                + "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertTrue(c.setup().contains("python -m pip install -e '.[test]'"), c.setup().toString());
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            TEST_EXTRA
                + "[tool.hatch.envs.test]\nfeatures = [\"test\"]\n\n"
                + "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n");
    c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("hatch build"), c.build());
    assertTrue(c.setup().contains("python -m pip install -e '.[test]'"), c.setup().toString());
    assertEquals(List.of("python -m pytest"), c.test());
  }

  @Test
  void pdmInstallsOnlyTheTestGroupNotTheDocs() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n\n"
                + "[dependency-groups]\ndocs = [\"mkdocs\"]\ntests = [\"pytest\"]\n"
                + "dev = [{ include-group = \"tests\" }, { include-group = \"docs\" }]\n\n"
                + "[tool.pdm]\n\n"
                + "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n")
        .file("pdm.lock", "")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("pdm install --dev --group tests"), c.setup());
  }

  @Test
  void theProjectsOwnTestScriptRunsTheTestsWithItsEnvironment() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\n\n"
                + "[dependency-groups]\ntests = [\"pytest\"]\n\n[tool.pdm]\n\n"
                + "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n")
        .file("pdm.lock", "")
        .file("tests/test_x.py", "def test_x():\n    pass\n")
        .file(
            "scripts/test.sh",
            "#!/usr/bin/env bash\nset -e\n# pytest with a wide terminal\n"
                + "export TERMINAL_WIDTH=3000\npytest --showlocals ${@}\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("pdm run bash scripts/test.sh"), c.test());

    // A script that only mentions pytest (in a comment, in an echo) is not the test runner.
    Files.writeString(
        dir.resolve("scripts/test.sh"), "#!/bin/sh\n# run pytest by hand\necho 'use pytest'\n");
    c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("pdm run pytest"), c.test());

    Files.writeString(dir.resolve("scripts/test.sh"), "coverage run -m pytest tests\n");
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\nversion = \"1\"\n");
    Files.delete(dir.resolve("pdm.lock"));
    c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(List.of("bash scripts/test.sh"), c.test(), "pip: the script on setup's Python");
  }

  @Test
  void aCMakeTreeThatScikitBuildCoreDrivesIsBuiltOnlyThroughPython() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"ext\"\nversion = \"1\"\n\n"
                + "[build-system]\nrequires = [\"scikit-build-core\", \"pybind11\"]\n"
                + "build-backend = \"scikit_build_core.build\"\n")
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.15)\nproject(ext LANGUAGES CXX)\n"
                + "find_package(Python COMPONENTS Interpreter Development.Module REQUIRED)\n")
        .file("tests/test_ext.py", "def test_x():\n    pass\n");
    List<ProjectCommands> plan = CommandPlanner.plan(RepoScanner.scan(dir));
    assertEquals(List.of("python"), plan.stream().map(ProjectCommands::kind).toList());
    assertEquals(List.of("python -m build"), plan.get(0).build());
  }

  @Test
  void aCMakeProjectWithoutInstallRulesInstallsAndUploadsNothing() throws Exception {
    String top = "cmake_minimum_required(VERSION 3.16)\nproject(t C)\nadd_executable(t t.c)\n";
    TestRepo.in(dir).file("CMakeLists.txt", top).file("t.c", "int main(void) { return 0; }\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(
        List.of("cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release", "cmake --build build"),
        c.build());
    assertEquals(List.of(), c.artifacts());

    TestRepo.in(dir).file("CMakeLists.txt", top + "install(TARGETS t)\n");
    c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals("cmake --install build --prefix install", c.build().get(2));
    assertEquals(List.of("install/"), c.artifacts());
  }

  @Test
  void testsBehindAnOffOptionAreConfiguredWithItOn() throws Exception {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.16)\nproject(t C)\n"
                + "option(T_BUILD_TESTS \"tests\" OFF)\n"
                + "if(T_BUILD_TESTS)\n enable_testing()\n add_test(NAME t COMMAND t)\nendif()\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(
        "cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DT_BUILD_TESTS=ON",
        c.build().get(0));
    assertEquals(List.of("ctest --test-dir build --output-on-failure --no-tests=error"), c.test());
  }
}
