package dev.nixmigrate.generators;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The user's choices for generation, with defaults that suit most repositories.
 *
 * @param systems Nix systems the flake supports, e.g. {@code x86_64-linux}
 * @param osMatrix CI runner labels, e.g. {@code ubuntu-latest}
 * @param pythonVersions CPython versions for CI; empty means "what requires-python allows"
 * @param cCompilerCache {@code ccache} or {@code sccache} for C/C++
 * @param cacheStorage where step 2's compiler caches keep their entries: the CI service's cache, or
 *     a server shared by every job and checkout
 * @param templateDir a folder whose templates replace the bundled ones of the same name, or null
 * @param binaryCache where step 5 pushes and pulls
 * @param cachePublicKey the cache's signing public key ({@code name-1:base64}), or null
 * @param builders remote builders as machines-file lines ({@code ssh-ng://user@host x86_64-linux})
 * @param nixInstaller {@code cachix} (cachix/install-nix-action) or {@code determinate}
 * @param flakeNixConfig whether the flake also names the cache in {@code nixConfig} (only on
 *     request: Nix asks each user to accept it, and for a trusted user accepting amounts to root)
 * @param devcontainer whether step 3 writes {@code .devcontainer/devcontainer.json}
 * @param dependabot whether GitHub repositories get {@code .github/dependabot.yml}
 * @param environmentCosts the migration notes' costs of the places to develop, as {@code
 *     PLACE=TEXT} ({@link DevEnvironment}); a place not named keeps its default
 * @param ci the CI service to write jobs for, or null to detect it from the repository
 */
public record Options(
    List<String> systems,
    List<String> osMatrix,
    List<String> pythonVersions,
    CompilerCache cCompilerCache,
    CacheStorage cacheStorage,
    Path templateDir,
    BinaryCache binaryCache,
    String cachePublicKey,
    List<String> builders,
    NixInstaller nixInstaller,
    boolean flakeNixConfig,
    boolean devcontainer,
    boolean dependabot,
    List<String> environmentCosts,
    CiService ci) {

  public static final List<String> DEFAULT_SYSTEMS =
      List.of("x86_64-linux", "aarch64-linux", "aarch64-darwin");

  /**
   * The systems the flake's nixpkgs (nixos-unstable) evaluates for. x86_64-darwin is not one:
   * nixpkgs 26.11 dropped it, and importing nixpkgs for it fails.
   */
  public static final List<String> KNOWN_SYSTEMS =
      List.of("x86_64-linux", "aarch64-linux", "aarch64-darwin");

  private static final Pattern PUBLIC_KEY = Pattern.compile("[A-Za-z0-9._-]+:[A-Za-z0-9+/]{43}=");
  private static final Pattern BUILDER =
      Pattern.compile("(ssh|ssh-ng)://[A-Za-z0-9._@-]+(:\\d+)?( [A-Za-z0-9_,.:/@=+-]+){0,7}");

  public Options {
    systems = List.copyOf(systems);
    osMatrix = List.copyOf(osMatrix);
    pythonVersions = List.copyOf(pythonVersions);
    builders = List.copyOf(builders);
    environmentCosts = List.copyOf(environmentCosts);
    DevEnvironment.costs(environmentCosts); // refuses a bad entry with what to write instead
    Objects.requireNonNull(cCompilerCache, "cCompilerCache");
    Objects.requireNonNull(cacheStorage, "cacheStorage");
    Objects.requireNonNull(binaryCache, "binaryCache");
    for (String s : systems) {
      if (s.equals("x86_64-darwin")) {
        throw new IllegalArgumentException(
            "x86_64-darwin is not offered: nixpkgs dropped it in 26.11, and the flake follows"
                + " nixos-unstable, whose import fails for it, so nix flake check would fail on"
                + " every system. Leave it out; nixos-26.05, the last release with Intel Macs,"
                + " is supported until the end of 2026");
      }
      if (!KNOWN_SYSTEMS.contains(s)) {
        throw new IllegalArgumentException(
            "unknown Nix system '" + s + "'; use one of " + String.join(", ", KNOWN_SYSTEMS));
      }
    }
    if (systems.isEmpty()) {
      throw new IllegalArgumentException("name at least one Nix system");
    }
    for (String v : pythonVersions) {
      if (!v.matches("3\\.\\d{1,2}")) {
        throw new IllegalArgumentException("Python version '" + v + "' is not like 3.13");
      }
    }
    for (String os : osMatrix) {
      if (!os.matches("[a-z0-9][a-z0-9.-]*")) {
        throw new IllegalArgumentException("runner label '" + os + "' is not like ubuntu-latest");
      }
    }
    if (cachePublicKey != null && !PUBLIC_KEY.matcher(cachePublicKey).matches()) {
      throw new IllegalArgumentException(
          "cache public key '"
              + cachePublicKey
              + "' is not like name-1:<44 base64 characters>; copy it from the cache's settings");
    }
    for (String b : builders) {
      if (!BUILDER.matcher(b).matches()) {
        throw new IllegalArgumentException(
            "builder '"
                + b
                + "' is not a machines-file line like"
                + " 'ssh-ng://nix@builder.example x86_64-linux - 8 1 big-parallel'");
      }
    }
    Objects.requireNonNull(nixInstaller, "nixInstaller");
  }

  public static Options defaults() {
    return new Options(
        DEFAULT_SYSTEMS,
        List.of("ubuntu-latest", "macos-latest"),
        List.of(),
        CompilerCache.CCACHE,
        CacheStorage.CI,
        null,
        BinaryCache.NONE,
        null,
        List.of(),
        NixInstaller.CACHIX,
        false,
        true,
        true,
        List.of(),
        null);
  }

  /** The same options with the fields {@code change} sets on a copy. */
  private Options with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** A mutable copy of the fields, so that each with-method names only its own field. */
  private static final class Builder {
    List<String> systems;
    List<String> osMatrix;
    List<String> pythonVersions;
    CompilerCache cCompilerCache;
    CacheStorage cacheStorage;
    Path templateDir;
    BinaryCache binaryCache;
    String cachePublicKey;
    List<String> builders;
    NixInstaller nixInstaller;
    boolean flakeNixConfig;
    boolean devcontainer;
    boolean dependabot;
    List<String> environmentCosts;
    CiService ci;

    Builder(Options o) {
      systems = o.systems;
      osMatrix = o.osMatrix;
      pythonVersions = o.pythonVersions;
      cCompilerCache = o.cCompilerCache;
      cacheStorage = o.cacheStorage;
      templateDir = o.templateDir;
      binaryCache = o.binaryCache;
      cachePublicKey = o.cachePublicKey;
      builders = o.builders;
      nixInstaller = o.nixInstaller;
      flakeNixConfig = o.flakeNixConfig;
      devcontainer = o.devcontainer;
      dependabot = o.dependabot;
      environmentCosts = o.environmentCosts;
      ci = o.ci;
    }

    Options build() {
      return new Options(
          systems,
          osMatrix,
          pythonVersions,
          cCompilerCache,
          cacheStorage,
          templateDir,
          binaryCache,
          cachePublicKey,
          builders,
          nixInstaller,
          flakeNixConfig,
          devcontainer,
          dependabot,
          environmentCosts,
          ci);
    }
  }

  public Options withSystems(List<String> s) {
    return with(b -> b.systems = s);
  }

  public Options withOsMatrix(List<String> os) {
    return with(b -> b.osMatrix = os);
  }

  public Options withPythonVersions(List<String> versions) {
    return with(b -> b.pythonVersions = versions);
  }

  public Options withTemplateDir(Path dir) {
    return with(b -> b.templateDir = dir);
  }

  public Options withCCompilerCache(CompilerCache cache) {
    return with(b -> b.cCompilerCache = cache);
  }

  public Options withCacheStorage(CacheStorage storage) {
    return with(b -> b.cacheStorage = storage);
  }

  public Options withBinaryCache(BinaryCache cache, String publicKey) {
    return with(
        b -> {
          b.binaryCache = cache;
          b.cachePublicKey = publicKey;
        });
  }

  public Options withBuilders(List<String> list) {
    return with(b -> b.builders = list);
  }

  public Options withNixInstaller(NixInstaller installer) {
    return with(b -> b.nixInstaller = installer);
  }

  public Options withFlakeNixConfig(boolean on) {
    return with(b -> b.flakeNixConfig = on);
  }

  public Options withDevcontainer(boolean on) {
    return with(b -> b.devcontainer = on);
  }

  public Options withDependabot(boolean on) {
    return with(b -> b.dependabot = on);
  }

  public Options withEnvironmentCosts(List<String> costs) {
    return with(b -> b.environmentCosts = costs);
  }

  /** The CI service to write for; null detects it from the repository. */
  public Options withCi(CiService service) {
    return with(b -> b.ci = service);
  }

  /** These options with each option of {@code given} set to its value, in the map's order. */
  public Options with(java.util.Map<Setting, Object> given) {
    Options o = this;
    for (java.util.Map.Entry<Setting, Object> e : given.entrySet()) {
      o = e.getKey().set(o, e.getValue());
    }
    return o;
  }
}
