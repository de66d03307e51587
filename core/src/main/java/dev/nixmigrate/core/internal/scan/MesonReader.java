package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the name and languages of a meson.build's {@code project()} call. The call's arguments are
 * scanned by hand, in one pass, so that long strings cost linear time and no stack.
 */
final class MesonReader {
  private static final Pattern PROJECT = Pattern.compile("(?m)^[ \\t]*project[ \\t]*\\(");

  private MesonReader() {}

  /**
   * The name and version (null when none), the languages, and the 1-based line of {@code project(}.
   */
  record MesonProject(String name, String version, List<Language> languages, int line) {}

  static MesonProject read(String text) {
    Matcher m = PROJECT.matcher(text);
    if (!m.find()) {
      return new MesonProject(null, null, List.of(), 1);
    }
    List<String> positional = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    int depth = 0;
    boolean keyword = false;
    String version = null;
    StringBuilder word = new StringBuilder();
    String key = null;
    for (int i = m.end(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        word.append(c);
        continue;
      }
      if (c == ':' && depth == 0) {
        key = word.toString();
      }
      if (!Character.isWhitespace(c)) {
        word.setLength(0);
      }
      if (c == '\'') {
        int end = stringEnd(text, i);
        String s = unescape(text.substring(i + 1, Math.min(end, text.length())));
        if (!keyword && depth == 0) {
          positional.add(s);
        } else if (!keyword && depth == 1) {
          listed.add(s);
        } else if (keyword && depth == 0 && "version".equals(key) && version == null) {
          version = s;
        }
        i = end;
      } else if (c == '#') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ':' && depth == 0) {
        keyword = true; // Positional arguments come before the first keyword argument.
      }
    }
    String name = positional.isEmpty() ? null : positional.get(0);
    List<Language> langs = new ArrayList<>();
    List<String> languageNames =
        new ArrayList<>(positional.subList(Math.min(1, positional.size()), positional.size()));
    languageNames.addAll(listed);
    for (String lang : languageNames) {
      Language l =
          switch (lang) {
            case "c" -> Language.C;
            case "cpp" -> Language.CPP;
            default -> null;
          };
      if (l != null && !langs.contains(l)) {
        langs.add(l);
      }
    }
    int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    return new MesonProject(name, version, langs, line);
  }

  /** The index of the quote closing the string that opens at {@code start}, or the text's end. */
  private static int stringEnd(String text, int start) {
    boolean triple = text.startsWith("'''", start);
    int i = start + (triple ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (triple ? text.startsWith("'''", i) : c == '\'') {
        return triple ? i + 2 : i;
      } else if (!triple && c == '\n') {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static String unescape(String s) {
    return s.startsWith("''") ? s.substring(2, Math.max(2, s.length() - 2)) : s.replace("\\'", "'");
  }
}
