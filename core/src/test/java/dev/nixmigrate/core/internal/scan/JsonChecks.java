package dev.nixmigrate.core.internal.scan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates one expectation such as {@code projects[.].rust.members has crates/cli} against parsed
 * {@code --json} output; returns null when it holds, else what was found instead.
 */
final class JsonChecks {
  private JsonChecks() {}

  static String evaluate(Map<String, Object> root, String check) {
    if (check.startsWith("diagnostic~ ")) {
      String needle = check.substring("diagnostic~ ".length());
      List<?> diags = (List<?>) root.get("diagnostics");
      boolean found =
          diags.stream()
              .anyMatch(d -> String.valueOf(((Map<?, ?>) d).get("message")).contains(needle));
      return found ? null : "no diagnostic contains it; diagnostics: " + diags;
    }
    String[] parts = check.split(" ", 3);
    if (parts.length < 3) {
      return "malformed check";
    }
    Object value;
    try {
      value = navigate(root, parts[0]);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    String op = parts[1];
    String expected = parts[2];
    return switch (op) {
      case "=" -> render(value).equals(expected) ? null : "found " + render(value);
      case "has" ->
          value instanceof List<?> l
                  && l.stream().map(JsonChecks::render).anyMatch(expected::equals)
              ? null
              : "found " + render(value);
      case "lacks" ->
          value instanceof List<?> l
                  && l.stream().map(JsonChecks::render).noneMatch(expected::equals)
              ? null
              : "found " + render(value);
      case "count" ->
          value instanceof List<?> l && String.valueOf(l.size()).equals(expected)
              ? null
              : "found "
                  + (value instanceof List<?> l ? l.size() + ": " + render(value) : render(value));
      default -> "unknown op " + op;
    };
  }

  private static Object navigate(Object node, String path) {
    Object current = node;
    for (String step : path.split("\\.(?![^\\[]*\\])")) {
      String key = step;
      String select = null;
      int bracket = step.indexOf('[');
      if (bracket >= 0) {
        key = step.substring(0, bracket);
        select = step.substring(bracket + 1, step.length() - 1);
      }
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        if (current instanceof Map<?, ?> && select == null) {
          return null; // An absent key reads as null.
        }
        throw new IllegalArgumentException("no key '" + key + "' at " + step);
      }
      current = m.get(key);
      if (select != null) {
        Object picked = null;
        for (Object item : (List<?>) current) {
          if (item instanceof Map<?, ?> im && select.equals(String.valueOf(im.get("path")))) {
            picked = item;
          }
        }
        if (picked == null) {
          throw new IllegalArgumentException(
              "no element with path '"
                  + select
                  + "' in "
                  + key
                  + ": "
                  + ((List<?>) current)
                      .stream()
                          .map(i -> String.valueOf(((Map<?, ?>) i).get("path")))
                          .collect(Collectors.joining(", ")));
        }
        current = picked;
      }
    }
    return current;
  }

  static String render(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(JsonChecks::render).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }
}
