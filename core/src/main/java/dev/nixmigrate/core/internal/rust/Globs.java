package dev.nixmigrate.core.internal.rust;

import dev.nixmigrate.core.internal.read.RepoFiles;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Expands Cargo workspace member globs ({@code crates/*}, {@code tools/?x}, {@code [!t]*}, {@code
 * libs/**}) to crate directories, with the JDK's glob matcher.
 */
final class Globs {
  private Globs() {}

  static boolean isGlob(String pattern) {
    return pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
  }

  /**
   * The directories among {@code crateDirs} (repository-relative, each holding a Cargo.toml) that
   * {@code pattern}, relative to {@code root}, names; sorted.
   *
   * @throws PatternSyntaxException when the pattern is not a valid glob
   */
  static List<String> expand(Collection<String> crateDirs, String root, String pattern) {
    String normalized = RepoFiles.normalize(RepoFiles.join(root, pattern));
    if (normalized == null) {
      return List.of();
    }
    if (!isGlob(pattern)) {
      return crateDirs.contains(normalized) ? List.of(normalized) : List.of();
    }
    // Cargo's glob crate reads braces literally; the JDK's matcher would read them as groups.
    String glob = normalized.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    return crateDirs.stream()
        .filter(d -> !d.equals(".") && matcher.matches(Path.of(d)))
        .sorted()
        .toList();
  }
}
