package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .git file that names no usable git directory is bad input, not an internal error. */
class BrokenGitLinkTest {
  @TempDir Path dir;

  @Test
  void writingFilesNamesTheBrokenLink() throws Exception {
    Files.createDirectories(dir.resolve("not-a-git-dir"));
    Files.writeString(dir.resolve(".git"), "gitdir: not-a-git-dir\n");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class, () -> NixMigrate.writeFiles(dir, List.of(FILE), false));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains(".git"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("x.txt")), "nothing is written");
  }

  private static final GeneratedFile FILE =
      new GeneratedFile("x.txt", "x\n", 0, "test", GeneratedFile.Mode.WHOLE);
}
