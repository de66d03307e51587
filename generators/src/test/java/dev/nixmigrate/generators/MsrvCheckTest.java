package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.generators.internal.ci.GitLabBuildGenerator;
import dev.nixmigrate.generators.internal.ci.WorkflowGenerator;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check with a crate's minimum supported Rust (MSRV) runs on a lock of the newest dependencies
 * that support it, which stable Cargo writes, not on the committed Cargo.lock; the justfile's
 * recipe puts the developer's Cargo.lock back.
 */
class MsrvCheckTest {
  @TempDir Path temp;

  private static final String MANIFEST =
      "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
          + "rust-version = \"1.70\"\n";

  private Path crate(String name, boolean lock) {
    TestRepo repo =
        TestRepo.in(temp.resolve(name))
            .file("Cargo.toml", MANIFEST)
            .file("src/lib.rs", "pub fn one() -> u32 {\n    1\n}\n");
    if (lock) {
      repo.file("Cargo.lock", "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n");
    }
    return repo.root();
  }

  private static String file(Path dir, Options options, String path) {
    return Generators.generate(RepoScanner.scan(dir), options, 1).file(path).text();
  }

  /** The lines of {@code text} from the one equal to {@code first} to the next blank line. */
  private static String block(String text, String first) {
    int start = text.indexOf("\n" + first + "\n");
    assertTrue(start >= 0, first + " not in:\n" + text);
    int end = text.indexOf("\n\n", start + 1);
    return text.substring(start + 1, end < 0 ? text.length() : end + 1);
  }

  @Test
  void theCheckRunsOnALockWrittenForTheMsrvInEveryCi() {
    Path dir = crate("locked", true);
    assertEquals(
        """
          rust-msrv:
            name: 'rust MSRV 1.70'
            runs-on: ubuntu-latest
            timeout-minutes: 30
            permissions:
              contents: read
            steps:
              - name: Check out
                uses: actions/checkout@PIN
                with:
                  persist-credentials: false
              - name: Install Rust stable
                uses: dtolnay/rust-toolchain@PIN
                with:
                  toolchain: stable
              - name: Install Rust 1.70
                uses: dtolnay/rust-toolchain@PIN
                with:
                  toolchain: '1.70'
              - name: Check with the minimum supported Rust
                run: |
                  # The newest dependencies that support Rust 1.70, locked in a format its Cargo reads
                  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo +stable generate-lockfile
                  # Not --locked: the lock was written for this check
                  cargo +1.70 check
        """,
        pinless(block(file(dir, Options.defaults(), WorkflowGenerator.PATH), "  rust-msrv:")));
    assertEquals(
        """
          script:
            - 'rustup toolchain install stable --profile minimal'
            - 'rustup toolchain install 1.70 --profile minimal'
            - '# The newest dependencies that support Rust 1.70, locked in a format its Cargo reads'
            - 'CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo +stable generate-lockfile'
            - '# Not --locked: the lock was written for this check'
            - 'cargo +1.70 check'
        """,
        block(
            block(
                file(dir, Options.defaults().withCi(CiService.GITLAB), GitLabBuildGenerator.PATH),
                "rust-msrv:"),
            "  script:"));
    assertEquals(
        """
        # Check rust with its minimum supported Rust, on the newest dependencies that support it
        msrv:
            #!/usr/bin/env bash
            set -euo pipefail
            # Your Cargo.lock, or its absence, is put back when the check ends.
            keep="$(mktemp -d)"
            if [ -e Cargo.lock ]; then cp Cargo.lock "$keep"/; fi
            trap 'if [ -e "$keep"/Cargo.lock ]; then cp "$keep"/Cargo.lock .; else rm -f Cargo.lock; fi; rm -r "$keep"' EXIT
            # The newest dependencies that support Rust 1.70, locked in a format its Cargo reads
            CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo +stable generate-lockfile
            # Not --locked: the lock was written for this check
            cargo +1.70 check
        """,
        block(
            file(dir, Options.defaults(), "justfile"),
            "# Check rust with its minimum supported Rust, on the newest dependencies that support"
                + " it"));
  }

  /** A workspace in a folder: the recipe's script goes there first, the check covers it all. */
  @Test
  void aWorkspaceInAFolderIsCheckedWholeFromThere() {
    Path dir =
        TestRepo.in(temp.resolve("folder"))
            .file("rs/Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n")
            .file("rs/app/Cargo.toml", MANIFEST)
            .file("rs/app/src/lib.rs", "")
            .file("rs/Cargo.lock", "version = 4\n")
            .root();
    String justfile = file(dir, Options.defaults(), "justfile");
    String recipe = block(justfile, "msrv:");
    assertTrue(
        recipe.startsWith(
            "msrv:\n    #!/usr/bin/env bash\n    set -euo pipefail\n    cd rs\n"
                + "    # Your Cargo.lock, or its absence, is put back when the check ends.\n"),
        recipe);
    assertTrue(recipe.endsWith("\n    cargo +1.70 check --workspace\n"), recipe);
    String job = block(file(dir, Options.defaults(), WorkflowGenerator.PATH), "  rust-msrv:");
    assertTrue(job.contains("\n        working-directory: rs\n"), job);
    assertTrue(job.endsWith("\n          cargo +1.70 check --workspace\n"), job);
  }

  /** Without a committed lock, the MSRV's Cargo would lock the newest versions, as before 1.84. */
  @Test
  void aCrateWithoutALockIsCheckedTheSameWay() {
    Path locked = crate("locked", true);
    Path unlocked = crate("unlocked", false);
    for (String[] part :
        List.of(
            new String[] {WorkflowGenerator.PATH, "  rust-msrv:"},
            new String[] {"justfile", "msrv:"})) {
      assertEquals(
          block(file(locked, Options.defaults(), part[0]), part[1]),
          block(file(unlocked, Options.defaults(), part[0]), part[1]));
    }
  }

  /**
   * A crate on two releases of tiny in a vendored folder (so no network is needed): 0.1.1 needs
   * Rust 1.80, 0.1.0 supports 1.70. Its lock, if {@code lock}, is format 4 and holds 0.1.1, as a
   * lock written by today's Cargo would, and Cargo before 1.78 cannot read it.
   */
  private Path vendoredCrate(String name, boolean lock) {
    TestRepo repo =
        TestRepo.in(temp.resolve(name))
            .file("Cargo.toml", MANIFEST + "\n[dependencies]\ntiny = \"0.1\"\n")
            .file("src/lib.rs", "")
            .file(
                ".cargo/config.toml",
                "[source.crates-io]\nreplace-with = \"vendored\"\n\n"
                    + "[source.vendored]\ndirectory = \"vendor\"\n");
    if (lock) {
      repo.file(
          "Cargo.lock",
          "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n"
              + "dependencies = [\n \"tiny\",\n]\n\n"
              + "[[package]]\nname = \"tiny\"\nversion = \"0.1.1\"\n"
              + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
              + "checksum = \""
              + checksum("0.1.1")
              + "\"\n");
    }
    release(repo, "0.1.0", "1.60");
    release(repo, "0.1.1", "1.80");
    return repo.root();
  }

  /** A release of tiny in the vendored folder: its manifest, and the checksum Cargo locks. */
  private static void release(TestRepo repo, String version, String rustVersion) {
    String at = "vendor/tiny-" + version + "/";
    repo.file(
            at + "Cargo.toml",
            "[package]\nname = \"tiny\"\nversion = \""
                + version
                + "\"\nedition = \"2021\"\nrust-version = \""
                + rustVersion
                + "\"\n")
        .file(at + "src/lib.rs", "")
        .file(
            at + ".cargo-checksum.json",
            "{\"files\":{},\"package\":\"" + checksum(version) + "\"}");
  }

  private static String checksum(String version) {
    String digits = version.replace(".", "");
    return "0".repeat(64 - digits.length()) + digits;
  }

  /** The lock format and the release of tiny a lock holds, as {@code "3 0.1.0"}. */
  private static String formatAndTiny(String lock) {
    Matcher format = Pattern.compile("(?m)^version = (\\d+)$").matcher(lock);
    Matcher tiny = Pattern.compile("name = \"tiny\"\nversion = \"([^\"]+)\"").matcher(lock);
    assertTrue(format.find() && tiny.find(), lock);
    return format.group(1) + " " + tiny.group(1);
  }

  /**
   * A stand-in for rustup's {@code cargo}: {@code +stable} is this machine's Cargo (1.84 or later),
   * {@code +1.70} keeps a copy of the lock it would check in {@code seen.lock} and exits with
   * {@code checkStatus}. Returns the environment that puts it first on PATH.
   */
  private Map<String, String> standInCargo(int checkStatus) throws Exception {
    Path cargo = Tools.require("cargo");
    Processes.Result version = Processes.run(null, cargo.toString(), "--version");
    Matcher minor = Pattern.compile("^cargo 1\\.(\\d+)\\.").matcher(version.output());
    if (!minor.find() || Integer.parseInt(minor.group(1)) < 84) {
      Tools.missing(
          "Cargo 1.84 or later is needed for its MSRV-aware resolver: " + version.output());
    }
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.writeString(
        bin.resolve("cargo"),
        "#!/bin/sh\n"
            + "case \"$1\" in\n"
            + "  +stable) shift; exec "
            + Escape.shellWord(cargo.toString())
            + " \"$@\" ;;\n"
            + "  +1.70) cp Cargo.lock "
            + Escape.shellWord(temp.resolve("seen.lock").toString())
            + "; exit "
            + checkStatus
            + " ;;\n"
            + "esac\n"
            + "echo \"unexpected: cargo $*\" >&2\n"
            + "exit 64\n");
    Files.setPosixFilePermissions(
        bin.resolve("cargo"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of(
        "PATH", bin + ":" + System.getenv("PATH"),
        "CARGO_HOME", Files.createDirectories(temp.resolve("cargo-home")).toString(),
        "TMPDIR", Files.createDirectories(temp.resolve("tmp")).toString());
  }

  /** The CI job's lines, run for real in a fresh checkout as the job's shell runs them. */
  @Test
  void theJobLocksTheNewestReleasesTheMsrvSupportsInAFormatItsCargoReads() throws Exception {
    Map<String, String> env = standInCargo(0);
    Path checkout = vendoredCrate("checkout", true);
    String job = block(file(checkout, Options.defaults(), WorkflowGenerator.PATH), "  rust-msrv:");
    String run =
        job.substring(job.indexOf("run: |\n") + "run: |\n".length()).replaceAll("(?m)^ {10}", "");
    Processes.Result ci =
        Processes.run(checkout, env, List.of("bash", "-euo", "pipefail", "-c", run), null, 300);
    assertTrue(ci.ok(), ci.output());
    String seen = Files.readString(temp.resolve("seen.lock"));
    assertEquals("3 0.1.0", formatAndTiny(seen));
    assertEquals(seen, Files.readString(checkout.resolve("Cargo.lock")));
    // Without the MSRV-aware resolver, the same command locks the release 1.70 cannot build.
    Processes.Result plain =
        Processes.run(
            checkout, env, List.of("sh", "-c", "cargo +stable generate-lockfile"), null, 300);
    assertTrue(plain.ok(), plain.output());
    assertEquals("3 0.1.1", formatAndTiny(Files.readString(checkout.resolve("Cargo.lock"))));
  }

  /** Runs the justfile's msrv recipe in the developer's tree and returns its result. */
  private Processes.Result msrvRecipe(Path developer, Map<String, String> env) throws Exception {
    Path just = Tools.require("just", Examples.npmBin());
    Files.writeString(
        developer.resolve("justfile"), file(developer, Options.defaults(), "justfile"));
    Processes.Result recipe =
        Processes.run(developer, env, List.of(just.toString(), "msrv"), null, 300);
    assertEquals("3 0.1.0", formatAndTiny(Files.readString(temp.resolve("seen.lock"))));
    try (var left = Files.list(temp.resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "the recipe's copy of the lock is removed");
    }
    return recipe;
  }

  /** In the developer's tree, the lock comes back, also when the check fails. */
  @Test
  void theRecipePutsTheDevelopersLockBackWhenTheCheckFails() throws Exception {
    Map<String, String> env = standInCargo(3);
    Path developer = vendoredCrate("developer", true);
    String before = Files.readString(developer.resolve("Cargo.lock"));
    Processes.Result recipe = msrvRecipe(developer, env);
    assertFalse(recipe.ok(), recipe.output());
    assertTrue(recipe.output().contains("failed with exit code 3"), recipe.output());
    assertEquals(before, Files.readString(developer.resolve("Cargo.lock")));
  }

  /** A developer who had no Cargo.lock has none after the recipe either. */
  @Test
  void theRecipeLeavesNoLockWhereThereWasNone() throws Exception {
    Map<String, String> env = standInCargo(0);
    Path developer = vendoredCrate("no-lock", false);
    Processes.Result recipe = msrvRecipe(developer, env);
    assertTrue(recipe.ok(), recipe.output());
    assertFalse(Files.exists(developer.resolve("Cargo.lock")));
  }

  /** Action pins change with each release of the actions: the test reads past them. */
  private static String pinless(String text) {
    return text.replaceAll("@[0-9a-f]{40}( # \\S+)?", "@PIN");
  }
}
