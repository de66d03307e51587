package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Requirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads pip requirements files: PEP 508 lines, {@code -r}/{@code -c} includes, options skipped. */
final class RequirementsFiles {
  private static final int MAX_INCLUDE_DEPTH = 8;

  private RequirementsFiles() {}

  /**
   * The requirements of {@code rel} and the files it includes; {@code editableSelf} reports {@code
   * -e .}.
   */
  record Parsed(List<Requirement> requirements, boolean editableSelf) {}

  static Parsed read(RepoFiles files, String rel) {
    List<Requirement> out = new ArrayList<>();
    boolean[] editable = {false};
    read(files, rel, out, editable, new HashSet<>(), 0);
    return new Parsed(out, editable[0]);
  }

  private static void read(
      RepoFiles files,
      String rel,
      List<Requirement> out,
      boolean[] editable,
      Set<String> seen,
      int depth) {
    if (!seen.add(rel) || depth > MAX_INCLUDE_DEPTH) {
      return;
    }
    Optional<String> text = files.text(rel);
    if (text.isEmpty()) {
      return;
    }
    String[] lines = text.get().split("\r?\n", -1);
    String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : ".";
    for (int i = 0; i < lines.length; i++) {
      int first = i + 1;
      String line = stripComment(lines[i]).strip();
      while (line.endsWith("\\") && i + 1 < lines.length) {
        line = line.substring(0, line.length() - 1) + " " + stripComment(lines[++i]).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("-r ")
          || line.startsWith("--requirement")
          || line.startsWith("-c ")
          || line.startsWith("--constraint")) {
        String target = line.replaceFirst("^(-r|-c|--requirement|--constraint)[=\\s]*", "").strip();
        String resolved = RepoFiles.normalize(RepoFiles.join(dir, target));
        boolean constraint = line.startsWith("-c") || line.startsWith("--constraint");
        if (resolved == null || !files.isFile(resolved)) {
          files.report(
              Diagnostic.warning(
                  rel,
                  i + 1,
                  1,
                  "includes "
                      + FieldRule.printable(target)
                      + (resolved == null
                          ? ", which is outside the repository"
                          : ", which does not exist")
                      + "; its "
                      + (constraint ? "constraints are" : "requirements are")
                      + " ignored"));
        } else if (!constraint) {
          read(files, resolved, out, editable, seen, depth + 1);
        }
        continue;
      }
      if (line.startsWith("-e ") || line.startsWith("--editable")) {
        String target = line.replaceFirst("^(-e|--editable)[=\\s]*", "").strip();
        if (target.equals(".") || target.startsWith(".[")) {
          editable[0] = true;
        }
        continue;
      }
      if (line.startsWith("-")
          || line.startsWith(".")
          || line.startsWith("/")
          || line.contains("://") && !line.contains("@")) {
        continue;
      }
      try {
        out.add(Pep508.parse(line.replaceFirst("\\s--hash[=\\s].*$", "")).at(rel, first));
      } catch (Pep508.SyntaxException e) {
        files.report(
            Diagnostic.warning(
                rel,
                i + 1,
                e.offset() + 1,
                "not a PEP 508 requirement (" + e.getMessage() + "); the line is ignored"));
      }
    }
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) {
      hash = line.indexOf('#', hash + 1);
    }
    return hash < 0 ? line : line.substring(0, hash);
  }
}
