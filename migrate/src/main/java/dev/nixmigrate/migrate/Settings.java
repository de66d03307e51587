package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlReader;
import dev.nixmigrate.core.steps.Steps;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nixmigrate.toml}: the step a repository was brought to and the choices that shaped its
 * files, so that a re-run and {@code check} reproduce them. Commit it; edit it or pass flags.
 */
public record Settings(int step, Options options, List<String> include, List<String> exclude) {
  public Settings {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Settings with no include or exclude globs. */
  public Settings(int step, Options options) {
    this(step, options, List.of(), List.of());
  }

  /** The same choices, recorded for {@code step}. */
  public Settings at(int newStep, Options newOptions) {
    return new Settings(newStep, newOptions, include, exclude);
  }

  public static final String PATH = "nixmigrate.toml";

  /** The keys nixmigrate.toml may hold; anything else is a mistake worth naming. */
  static final List<String> KEYS = keys();

  private static List<String> keys() {
    List<String> k = new java.util.ArrayList<>();
    k.add("step");
    java.util.Arrays.stream(Setting.values()).map(Setting::key).forEach(k::add);
    k.add("include");
    k.add("exclude");
    return List.copyOf(k);
  }

  /**
   * The repository's settings, or empty when it has no nixmigrate.toml. The file is the
   * repository's, so untrusted: every key is checked for its type and range, and a bad one is a
   * bad-input error at its line and column.
   */
  public static Optional<Settings> read(Path root) {
    return read(root, Steps.STANDARD);
  }

  /** As {@link #read(Path)}, for a repository migrated through {@code steps}. */
  public static Optional<Settings> read(Path root, Steps steps) {
    Path file = root.resolve(PATH);
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(file)) {
        throw new NixMigrateException(
            NixMigrateException.Kind.BAD_INPUT,
            PATH + ": is a symbolic link; nixmigrate reads only a regular file there");
      }
      return Optional.empty();
    }
    TomlDoc doc;
    try {
      doc = TomlReader.read(file, PATH);
    } catch (ManifestException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.diagnostic().toString());
    }
    for (String key : doc.keys()) {
      if (!KEYS.contains(key)) {
        throw bad(doc, key, "unknown key '" + key + "'; the keys are " + String.join(", ", KEYS));
      }
    }
    long step = doc.has("step") ? integer(doc, "step") : 0;
    if (step < 0 || step > steps.size()) {
      throw bad(doc, "step", "step must be 0 to " + steps.size() + ", not " + step);
    }
    // Each key is applied on its own, so a value the options refuse is reported at its key.
    Options o = Options.defaults();
    for (Setting setting : Setting.values()) {
      if (!doc.has(setting.key())) {
        continue;
      }
      Object value =
          switch (setting.type()) {
            case LIST -> list(doc, setting.key(), List.of());
            case STRING -> string(doc, setting.key());
            case FLAG -> flag(doc, setting.key());
            case PATH -> templates(root, doc);
          };
      try {
        o = setting.set(o, value);
      } catch (IllegalArgumentException e) {
        throw bad(doc, setting.key(), e.getMessage());
      }
    }
    // Which folders are projects: read by the scan (core's ProjectRoles); kept here so that
    // writing the file back keeps them.
    List<String> include = list(doc, "include", List.of());
    List<String> exclude = list(doc, "exclude", List.of());
    return Optional.of(new Settings((int) step, o, include, exclude));
  }

  /** The same settings with no template folder: for runs that must not use the repository's. */
  public Settings withoutTemplates() {
    return new Settings(step, options.withTemplateDir(null), include, exclude);
  }

  /**
   * The template folder the file names, which must be a folder inside the repository: templates run
   * as part of nixmigrate, so a repository may only bring its own, never point elsewhere.
   */
  private static Path templates(Path root, TomlDoc doc) {
    String t = string(doc, "templates");
    if (t == null || t.isEmpty()) {
      return null;
    }
    Path rel;
    try {
      rel = Path.of(t);
    } catch (java.nio.file.InvalidPathException e) {
      throw bad(doc, "templates", "'" + t + "' is not a path");
    }
    if (rel.isAbsolute() || !rel.normalize().equals(rel) || rel.startsWith("..")) {
      throw bad(
          doc,
          "templates",
          "templates must be a folder inside the repository, given relative to it"
              + " (like \"nix/templates\"), not '"
              + t
              + "'");
    }
    Path dir = root.resolve(rel);
    try {
      Path real = dir.toRealPath();
      if (!real.startsWith(root.toRealPath()) || !Files.isDirectory(real)) {
        throw bad(
            doc,
            "templates",
            "'" + t + "' leads outside the repository or is not a folder; name a folder in it");
      }
    } catch (java.io.IOException e) {
      throw bad(doc, "templates", "the template folder '" + t + "' does not exist");
    }
    return dir.normalize();
  }

  private static NixMigrateException bad(TomlDoc doc, String key, String what) {
    return new NixMigrateException(
        NixMigrateException.Kind.BAD_INPUT,
        PATH
            + ":"
            + doc.line(key)
            + ":"
            + doc.column(key)
            + ": "
            + what
            + "; fix the file or delete the key");
  }

  private static long integer(TomlDoc doc, String key) {
    if (doc.value(key) instanceof Long l) {
      return l;
    }
    throw bad(doc, key, key + " must be a whole number");
  }

  private static String string(TomlDoc doc, String key) {
    if (!doc.has(key)) {
      return null;
    }
    if (doc.value(key) instanceof String s) {
      return s;
    }
    throw bad(doc, key, key + " must be a string");
  }

  private static boolean flag(TomlDoc doc, String key) {
    if (!doc.has(key)) {
      return false;
    }
    if (doc.value(key) instanceof Boolean b) {
      return b;
    }
    throw bad(doc, key, key + " must be true or false");
  }

  private static List<String> list(TomlDoc doc, String key, List<String> fallback) {
    if (!doc.has(key)) {
      return fallback;
    }
    if (doc.value(key) instanceof List<?> values
        && values.stream().allMatch(v -> v instanceof String)) {
      return values.stream().map(String.class::cast).toList();
    }
    throw bad(doc, key, key + " must be an array of strings");
  }

  /** The file's text: stable key order, so an unchanged choice never rewrites it. */
  public String toToml(Path root) {
    StringBuilder b = new StringBuilder();
    b.append(
            "# nixmigrate's settings for this repository: the step it was brought to and the choices\n")
        .append(
            "# that shaped its files. `nixmigrate step`, `plan` and `check` read it; flags given on the\n")
        .append("# command line override it, and `step` writes them back. Commit it.\n");
    values(root).forEach((k, v) -> b.append(k).append(" = ").append(render(v)).append('\n'));
    return b.toString();
  }

  /**
   * The file's text after recording these settings in {@code current}, the user's file: only the
   * lines of keys whose values change are rewritten, added or removed, so the user's comments,
   * order and layout stay. When the file cannot be edited so (a value in a form this edit does not
   * follow), the whole file is written afresh.
   */
  public String toToml(Path root, String current) {
    if (current == null) {
      return toToml(root);
    }
    Map<String, Object> want = values(root);
    String edited = TomlEdit.edit(current, want);
    return edited != null ? edited : toToml(root);
  }

  /** Each key the file records, with its value, in the file's order. */
  private Map<String, Object> values(Path root) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("step", (long) step);
    for (Setting setting : Setting.values()) {
      if (setting.type() == Setting.Type.PATH) {
        continue; // the template folder goes last, and only when it is inside the repository
      }
      Object value = setting.get(options);
      if (value != null) {
        v.put(setting.key(), value);
      }
    }
    if (!include.isEmpty()) {
      v.put("include", include);
    }
    if (!exclude.isEmpty()) {
      v.put("exclude", exclude);
    }
    if (options.templateDir() != null) {
      // Only a folder inside the repository is recorded: the file may name no other (see read),
      // so a folder elsewhere stays a command-line choice.
      Path t = options.templateDir().toAbsolutePath().normalize();
      Path r = root.toAbsolutePath().normalize();
      if (t.startsWith(r) && !t.equals(r)) {
        v.put(Setting.TEMPLATES.key(), r.relativize(t).toString());
      }
    }
    return v;
  }

  /** A value as TOML: a string, a whole number, true or false, or an array of strings. */
  static String render(Object v) {
    if (v instanceof String s) {
      return str(s);
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(Settings::render).toList()) + "]";
    }
    return String.valueOf(v);
  }

  private static String str(String s) {
    return Escape.tomlString(s);
  }
}
