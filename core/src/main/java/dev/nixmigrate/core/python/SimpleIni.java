package dev.nixmigrate.core.python;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of Python's configparser that setup.cfg and tox.ini use: sections, {@code key = value}
 * or {@code key: value}, indented continuation lines, {@code #}/{@code ;} comments.
 */
final class SimpleIni {
  private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

  static SimpleIni parse(String text) {
    SimpleIni ini = new SimpleIni();
    Map<String, String> current = null;
    String lastKey = null;
    for (String raw : text.split("\r?\n", -1)) {
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
        current =
            ini.sections.computeIfAbsent(
                trimmed.substring(1, trimmed.length() - 1).strip(), k -> new LinkedHashMap<>());
        lastKey = null;
      } else if (Character.isWhitespace(raw.charAt(0)) && current != null && lastKey != null) {
        current.merge(lastKey, trimmed, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
      } else if (current != null) {
        int eq = indexOfSeparator(trimmed);
        if (eq > 0) {
          lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
          current.put(lastKey, trimmed.substring(eq + 1).strip());
        }
      }
    }
    return ini;
  }

  private static int indexOfSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  String get(String section, String key) {
    Map<String, String> s = sections.get(section);
    return s == null ? null : s.get(key);
  }

  Map<String, String> section(String name) {
    return sections.getOrDefault(name, Map.of());
  }
}
