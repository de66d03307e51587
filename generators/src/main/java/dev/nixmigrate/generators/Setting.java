package dev.nixmigrate.generators;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every generation option, declared once: its key in {@code nixmigrate.toml}, its command-line
 * flag, what it means, an example, the step it shapes, and how it reads from and sets {@link
 * Options}. The command line, the settings file, {@code steps --json} and the README's table are
 * all derived from this list.
 */
public enum Setting {
  SYSTEMS(
      "systems",
      "--system",
      "SYSTEM",
      Type.LIST,
      3,
      "Nix system the flake supports, repeatable (default: x86_64-linux, aarch64-linux,"
          + " aarch64-darwin).",
      "--system x86_64-linux --system aarch64-darwin",
      Options::systems,
      (o, v) -> o.withSystems(Type.strings(v))),
  OS(
      "os",
      "--os",
      "LABEL",
      Type.LIST,
      1,
      "CI runner, repeatable (default: ubuntu-latest and macos-latest).",
      "--os ubuntu-24.04",
      Options::osMatrix,
      (o, v) -> o.withOsMatrix(Type.strings(v))),
  PYTHON(
      "python",
      "--python",
      "VERSION",
      Type.LIST,
      1,
      "CPython version for CI, repeatable (default: what requires-python allows).",
      "--python 3.13",
      Options::pythonVersions,
      (o, v) -> o.withPythonVersions(Type.strings(v))),
  CI(
      "ci",
      "--ci",
      "SERVICE",
      Type.STRING,
      1,
      "CI service the jobs are written for: github or gitlab (default: gitlab where the"
          + " repository's own CI or its git remote is GitLab's, else github).",
      "--ci gitlab",
      o -> o.ci() == null ? null : o.ci().id(),
      (o, v) -> o.withCi(v == null || ((String) v).isEmpty() ? null : CiService.parse((String) v))),
  COMPILER_CACHE(
      "compiler-cache",
      "--compiler-cache",
      "TOOL",
      Type.STRING,
      2,
      "Compiler cache for C/C++: ccache or sccache (default: nixmigrate.toml's, else ccache).",
      "--compiler-cache sccache",
      o -> o.cCompilerCache().command(),
      (o, v) -> o.withCCompilerCache(CompilerCache.parse((String) v))),
  COMPILER_CACHE_STORAGE(
      "compiler-cache-storage",
      "--compiler-cache-storage",
      "SPEC",
      Type.STRING,
      2,
      "Where CI's compiler caches keep their entries: ci (the CI service's cache, the default),"
          + " or a server every job shares: redis://HOST:PORT, s3:BUCKET?region=REGION,"
          + " webdav:https://HOST/PATH or gcs:BUCKET. Credentials come from CI secrets.",
      "--compiler-cache-storage redis://cache.example.com:6379",
      o -> o.cacheStorage().spec(),
      (o, v) -> o.withCacheStorage(CacheStorage.parse((String) v))),
  BINARY_CACHE(
      "binary-cache",
      "--binary-cache",
      "SPEC",
      Type.STRING,
      5,
      "Step 5's binary cache: cachix:NAME, attic:URL/NAME, s3:BUCKET?region=REGION or none.",
      "--binary-cache cachix:my-project",
      o -> o.binaryCache().spec(),
      (o, v) -> o.withBinaryCache(BinaryCache.parse((String) v), o.cachePublicKey())),
  CACHE_PUBLIC_KEY(
      "cache-public-key",
      "--cache-public-key",
      "KEY",
      Type.STRING,
      5,
      "The binary cache's public signing key.",
      "--cache-public-key my-project.cachix.org-1:AbC...=",
      Options::cachePublicKey,
      (o, v) ->
          o.withBinaryCache(
              o.binaryCache(), v == null || ((String) v).isEmpty() ? null : (String) v)),
  BUILDERS(
      "builders",
      "--builder",
      "LINE",
      Type.LIST,
      5,
      "A remote builder as a machines-file line, repeatable.",
      "--builder 'ssh-ng://nix@big.example x86_64-linux - 16 2 big-parallel'",
      Options::builders,
      (o, v) -> o.withBuilders(Type.strings(v))),
  NIX_INSTALLER(
      "nix-installer",
      "--nix-installer",
      "ACTION",
      Type.STRING,
      4,
      "How CI installs Nix: cachix (cachix/install-nix-action) or determinate (default:"
          + " nixmigrate.toml's, else cachix).",
      "--nix-installer determinate",
      o -> o.nixInstaller().id(),
      (o, v) -> o.withNixInstaller(NixInstaller.parse((String) v))),
  FLAKE_NIX_CONFIG(
      "flake-nix-config",
      "--flake-nix-config",
      null,
      Type.FLAG,
      5,
      "Also name the binary cache in the flake's nixConfig (each user must accept it).",
      "--flake-nix-config",
      Options::flakeNixConfig,
      (o, v) -> o.withFlakeNixConfig((Boolean) v)),
  DEVCONTAINER(
      "devcontainer",
      "--devcontainer",
      null,
      Type.FLAG,
      3,
      "Also write .devcontainer/devcontainer.json: the dev shell in Codespaces or DevPod"
          + " (default: on).",
      "--no-devcontainer",
      Options::devcontainer,
      (o, v) -> o.withDevcontainer((Boolean) v)),
  DEPENDABOT(
      "dependabot",
      "--dependabot",
      null,
      Type.FLAG,
      1,
      "Also write .github/dependabot.yml for the pinned actions, the manifests and flake.lock"
          + " (default: on; never where Renovate is configured).",
      "--no-dependabot",
      Options::dependabot,
      (o, v) -> o.withDependabot((Boolean) v)),
  ENVIRONMENT_COSTS(
      "environment-costs",
      "--environment-cost",
      "PLACE=COST",
      Type.LIST,
      5,
      "What developing in one place costs, for the migration notes, repeatable; PLACE is local,"
          + " codespaces, cloud-vm or devpod (default: the notes' own figures).",
      "--environment-cost 'cloud-vm=EUR 30 a month for our shared builder'",
      Options::environmentCosts,
      (o, v) -> o.withEnvironmentCosts(Type.strings(v))),
  TEMPLATES(
      "templates",
      "--templates",
      "DIR",
      Type.PATH,
      3,
      "A folder of templates that replace the bundled ones of the same name.",
      "--templates nix/templates",
      Options::templateDir,
      (o, v) -> o.withTemplateDir((Path) v));

  /** The form of an option's value. */
  public enum Type {
    /** Strings, the flag repeatable; a TOML array of strings. */
    LIST,
    /** One string. */
    STRING,
    /** true or false; the flag is negatable ({@code --no-...}). */
    FLAG,
    /** A folder. */
    PATH;

    @SuppressWarnings("unchecked")
    static List<String> strings(Object v) {
      return (List<String>) v;
    }
  }

  private final String key;
  private final String flag;
  private final String label;
  private final Type type;
  private final int step;
  private final String description;
  private final String example;
  private final Function<Options, Object> get;
  private final BiFunction<Options, Object, Options> set;

  Setting(
      String key,
      String flag,
      String label,
      Type type,
      int step,
      String description,
      String example,
      Function<Options, Object> get,
      BiFunction<Options, Object, Options> set) {
    this.key = key;
    this.flag = flag;
    this.label = label;
    this.type = type;
    this.step = step;
    this.description = description;
    this.example = example;
    this.get = get;
    this.set = set;
  }

  /** The key in {@code nixmigrate.toml}. */
  public String key() {
    return key;
  }

  /** The command-line flag, like {@code --system}. */
  public String flag() {
    return flag;
  }

  /** The flag's value as help shows it, like {@code SYSTEM}; null for a flag without a value. */
  public String label() {
    return label;
  }

  public Type type() {
    return type;
  }

  /** The step this option shapes. */
  public int step() {
    return step;
  }

  /** What it means and its default, in a sentence. */
  public String description() {
    return description;
  }

  /** A command line that sets it. */
  public String example() {
    return example;
  }

  /** The description with the example, as help shows it. */
  public String help() {
    return description + " Example: " + example;
  }

  /** The value in {@code o}: a list of strings, a string (null when unset), a boolean or a path. */
  public Object get(Options o) {
    return get.apply(o);
  }

  /**
   * {@code o} with this option set to {@code value}, of the form {@link #type} says.
   *
   * @throws IllegalArgumentException when the value is not one the option takes; the message says
   *     what to write
   */
  public Options set(Options o, Object value) {
    return set.apply(o, value);
  }

  /** The options that shape step {@code n}, in declaration order. */
  public static List<Setting> ofStep(int n) {
    return java.util.Arrays.stream(values()).filter(s -> s.step == n).toList();
  }
}
