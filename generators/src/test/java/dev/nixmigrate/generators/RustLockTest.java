package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cargo.lock that takes crates from git: nixpkgs' importCargoLock refuses each at evaluation
 * without a hash, so step 4's package lets it fetch them by their locked commit, and says so.
 */
class RustLockTest {
  @TempDir static Path scratch;

  static StandInContracts nix;

  @BeforeAll
  static void standIn() throws Exception {
    nix = new StandInContracts(scratch);
  }

  private static final String LOCK_HEAD =
      "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.3.0\"\n"
          + "dependencies = [\n \"itoa\",\n \"tiny\",\n]\n\n"
          + "[[package]]\nname = \"itoa\"\nversion = \"1.0.11\"\n"
          + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
          + "checksum = \"49f1f14873335454500d59611f1cf4a4b0f786f9ac11f4312a78e4cf2566695b\"\n";

  private static Path crate(String name, String lockTail) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nitoa = \"1\"\n"
                + (lockTail.isEmpty()
                    ? ""
                    : "tiny = { git = \"https://git.example/tiny.git\", rev = \"0123abc\" }\n"))
        .file("src/main.rs", "fn main() {}\n")
        .file("Cargo.lock", LOCK_HEAD + lockTail);
    return dir;
  }

  private static final String GIT_TAIL =
      "\n[[package]]\nname = \"tiny\"\nversion = \"0.1.0\"\n"
          + "source = \"git+https://git.example/tiny.git?rev=0123abc#0123abcdef0123abcdef0123abcdef0123abcd\"\n";

  @Test
  void gitCratesAreFetchedByTheirCommitAndTheFlakeSaysSo() throws Exception {
    Path dir = crate("git-dep", GIT_TAIL);
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(block.contains("allowBuiltinFetchGit = true;"), block);
    assertTrue(block.contains("# Cargo.lock takes tiny-0.1.0 from git"), block);
    nix.evaluates(dir);
    // Without it, nixpkgs' contract refuses the lock at evaluation, as the stand-in does.
    nix.breaks(
        dir,
        "allowBuiltinFetchGit = true;",
        "",
        "No hash was found while vendoring the git dependency tiny-0.1.0");
  }

  @Test
  void aCrateNameFromTheLockCannotBreakOutOfTheComment() throws Exception {
    Path dir =
        crate(
            "hostile-name",
            "\n[[package]]\nname = \"x\\n  evil = builtins.trace 1 1;\\n#\"\nversion = \"0.1.0\"\n"
                + "source = \"git+https://git.example/x.git#0123abcdef0123abcdef0123abcdef0123abcd\"\n");
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertFalse(block.contains("evil"), block);
    assertTrue(block.contains("allowBuiltinFetchGit = true;"), block);
    nix.evaluates(dir);
  }

  @Test
  void aLockFromCratesIoAloneStaysPlain() throws Exception {
    Path dir = crate("registry-only", "");
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(block.contains("cargoLock.lockFile = ./Cargo.lock;"), block);
    assertFalse(block.contains("allowBuiltinFetchGit"), block);
    nix.evaluates(dir);
  }

  /**
   * A crate with a rust-toolchain.toml is built with that toolchain: the flake's rustPlatform is
   * made from it with makeRustPlatform, whose rustc and cargo nixpkgs requires.
   */
  @Test
  void aCrateWithAToolchainFileIsBuiltWithIt() throws Exception {
    Path dir = crate("toolchain", "");
    TestRepo.in(dir).file("rust-toolchain.toml", "[toolchain]\nchannel = \"1.86.0\"\n");
    String flake = StandInContracts.flake(dir);
    assertTrue(
        flake.contains(
            "          rustToolchain = pkgs.rust-bin.fromRustupToolchainFile ./rust-toolchain.toml;\n"
                + "          rustPlatform = pkgs.makeRustPlatform {\n"
                + "            cargo = rustToolchain;\n"
                + "            rustc = rustToolchain;\n"
                + "          };\n"),
        flake);
    String block = StandInContracts.packageBlock(flake);
    assertTrue(block.contains("app = rustPlatform.buildRustPackage {"), block);
    nix.evaluates(dir);
    nix.breaks(
        dir, "            rustc = rustToolchain;\n", "", "without required argument 'rustc'");
    // Without a toolchain file, nixpkgs' own Rust builds it, and no rustPlatform is made.
    String plain = StandInContracts.flake(crate("no-toolchain", ""));
    assertTrue(plain.contains("app = pkgs.rustPlatform.buildRustPackage {"), plain);
    assertFalse(plain.contains("makeRustPlatform"), plain);
  }

  /** A crate with a build script, whose manifest ends with {@code tail}. */
  private static Path withBuildScript(String name, String tail) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nitoa = \"1\"\n"
                + tail)
        .file("build.rs", "fn main() {}\n")
        .file("src/main.rs", "fn main() {}\n")
        .file("Cargo.lock", LOCK_HEAD);
    return dir;
  }

  /** A build script that depends on an HTTP client is named: Nix's sandbox has no network. */
  @Test
  void aBuildScriptThatCanDownloadIsNamed() throws Exception {
    Generators.Generation gen =
        StandInContracts.generate(
            withBuildScript("downloads", "\n[build-dependencies]\nreqwest = \"0.12\"\n"));
    assertTrue(
        gen.warnings().stream()
            .anyMatch(
                w ->
                    w.toString()
                        .startsWith(
                            "Cargo.toml: the build script of app depends on reqwest, so it may"
                                + " download while it builds")),
        gen.warnings().toString());
    // An HTTP client the program uses, not its build script, is no such warning.
    assertFalse(
        StandInContracts.generate(withBuildScript("client", "reqwest = \"0.12\"\n"))
            .warnings()
            .stream()
            .anyMatch(w -> w.toString().contains("may download")));
  }
}
