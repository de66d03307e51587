package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bookkeeping stays inside the repository and whole; uncommitted work in any form stops a run;
 * committed conflict markers, CRLF files and a lower step are handled without losing anything.
 */
class StateSafetyTest {
  @TempDir Path temp;

  private static final String CRATE =
      "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  private Path repo() throws Exception {
    Path dir = temp.resolve("repo");
    TestRepo.in(dir).file("Cargo.toml", CRATE).file("src/lib.rs", "");
    TestRepo.commitAll(dir, "start");
    return dir;
  }

  private static StepResult step(Path dir, int n) {
    return NixMigrate.step(dir, Options.defaults(), n, RunMode.DEFAULT);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Processes.Result r = Processes.run(dir, cmd, null, 60);
    assertTrue(r.ok(), r.output());
  }

  @Test
  void aLinkedBookkeepingFolderIsNotWrittenThrough() throws Exception {
    Path dir = repo();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createSymbolicLink(dir.resolve(".nixmigrate"), outside);
    TestRepo.commitAll(dir, "link");
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 1));
    assertEquals(NixMigrateException.Kind.REFUSED, e.kind(), e.getMessage());
    try (var s = Files.list(outside)) {
      assertEquals(List.of(), s.toList(), "nothing is written outside");
    }
  }

  @Test
  void uncommittedSettingsStopARunThatWouldRewriteThem() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    String mine = Files.readString(dir.resolve(Settings.PATH)) + "# my note\n";
    Files.writeString(dir.resolve(Settings.PATH), mine);
    DirtyTreeException e = assertThrows(DirtyTreeException.class, () -> step(dir, 2));
    assertEquals(List.of(Settings.PATH), e.paths());
    assertTrue(e.getMessage().contains("nixmigrate.toml (changed)"), e.getMessage());
    assertEquals(mine, Files.readString(dir.resolve(Settings.PATH)));
  }

  @Test
  void anIgnoredEditedFileStopsARun() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    Files.writeString(dir.resolve(".gitignore"), ".github/\n");
    git(dir, "rm", "-r", "--cached", "-q", ".github");
    TestRepo.commitAll(dir, "ignore ci");
    Path ci = dir.resolve(".github/workflows/ci.yml");
    Files.writeString(ci, Files.readString(ci).replace("name: CI", "name: Mine"));
    String before = Files.readString(ci);
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 2));
    assertTrue(e.getMessage().contains("ci.yml (not committed)"), e.getMessage());
    assertEquals(before, Files.readString(ci));
  }

  @Test
  void anAssumeUnchangedEditStopsARun() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    git(dir, "update-index", "--assume-unchanged", "justfile");
    Files.writeString(dir.resolve("justfile"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 2));
    assertTrue(e.getMessage().contains("justfile (changed)"), e.getMessage());
  }

  @Test
  void aModeOnlyChangeStopsARun() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    Files.setPosixFilePermissions(
        dir.resolve("justfile"), PosixFilePermissions.fromString("rwxr-xr-x"));
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 2));
    assertTrue(e.getMessage().contains("justfile (mode changed)"), e.getMessage());
  }

  @Test
  void aSubfolderOfTheRepositoryIsCheckedToo() throws Exception {
    Path top = temp.resolve("top");
    TestRepo.in(top).file("sub/Cargo.toml", CRATE).file("sub/src/lib.rs", "");
    TestRepo.commitAll(top, "start");
    Path dir = top.resolve("sub");
    step(dir, 1);
    TestRepo.commitAll(top, "step 1");
    Files.writeString(dir.resolve("justfile"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 2));
    assertTrue(e.getMessage().contains("justfile (changed)"), e.getMessage());
  }

  @Test
  void aLinkedWorktreeIsCheckedToo() throws Exception {
    Tools.require("git");
    Path dir = repo();
    Path wt = temp.resolve("wt");
    git(dir, "worktree", "add", "-q", "-b", "other", wt.toString());
    step(wt, 1);
    git(wt, "add", "-A");
    git(wt, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "step 1");
    Files.writeString(wt.resolve("justfile"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(wt, 2));
    assertTrue(e.getMessage().contains("justfile (changed)"), e.getMessage());
  }

  @Test
  void committedConflictMarkersKeepCheckFailingAndStepLoud() throws Exception {
    Path dir = repo();
    step(dir, 1);
    Path ci = dir.resolve("justfile");
    String text = Files.readString(ci);
    Files.writeString(
        ci, "<<<<<<< your edits\n# a\n=======\n# b\n>>>>>>> new nixmigrate output\n" + text);
    TestRepo.commitAll(dir, "unresolved");
    List<FileChange> stale = NixMigrate.check(dir, Options.defaults(), 1);
    assertEquals(List.of("justfile"), stale.stream().map(FileChange::path).toList());
    assertTrue(stale.get(0).reason().contains("conflict markers"), stale.get(0).reason());
    StepResult r = step(dir, 1);
    assertEquals(List.of(new Conflict("justfile", Conflict.Cause.UNRESOLVED)), r.conflicts());
    Plan saved =
        Plan.fromJson(
            NixMigrate.plan(dir, Options.defaults(), 1, RunMode.DEFAULT).toJson(), "p.json");
    assertEquals(r.conflicts(), saved.conflicts(), "a saved plan keeps its conflicts as records");
  }

  @Test
  void aCrlfCheckoutIsNeitherAConflictNorMixed() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    Path ci = dir.resolve(".github/workflows/ci.yml");
    // As core.autocrlf=true or an editor leaves it: every line CRLF.
    Files.writeString(ci, Files.readString(ci).replace("\n", "\r\n"));
    git(dir, "config", "core.autocrlf", "true");
    StepResult r = step(dir, 2);
    assertEquals(List.of(), r.conflicts());
    String after = Files.readString(ci, StandardCharsets.UTF_8);
    assertTrue(after.contains("sccache") || after.contains("ccache"), "step 2 was merged in");
    assertFalse(after.replace("\r\n", "").contains("\n"), "no LF-only line in a CRLF file");
  }

  @Test
  void aLowerStepKeepsWhatLaterStepsAddedUnlessADowngradeIsAsked() throws Exception {
    Path dir = repo();
    step(dir, 2);
    TestRepo.commitAll(dir, "step 2");
    String ci = Files.readString(dir.resolve(".github/workflows/ci.yml"));
    StepResult r = step(dir, 1);
    assertEquals(List.of(), r.written());
    assertTrue(r.warnings().toString().contains("--downgrade"), r.warnings().toString());
    assertEquals(ci, Files.readString(dir.resolve(".github/workflows/ci.yml")));
    assertTrue(Files.readString(dir.resolve(Settings.PATH)).contains("step = 2"));

    StepResult down = NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT.downgrade(true));
    assertTrue(down.warnings().toString().contains("going down"), down.warnings().toString());
    assertNotEquals(ci, Files.readString(dir.resolve(".github/workflows/ci.yml")));
    assertTrue(Files.readString(dir.resolve(Settings.PATH)).contains("step = 1"));
  }

  @Test
  void aLatin1ByteInAWrittenFileIsLocated() throws Exception {
    Path dir = repo();
    step(dir, 1);
    TestRepo.commitAll(dir, "step 1");
    byte[] text = Files.readAllBytes(dir.resolve("justfile"));
    byte[] edited = java.util.Arrays.copyOf(text, text.length + 8);
    System.arraycopy(
        "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), 0, edited, text.length, 7);
    Files.write(dir.resolve("justfile"), java.util.Arrays.copyOf(edited, text.length + 7));
    TestRepo.commitAll(dir, "latin-1 edit");
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> step(dir, 2));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind());
    long lines = new String(text, StandardCharsets.UTF_8).lines().count();
    assertTrue(e.getMessage().startsWith("justfile:" + (lines + 1) + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void aFullDiskLeavesTheLastStateWhole() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(
        root || Tools.required(), "a full disk is simulated with a small tmpfs, which needs root");
    Path mnt = Files.createDirectories(temp.resolve("small"));
    Processes.Result m =
        Processes.run(
            temp,
            List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString()),
            null,
            30);
    if (!m.ok() && !Tools.required()) {
      Assumptions.abort("cannot mount a tmpfs here: " + m.output());
    }
    assertTrue(m.ok(), m.output());
    try {
      Path dir = mnt.resolve("repo");
      TestRepo.in(dir).file("Cargo.toml", CRATE).file("src/lib.rs", "");
      TestRepo.commitAll(dir, "start");
      step(dir, 1);
      TestRepo.commitAll(dir, "step 1");
      String state = Files.readString(dir.resolve(State.PATH));
      // Leave a few KiB: less than step 5 needs.
      Path filler = mnt.resolve("filler");
      try (var out = Files.newOutputStream(filler)) {
        byte[] block = new byte[1024];
        try {
          while (true) {
            out.write(block);
          }
        } catch (java.io.IOException full) {
          // the disk is full
        }
      }
      Files.delete(filler);
      try (var out = Files.newOutputStream(filler)) {
        long free = Files.getFileStore(mnt).getUsableSpace();
        out.write(new byte[(int) Math.max(0, free - 6 * 1024)]);
      }
      assertThrows(NixMigrateException.class, () -> step(dir, 5));
      assertEquals(state, Files.readString(dir.resolve(State.PATH)), "the state is as it was");
      Files.delete(filler);
      step(dir, 5); // and a re-run with room goes through
      assertTrue(Files.exists(dir.resolve("flake.nix")));
    } finally {
      Processes.run(temp, List.of("umount", "-l", mnt.toString()), null, 30);
    }
  }
}
