package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python package at step 4 keeps the contracts of nixpkgs' Python hooks: every build requirement
 * in {@code build-system}, every runtime requirement in {@code dependencies}, and a PEP 440 version
 * where a setup hook hands the version to the backend.
 */
class PythonPackageTest {
  @TempDir static Path scratch;

  static StandInContracts nix;

  @BeforeAll
  static void standIn() throws Exception {
    nix = new StandInContracts(scratch);
  }

  /** platformdirs' shape: hatchling with hatch-vcs, the version from git tags. */
  private static Path hatchVcs(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "hatchling.build"
            requires = ["hatch-vcs>=0.4", "hatchling>=1.25", "no-such-plugin-in-nixpkgs"]

            [project]
            name = "dirs"
            dynamic = ["version"]
            requires-python = ">=3.11"
            dependencies = [
              "annotated-doc>=0.0.2",
              "rich>=13",
              "tomli; python_version < '3.11'",
            ]

            [project.optional-dependencies]
            test = ["pytest>=8", "pytest-mock>=3", "rich"]

            [tool.hatch.version]
            source = "vcs"
            """)
        .file("src/dirs/__init__.py", "")
        .file("tests/test_dirs.py", "def test_dirs():\n    pass\n");
    return dir;
  }

  @Test
  void everyBuildRequirementNixpkgsHasIsInBuildSystemAndAGitVersionIsPep440() throws Exception {
    Path dir = hatchVcs("hatch-vcs");
    Generators.Generation gen = StandInContracts.generate(dir);
    assertEquals(
        """
                {
                  # build requirement not in nixpkgs' python3Packages: no-such-plugin-in-nixpkgs
                  # a version read from git is this one: the Nix source has no .git and hatch-vcs's hook passes the package's version; set the release's
                  dirs = pkgs.python314.pkgs.buildPythonPackage {
                    pname = "dirs";
                    version = "0.0.0+unstable";
                    pyproject = true;
                    src = ./.;
                    build-system = [
                      ps.hatchling
                      ps.hatch-vcs
                    ];
                    dependencies = [
                      ps.annotated-doc
                      ps.rich
                    ];
                    nativeCheckInputs = [
                      ps.pytestCheckHook
                      ps.pytest-mock
                    ];
                  };

        """,
        StandInContracts.packageBlock(gen.file("flake.nix").text()));
    assertTrue(
        gen.warnings().stream().anyMatch(w -> w.toString().contains("no-such-plugin-in-nixpkgs")),
        gen.warnings().toString());
    assertTrue(
        gen.warnings().stream()
            .anyMatch(
                w ->
                    w.toString()
                        .startsWith("pyproject.toml: the version is computed at build time")),
        gen.warnings().toString());
  }

  /** Two Python projects whose requires-python admit no common interpreter. */
  private static Path twoPythons(String name) {
    Path dir = scratch.resolve(name);
    String manifest =
        """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "%s"
        version = "1.0"
        requires-python = "%s"
        dependencies = ["%s"]
        """;
    TestRepo.in(dir)
        .file("legacy/pyproject.toml", manifest.formatted("legacy", ">=3.10,<3.12", "rich"))
        .file("legacy/src/legacy/__init__.py", "")
        .file("current/pyproject.toml", manifest.formatted("current", ">=3.13", "click"))
        .file("current/src/current/__init__.py", "");
    return dir;
  }

  /**
   * Each Python package takes its dependencies from its own interpreter's package set, which
   * nixpkgs' validatePythonMatches checks; one set for both is a Python version mismatch.
   */
  @Test
  void eachPythonPackageUsesThePackageSetOfItsOwnInterpreter() throws Exception {
    Path dir = twoPythons("two-pythons");
    String flake = StandInContracts.flake(dir);
    assertTrue(flake.contains("pkgs.python311.pkgs.buildPythonPackage"), flake);
    assertTrue(flake.contains("pkgs.python314.pkgs.buildPythonPackage"), flake);
    nix.evaluates(dir);
    // The broken generator: one package set for both.
    Path broken = twoPythons("two-pythons-one-set");
    String text = StandInContracts.flake(broken);
    String own = "ps = pkgs.python311Packages;";
    assertTrue(text.contains(own), text);
    Files.writeString(
        broken.resolve("flake.nix"), text.replace(own, "ps = pkgs.python314Packages;"));
    String out = nix.failingChecks(broken).output();
    assertTrue(out.contains("Python version mismatch in legacy"), out);
  }

  /**
   * mcp's shape: a uv workspace whose root package's dependencies, written by
   * uv-dynamic-versioning's metadata hook, include a member released with it.
   */
  private static Path workspace(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [project]
            name = "app"
            dynamic = ["version", "dependencies"]
            requires-python = ">=3.11"

            [build-system]
            requires = ["hatchling", "uv-dynamic-versioning"]
            build-backend = "hatchling.build"

            [tool.hatch.version]
            source = "uv-dynamic-versioning"

            [tool.hatch.metadata.hooks.uv-dynamic-versioning]
            dependencies = ["app-types=={{ version }}", "rich>=13"]

            [tool.uv.workspace]
            members = ["src/app-types"]
            """)
        .file("src/app/__init__.py", "")
        .file(
            "src/app-types/pyproject.toml",
            """
            [project]
            name = "app_types"
            version = "1.0"
            requires-python = ">=3.11"

            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"
            """)
        .file("src/app-types/src/app_types/__init__.py", "");
    return dir;
  }

  /**
   * A dependency on another Python project of the repository is that package of the flake: nixpkgs
   * has no such package, and the runtime-dependency check stops a build that lacks it.
   */
  @Test
  void aDependencyOnAProjectOfTheRepositoryIsThatPackageOfTheFlake() throws Exception {
    Path dir = workspace("workspace");
    String flake = StandInContracts.flake(dir);
    // The member's attribute is its name as written, app_types; its dependency is app-types.
    String sibling = "self.packages.${pkgs.stdenv.hostPlatform.system}.app_types";
    String app = flake.substring(flake.indexOf("app = "), flake.indexOf("app_types = "));
    assertTrue(app.contains("dependencies = [\n") && app.contains(sibling), flake);
    assertTrue(app.contains("ps.rich"), flake);
    nix.evaluates(dir);
    // The broken generator: the member left out, as a name nixpkgs does not have.
    Path broken = workspace("workspace-without-member");
    String text = StandInContracts.flake(broken);
    Files.writeString(broken.resolve("flake.nix"), text.replace(sibling + "\n", ""));
    String out = nix.failingChecks(broken).output();
    assertTrue(out.contains("dependency app-types of pyproject.toml is not given"), out);
  }

  /** A project whose dependencies cap their versions. */
  private static Path capped(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "capped"
            version = "1.0"
            dependencies = ["Rich>=13,<15", "click==8.1.7", "annotated-doc>=0.0.2", "typer~=0.12"]
            """)
        .file("src/capped/__init__.py", "");
    return dir;
  }

  /**
   * A dependency that caps its version goes through pythonRelaxDeps: nixpkgs' version moves with
   * the channel, and its runtime-dependency check would stop the build once past the cap.
   */
  @Test
  void cappedDependenciesAreRelaxedAndOnlyThey() throws Exception {
    Path dir = capped("capped");
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(
        block.contains(
            "            pythonRelaxDeps = [\n"
                + "              \"Rich\"\n"
                + "              \"click\"\n"
                + "              \"typer\"\n"
                + "            ];\n"),
        block);
    assertTrue(block.contains("# pythonRelaxDeps: nixpkgs' versions move"), block);
    nix.evaluates(dir);
    nix.breaks(
        capped("capped-unrelaxed"),
        "              \"click\"\n",
        "",
        "dependency click of pyproject.toml caps its version");
  }

  @Test
  void aBrokenGeneratorFailsEachPythonContract() throws Exception {
    Path ok = withoutUnknownPlugin(hatchVcs("python-ok"));
    StandInContracts.flake(ok);
    nix.evaluates(ok);
    // A build requirement nixpkgs lacks fails there too: the warning says to add it.
    nix.breaks(
        hatchVcs("python-no-plugin"),
        "ps.hatch-vcs\n",
        "ps.hatch-vcs\n",
        "build requirement no-such-plugin-in-nixpkgs of pyproject.toml is not given");
    nix.breaks(
        withoutUnknownPlugin(hatchVcs("python-build-system")),
        "ps.hatch-vcs\n",
        "",
        "build requirement hatch-vcs of pyproject.toml is not given");
    nix.breaks(
        withoutUnknownPlugin(hatchVcs("python-deps")),
        "ps.annotated-doc\n",
        "",
        "dependency annotated-doc of pyproject.toml is not given");
    nix.breaks(
        withoutUnknownPlugin(hatchVcs("python-version")),
        "version = \"0.0.0+unstable\";",
        "version = \"0-unstable\";",
        "hatch-vcs's setup hook passes version \"0-unstable\" to the build");
    nix.breaks(
        withoutUnknownPlugin(hatchVcs("python-check-inputs")),
        "ps.pytest-mock\n",
        "",
        "test requirement pytest-mock of pyproject.toml is not given");
  }

  @Test
  void testsThatImportModulesCMakeBuildsAreOffInThePackageWithTheReason() throws Exception {
    Path dir = scratch.resolve("cmake-tests");
    TestRepo.in(dir)
        .file("pyproject.toml", CMakeBuiltTestsTest.PYPROJECT)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.15)\nproject(binder LANGUAGES CXX)\n"
                + "option(BINDER_TEST \"tests\" ON)\nif(BINDER_TEST)\n  add_subdirectory(tests)\nendif()\n")
        .file("tests/CMakeLists.txt", "add_library(test_ext MODULE ext.cpp)\n")
        .file("tests/ext.cpp", "")
        .file("tests/test_ext.py", "import test_ext\n");
    Generators.Generation gen = StandInContracts.generate(dir);
    String block = StandInContracts.packageBlock(gen.file("flake.nix").text());
    assertTrue(
        block.contains(
            "# the tests import modules tests/CMakeLists.txt builds, which the wheel lacks:"
                + " doCheck is off\n"),
        block);
    assertTrue(
        block.contains(
            "nativeCheckInputs = [\n              ps.pytestCheckHook\n            ];\n"
                + "            doCheck = false;\n"),
        block);
    assertTrue(
        gen.warnings().stream()
            .anyMatch(w -> w.toString().startsWith("tests/CMakeLists.txt: builds the")),
        gen.warnings().toString());
    nix.evaluates(dir);
  }

  @Test
  void platformListsOfDependenciesEvaluateOnEverySystem() throws Exception {
    Path dir = PythonDependenciesTest.markers(scratch.resolve("markers"));
    StandInContracts.generate(dir);
    nix.evaluates(dir);
  }

  private static Path withoutUnknownPlugin(Path dir) throws Exception {
    Path toml = dir.resolve("pyproject.toml");
    Files.writeString(toml, Files.readString(toml).replace(", \"no-such-plugin-in-nixpkgs\"", ""));
    return dir;
  }
}
