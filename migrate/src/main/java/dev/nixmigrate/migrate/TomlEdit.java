package dev.nixmigrate.migrate;

import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A minimal edit of a flat TOML file: the lines of keys whose values change are rewritten, keys
 * added go at the end, keys dropped lose their lines, and everything else (comments, order, blank
 * lines, the form of values that stay) is kept. The result is read back, and must hold exactly the
 * wanted values.
 */
final class TomlEdit {
  private TomlEdit() {}

  /**
   * {@code current} holding exactly {@code want}'s keys and values (rendered by {@link
   * Settings#render}), or null when the file is not one this edit can follow.
   */
  static String edit(String current, Map<String, Object> want) {
    TomlDoc doc = parse(current);
    if (doc == null) {
      return null;
    }
    List<String> lines = new ArrayList<>(List.of(current.split("\n", -1)));
    boolean finalNewline = current.endsWith("\n");
    if (finalNewline) {
      lines.remove(lines.size() - 1);
    }
    // Each key's lines, replaced from the bottom so the line numbers above stay right.
    List<String> keys = new ArrayList<>(doc.keys());
    keys.sort((a, b) -> Integer.compare(doc.line(b), doc.line(a)));
    for (String key : keys) {
      int start = doc.line(key) - 1;
      int[] end = valueEnd(lines, start);
      if (start < 0 || end == null) {
        return null;
      }
      if (!want.containsKey(key)) {
        lines.subList(start, end[0] + 1).clear();
      } else if (!Settings.render(doc.value(key)).equals(Settings.render(want.get(key)))) {
        // A comment after a one-line value stays with the new value.
        String comment = start == end[0] && end[1] >= 0 ? lines.get(start).substring(end[1]) : "";
        String pad = comment.isEmpty() ? "" : "  ";
        lines.subList(start, end[0] + 1).clear();
        lines.add(start, key + " = " + Settings.render(want.get(key)) + pad + comment.strip());
      }
    }
    for (Map.Entry<String, Object> e : want.entrySet()) {
      if (!doc.has(e.getKey())) {
        lines.add(e.getKey() + " = " + Settings.render(e.getValue()));
      }
    }
    String out = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    TomlDoc check = parse(out);
    if (check == null || !new HashSet<>(check.keys()).equals(want.keySet())) {
      return null;
    }
    for (Map.Entry<String, Object> e : want.entrySet()) {
      if (!Settings.render(check.value(e.getKey())).equals(Settings.render(e.getValue()))) {
        return null;
      }
    }
    return out;
  }

  private static TomlDoc parse(String text) {
    try {
      return TomlReader.parse(text, Settings.PATH);
    } catch (ManifestException e) {
      return null;
    }
  }

  /**
   * Where the value of the key on line {@code start} ends: {line, column of a comment after it on
   * that line or -1}; null when the line holds no {@code =} or a value runs to the end of the file.
   */
  private static int[] valueEnd(List<String> lines, int start) {
    if (start < 0 || start >= lines.size()) {
      return null;
    }
    int eq = lines.get(start).indexOf('=');
    if (eq < 0) {
      return null;
    }
    int depth = 0;
    String open = null; // the quote that opened the string we are in
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = -1;
      for (int j = i == start ? eq + 1 : 0; j < line.length(); j++) {
        char c = line.charAt(j);
        if (open != null) {
          if (c == '\\' && open.startsWith("\"")) {
            j++;
          } else if (line.startsWith(open, j)) {
            j += open.length() - 1;
            open = null;
          }
          continue;
        }
        if (c == '#') {
          comment = j;
          break;
        }
        if (c == '"' || c == '\'') {
          String q = String.valueOf(c);
          open = line.startsWith(q.repeat(3), j) ? q.repeat(3) : q;
          j += open.length() - 1;
        } else if (c == '[' || c == '{') {
          depth++;
        } else if (c == ']' || c == '}') {
          depth--;
        }
      }
      if (open != null && open.length() == 1) {
        return null; // a one-line string left open: not TOML this edit follows
      }
      if (depth == 0 && open == null) {
        return new int[] {i, comment};
      }
    }
    return null;
  }
}
