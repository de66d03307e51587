package dev.nixmigrate.core.scan;

import dev.nixmigrate.core.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the name and languages of a meson.build's {@code project()} call. */
final class MesonReader {
  private static final Pattern PROJECT =
      Pattern.compile("(?s)^\\s*project\\s*\\((.*?)\\)", Pattern.MULTILINE);
  private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

  private MesonReader() {}

  record MesonProject(String name, List<Language> languages) {}

  static MesonProject read(String text) {
    Matcher m = PROJECT.matcher(text);
    if (!m.find()) {
      return new MesonProject(null, List.of());
    }
    String args = m.group(1);
    // Positional strings come before the first keyword argument.
    int kw = args.indexOf(':');
    String positional =
        kw < 0
            ? args
            : args.substring(0, args.lastIndexOf(',', kw) < 0 ? kw : args.lastIndexOf(',', kw));
    List<String> strings = new ArrayList<>();
    Matcher s = STRING.matcher(positional);
    while (s.find()) {
      strings.add(s.group(1));
    }
    String name = strings.isEmpty() ? null : strings.get(0);
    List<Language> langs = new ArrayList<>();
    for (String lang : strings.subList(Math.min(1, strings.size()), strings.size())) {
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
    Matcher list = Pattern.compile("\\[([^\\]]*)\\]").matcher(positional);
    if (list.find()) {
      Matcher ls = STRING.matcher(list.group(1));
      while (ls.find()) {
        Language l =
            ls.group(1).equals("c") ? Language.C : ls.group(1).equals("cpp") ? Language.CPP : null;
        if (l != null && !langs.contains(l)) {
          langs.add(l);
        }
      }
    }
    return new MesonProject(name, langs);
  }
}
