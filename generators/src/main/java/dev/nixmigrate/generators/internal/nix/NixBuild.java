package dev.nixmigrate.generators.internal.nix;

import java.util.ArrayList;
import java.util.List;

/**
 * One flake package (step 4), decided in Java; {@code step4/packages.ftl} lays it out. Every string
 * is already Nix: literals escaped, attributes checked.
 *
 * @param kind {@code python}, {@code rust}, {@code cmake}, {@code meson} or {@code make}
 * @param attr the attribute under {@code packages.<system>}
 * @param pname a Nix string literal
 * @param version a Nix string literal
 * @param src a Nix path expression
 * @param builder the function that builds it, e.g. {@code pkgs.python313.pkgs.buildPythonPackage}
 * @param buildSystem Python build backends ({@code ps.hatchling})
 * @param dependencies Python runtime dependencies on every system
 * @param platformDependencies Python runtime dependencies of some systems only
 * @param nativeBuildInputs tools for the build machine
 * @param buildInputs libraries
 * @param checkInputs test tools ({@code ps.pytestCheckHook})
 * @param lockFile a Nix path to Cargo.lock (Rust and maturin), or null
 * @param cmakeFlags Nix string literals
 * @param makeFlags Nix strings for make's command line ({@code "PREFIX=${placeholder "out"}"})
 * @param checkTarget a Nix string literal naming make's test target, or null
 * @param phases shell phases and hooks that replace or extend the builder's own
 * @param env variables for the build: name and Nix expression
 * @param notes comment lines (what could not be mapped)
 * @param doCheck whether building runs the tests
 * @param relaxDeps the Python dependencies whose version bounds the runtime check ignores ({@code
 *     pythonRelaxDeps}; Nix strings)
 * @param fetchGit whether Cargo.lock takes crates from git, which {@code importCargoLock} fetches
 *     only with a hash each or with {@code allowBuiltinFetchGit}
 */
public record NixBuild(
    String kind,
    String attr,
    String pname,
    String version,
    String src,
    String builder,
    List<String> buildSystem,
    List<String> dependencies,
    List<OnPlatform> platformDependencies,
    List<String> nativeBuildInputs,
    List<String> buildInputs,
    List<String> checkInputs,
    String lockFile,
    List<String> cmakeFlags,
    List<String> makeFlags,
    String checkTarget,
    List<Phase> phases,
    List<DevShellPlan.EnvVar> env,
    List<String> notes,
    boolean doCheck,
    boolean fetchGit,
    List<String> relaxDeps) {

  public NixBuild {
    buildSystem = List.copyOf(buildSystem);
    dependencies = List.copyOf(dependencies);
    platformDependencies = List.copyOf(platformDependencies);
    nativeBuildInputs = List.copyOf(nativeBuildInputs);
    buildInputs = List.copyOf(buildInputs);
    checkInputs = List.copyOf(checkInputs);
    cmakeFlags = List.copyOf(cmakeFlags);
    makeFlags = List.copyOf(makeFlags);
    phases = List.copyOf(phases);
    env = List.copyOf(env);
    notes = List.copyOf(notes);
    relaxDeps = List.copyOf(relaxDeps);
  }

  /**
   * A {@code pkgs.stdenv.mkDerivation} package: the fields of the Python and Rust builders stay
   * empty.
   */
  static NixBuild stdenv(
      String kind,
      String attr,
      String pname,
      String version,
      String src,
      List<String> nativeBuildInputs,
      List<String> buildInputs,
      List<String> cmakeFlags,
      List<String> makeFlags,
      String checkTarget,
      List<Phase> phases,
      List<String> notes,
      boolean doCheck) {
    return new NixBuild(
        kind,
        attr,
        pname,
        version,
        src,
        "pkgs.stdenv.mkDerivation",
        List.of(),
        List.of(),
        List.of(),
        nativeBuildInputs,
        buildInputs,
        List.of(),
        null,
        cmakeFlags,
        makeFlags,
        checkTarget,
        phases,
        List.of(),
        notes,
        doCheck,
        false,
        List.of());
  }

  /**
   * The {@code dependencies} list as its parts: the list of every system's, when there are any,
   * then one list per platform.
   */
  public List<OnPlatform> dependencyParts() {
    List<OnPlatform> parts = new ArrayList<>();
    if (!dependencies.isEmpty()) {
      parts.add(new OnPlatform(OnPlatform.EVERY, dependencies));
    }
    parts.addAll(platformDependencies);
    return parts;
  }

  /**
   * A Python package's package set, the one of its own interpreter ({@code python311Packages} for
   * {@code pkgs.python311.pkgs.buildPythonPackage}); empty for other kinds.
   */
  public String pythonSet() {
    int at = builder.indexOf(".pkgs.");
    return kind.equals("python") && builder.startsWith("pkgs.") && at > 0
        ? builder.substring("pkgs.".length(), at) + "Packages"
        : "";
  }

  public boolean hasLockFile() {
    return lockFile != null;
  }

  /** {@link #buildInputs}, with the Linux-only libraries apart. */
  public List<OnPlatform> buildInputParts() {
    return OnPlatform.byPlatform(buildInputs);
  }

  public boolean hasCheckTarget() {
    return checkTarget != null;
  }

  /**
   * Items of a list that only some systems have, written {@code lib.optionals
   * stdenv.hostPlatform.isLinux [ ... ]}.
   *
   * @param platform the {@code hostPlatform} attribute that holds there ({@code isLinux}), or empty
   *     for every system
   * @param items Nix expressions
   */
  public record OnPlatform(String platform, List<String> items) {
    static final String EVERY = "";
    static final String LINUX = "isLinux";
    static final String DARWIN = "isDarwin";

    public OnPlatform {
      items = List.copyOf(items);
    }

    public boolean everywhere() {
      return platform.equals(EVERY);
    }

    /**
     * {@code items} (Nix expressions) in parts: those for every system, then the packages that
     * nixpkgs builds for Linux only ({@code meta.platforms}), which on macOS would fail the
     * evaluation of the whole list.
     */
    static List<OnPlatform> byPlatform(List<String> items) {
      List<String> every = new java.util.ArrayList<>();
      List<String> linux = new java.util.ArrayList<>();
      for (String item : items) {
        boolean linuxOnly =
            item.startsWith("pkgs.")
                && dev.nixmigrate.core.internal.nixpkgs.NixpkgsData.bundled()
                    .linuxOnly(item.substring("pkgs.".length()));
        (linuxOnly ? linux : every).add(item);
      }
      List<OnPlatform> out = new java.util.ArrayList<>();
      if (!every.isEmpty()) {
        out.add(new OnPlatform(EVERY, every));
      }
      if (!linux.isEmpty()) {
        out.add(new OnPlatform(LINUX, linux));
      }
      return out;
    }
  }

  /**
   * A phase or hook written out as an indented string ({@code installPhase = '' ... '';}).
   *
   * @param name the attribute, e.g. {@code installPhase}
   * @param lines shell lines, already escaped for an indented string
   */
  public record Phase(String name, List<String> lines) {
    public Phase {
      lines = List.copyOf(lines);
    }
  }
}
