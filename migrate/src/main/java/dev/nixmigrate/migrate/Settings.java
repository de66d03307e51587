package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.read.ManifestException;
import dev.nixmigrate.core.read.TomlDoc;
import dev.nixmigrate.core.read.TomlReader;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.MigrationStep;
import dev.nixmigrate.generators.Options;
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
  static final List<String> KEYS =
      List.of(
          "step",
          "systems",
          "os",
          "python",
          "compiler-cache",
          "binary-cache",
          "cache-public-key",
          "builders",
          "nix-installer",
          "flake-nix-config",
          "templates",
          "include",
          "exclude");

  /**
   * The repository's settings, or empty when it has no nixmigrate.toml. The file is the
   * repository's, so untrusted: every key is checked for its type and range, and a bad one is a
   * bad-input error at its line and column.
   */
  public static Optional<Settings> read(Path root) {
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
    Options d = Options.defaults();
    long step = doc.has("step") ? integer(doc, "step") : 0;
    if (step < 0 || step > MigrationStep.ALL.size()) {
      throw bad(doc, "step", "step must be 0 to " + MigrationStep.ALL.size() + ", not " + step);
    }
    Path templates = templates(root, doc);
    // Each key is applied on its own, so a value the options refuse is reported at its key.
    Options o = d.withTemplateDir(templates);
    String current = "systems";
    try {
      o = o.withSystems(list(doc, current, d.systems()));
      current = "os";
      o = o.withOsMatrix(list(doc, current, d.osMatrix()));
      current = "python";
      o = o.withPythonVersions(list(doc, current, d.pythonVersions()));
      current = "compiler-cache";
      o = o.withCCompilerCache(or(string(doc, current), d.cCompilerCache()));
      current = "binary-cache";
      BinaryCache cache = BinaryCache.parse(or(string(doc, current), "none"));
      o = o.withBinaryCache(cache, null);
      current = "cache-public-key";
      o = o.withBinaryCache(cache, empty(string(doc, current)));
      current = "builders";
      o = o.withBuilders(list(doc, current, d.builders()));
      current = "nix-installer";
      o = o.withNixInstaller(or(string(doc, current), d.nixInstaller()));
      current = "flake-nix-config";
      o = o.withFlakeNixConfig(flag(doc, current));
    } catch (IllegalArgumentException e) {
      throw bad(doc, current, e.getMessage());
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

  private static String or(String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static String empty(String v) {
    return v == null || v.isEmpty() ? null : v;
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
    v.put("systems", options.systems());
    v.put("os", options.osMatrix());
    v.put("python", options.pythonVersions());
    v.put("compiler-cache", options.cCompilerCache());
    v.put("binary-cache", spec(options.binaryCache()));
    if (options.cachePublicKey() != null) {
      v.put("cache-public-key", options.cachePublicKey());
    }
    v.put("builders", options.builders());
    v.put("nix-installer", options.nixInstaller());
    v.put("flake-nix-config", options.flakeNixConfig());
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
        v.put("templates", r.relativize(t).toString());
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

  static String spec(BinaryCache c) {
    return switch (c.kind()) {
      case "cachix" -> "cachix:" + c.name();
      case "attic" -> "attic:" + c.endpoint() + "/" + c.name();
      case "s3" -> "s3:" + c.storeUri().substring("s3://".length());
      default -> "none";
    };
  }

  private static String str(String s) {
    return Escape.tomlString(s);
  }
}
