package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/update-mvn-hash}, against a stand-in {@code nix} that answers as Nix does for a
 * fixed-output derivation: the build passes with the right hash and otherwise reports the hash it
 * got.
 */
class MvnHashScriptTest {
  private static final Path ROOT = ProjectRoot.path();
  private static final String RIGHT = "sha256-Ri9htHASHofTheDependencies0000000000000000=";

  @TempDir Path temp;
  private Path repo;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    repo = temp.resolve("repo");
    Files.createDirectories(repo.resolve("scripts"));
    Files.createDirectories(repo.resolve("nix"));
    Files.copy(ROOT.resolve("scripts/update-mvn-hash"), repo.resolve("scripts/update-mvn-hash"));
    Files.copy(ROOT.resolve("nix/package.nix"), repo.resolve("nix/package.nix"));
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    Path nix = bin.resolve("nix");
    Files.writeString(
        nix,
        "#!/bin/sh\n"
            + "if grep -q 'mvnHash = \""
            + RIGHT
            + "\";' nix/package.nix; then exit 0; fi\n"
            + "echo \"error: hash mismatch in fixed-output derivation '/nix/store/x-deps.drv':\"\n"
            + "echo \"         specified: $(sed -n 's/^  mvnHash = \\(.*\\);$/\\1/p' nix/package.nix)\"\n"
            + "echo \"            got:    "
            + RIGHT
            + "\"\n"
            + "exit 1\n");
    Files.setPosixFilePermissions(nix, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  private Processes.Result run(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "scripts/update-mvn-hash"));
    cmd.addAll(List.of(args));
    return Processes.run(repo, env, cmd, null, 60);
  }

  @Test
  void writesTheHashNixReportsAndCheckThenPasses() throws Exception {
    Processes.Result check = run("--check");
    assertEquals(1, check.code(), check.output());
    assertTrue(check.output().contains("run scripts/update-mvn-hash"), check.output());
    String before = Files.readString(repo.resolve("nix/package.nix"));
    assertEquals(Files.readString(ROOT.resolve("nix/package.nix")), before, "--check wrote");

    Processes.Result update = run();
    assertEquals(0, update.code(), update.output());
    String after = Files.readString(repo.resolve("nix/package.nix"));
    assertTrue(after.contains("  mvnHash = \"" + RIGHT + "\";\n"), after);
    assertEquals(
        before.replaceAll("(?m)^  mvnHash = .*;$", ""),
        after.replaceAll("(?m)^  mvnHash = .*;$", ""),
        "only the hash line changed");

    Processes.Result again = run("--check");
    assertEquals(0, again.code(), again.output());
  }

  @Test
  void aFailureThatIsNotAHashMismatchIsShownAndChangesNothing() throws Exception {
    Files.writeString(
        temp.resolve("bin/nix"), "#!/bin/sh\necho 'error: cannot download, no network'\nexit 1\n");
    String before = Files.readString(repo.resolve("nix/package.nix"));
    Processes.Result r = run();
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("no network"), r.output());
    assertEquals(before, Files.readString(repo.resolve("nix/package.nix")));
  }
}
