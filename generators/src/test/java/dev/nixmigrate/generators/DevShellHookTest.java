package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pip project's dev shell works in a virtual environment, since nixpkgs' Python refuses pip (PEP
 * 668): its shellHook, run by bash with this machine's python3 standing in for the Nix one, makes
 * and enters the environment, and pip then installs into it.
 */
class DevShellHookTest {
  @TempDir Path dir;

  @Test
  void thePipShellHookMakesAndEntersAVirtualEnvironment() throws Exception {
    Tools.require("python3");
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\nrequires-python = \">=3.11\"\n\n"
                + "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n");
    String flake =
        Generators.generate(RepoScanner.scan(dir), Options.defaults(), 3).file("flake.nix").text();
    int start = flake.indexOf("shellHook = ''\n") + "shellHook = ''\n".length();
    String hook = flake.substring(start, flake.indexOf("'';", start)).replace("''${", "${");
    assertTrue(hook.contains(".venv"), flake);
    String script =
        hook
            + "\npython -c 'import sys; assert sys.prefix != sys.base_prefix, sys.prefix'"
            + "\npython -m pip --version | grep -q \"$PWD/.venv\"\n";
    Processes.Result r =
        Processes.run(dir, List.of("bash", "-euo", "pipefail", "-c", script), null, 120);
    assertTrue(r.ok(), r.output());
    assertTrue(Files.isDirectory(dir.resolve(".venv")));
    // A second entry reuses it.
    Processes.Result again =
        Processes.run(dir, List.of("bash", "-euo", "pipefail", "-c", script), null, 120);
    assertTrue(again.ok(), again.output());
  }

  private static String hook(String flake) {
    int start = flake.indexOf("shellHook = ''\n") + "shellHook = ''\n".length();
    return flake.substring(start, flake.indexOf("'';", start)).replace("''${", "${");
  }

  @Test
  void ccachesBaseDirIsTheCheckoutsRoot() throws Exception {
    Tools.require("git");
    Path repo = dir.resolve("some checkout");
    TestRepo.in(repo)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(x CXX)\nadd_executable(x src/x.cc)\n")
        .file("src/x.cc", "int main() {}\n");
    TestRepo.commitAll(repo, "start");
    String flake =
        Generators.generate(RepoScanner.scan(repo), Options.defaults(), 3).file("flake.nix").text();
    String script = hook(flake) + "\nprintf %s \"$CCACHE_BASEDIR\"";
    Processes.Result r =
        Processes.run(
            repo.resolve("src"), List.of("bash", "-euo", "pipefail", "-c", script), null, 60);
    assertTrue(r.ok(), r.output());
    assertTrue(r.output().endsWith(repo.toRealPath().toString()), r.output());
  }
}
