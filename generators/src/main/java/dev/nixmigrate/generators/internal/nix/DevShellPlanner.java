package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.internal.python.PythonVersions;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Warnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Decides the dev shell's toolchains, libraries, cache tools and environment. */
public final class DevShellPlanner {
  private final NixpkgsData data;
  private final Warnings warnings;
  private final String base;

  public DevShellPlanner(NixpkgsData data, Warnings warnings) {
    this(data, warnings, ".");
  }

  /** A planner for a Nix file in the folder {@code base} leads to from the root (see NixExpr). */
  public DevShellPlanner(NixpkgsData data, Warnings warnings, String base) {
    this.data = data;
    this.warnings = warnings;
    this.base = base;
  }

  /** The shell for {@code facts} at {@code step} (3 or later: step 2's cache tools included). */
  public DevShellPlan plan(RepoFacts facts, Options options, int step) {
    TreeSet<String> packages = new TreeSet<>();
    Map<String, String> env = new TreeMap<>();
    List<String> hook = new ArrayList<>();
    boolean overlay = false;
    packages.add(NixExpr.pkg("just")); // Step 1's recipes are how the shell is used.

    Optional<Project> pyProject = first(facts, p -> p.python().isPresent());
    if (pyProject.isPresent()) {
      PythonProject py = pyProject.get().python().orElseThrow();
      String interpreter = interpreter(py, pyProject.get().path());
      switch (py.packageManager()) {
        case UV -> {
          packages.add(NixExpr.pkg(interpreter));
          packages.add(NixExpr.pkg("uv"));
          env.put("UV_PYTHON", NixExpr.pkg(interpreter) + ".interpreter");
          env.put("UV_PYTHON_DOWNLOADS", Escape.nixString("never"));
          hook.add("unset PYTHONPATH");
        }
        case POETRY, PDM, HATCH -> {
          packages.add(NixExpr.pkg(interpreter));
          packages.add(NixExpr.pkg(py.packageManager().id()));
          hook.add("unset PYTHONPATH");
        }
        default -> {
          // nixpkgs' Python is externally managed (PEP 668): pip refuses to install into it, so
          // the shell makes and enters a virtual environment, as venvShellHook would (that hook
          // runs only when shellHook is empty, and step 2 sets one).
          packages.add(NixExpr.pkg(interpreter));
          hook.add("if [ ! -d .venv ]; then python3 -m venv .venv; fi");
          hook.add("source .venv/bin/activate");
          hook.add("unset PYTHONPATH");
        }
      }
    }

    Optional<Project> rsProject = first(facts, p -> p.rust().isPresent());
    if (rsProject.isPresent()) {
      RustProject rs = rsProject.get().rust().orElseThrow();
      Optional<String> toolchain = toolchainFile(facts);
      if (toolchain.isPresent()) {
        overlay = true;
        packages.add(
            "(pkgs.rust-bin.fromRustupToolchainFile "
                + NixExpr.relativePath(base, toolchain.get())
                + ")");
      } else {
        if (rs.toolchain() != null) {
          warnings.add(
              rs.toolchain().file(),
              "names no channel; the dev shell uses nixpkgs' Rust toolchain");
        }
        for (String tool : List.of("cargo", "rustc", "clippy", "rustfmt", "rust-analyzer")) {
          packages.add(NixExpr.pkg(tool));
        }
        env.put("RUST_SRC_PATH", "\"${pkgs.rustPlatform.rustLibSrc}\"");
      }
      if (step >= 2) {
        packages.add(NixExpr.pkg("sccache"));
        env.put("RUSTC_WRAPPER", Escape.nixString("sccache"));
        env.put("CARGO_INCREMENTAL", Escape.nixString("0"));
      }
    }

    boolean cmake = facts.projects().stream().anyMatch(p -> p.cmake().isPresent());
    boolean cLike = facts.projects().stream().anyMatch(DevShellPlanner::cLike);
    if (cmake) {
      packages.add(NixExpr.pkg("cmake"));
      packages.add(NixExpr.pkg("ninja"));
    }
    if (cLike && step >= 2) {
      CompilerCache cache = options.cCompilerCache();
      packages.add(NixExpr.pkg(cache.command()));
      env.put("CMAKE_C_COMPILER_LAUNCHER", Escape.nixString(cache.command()));
      env.put("CMAKE_CXX_COMPILER_LAUNCHER", Escape.nixString(cache.command()));
      if (cache == CompilerCache.CCACHE) {
        // Nix store files all have mtime 1, so ccache's default mtime check would miss changes.
        env.put("CCACHE_COMPILERCHECK", Escape.nixString("content"));
        // hash_dir=false and the checkout's root as base_dir let two checkouts share hits:
        // ccache makes paths below base_dir relative to the build folder.
        env.put("CCACHE_NOHASHDIR", Escape.nixString("1"));
        hook.add(
            NixExpr.indentedLine(
                "export CCACHE_BASEDIR=\"${CCACHE_BASEDIR:-$(git rev-parse --show-toplevel"
                    + " 2>/dev/null || pwd)}\""));
      }
    }
    for (Project p : facts.projects()) {
      for (NixPackage n : p.nixPackages()) {
        if (data.isKnownAttribute(n.attribute())) {
          packages.add(NixExpr.pkg(n.attribute()));
        }
      }
    }
    List<String> loaded = loadedAtRunTime(facts);
    if (!loaded.isEmpty()) {
      env.put("LD_LIBRARY_PATH", libraryPath(loaded));
    }
    List<DevShellPlan.EnvVar> vars = new ArrayList<>();
    env.forEach((k, v) -> vars.add(new DevShellPlan.EnvVar(NixExpr.envName(k), v)));
    return new DevShellPlan(
        Escape.nixString("Development environment for " + repositoryName(facts)),
        overlay,
        List.copyOf(packages),
        vars,
        hook);
  }

  /** The name files give the repository: its first project's, else its remote's. */
  static String repositoryName(RepoFacts facts) {
    return facts.projects().isEmpty()
        ? dev.nixmigrate.core.internal.scan.RepoName.of(facts.root())
        : facts.projects().get(0).name();
  }

  /**
   * The compiler caches the dev shell uses from step 2: sccache for Rust, the chosen one for C and
   * C++.
   */
  static java.util.SortedSet<CompilerCache> compilerCaches(RepoFacts facts, Options options) {
    java.util.SortedSet<CompilerCache> out = new TreeSet<>();
    if (first(facts, p -> p.rust().isPresent()).isPresent()) {
      out.add(CompilerCache.SCCACHE);
    }
    if (first(facts, DevShellPlanner::cLike).isPresent()) {
      out.add(options.cCompilerCache());
    }
    return out;
  }

  private static boolean cLike(Project p) {
    return p.languages().contains(Language.C) || p.languages().contains(Language.CPP);
  }

  /** The newest stable CPython nixpkgs has that requires-python allows. */
  String interpreter(PythonProject py, String path) {
    Optional<String> chosen = interpreterVersion(py);
    if (chosen.isEmpty()) {
      List<String> versions = interpreterVersions();
      warnings.add(
          py.requiresPythonSource().isEmpty() ? path : py.requiresPythonSource(),
          "requires-python "
              + py.requiresPython()
              + " allows no CPython that nixpkgs has ("
              + String.join(", ", versions)
              + "); the dev shell uses python3");
      return "python3";
    }
    return data.stablePythonInterpreters().get(chosen.get());
  }

  /**
   * The CPython minor version ({@code 3.13}) of {@link #interpreter}: the newest nixpkgs has that
   * requires-python allows; empty when none is, and the shell falls back to python3.
   */
  Optional<String> interpreterVersion(PythonProject py) {
    return PythonVersions.newestAllowed(py.requiresPython(), interpreterVersions());
  }

  private List<String> interpreterVersions() {
    return data.stablePythonInterpreters().keySet().stream()
        .sorted(DevShellPlanner::compareVersions)
        .toList();
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * Crates whose windows are drawn through libraries loaded at run time (dlopen): winit loads the
   * X11 and Wayland client libraries and libxkbcommon, the GL and Vulkan back ends load libGL and
   * the Vulkan loader. Nothing links them, so no RPATH finds them in a Nix shell.
   */
  private static final Set<String> WINDOW_CRATES =
      Set.of("winit", "eframe", "bevy", "wgpu", "iced", "glutin", "glium", "slint", "tao");

  private static final List<String> WINDOW_LIBRARIES =
      List.of(
          "wayland",
          "libxkbcommon",
          "libx11",
          "libxcursor",
          "libxrandr",
          "libxi",
          "libGL",
          "vulkan-loader");

  /**
   * The libraries programs in the shell load at run time without an RPATH to find them: the C++
   * runtime and zlib that PyPI's manylinux wheels expect of the system (a wheel with native code,
   * installed by pip or uv, fails to import without them), and the window system's libraries for
   * crates that draw windows. Linux only: macOS wheels and frameworks carry their own.
   */
  private List<String> loadedAtRunTime(RepoFacts facts) {
    TreeSet<String> out = new TreeSet<>();
    if (facts.projects().stream().anyMatch(p -> p.python().isPresent())) {
      out.add("pkgs.stdenv.cc.cc.lib");
      out.add(NixExpr.pkg("zlib"));
    }
    if (drawsWindows(facts)) {
      WINDOW_LIBRARIES.stream()
          .filter(data::isKnownAttribute)
          .forEach(a -> out.add(NixExpr.pkg(a)));
    }
    return List.copyOf(out);
  }

  /** Whether some crate draws windows through libraries it loads at run time. */
  private static boolean drawsWindows(RepoFacts facts) {
    return facts.projects().stream()
        .flatMap(p -> p.rust().stream())
        .flatMap(rs -> rs.packages().stream())
        .anyMatch(c -> c.dependencies().stream().anyMatch(WINDOW_CRATES::contains));
  }

  /** Whether the dev shell sets {@code LD_LIBRARY_PATH} on Linux (see {@link #plan}). */
  public static boolean setsLibraryPath(RepoFacts facts) {
    return facts.projects().stream().anyMatch(p -> p.python().isPresent()) || drawsWindows(facts);
  }

  /**
   * {@code LD_LIBRARY_PATH} on Linux, empty elsewhere: a Nix value laid out as nixfmt lays it out
   * in the shell's {@code env} (its lines indented from the attribute's).
   */
  private static String libraryPath(List<String> libraries) {
    StringBuilder b =
        new StringBuilder("pkgs.lib.optionalString pkgs.stdenv.hostPlatform.isLinux (\n");
    b.append("                pkgs.lib.makeLibraryPath [\n");
    libraries.forEach(l -> b.append("                  ").append(l).append('\n'));
    b.append("                ]\n");
    b.append("              )");
    return b.toString();
  }

  /**
   * The {@code rust-toolchain.toml} (repository-relative) the flake takes its Rust from, through
   * rust-overlay: the first Rust project's, when it names a channel. The dev shell and the packages
   * built with it use this one.
   */
  static Optional<String> toolchainFile(RepoFacts facts) {
    return first(facts, p -> p.rust().isPresent())
        .flatMap(p -> p.rust())
        .map(RustProject::toolchain)
        .filter(t -> t.channel() != null)
        .map(RustProject.RustToolchain::file);
  }

  private static Optional<Project> first(RepoFacts facts, java.util.function.Predicate<Project> p) {
    return facts.projects().stream().filter(p).findFirst();
  }
}
