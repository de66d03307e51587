package dev.nixmigrate.core.internal.text;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The double-quoted string that JSON, YAML and TOML share: {@code "} and {@code \} escaped, the
 * usual control characters by their short escapes, and the characters a format wants spelled out as
 * {@code \}{@code uXXXX}.
 */
public final class Backslashed {
  private Backslashed() {}

  public static String quote(String s, IntPredicate asUnicode) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (asUnicode.test(c)) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
