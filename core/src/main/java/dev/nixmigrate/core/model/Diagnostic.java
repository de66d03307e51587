package dev.nixmigrate.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A located finding about the repository: a file, a 1-based line and column, a severity and a plain
 * message.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

  /** Orders diagnostics by file, then position, so output is deterministic. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    line = Math.max(line, 1);
    column = Math.max(column, 1);
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(file, line, column, Severity.ERROR, message);
  }

  public static Diagnostic warning(String file, int line, int column, String message) {
    return new Diagnostic(file, line, column, Severity.WARNING, message);
  }

  public static Diagnostic info(String file, int line, int column, String message) {
    return new Diagnostic(file, line, column, Severity.INFO, message);
  }

  /** The compiler-style form users read: {@code file:line:column: severity: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }
}
