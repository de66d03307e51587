package dev.nixmigrate.core.scan;

import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.read.FieldRule;
import dev.nixmigrate.core.read.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a meson.build tree or a Makefile says about building and testing: meson's version, whether
 * tests are declared and which dependencies are asked for; make's test target and the pkg-config
 * modules its rules name. Each file is scanned once with patterns that run in linear time.
 */
final class NativeBuildReader {
  /** A call of meson's {@code test()}, not a method such as {@code foo.test()}. */
  private static final Pattern MESON_TEST = Pattern.compile("(?m)(?:^|[^.\\w])test[ \\t]*\\(");

  private static final Pattern MESON_DEPENDENCY =
      Pattern.compile("(?:^|[^.\\w])dependency[ \\t]*\\([ \\t\\n]*'([^'\\n]{1,256})'");

  /** meson's built-in dependencies that no package provides. */
  private static final Set<String> MESON_BUILTIN =
      Set.of("threads", "openmp", "dl", "intl", "iconv", "appleframeworks", "");

  /** A rule's targets: a line that does not start with a tab, up to a ':' that is not ':='. */
  private static final Pattern MAKE_RULE =
      Pattern.compile("(?m)^([A-Za-z0-9_.][A-Za-z0-9_. \\t/-]{0,512}?)[ \\t]*::?(?![=:])");

  private static final Pattern PKG_CONFIG = Pattern.compile("pkg-config([^)`;|&\\n]{0,512})");

  private NativeBuildReader() {}

  /** The meson build of the project at {@code dir}, reading every meson.build below it. */
  static NativeBuild meson(
      RepoFiles files, Map<String, List<String>> tree, String dir, MesonReader.MesonProject mp) {
    String file = RepoFiles.join(dir, "meson.build");
    String version =
        FieldRule.MESON_VERSION.check(files, mp.version(), file, mp.line(), 1, "the version");
    boolean tests = false;
    Set<String> deps = new TreeSet<>();
    for (String sub : below(tree, dir, "meson.build")) {
      String text = files.text(RepoFiles.join(sub, "meson.build")).orElse("");
      tests = tests || MESON_TEST.matcher(text).find();
      Matcher m = MESON_DEPENDENCY.matcher(text);
      while (m.find()) {
        String name = m.group(1).strip();
        if (!MESON_BUILTIN.contains(name) && FieldRule.PACKAGE_NAME.accepts(name)) {
          deps.add(name);
        }
      }
    }
    return new NativeBuild("meson", version, tests ? "test" : null, List.copyOf(deps));
  }

  /** The Makefile build at {@code dir}: its test target and pkg-config modules. */
  static NativeBuild make(RepoFiles files, String dir) {
    String text = files.text(RepoFiles.join(dir, "Makefile")).orElse("");
    Set<String> targets = new TreeSet<>();
    Matcher m = MAKE_RULE.matcher(text);
    while (m.find()) {
      for (String t : m.group(1).trim().split("[ \\t]+")) {
        targets.add(t);
      }
    }
    String test = targets.contains("test") ? "test" : targets.contains("check") ? "check" : null;
    Set<String> modules = new TreeSet<>();
    Matcher p = PKG_CONFIG.matcher(text);
    while (p.find()) {
      for (String word : p.group(1).trim().split("\\s+")) {
        if (!word.startsWith("-") && !word.contains("$") && FieldRule.PACKAGE_NAME.accepts(word)) {
          modules.add(word);
        }
      }
    }
    return new NativeBuild("make", null, test, List.copyOf(modules));
  }

  /** True when the Makefile hands its work to make in other folders ({@code $(MAKE) -C lib}). */
  static boolean delegates(RepoFiles files, String dir) {
    String text = files.text(RepoFiles.join(dir, "Makefile")).orElse("");
    return text.contains("$(MAKE)") || text.contains("${MAKE}");
  }

  /** The folders at or below {@code dir} holding {@code name}, leaving out meson's subprojects. */
  private static List<String> below(Map<String, List<String>> tree, String dir, String name) {
    List<String> out = new ArrayList<>();
    tree.forEach(
        (d, names) -> {
          boolean inside = dir.equals(".") || d.equals(dir) || d.startsWith(dir + "/");
          if (!inside) {
            return;
          }
          String rel = dir.equals(".") ? d : d.equals(dir) ? "." : d.substring(dir.length() + 1);
          if (names.contains(name)
              && !rel.equals("subprojects")
              && !rel.startsWith("subprojects/")) {
            out.add(d);
          }
        });
    return out;
  }
}
