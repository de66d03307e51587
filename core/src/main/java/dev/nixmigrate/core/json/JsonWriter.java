package dev.nixmigrate.core.json;

import dev.nixmigrate.core.internal.text.Backslashed;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as indented JSON, keys in the map's own
 * order, so output is byte-for-byte stable.
 */
public final class JsonWriter {
  private JsonWriter() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object v, int indent) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pad(b, indent + 1);
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent + 1);
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        b.append("[]");
        return;
      }
      boolean simple = l.stream().allMatch(x -> x instanceof String || x instanceof Number);
      if (simple) {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            b.append(", ");
          }
          write(b, l.get(i), indent);
        }
        b.append(']');
        return;
      }
      b.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        pad(b, indent + 1);
        write(b, l.get(i), indent + 1);
        b.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void pad(StringBuilder b, int indent) {
    b.append("  ".repeat(indent));
  }

  /** RFC 8259 string escaping; U+2028/U+2029 escaped too so the output is also valid JavaScript. */
  static void string(StringBuilder b, String s) {
    b.append(Backslashed.quote(s, c -> c < 0x20 || c == 0x2028 || c == 0x2029));
  }
}
