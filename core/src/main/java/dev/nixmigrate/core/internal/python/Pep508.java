package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.model.Marker;
import dev.nixmigrate.core.model.Requirement;
import java.util.ArrayList;
import java.util.List;

/** Parses PEP 508 dependency specifiers. */
public final class Pep508 {
  private final String text;
  private int pos;

  private Pep508(String text) {
    this.text = text;
  }

  /** A specifier that does not parse; {@link #offset()} is the 0-based character position. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    SyntaxException(String message, int offset) {
      super(message);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }

  /** Parses one specifier such as {@code requests[socks]>=2.31,<3; python_version<'3.13'}. */
  public static Requirement parse(String text) throws SyntaxException {
    return new Pep508(text).requirement();
  }

  /** Parses an environment marker on its own, such as Poetry's {@code markers} value. */
  public static Marker parseMarker(String text) throws SyntaxException {
    return MarkerParser.parse(text, 0);
  }

  private Requirement requirement() throws SyntaxException {
    ws();
    String name = identifier();
    if (name.isEmpty()) {
      throw new SyntaxException("expected a package name", pos);
    }
    ws();
    List<String> extras = new ArrayList<>();
    if (peek() == '[') {
      pos++;
      ws();
      while (peek() != ']') {
        String extra = identifier();
        if (extra.isEmpty()) {
          throw new SyntaxException("expected an extra's name or ']'", pos);
        }
        extras.add(extra);
        ws();
        if (peek() == ',') {
          pos++;
          ws();
        } else if (peek() != ']') {
          throw new SyntaxException("expected ',' or ']' in extras", pos);
        }
      }
      pos++;
      ws();
    }
    String url = "";
    String spec = "";
    if (peek() == '@') {
      pos++;
      ws();
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      url = text.substring(start, pos);
      if (url.isEmpty()) {
        throw new SyntaxException("expected a URL after '@'", pos);
      }
      ws();
    } else {
      spec = versionSpec();
      ws();
    }
    Marker marker = Marker.always();
    if (peek() == ';') {
      marker = MarkerParser.parse(text, pos + 1);
      pos = text.length();
    }
    ws();
    if (pos < text.length()) {
      throw new SyntaxException("unexpected '" + text.charAt(pos) + "'", pos);
    }
    return new Requirement(name, extras, spec, url, marker);
  }

  private String versionSpec() throws SyntaxException {
    boolean paren = peek() == '(';
    if (paren) {
      pos++;
    }
    List<String> clauses = new ArrayList<>();
    while (true) {
      ws();
      int start = pos;
      while (pos < text.length() && "<>=!~".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String op = text.substring(start, pos);
      if (op.isEmpty()) {
        break;
      }
      if (!List.of("<", "<=", ">", ">=", "==", "!=", "~=", "===").contains(op)) {
        throw new SyntaxException("unknown version operator '" + op + "'", start);
      }
      ws();
      int vstart = pos;
      while (pos < text.length() && isVersionChar(text.charAt(pos))) {
        pos++;
      }
      if (pos == vstart) {
        throw new SyntaxException("expected a version after '" + op + "'", pos);
      }
      clauses.add(op + text.substring(vstart, pos));
      ws();
      if (peek() == ',') {
        pos++;
      } else {
        break;
      }
    }
    if (paren) {
      ws();
      if (peek() != ')') {
        throw new SyntaxException("expected ')'", pos);
      }
      pos++;
    }
    return String.join(",", clauses);
  }

  private static boolean isVersionChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '.'
        || c == '*'
        || c == '+'
        || c == '-'
        || c == '_'
        || c == '!';
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean edge = (c < 128 && Character.isLetterOrDigit(c));
      if (edge || ((c == '-' || c == '_' || c == '.') && pos > start)) {
        pos++;
      } else {
        break;
      }
    }
    // A name may not end in punctuation.
    while (pos > start && "-_.".indexOf(text.charAt(pos - 1)) >= 0) {
      pos--;
    }
    return text.substring(start, pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void ws() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
