package dev.nixmigrate.core.internal.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of Python's configparser that setup.cfg and tox.ini use: sections, {@code key = value}
 * or {@code key: value}, indented continuation lines, {@code #}/{@code ;} comments. Lines that are
 * none of these, which configparser refuses, are kept as {@link #problems()}.
 */
final class SimpleIni {
  /** A value and the 1-based line of each of its lines. */
  private record Value(String text, List<Integer> lines) {}

  /** A line configparser would refuse, and why. */
  record Problem(int line, String message) {}

  private final Map<String, Map<String, Value>> sections = new LinkedHashMap<>();
  private final Map<String, Integer> sectionLines = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  static SimpleIni parse(String text) {
    SimpleIni ini = new SimpleIni();
    Map<String, Value> current = null;
    String lastKey = null;
    String[] rawLines = text.split("\r?\n", -1);
    for (int i = 0; i < rawLines.length; i++) {
      String raw = rawLines[i];
      int line = i + 1;
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
        String name = trimmed.substring(1, trimmed.length() - 1).strip();
        current = ini.sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
        ini.sectionLines.putIfAbsent(name, line);
        lastKey = null;
      } else if (Character.isWhitespace(raw.charAt(0)) && current != null && lastKey != null) {
        Value v = current.get(lastKey);
        List<Integer> lines = new ArrayList<>(v.lines());
        if (v.text().isEmpty()) {
          current.put(lastKey, new Value(trimmed, List.of(line)));
        } else {
          lines.add(line);
          current.put(lastKey, new Value(v.text() + "\n" + trimmed, lines));
        }
      } else if (current == null) {
        ini.problems.add(new Problem(line, "text before the first [section]"));
      } else {
        int eq = indexOfSeparator(trimmed);
        if (eq > 0) {
          lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
          current.put(lastKey, new Value(trimmed.substring(eq + 1).strip(), List.of(line)));
        } else {
          ini.problems.add(
              new Problem(line, "neither a [section], a key = value nor an indented continuation"));
          lastKey = null;
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
    Map<String, Value> s = sections.get(section);
    return s == null || s.get(key) == null ? null : s.get(key).text();
  }

  /** The 1-based line of the {@code index}-th line of the value, or of its section; 1 if absent. */
  int line(String section, String key, int index) {
    Map<String, Value> s = sections.get(section);
    if (s == null || s.get(key) == null) {
      return sectionLines.getOrDefault(section, 1);
    }
    List<Integer> lines = s.get(key).lines();
    return lines.get(Math.min(index, lines.size() - 1));
  }

  Map<String, String> section(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    sections.getOrDefault(name, Map.of()).forEach((k, v) -> out.put(k, v.text()));
    return out;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }
}
