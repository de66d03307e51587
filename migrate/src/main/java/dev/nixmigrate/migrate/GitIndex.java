package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The files git knows. Nix reads a flake in a git repository from the files git tracks only, so a
 * new flake.nix that is not added is "not found". Reads and writes git's index with JGit; runs no
 * program of the repository's.
 */
final class GitIndex {
  private GitIndex() {}

  /** Those of {@code paths} (relative to {@code root}) on disk that git's index lacks. */
  static List<String> unknown(Path root, Collection<String> paths) {
    return withRepo(
        root,
        (repo, prefix) -> {
          DirCache index = repo.readDirCache();
          List<String> out = new ArrayList<>();
          for (String rel : paths) {
            if (Files.isRegularFile(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)
                && index.findEntry(prefix + rel) < 0) {
              out.add(rel);
            }
          }
          return out;
        });
  }

  /** Adds {@code paths} to git's index, as {@code git add} does; returns those it added. */
  static List<String> add(Path root, Collection<String> paths) {
    List<String> todo = unknown(root, paths);
    List<String> changed = new ArrayList<>(todo);
    for (String rel : paths) {
      if (!todo.contains(rel)
          && Files.isRegularFile(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
        changed.add(rel);
      }
    }
    if (changed.isEmpty()) {
      return List.of();
    }
    return withRepo(
        root,
        (repo, prefix) -> {
          try (Git git = Git.wrap(repo)) {
            var add = git.add();
            changed.forEach(rel -> add.addFilepattern(prefix + rel));
            add.call();
          } catch (GitAPIException e) {
            throw new NixMigrateException(
                NixMigrateException.Kind.EXTERNAL,
                "cannot add the new files to git's index: "
                    + e.getMessage()
                    + "; run git add yourself");
          }
          List<String> known = new ArrayList<>(changed);
          known.removeAll(unknown(root, changed));
          return known;
        });
  }

  private interface Work<T> {
    T run(Repository repo, String prefix) throws IOException;
  }

  /** {@code work} on the repository holding {@code root}; empty results when there is none. */
  private static <T> T withRepo(Path root, Work<T> work) {
    try {
      Path real = root.toRealPath();
      FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(real.toFile());
      if (builder.getGitDir() == null) {
        @SuppressWarnings("unchecked")
        T none = (T) List.of();
        return none;
      }
      try (Repository repo = builder.setMustExist(true).build()) {
        Path top = repo.getWorkTree().toPath().toRealPath();
        String prefix =
            top.equals(real) ? "" : top.relativize(real).toString().replace('\\', '/') + "/";
        return work.run(repo, prefix);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof NixMigrateException ne) {
        throw ne;
      }
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot read git's index of " + root + ": " + e.getMessage());
    }
  }
}
