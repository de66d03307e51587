package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Requirement;

/** Parses one PEP 508 string from a manifest, reporting one that does not parse where it stands. */
final class Requirements {
  private Requirements() {}

  /**
   * The requirement {@code text}, which starts at {@code line}:{@code column} of {@code file}, with
   * that file and line; null, with a WARNING located at the offending character, when it is not PEP
   * 508.
   */
  static Requirement parse(
      RepoFiles files, String text, String file, int line, int column, String where) {
    try {
      return Pep508.parse(text).at(file, line);
    } catch (Pep508.SyntaxException e) {
      files.report(
          Diagnostic.warning(
              file,
              line,
              column + e.offset(),
              FieldRule.printable(text)
                  + " "
                  + where
                  + " is not a PEP 508 requirement ("
                  + e.getMessage()
                  + "); it is ignored"));
      return null;
    }
  }
}
