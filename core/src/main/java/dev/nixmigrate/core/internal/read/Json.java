package dev.nixmigrate.core.internal.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for the few JSON manifests nixmigrate reads (vcpkg.json,
 * CMakePresets.json). Objects become ordered maps, numbers BigDecimal; depth is bounded.
 */
public final class Json {
  private static final int MAX_DEPTH = 256;
  private final String text;
  private final String file;
  private final Map<Object, Integer> offsets = new IdentityHashMap<>();
  private int pos;

  private Json(String text, String file) {
    this.text = text;
    this.file = file;
  }

  /** Parses {@code text} (from {@code file}), or throws with the line and column of the error. */
  public static Object parse(String text, String file) throws ManifestException {
    return parseLocated(text, file).value();
  }

  /** A parsed document that can say where each of its objects, arrays and strings stands. */
  public static final class Located {
    private final Json json;
    private final Object value;

    private Located(Json json, Object value) {
      this.json = json;
      this.value = value;
    }

    public Object value() {
      return value;
    }

    /** The 1-based line and column of {@code v}, a value of this document; 1:1 when unknown. */
    public int[] position(Object v) {
      Integer offset = v == null ? null : json.offsets.get(v);
      return offset == null ? new int[] {1, 1} : json.lineColumn(offset);
    }
  }

  /** Like {@link #parse}, keeping where each object, array and string stands. */
  public static Located parseLocated(String text, String file) throws ManifestException {
    Json j = new Json(text, file);
    j.ws();
    Object v = j.value(0);
    j.ws();
    if (j.pos != text.length()) {
      throw j.error("unexpected text after the JSON value");
    }
    return new Located(j, v);
  }

  private Object value(int depth) throws ManifestException {
    if (depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " deep");
    }
    if (pos >= text.length()) {
      throw error("unexpected end of file");
    }
    char c = text.charAt(pos);
    int start = pos;
    Object v = scalarOrContainer(c, depth);
    if (v instanceof Map || v instanceof List || v instanceof String) {
      offsets.put(v, start);
    }
    return v;
  }

  private Object scalarOrContainer(char c, int depth) throws ManifestException {
    switch (c) {
      case '{' -> {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
          pos++;
          return map;
        }
        while (true) {
          ws();
          if (peek() != '"') {
            throw error("expected a string key");
          }
          String key = string();
          ws();
          expect(':');
          ws();
          if (map.put(key, value(depth + 1)) != null) {
            throw error(
                "duplicate key \"" + dev.nixmigrate.core.internal.text.Printable.of(key) + "\"");
          }
          ws();
          if (peek() == ',') {
            pos++;
          } else {
            expect('}');
            return map;
          }
        }
      }
      case '[' -> {
        pos++;
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
          pos++;
          return list;
        }
        while (true) {
          ws();
          list.add(value(depth + 1));
          ws();
          if (peek() == ',') {
            pos++;
          } else {
            expect(']');
            return list;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (text.startsWith("true", pos)) {
          pos += 4;
          return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
          pos += 5;
          return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
          pos += 4;
          return null;
        }
        return number();
      }
    }
  }

  private BigDecimal number() throws ManifestException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (Character.isDigit(peek())) {
      while (Character.isDigit(peek())) {
        pos++;
      }
    } else {
      throw error("expected a value");
    }
    if (peek() == '.') {
      pos++;
      if (!Character.isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!Character.isDigit(peek())) {
        throw error("expected an exponent");
      }
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private String string() throws ManifestException {
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '/' -> b.append('/');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            throw error("bad \\u escape");
          }
          b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> {
          pos--;
          throw error("bad escape '\\" + e + "'");
        }
      }
    }
  }

  private void expect(char c) throws ManifestException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void ws() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private ManifestException error(String message) {
    int[] at = lineColumn(pos);
    return ManifestText.fail(file, at[0], at[1], "invalid JSON: " + message);
  }

  private int[] lineColumn(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
