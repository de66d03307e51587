package dev.nixmigrate.core.internal.nix;

import java.util.ArrayList;
import java.util.List;

/**
 * Nix's tokens, enough to find brackets, identifiers and punctuation outside comments and strings:
 * what the flake hook-up and {@code status} read a flake with.
 */
public final class NixTokens {
  private NixTokens() {}

  /** A token: its text (strings and interpolations collapsed) and where it ends. */
  public record Token(String text, int end, boolean ident) {
    public boolean is(String s) {
      return text.equals(s);
    }

    public boolean opens() {
      return text.equals("{") || text.equals("(") || text.equals("[") || text.equals("${");
    }

    public boolean closes() {
      return text.equals("}") || text.equals(")") || text.equals("]");
    }
  }

  /** Nix's tokens, enough to find brackets, identifiers and punctuation outside strings. */
  public static List<Token> scan(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          throw new IllegalStateException("unclosed comment");
        }
        i = end + 2;
      } else if (c == '"') {
        i = skipString(s, i + 1);
        out.add(new Token("\"\"", i, false));
      } else if (c == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
        i = skipIndented(s, i + 2);
        out.add(new Token("''", i, false));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(s.charAt(i)) || "_'-".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        out.add(new Token(s.substring(start, i), i, true));
      } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
        i += 2;
        out.add(new Token("${", i, false));
      } else {
        i++;
        out.add(new Token(String.valueOf(c), i, false));
      }
    }
    return out;
  }

  /** The index after the closing quote of a "..." string whose content starts at {@code i}. */
  private static int skipString(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        i = skipInterpolation(s, i + 2);
      } else {
        i++;
      }
    }
    throw new IllegalStateException("unclosed string");
  }

  /** The index after the closing '' of an indented string whose content starts at {@code i}. */
  private static int skipIndented(String s, int i) {
    while (i < s.length()) {
      if (s.startsWith("'''", i) || s.startsWith("''$", i)) {
        i += 3;
      } else if (s.startsWith("''\\", i)) {
        i += 4;
      } else if (s.startsWith("''", i)) {
        return i + 2;
      } else if (s.startsWith("${", i)) {
        i = skipInterpolation(s, i + 2);
      } else {
        i++;
      }
    }
    throw new IllegalStateException("unclosed indented string");
  }

  /** The index after the } closing an interpolation whose code starts at {@code i}. */
  private static int skipInterpolation(String s, int i) {
    int depth = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        i = skipString(s, i + 1);
      } else if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
        i = skipIndented(s, i + 2);
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '{') {
        depth++;
        i++;
      } else if (c == '}') {
        i++;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    throw new IllegalStateException("unclosed interpolation");
  }
}
