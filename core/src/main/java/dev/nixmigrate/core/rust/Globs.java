package dev.nixmigrate.core.rust;

import dev.nixmigrate.core.read.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands Cargo workspace member globs ({@code crates/*}, {@code tools/?x}) to crate directories.
 */
final class Globs {
  private Globs() {}

  /** Directories under {@code root} matching {@code pattern} that hold a Cargo.toml, sorted. */
  static List<String> expand(RepoFiles files, String root, String pattern) {
    String normalized = RepoFiles.normalize(RepoFiles.join(root, pattern));
    if (normalized == null) {
      return List.of();
    }
    List<String> current = new ArrayList<>(List.of("."));
    for (String segment : normalized.split("/")) {
      List<String> next = new ArrayList<>();
      for (String base : current) {
        if (segment.contains("*") || segment.contains("?") || segment.contains("[")) {
          Pattern p = Pattern.compile(toRegex(segment));
          for (String name : files.list(base)) {
            String child = RepoFiles.join(base, name);
            if (!name.startsWith(".") && p.matcher(name).matches() && files.isDirectory(child)) {
              next.add(child);
            }
          }
        } else {
          String child = RepoFiles.join(base, segment);
          if (files.isDirectory(child)) {
            next.add(child);
          }
        }
      }
      current = next;
    }
    return current.stream()
        .filter(d -> files.isFile(RepoFiles.join(d, "Cargo.toml")))
        .sorted()
        .toList();
  }

  private static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> b.append("[^/]*");
        case '?' -> b.append("[^/]");
        case '[', ']' -> b.append(c);
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}
