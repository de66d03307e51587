package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python package's dependencies at step 4: they follow their environment markers (left out where
 * they cannot hold on Linux or Darwin with the chosen interpreter, written for one platform where
 * they hold only there), and a warning about one names the file and line it was read from.
 */
class PythonDependenciesTest {
  @TempDir Path scratch;

  /** typer's and watchfiles' shapes: Windows-only, backport and per-platform dependencies. */
  static Path markers(Path dir) {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "hatchling.build"
            requires = ["hatchling"]

            [project]
            name = "cli"
            version = "1.0"
            requires-python = ">=3.10"
            dependencies = [
              "rich",
              "colorama; sys_platform == 'win32'",
              "pywin32; platform_system == 'Windows' or os_name == 'nt'",
              "tomli; python_version < '3.11'",
              "uvloop; sys_platform != 'win32' and implementation_name == 'cpython'",
              "pyinotify; sys_platform == 'linux'",
              "appnope; platform_system == 'Darwin' and python_version >= '3.10'",
            ]
            """)
        .file("src/cli/__init__.py", "");
    return dir;
  }

  @Test
  void aDependencyIsListedWhereItsMarkerCanHold() throws Exception {
    Generators.Generation gen = StandInContracts.generate(markers(scratch.resolve("cli")));
    assertEquals(
        """
                {
                  cli = pkgs.python314.pkgs.buildPythonPackage {
                    pname = "cli";
                    version = "1.0";
                    pyproject = true;
                    src = ./.;
                    build-system = [
                      ps.hatchling
                    ];
                    dependencies = [
                      ps.rich
                      ps.uvloop
                    ]
                    ++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isLinux [
                      ps.pyinotify
                    ]
                    ++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isDarwin [
                      ps.appnope
                    ];
                  };

        """,
        StandInContracts.packageBlock(gen.file("flake.nix").text()));
    assertEquals(List.of(), gen.warnings(), "pywin32 is left out, so it is not warned about");
  }

  @Test
  void aWarningAboutADependencyNamesTheFileItCameFrom() throws Exception {
    Path dir = scratch.resolve("legacy");
    TestRepo.in(dir)
        .file("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n")
        .file("setup.py", "from setuptools import setup\nsetup()\n")
        .file(
            "setup.cfg",
            """
            [metadata]
            name = legacy
            version = 1.0

            [options]
            install_requires =
                rich
                no-such-package-in-nixpkgs>=1
            """)
        .file("legacy/__init__.py", "");
    Generators.Generation gen = StandInContracts.generate(dir);
    assertEquals(
        List.of(
            "setup.cfg: dependency no-such-package-in-nixpkgs (line 8) has no python3Packages"
                + " attribute nixmigrate knows; it is listed in a comment in flake.nix"),
        gen.warnings().stream().map(Warning::toString).toList());
  }
}
