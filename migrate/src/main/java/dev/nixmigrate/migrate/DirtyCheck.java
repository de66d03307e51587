package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Whether files a run would write hold work that is not committed. Each file on disk is compared
 * with its committed version itself, not through git's index or status, so what those hide still
 * counts: an ignored or untracked file, one marked assume-unchanged, a change of mode only.
 */
final class DirtyCheck {
  private DirtyCheck() {}

  /** Refuses when one of {@code paths} (relative to {@code root}) differs from HEAD. */
  static void refuse(Path root, Set<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    java.util.Map<String, String> dirty = new java.util.TreeMap<>();
    try {
      Path realRoot = root.toRealPath();
      FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(realRoot.toFile());
      if (builder.getGitDir() == null) {
        return; // not a git repository: nothing to compare with
      }
      try (Repository repo = builder.setMustExist(true).build()) {
        Path top = repo.getWorkTree().toPath().toRealPath();
        String prefix =
            top.equals(realRoot)
                ? ""
                : top.relativize(realRoot).toString().replace('\\', '/') + "/";
        ObjectId head = repo.resolve("HEAD^{tree}");
        String autocrlf = repo.getConfig().getString("core", null, "autocrlf");
        boolean normalise = autocrlf != null && !autocrlf.equalsIgnoreCase("false");
        for (String rel : paths) {
          Path file = realRoot.resolve(rel);
          boolean onDisk = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
          TreeWalk committed = head == null ? null : TreeWalk.forPath(repo, prefix + rel, head);
          if (committed == null) {
            if (onDisk) {
              dirty.put(rel, "not committed");
            }
            continue;
          }
          if (!onDisk) {
            dirty.put(rel, "deleted");
            continue;
          }
          byte[] then = repo.open(committed.getObjectId(0)).getBytes();
          byte[] now = Files.readAllBytes(file);
          if (!same(then, now, normalise)) {
            dirty.put(rel, "changed");
          } else if ((committed.getFileMode(0) == FileMode.EXECUTABLE_FILE)
              != Files.isExecutable(file)) {
            dirty.put(rel, "mode changed");
          }
        }
      }
    } catch (org.eclipse.jgit.errors.NoWorkTreeException
        | org.eclipse.jgit.errors.RepositoryNotFoundException e) {
      // A .git file whose gitdir names a folder that is no repository (a moved worktree).
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          root.resolve(".git")
              + " does not lead to a git repository with a work tree; run `git worktree repair`,"
              + " or clone the repository afresh");
    } catch (IOException | RuntimeException e) {
      if (e instanceof NixMigrateException ne) {
        throw ne;
      }
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot compare "
              + root
              + " with its last commit: "
              + e.getMessage()
              + ". Check that git can read the repository (git status), or pass --allow-dirty");
    }
    if (!dirty.isEmpty()) {
      throw new DirtyTreeException(
          List.copyOf(dirty.keySet()),
          "uncommitted changes in files this step would write: "
              + String.join(
                  ", ",
                  dirty.entrySet().stream()
                      .map(e -> e.getKey() + " (" + e.getValue() + ")")
                      .toList())
              + ". Commit or stash them, or pass --allow-dirty");
    }
  }

  /** Equal bytes; with autocrlf on, equal once CRLF is read as LF on both sides. */
  private static boolean same(byte[] a, byte[] b, boolean normalise) {
    if (Arrays.equals(a, b)) {
      return true;
    }
    return normalise && lf(a).equals(lf(b));
  }

  private static String lf(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
