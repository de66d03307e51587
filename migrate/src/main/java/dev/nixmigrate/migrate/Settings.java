package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.read.ManifestException;
import dev.nixmigrate.core.read.TomlDoc;
import dev.nixmigrate.core.read.TomlReader;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code nixmigrate.toml}: the step a repository was brought to and the choices that shaped its
 * files, so that a re-run and {@code check} reproduce them. Commit it; edit it or pass flags.
 */
public record Settings(int step, Options options) {
  public static final String PATH = "nixmigrate.toml";

  /** The repository's settings, or empty when it has no nixmigrate.toml. */
  public static Optional<Settings> read(Path root) {
    Path file = root.resolve(PATH);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    TomlDoc doc;
    try {
      doc = TomlReader.read(file, PATH);
    } catch (ManifestException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.diagnostic().toString());
    }
    Options d = Options.defaults();
    try {
      Object step = doc.value("step");
      String templates = doc.string("templates");
      Options o =
          new Options(
              list(doc, "systems", d.systems()),
              list(doc, "os", d.osMatrix()),
              list(doc, "python", d.pythonVersions()),
              or(doc.string("compiler-cache"), d.cCompilerCache()),
              templates == null || templates.isEmpty() ? null : root.resolve(templates).normalize(),
              BinaryCache.parse(or(doc.string("binary-cache"), "none")),
              empty(doc.string("cache-public-key")),
              list(doc, "builders", d.builders()),
              or(doc.string("nix-installer"), d.nixInstaller()),
              doc.flag("flake-nix-config"));
      return Optional.of(new Settings(step instanceof Long l ? l.intValue() : 0, o));
    } catch (IllegalArgumentException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, PATH + ": " + e.getMessage());
    }
  }

  private static List<String> list(TomlDoc doc, String key, List<String> fallback) {
    return doc.has(key) ? doc.strings(key) : fallback;
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
    b.append("step = ").append(step).append('\n');
    b.append("systems = ").append(array(options.systems())).append('\n');
    b.append("os = ").append(array(options.osMatrix())).append('\n');
    b.append("python = ").append(array(options.pythonVersions())).append('\n');
    b.append("compiler-cache = ").append(str(options.cCompilerCache())).append('\n');
    b.append("binary-cache = ").append(str(spec(options.binaryCache()))).append('\n');
    if (options.cachePublicKey() != null) {
      b.append("cache-public-key = ").append(str(options.cachePublicKey())).append('\n');
    }
    b.append("builders = ").append(array(options.builders())).append('\n');
    b.append("nix-installer = ").append(str(options.nixInstaller())).append('\n');
    b.append("flake-nix-config = ").append(options.flakeNixConfig()).append('\n');
    if (options.templateDir() != null) {
      Path t = options.templateDir().toAbsolutePath().normalize();
      Path r = root.toAbsolutePath().normalize();
      b.append("templates = ")
          .append(str(t.startsWith(r) ? r.relativize(t).toString() : t.toString()))
          .append('\n');
    }
    return b.toString();
  }

  static String spec(BinaryCache c) {
    return switch (c.kind()) {
      case "cachix" -> "cachix:" + c.name();
      case "attic" -> "attic:" + c.endpoint() + "/" + c.name();
      case "s3" -> "s3:" + c.storeUri().substring("s3://".length());
      default -> "none";
    };
  }

  private static String array(List<String> values) {
    return "[" + String.join(", ", values.stream().map(Settings::str).toList()) + "]";
  }

  private static String str(String s) {
    return Escape.tomlString(s);
  }
}
