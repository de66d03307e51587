package dev.nixmigrate.core.internal.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literal values of {@code setup()}'s keywords in a {@code setup.py}, read as text: a string,
 * or a list or tuple of strings, given directly ({@code version="1.2"}) or through a module-level
 * name assigned such a literal ({@code REQUIRES = [...]}, then {@code install_requires=REQUIRES}).
 * Nothing is evaluated: any other expression gives nothing. Each scan moves forward only, so a
 * hostile file costs time in proportion to its length.
 */
final class SetupPyLiterals {
  private SetupPyLiterals() {}

  /** A value and where it starts (1-based line and column). */
  record Located(String value, int line, int column) {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The string {@code keyword} is given, if it is one. */
  static Optional<Located> string(String text, String keyword) {
    int at = valueStart(text, keyword);
    if (at < 0) {
      return Optional.empty();
    }
    int literal = throughName(text, at);
    if (literal < 0 || !quote(text, literal)) {
      return Optional.empty();
    }
    List<Located> one = new ArrayList<>();
    return readString(text, literal, one) < 0
        ? Optional.empty()
        : Optional.of(placed(text, one).get(0));
  }

  /** The strings of the list or tuple {@code keyword} is given, or empty if it is none. */
  static List<Located> strings(String text, String keyword) {
    int at = valueStart(text, keyword);
    int literal = at < 0 ? -1 : throughName(text, at);
    if (literal < 0 || literal >= text.length() || "[(".indexOf(text.charAt(literal)) < 0) {
      return List.of();
    }
    char close = text.charAt(literal) == '[' ? ']' : ')';
    List<Located> out = new ArrayList<>();
    int i = literal + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == close) {
        return placed(text, out);
      } else if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else if (c == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (quote(text, i)) {
        i = readString(text, i, out);
        if (i < 0) {
          return List.of();
        }
      } else {
        return List.of(); // not a list of plain strings
      }
    }
    return List.of();
  }

  /** Where the value of {@code keyword=} starts, or -1. */
  private static int valueStart(String text, String keyword) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(keyword) + "\\s*=\\s*").matcher(text);
    while (m.find()) {
      // keyword == value, not keyword = value
      if (m.end() < text.length() && text.charAt(m.end()) != '=') {
        return m.end();
      }
    }
    return -1;
  }

  /**
   * {@code at} when a literal starts there; when a name does, where the literal of its one
   * module-level assignment starts; else -1.
   */
  private static int throughName(String text, int at) {
    Matcher name = NAME.matcher(text).region(at, text.length());
    if (!name.lookingAt()) {
      return at;
    }
    Matcher assigned =
        Pattern.compile("(?m)^" + Pattern.quote(name.group()) + "[ \\t]*=[ \\t]*").matcher(text);
    int found = -1;
    while (assigned.find()) {
      if (found >= 0 || assigned.end() < text.length() && text.charAt(assigned.end()) == '=') {
        return -1; // assigned more than once, or compared: not a constant
      }
      found = assigned.end();
    }
    return found;
  }

  private static boolean quote(String text, int i) {
    return i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'');
  }

  /** Reads the one-line string literal at {@code i} into {@code out}; where it ends, or -1. */
  private static int readString(String text, int i, List<Located> out) {
    char q = text.charAt(i);
    StringBuilder value = new StringBuilder();
    int j = i + 1;
    while (j < text.length() && text.charAt(j) != q) {
      char c = text.charAt(j);
      if (c == '\n' || c == '\\') {
        return -1; // escapes and multi-line strings are not read
      }
      value.append(c);
      j++;
    }
    if (j >= text.length()) {
      return -1;
    }
    out.add(new Located(value.toString(), i + 1, 0)); // the offset, until placed()
    return j + 1;
  }

  /**
   * The values with their offsets turned into lines and columns, in one pass over the text (the
   * offsets only grow).
   */
  private static List<Located> placed(String text, List<Located> found) {
    List<Located> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int k = 0;
    for (Located f : found) {
      int offset = f.line();
      for (; k < offset; k++) {
        if (text.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      out.add(new Located(f.value(), line, offset - lineStart + 1));
    }
    return out;
  }
}
