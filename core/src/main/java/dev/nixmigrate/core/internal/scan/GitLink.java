package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks a {@code .git} file at the root (a linked worktree's or a submodule's {@code gitdir:}
 * line): one that points nowhere would make every git operation fail, so it is reported up front.
 */
final class GitLink {
  private GitLink() {}

  static void check(RepoFiles files) {
    Path git = files.resolve(".git");
    if (!Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String text = files.text(".git").orElse(null);
    if (text == null) {
      return; // Unreadable: already reported.
    }
    String first = text.lines().findFirst().orElse("").strip();
    if (!first.startsWith("gitdir:")) {
      files.report(
          Diagnostic.error(
              ".git",
              1,
              1,
              "this .git file does not start with 'gitdir: PATH', so git cannot find the"
                  + " repository; restore it or replace it with the repository's .git folder"));
      return;
    }
    String target = first.substring("gitdir:".length()).strip();
    Path dir;
    try {
      dir = files.root().resolve(target);
    } catch (InvalidPathException e) {
      dir = null;
    }
    // Every git directory, a worktree's and a submodule's too, holds a HEAD file.
    if (target.isEmpty() || dir == null || !Files.isRegularFile(dir.resolve("HEAD"))) {
      files.report(
          Diagnostic.error(
              ".git",
              1,
              1,
              "this .git file points at "
                  + FieldRule.printable(target)
                  + ", which is not a git directory, so git cannot find the repository (a moved"
                  + " worktree or a submodule checked out alone?); run `git worktree repair`, or"
                  + " clone the repository afresh"));
    }
  }
}
