package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Libraries loaded at run time, which no RPATH finds in a Nix shell, are on the dev shell's
 * LD_LIBRARY_PATH on Linux alone: the C++ runtime and zlib for PyPI's wheels, the window system's
 * libraries for crates that draw windows. Evaluated for real against the stand-in nixpkgs.
 */
class RuntimeLibrariesTest {
  @TempDir static Path scratch;

  static NixTool nix;

  @BeforeAll
  static void standIn() throws Exception {
    nix = new NixTool(scratch);
  }

  private static String flake(Path dir) throws Exception {
    Generators.Generation gen = Generators.generate(RepoScanner.scan(dir), Options.defaults(), 3);
    for (GeneratedFile f : gen.files()) {
      Files.createDirectories(dir.resolve(f.path()).getParent());
      Files.writeString(dir.resolve(f.path()), f.text());
    }
    return gen.file("flake.nix").text();
  }

  private static String libraryPath(Path dir, String system) throws Exception {
    Processes.Result r =
        nix.eval(dir, "devShells." + system + ".default.passthru.env.LD_LIBRARY_PATH");
    assertTrue(r.ok(), r.output());
    // The value is the last line; Nix's warnings come before it.
    String[] lines = r.output().strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void wheelsGetTheCppRuntimeAndZlibOnLinuxOnly() throws Exception {
    Path dir = scratch.resolve("wheels");
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
                + "[project]\nname = \"numeric\"\nversion = \"1.0\"\ndependencies = [\"numpy\"]\n");
    String flake = flake(dir);
    assertTrue(
        flake.contains(
            "              LD_LIBRARY_PATH = pkgs.lib.optionalString pkgs.stdenv.hostPlatform.isLinux (\n"
                + "                pkgs.lib.makeLibraryPath [\n"
                + "                  pkgs.stdenv.cc.cc.lib\n"
                + "                  pkgs.zlib\n"
                + "                ]\n"
                + "              );\n"),
        flake);
    String linux = libraryPath(dir, "x86_64-linux");
    assertTrue(linux.contains("gcc-lib/lib:") && linux.contains("zlib/lib"), linux);
    assertEquals("\"\"", libraryPath(dir, "aarch64-darwin"));
  }

  @Test
  void aCrateThatDrawsWindowsGetsTheWindowSystemsLibraries() throws Exception {
    Path dir = scratch.resolve("window");
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"viewer\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nwinit = \"0.30\"\n")
        .file("src/main.rs", "fn main() {}\n");
    flake(dir);
    String linux = libraryPath(dir, "x86_64-linux");
    for (String lib :
        new String[] {"wayland", "libxkbcommon", "libx11", "libGL", "vulkan-loader"}) {
      assertTrue(linux.contains("-" + lib + "/lib"), lib + ": " + linux);
    }
    assertFalse(linux.contains("gcc-lib"), "no Python here: " + linux);
  }

  @Test
  void aCrateThatDrawsNothingSetsNoLibraryPath() throws Exception {
    Path dir = scratch.resolve("plain");
    TestRepo.in(dir)
        .file("Cargo.toml", "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file("src/main.rs", "fn main() {}\n");
    assertFalse(flake(dir).contains("LD_LIBRARY_PATH"));
  }
}
