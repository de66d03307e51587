package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.NativeBuild;
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

  /**
   * Something meson installs: an {@code install:} keyword that is not literally false, or one of
   * the {@code install_*()} functions. nixpkgs' meson hook installs with {@code meson install},
   * which makes no output folder when nothing is declared.
   */
  private static final Pattern MESON_INSTALL =
      Pattern.compile(
          "(?m)(?:^|[^.\\w])(?:install[ \\t]*:(?![ \\t]*false\\b)"
              + "|install_(?:headers|data|man|subdir|symlink|emptydir)[ \\t]*\\()");

  /** A string literal that starts by going up: {@code '../../lib'}. */
  private static final Pattern MESON_UP =
      Pattern.compile("'((?:\\.\\./){0,32}\\.\\.)(?:/[^'\\n]{0,256})?'");

  /** A use of an install prefix variable: {@code $(PREFIX)}, {@code ${prefix}} or an assignment. */
  private static final Pattern MAKE_PREFIX =
      Pattern.compile(
          "(?m)\\$[({](PREFIX|prefix)[)}]"
              + "|^(?:override[ \\t]+|export[ \\t]+)?(PREFIX|prefix)[ \\t]*[:?+]?=");

  /** At most this many Makefiles below a delegating one are read for prefix variables. */
  private static final int MAX_SUB_MAKEFILES = 64;

  private NativeBuildReader() {}

  /** The meson build of the project at {@code dir}, reading every meson.build below it. */
  static NativeBuild meson(
      RepoFiles files, Map<String, List<String>> tree, String dir, MesonReader.MesonProject mp) {
    String file = RepoFiles.join(dir, "meson.build");
    String version =
        FieldRule.MESON_VERSION.check(files, mp.version(), file, mp.line(), 1, "the version");
    boolean tests = false;
    boolean installs = false;
    String above = null;
    Set<String> deps = new TreeSet<>();
    for (String sub : below(tree, dir, "meson.build")) {
      String text = files.text(RepoFiles.join(sub, "meson.build")).orElse("");
      tests = tests || MESON_TEST.matcher(text).find();
      installs = installs || MESON_INSTALL.matcher(text).find();
      int depth =
          sub.equals(dir) ? 0 : segments(dir.equals(".") ? sub : sub.substring(dir.length() + 1));
      Matcher up = MESON_UP.matcher(text);
      while (above == null && up.find()) {
        // Each `..` climbs one folder; past the folder of this meson.build's project it leaves src.
        if (segments(up.group(1)) > depth) {
          above = up.group(0);
        }
      }
      Matcher m = MESON_DEPENDENCY.matcher(text);
      while (m.find()) {
        String name = m.group(1).strip();
        if (!MESON_BUILTIN.contains(name) && FieldRule.PACKAGE_NAME.accepts(name)) {
          deps.add(name);
        }
      }
    }
    return new NativeBuild(
        "meson", version, tests ? "test" : null, List.copyOf(deps), installs, List.of(), above);
  }

  /**
   * The Makefile build at {@code dir}: its test and install targets, its pkg-config modules, and
   * the prefix variables it or (when it delegates) the Makefiles below it use.
   */
  static NativeBuild make(RepoFiles files, Map<String, List<String>> tree, String dir) {
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
    pkgConfigModules(text, modules);
    Set<String> prefixes = new TreeSet<>();
    prefixVariables(text, prefixes);
    if (delegates(files, dir)) {
      // The Makefiles it hands the work to build the project: their libraries and prefixes count.
      below(tree, dir, "Makefile").stream()
          .filter(d -> !d.equals(dir))
          .limit(MAX_SUB_MAKEFILES)
          .map(d -> files.text(RepoFiles.join(d, "Makefile")).orElse(""))
          .forEach(
              sub -> {
                prefixVariables(sub, prefixes);
                pkgConfigModules(sub, modules);
              });
    }
    return new NativeBuild(
        "make",
        null,
        test,
        List.copyOf(modules),
        targets.contains("install"),
        List.copyOf(prefixes),
        null);
  }

  private static int segments(String path) {
    return path.split("/").length;
  }

  /** The modules a Makefile asks pkg-config for ({@code pkg-config --cflags --libs NAME}). */
  private static void pkgConfigModules(String makefile, Set<String> into) {
    Matcher p = PKG_CONFIG.matcher(makefile);
    while (p.find()) {
      for (String word : p.group(1).trim().split("\\s+")) {
        if (!word.startsWith("-") && !word.contains("$") && FieldRule.PACKAGE_NAME.accepts(word)) {
          into.add(word);
        }
      }
    }
  }

  private static void prefixVariables(String makefile, Set<String> into) {
    Matcher m = MAKE_PREFIX.matcher(makefile);
    while (m.find() && into.size() < 2) {
      into.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
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
