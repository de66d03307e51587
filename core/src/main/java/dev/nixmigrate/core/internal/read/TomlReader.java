package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * The one path by which nixmigrate reads TOML manifests: strict UTF-8, a size cap, a nesting cap,
 * then tomlj (which passed the whole toml-test 1.0 suite; see DESIGN.md).
 */
public final class TomlReader {
  /** Far deeper than any manifest; deep enough input would exhaust the parser's stack. */
  public static final int MAX_NESTING = 128;

  private TomlReader() {}

  /** Reads and parses {@code file}, shown to users as {@code display}. */
  public static TomlDoc read(Path file, String display) throws ManifestException {
    return parse(ManifestText.read(file, display), display);
  }

  /** Parses TOML text that came from {@code display}. */
  public static TomlDoc parse(String text, String display) throws ManifestException {
    checkNesting(text, display);
    TomlParseResult result;
    try {
      result = Toml.parse(text, TomlVersion.V1_0_0);
    } catch (StackOverflowError e) {
      // The nesting check bounds brackets; this guards any other recursion in the parser.
      throw ManifestText.fail(display, 1, 1, "too deeply nested to read; simplify the file");
    } catch (AssertionError | RuntimeException e) {
      // tomlj's internal checks (active under -ea) must not escape as a trace.
      throw ManifestText.fail(
          display,
          1,
          1,
          "invalid TOML that the parser could not locate ("
              + e.getMessage()
              + "); check the file with a TOML validator");
    }
    if (result.hasErrors()) {
      TomlParseError first = result.errors().get(0);
      int line = first.position() == null ? 1 : first.position().line();
      int column = first.position() == null ? 1 : first.position().column();
      throw new ManifestException(
          Diagnostic.error(
              display,
              line,
              column,
              "invalid TOML: " + plain(first.getMessage()) + "; fix the file and run again"));
    }
    return new TomlDoc(result, display);
  }

  private static String plain(String message) {
    String m = message == null ? "syntax error" : message.strip();
    // tomlj's messages are already plain; keep them on one line.
    return m.replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * Rejects documents nested deeper than {@link #MAX_NESTING} arrays or inline tables (skipping
   * strings and comments so that brackets inside them do not count) and bare carriage returns.
   */
  static void checkNesting(String text, String display) throws ManifestException {
    checkCarriageReturns(text, display);
    int depth = 0;
    int line = 1;
    int lineStart = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> {
          line++;
          lineStart = i + 1;
        }

        case '#' -> {
          while (i + 1 < n && text.charAt(i + 1) != '\n') {
            i++;
          }
        }
        case '"', '\'' -> {
          boolean multi = text.startsWith(String.valueOf(c).repeat(3), i);
          int end = skipString(text, i, c, multi);
          for (int k = i; k < end && k < n; k++) {
            if (text.charAt(k) == '\n') {
              line++;
              lineStart = k + 1;
            }
          }
          i = end - 1;
        }
        case '[', '{' -> {
          depth++;
          if (depth > MAX_NESTING) {
            throw ManifestText.fail(
                display,
                line,
                i - lineStart + 1,
                "arrays or inline tables nested more than "
                    + MAX_NESTING
                    + " deep; no manifest needs this, so the file is not read");
          }
        }
        case ']', '}' -> depth = Math.max(0, depth - 1);
        default -> {}
      }
    }
  }

  /** TOML 1.0 allows CR only as part of CRLF: in comments and strings as everywhere else. */
  private static void checkCarriageReturns(String text, String display) throws ManifestException {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        throw ManifestText.fail(
            display,
            line,
            i - lineStart + 1,
            "invalid TOML: a carriage return"
                + " without a line feed; save the file with LF or CRLF line endings");
      }
    }
  }

  /** Returns the index just past the string starting at {@code start}, or the text's end. */
  private static int skipString(String text, int start, char quote, boolean multi) {
    int n = text.length();
    int i = start + (multi ? 3 : 1);
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        i += 2;
        continue;
      }
      if (!multi && c == '\n') {
        return i;
      }
      if (c == quote) {
        if (!multi) {
          return i + 1;
        }
        if (text.startsWith(String.valueOf(quote).repeat(3), i)) {
          int j = i + 3;
          while (j < n && text.charAt(j) == quote && j < i + 5) {
            j++;
          }
          return j;
        }
      }
      i++;
    }
    return n;
  }
}
