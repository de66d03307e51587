package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated flake parses with {@code nix-instantiate --parse} and evaluates with the real Nix
 * evaluator for every supported system against a nixpkgs stand-in built from the checked attribute
 * names; every {@code .envrc} passes shellcheck.
 */
class FlakeEvalTest {
  @TempDir static Path scratch;
  static NixTool nix;

  @BeforeAll
  static void standIn() throws IOException {
    nix = new NixTool(scratch);
  }

  static java.util.stream.Stream<String> examples() {
    return Examples.NAMES.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void devShellEvaluatesOnEverySystem(String example) throws Exception {
    Path dir = Examples.materialize(example, 3, scratch);
    Processes.Result parsed = nix.parse(dir.resolve("flake.nix"));
    assertTrue(parsed.ok(), parsed.output());
    for (String system : Options.defaults().systems()) {
      Processes.Result shell = nix.eval(dir, "devShells." + system + ".default.drvPath");
      assertTrue(shell.ok(), system + ": " + shell.output());
      Processes.Result formatter = nix.eval(dir, "formatter." + system + ".formatsTree");
      assertTrue(
          formatter.ok() && formatter.output().lines().anyMatch("true"::equals),
          formatter.output());
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void packagesAndChecksEvaluateOnEverySystem(String example) throws Exception {
    Path dir = Examples.materialize(example, 4, scratch);
    boolean packages =
        Files.readString(dir.resolve("flake.nix")).contains("packages = forEachSupportedSystem");
    for (String system : Options.defaults().systems()) {
      if (packages) {
        Processes.Result def = nix.eval(dir, "packages." + system + ".default.drvPath");
        assertTrue(def.ok(), system + ": " + def.output());
      }
      Processes.Result checks =
          nix.evalApply(dir, "checks." + system, "cs: map (c: c.drvPath) (builtins.attrValues cs)");
      assertTrue(checks.ok() || !packages, system + ": " + checks.output());
      Processes.Result shell = nix.eval(dir, "devShells." + system + ".default.drvPath");
      assertTrue(shell.ok(), system + ": " + shell.output());
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void envrcPassesShellcheck(String example) throws Exception {
    Path shellcheck = Tools.require("shellcheck");
    Path dir = Examples.materialize(example, 3, scratch);
    Processes.Result r = Processes.run(dir, shellcheck.toString(), ".envrc");
    assertTrue(r.ok(), r.output());
  }

  @Test
  void aFlakeWithNixConfigStillEvaluates() throws Exception {
    Path dir = Examples.materialize("python-uv", 5, scratch.resolve("nixconfig"));
    assertTrue(Files.readString(dir.resolve("flake.nix")).contains("nixConfig"));
    assertTrue(nix.parse(dir.resolve("flake.nix")).ok());
    Processes.Result r = nix.eval(dir, "packages.x86_64-linux.default.drvPath");
    assertTrue(r.ok(), r.output());
  }

  @Test
  void anInventedAttributeFailsEvaluation() throws Exception {
    Path dir = Examples.materialize("python-uv", 3, scratch.resolve("negative"));
    String flake = Files.readString(dir.resolve("flake.nix"));
    Files.writeString(
        dir.resolve("flake.nix"), flake.replace("pkgs.just", "pkgs.nixfmt-rfc-style"));
    Processes.Result r = nix.eval(dir, "devShells.x86_64-linux.default.drvPath");
    assertFalse(r.ok(), "a deprecated alias must not evaluate: " + r.output());
    assertTrue(r.output().contains("nixfmt-rfc-style"), r.output());
  }

  @Test
  void everyMappedLibraryOfARichRepositoryEvaluates() throws Exception {
    Path dir = scratch.resolve("rich");
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "project(rich CXX)\nfind_package(Boost)\nfind_package(Qt6 COMPONENTS Widgets Svg Quick)\n"
                + "find_package(OpenMP)\nfind_package(pybind11)\nfind_package(Protobuf)\nfind_package(CURL)\n"
                + "find_package(PkgConfig)\npkg_check_modules(G glib-2.0 gtk4 libsystemd)\n")
        .file(
            "Cargo.toml",
            "[package]\nname = \"r\"\nversion = \"0.1.0\"\n[dependencies]\n"
                + "openssl-sys = \"0.9\"\nlibgit2-sys = \"0.18\"\nrusqlite = \"0.31\"\nzstd-sys = \"2\"\n")
        .file(
            "py/pyproject.toml",
            "[project]\nname = \"p\"\nversion = \"1\"\ndependencies = [\"lxml\", \"psycopg2\", \"pillow\"]\n");
    var facts = dev.nixmigrate.core.RepoScanner.scan(dir);
    var gen = Generators.generate(facts, Options.defaults(), 3);
    for (GeneratedFile f : gen.files()) {
      Files.createDirectories(dir.resolve(f.path()).getParent());
      Files.writeString(dir.resolve(f.path()), f.text());
    }
    String flake = Files.readString(dir.resolve("flake.nix"));
    assertTrue(flake.contains("pkgs.qt6.qtbase") && flake.contains("pkgs.libgit2"), flake);
    assertTrue(flake.contains("pkgs.qt6.qtsvg") && flake.contains("pkgs.qt6.qtdeclarative"), flake);
    Processes.Result r = nix.eval(dir, "devShells.x86_64-linux.default.drvPath");
    assertTrue(r.ok(), r.output());
  }

  /**
   * Libraries nixpkgs builds for Linux only go in a Linux-only part of the shell and of the
   * package, so that both evaluate on macOS too; the stand-in, like nixpkgs' check-meta.nix, fails
   * a macOS evaluation that uses one, which the same flake with the part removed shows.
   */
  @Test
  void linuxOnlyLibrariesAreLinuxOnlyInTheFlake() throws Exception {
    Path dir = scratch.resolve("sound");
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(sound C)\n"
                + "find_package(PkgConfig REQUIRED)\npkg_check_modules(ALSA REQUIRED alsa)\n"
                + "find_package(ZLIB REQUIRED)\nadd_executable(sound main.c)\n"
                + "install(TARGETS sound)\n")
        .file("main.c", "int main(void) { return 0; }\n");
    var gen = Generators.generate(dev.nixmigrate.core.RepoScanner.scan(dir), Options.defaults(), 4);
    for (GeneratedFile f : gen.files()) {
      Files.createDirectories(dir.resolve(f.path()).getParent());
      Files.writeString(dir.resolve(f.path()), f.text());
    }
    String flake = Files.readString(dir.resolve("flake.nix"));
    assertTrue(flake.contains("++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isLinux [\n"), flake);
    for (String system : Options.defaults().systems()) {
      for (String attr :
          List.of("devShells." + system + ".default", "packages." + system + ".default")) {
        Processes.Result r = nix.eval(dir, attr + ".drvPath");
        assertTrue(r.ok(), attr + ": " + r.output());
      }
    }
    // The same flake naming alsa-lib for every system does not evaluate on macOS.
    Files.writeString(
        dir.resolve("flake.nix"),
        flake.replace("++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isLinux [", "++ ["));
    Processes.Result broken = nix.eval(dir, "devShells.aarch64-darwin.default.drvPath");
    assertFalse(broken.ok(), broken.output());
    assertTrue(
        broken.output().contains("not available on the requested hostPlatform"), broken.output());
  }
}
