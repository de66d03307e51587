package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folder names reach workflows, justfile recipes, shell lines and Nix paths. A project whose folder
 * has a character one of them cannot hold as it is (white space, quotes, {@code $}, braces, control
 * characters, …) is left out with a warning rather than written in a form that breaks or injects.
 */
public final class PathNames {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+@][A-Za-z0-9._+@-]*");

  private PathNames() {}

  /** True when {@code path} (relative, {@code /}-separated, or {@code .}) can be written as is. */
  public static boolean writable(String path) {
    if (path.equals(".")) {
      return true;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The facts without the projects whose folder names cannot be written, each with a warning. */
  public static RepoFacts keepWritable(RepoFacts facts) {
    List<Project> kept = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(facts.diagnostics());
    for (Project p : facts.projects()) {
      if (writable(p.path())) {
        kept.add(p);
      } else {
        diagnostics.add(
            Diagnostic.warning(
                printable(p.path()),
                1,
                1,
                "this folder's name has a character nixmigrate does not write into workflows,"
                    + " justfiles or Nix (only letters, digits and . _ - + @ are written); its"
                    + " project is left out. Rename the folder to include it"));
      }
    }
    return kept.size() == facts.projects().size()
        ? facts
        : new RepoFacts(facts.root(), kept, facts.existing(), diagnostics, facts.leftOut());
  }

  /**
   * The text with control characters shown as escapes and cut after 80 characters, so a message
   * stays on one short line.
   */
  public static String printable(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return text.codePointCount(0, text.length()) > 80 ? b + "…" : b.toString();
  }
}
