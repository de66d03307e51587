package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.internal.ci.Workflow.Job;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import dev.nixmigrate.generators.internal.ci.Workflow.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides {@code .github/workflows/ci.yml}: one set of jobs per project, running the commands of
 * {@link CommandPlanner}; from step 2 on, compiler and dependency caches written only on the
 * default branch.
 */
public final class WorkflowPlanner {
  /** True on a push to the default branch; false on pull requests and other branches. */
  static final String ON_DEFAULT_BRANCH =
      "${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}";

  private WorkflowPlanner() {}

  public static Workflow plan(RepoFacts facts, Options options, int step) {
    return plan(facts, options, step, java.util.Set.of());
  }

  /**
   * The workflow without jobs for the project kinds ("python", "rust", "cmake") in {@code skip}.
   */
  public static Workflow plan(
      RepoFacts facts, Options options, int step, java.util.Set<String> skip) {
    List<Job> jobs = new ArrayList<>();
    List<ProjectCommands> commands = CommandPlanner.plan(facts);
    for (ProjectCommands c : commands) {
      if (skip.contains(family(c.kind()))) {
        continue;
      }
      Project p =
          facts.projects().stream().filter(x -> x.path().equals(c.dir())).findFirst().orElseThrow();
      List<Job> own = new ArrayList<>();
      Options withWindows =
          windows(facts, p, c, options)
              ? options.withOsMatrix(
                  java.util.stream.Stream.concat(
                          options.osMatrix().stream(), java.util.stream.Stream.of(WINDOWS))
                      .toList())
              : options;
      switch (c.kind()) {
        case "python" -> own.add(python(c, p.python().orElseThrow(), withWindows, step));
        case "rust" -> own.addAll(rust(c, p.rust().orElseThrow(), withWindows, step));
        case "meson", "make" -> own.add(nativeBuild(c, options, step));
        default -> own.add(cmake(c, p.cmake().orElseThrow(), options, step));
      }
      List<Step> system = SystemPackages.steps(SystemPackages.of(p));
      own.forEach(j -> jobs.add(withAfterCheckout(j, system)));
    }
    return new Workflow("CI", jobs);
  }

  /** The Windows runner a project that supports Windows is also tested on. */
  static final String WINDOWS = "windows-latest";

  /**
   * Whether the Python or Rust jobs of {@code p} also run on Windows: when the project says it
   * supports Windows (its classifiers, or a CI file of the repository that runs on Windows), the
   * user kept the default runners, and it needs no system library (nixmigrate installs them with
   * apt and Homebrew only). C and C++ jobs, built with gcc and clang, stay on Linux and macOS, as
   * do Python packages whose extension CMake or meson builds.
   */
  static boolean windows(RepoFacts facts, Project p, ProjectCommands c, Options options) {
    SystemPackages.Install libraries = SystemPackages.of(p);
    if (!options.osMatrix().equals(Options.defaults().osMatrix())
        || !libraries.isEmpty()
        || !libraries.unmapped().isEmpty()) {
      return false;
    }
    boolean ci = !facts.existing().of(Evidence.Kind.CI_RUNS_ON_WINDOWS).isEmpty();
    return switch (c.kind()) {
      case "python" -> {
        PythonProject py = p.python().orElseThrow();
        boolean builtNative =
            py.nativeParts().contains("cmake") || py.nativeParts().contains("meson");
        yield !builtNative && (ci || py.windowsClassifier());
      }
      case "rust" -> ci;
      default -> false;
    };
  }

  /** The kind a user's own workflow is seen to build: C and C++ builds are one family. */
  static String family(String kind) {
    return kind.equals("meson") || kind.equals("make") ? "cmake" : kind;
  }

  /** The job with {@code extra} steps right after its checkout. */
  private static Job withAfterCheckout(Job j, List<Step> extra) {
    if (extra.isEmpty()) {
      return j;
    }
    List<Step> steps = new ArrayList<>(j.steps());
    int at = steps.indexOf(checkout()) + 1;
    boolean linuxOnly = j.runsOn().startsWith("ubuntu-");
    steps.addAll(
        at,
        extra.stream()
            .filter(x -> !linuxOnly || !String.valueOf(x.condition()).contains("macOS"))
            .toList());
    return new Job(
        j.id(),
        j.name(),
        j.runsOn(),
        j.timeoutMinutes(),
        j.matrix(),
        j.env(),
        j.workingDirectory(),
        steps);
  }

  private static Step checkout() {
    return Step.uses("Check out", "actions/checkout", new KeyValue("persist-credentials", "false"));
  }

  private static String dir(ProjectCommands c) {
    return c.dir().equals(".") ? null : Escape.yamlScalar(c.dir());
  }

  private static String matrixList(String key, List<String> values) {
    return key + ": [" + String.join(", ", values.stream().map(Escape::yamlScalar).toList()) + "]";
  }

  /**
   * Poetry's and PDM's download caches (Linux and macOS folders), keyed on the lock file; null for
   * the other managers (uv and pip are cached by their setup actions).
   */
  private static List<KeyValue> managerCache(ProjectCommands c, PythonProject py) {
    String manager = py.packageManager().id();
    String folder =
        switch (py.packageManager()) {
          case POETRY -> "pypoetry";
          case PDM -> "pdm";
          default -> null;
        };
    if (folder == null) {
      return null;
    }
    String lock = (c.dir().equals(".") ? "" : c.dir() + "/") + manager + ".lock";
    return List.of(
        new KeyValue("path", "|\n~/.cache/" + folder + "\n~/Library/Caches/" + folder),
        new KeyValue(
            "key",
            Escape.yamlScalar(
                manager
                    + "-${{ runner.os }}-py${{ matrix.python-version }}-${{ hashFiles('"
                    + lock
                    + "') }}")));
  }

  /** actions/cache's {@code restore} or {@code save} half (same pin) for the manager's cache. */
  private static Step cacheStep(String half, PythonProject py, List<KeyValue> with) {
    String verb = half.equals("save") ? "Save " : "Restore ";
    return new Step(
        verb + py.packageManager().id() + "'s download cache",
        null,
        ActionPins.uses("actions/cache").replace("actions/cache@", "actions/cache/" + half + "@"),
        with,
        List.of());
  }

  private static Job python(ProjectCommands c, PythonProject py, Options options, int step) {
    List<String> versions = CommandPlanner.pythonVersions(py, options.pythonVersions());
    List<Step> steps = new ArrayList<>();
    steps.add(checkout());
    // Dependency caches come with step 1; they are written only from the default branch.
    boolean cache = true;
    if (py.packageManager() == PythonProject.PackageManager.UV) {
      List<KeyValue> with =
          new ArrayList<>(List.of(new KeyValue("python-version", "${{ matrix.python-version }}")));
      with.add(new KeyValue("enable-cache", cache ? "true" : "false"));
      if (cache) {
        with.add(new KeyValue("save-cache", ON_DEFAULT_BRANCH));
      }
      steps.add(
          new Step(
              "Set up uv and Python",
              null,
              ActionPins.uses("astral-sh/setup-uv"),
              with,
              List.of()));
    } else {
      List<KeyValue> with =
          new ArrayList<>(List.of(new KeyValue("python-version", "${{ matrix.python-version }}")));
      // hatch installs its environments with pip, which reads and fills pip's cache too.
      if (cache
          && (py.packageManager() == PythonProject.PackageManager.PIP
              || py.packageManager() == PythonProject.PackageManager.HATCH)) {
        with.add(new KeyValue("cache", "pip"));
        String deps =
            py.requirementFiles().isEmpty()
                ? "pyproject.toml"
                : py.requirementFiles().get(0).path();
        with.add(
            new KeyValue(
                "cache-dependency-path",
                Escape.yamlScalar(
                    c.dir().equals(".")
                        ? deps
                        : deps.startsWith(c.dir() + "/") ? deps : c.dir() + "/" + deps)));
      }
      steps.add(
          new Step(
              "Set up Python", null, ActionPins.uses("actions/setup-python"), with, List.of()));
      if (py.packageManager() != PythonProject.PackageManager.PIP) {
        String manager = py.packageManager().id();
        steps.add(Step.run("Install " + manager, List.of("pipx install " + manager)));
      }
    }
    List<KeyValue> downloads = managerCache(c, py);
    if (downloads != null) {
      // Restored on every run, saved only from the default branch, like the other caches.
      steps.add(cacheStep("restore", py, downloads));
    }
    addRun(steps, "Install dependencies", c.setup());
    addRun(steps, "Build", c.build());
    addRun(steps, "Lint", c.lint());
    addRun(steps, "Test", c.test());
    if (downloads != null) {
      steps.add(cacheStep("save", py, downloads).when(ON_DEFAULT_BRANCH));
    }
    if (!c.artifacts().isEmpty()) {
      steps.add(
          upload(c, "dist")
              .when(
                  "matrix.os == 'ubuntu-latest' && matrix.python-version == "
                      + "'"
                      + versions.get(0)
                      + "'"));
    }
    List<String> matrix =
        List.of(matrixList("os", options.osMatrix()), matrixList("python-version", versions));
    return new Job(
        c.id(),
        Escape.yamlScalar(c.id() + " (Python ${{ matrix.python-version }}, ${{ matrix.os }})"),
        "${{ matrix.os }}",
        30,
        matrix,
        List.of(),
        dir(c),
        steps);
  }

  private static Step upload(ProjectCommands c, String what) {
    String prefix = c.dir().equals(".") ? "" : c.dir() + "/";
    List<String> paths = c.artifacts().stream().map(a -> prefix + a).toList();
    return new Step(
        "Upload " + what,
        null,
        ActionPins.uses("actions/upload-artifact"),
        List.of(
            new KeyValue("name", Escape.yamlScalar(c.id() + "-" + what)),
            new KeyValue(
                "path",
                paths.size() == 1
                    ? Escape.yamlScalar(paths.get(0))
                    : "|\n" + String.join("\n", paths)),
            new KeyValue("if-no-files-found", "error")),
        List.of());
  }

  private static void addRun(List<Step> steps, String name, List<String> lines) {
    if (!lines.isEmpty()) {
      steps.add(Step.run(name, lines));
    }
  }

  private static List<Job> rust(ProjectCommands c, RustProject rs, Options options, int step) {
    List<Job> jobs = new ArrayList<>();
    String channel =
        rs.toolchain() != null && rs.toolchain().channel() != null
            ? rs.toolchain().channel()
            : "stable";
    List<KeyValue> env = new ArrayList<>();
    if (step >= 2) {
      env.addAll(CompilerCaches.rustEnv(options.cacheStorage()));
    }
    // Lint: rustfmt and clippy.
    List<Step> lint = new ArrayList<>(List.of(checkout(), toolchain(channel, "rustfmt, clippy")));
    lint.addAll(caches(step, options.cacheStorage()));
    addRun(lint, "Lint", c.lint());
    jobs.add(
        new Job(
            c.id() + "-lint",
            Escape.yamlScalar(c.id() + " lint"),
            "ubuntu-latest",
            30,
            List.of(),
            env,
            dir(c),
            lint));
    // Tests on each OS, and with all or no features when the crate has features.
    List<String> matrix = new ArrayList<>(List.of(matrixList("os", options.osMatrix())));
    boolean features = hasFeatures(rs);
    List<Step> test = new ArrayList<>(List.of(checkout(), toolchain(channel, null)));
    test.addAll(caches(step, options.cacheStorage()));
    List<KeyValue> testEnv = new ArrayList<>(env);
    addRun(test, "Build", c.build());
    if (features) {
      // Default and all features; --no-default-features compiles only for crates made for it,
      // which a manifest does not show.
      matrix.add("features: ['', --all-features]");
      testEnv.add(new KeyValue("FEATURES", "${{ matrix.features }}"));
      addRun(test, "Test", testWithFeatures(c));
    } else {
      addRun(test, "Test", c.test());
    }
    jobs.add(
        new Job(
            c.id() + "-test",
            Escape.yamlScalar(
                c.id()
                    + " test (${{ matrix.os }}"
                    + (features ? " ${{ matrix.features }}" : "")
                    + ")"),
            "${{ matrix.os }}",
            45,
            matrix,
            testEnv,
            dir(c),
            test));
    if (rs.rustVersion() != null) {
      List<Step> msrv =
          new ArrayList<>(
              List.of(checkout(), toolchain("stable", null), toolchain(rs.rustVersion(), null)));
      addRun(msrv, "Check with the minimum supported Rust", MsrvCheck.commands(rs));
      jobs.add(
          new Job(
              c.id() + "-msrv",
              Escape.yamlScalar(c.id() + " MSRV " + rs.rustVersion()),
              "ubuntu-latest",
              30,
              List.of(),
              List.of(),
              dir(c),
              msrv));
    }
    if (!c.artifacts().isEmpty()) {
      List<Step> release = new ArrayList<>(List.of(checkout(), toolchain(channel, null)));
      addRun(release, "Build release binaries", releaseCommands(rs));
      release.add(upload(c, "binaries-${{ matrix.os }}"));
      jobs.add(
          new Job(
              c.id() + "-release",
              Escape.yamlScalar(c.id() + " release binaries (${{ matrix.os }})"),
              "${{ matrix.os }}",
              45,
              List.of(matrixList("os", options.osMatrix())),
              List.of(),
              dir(c),
              release));
    }
    return jobs;
  }

  /**
   * Whether a crate's tests run with default and with all features; {@code --no-default-features}
   * compiles only for crates made for it, which a manifest does not show.
   */
  static boolean hasFeatures(RustProject rs) {
    return rs.features().stream().anyMatch(f -> !f.equals("default"));
  }

  /** The test commands with the features the {@code FEATURES} variable names, if any. */
  static List<String> testWithFeatures(ProjectCommands c) {
    return c.test().stream().map(t -> t + " ${FEATURES:+\"$FEATURES\"}").toList();
  }

  public static List<String> releaseCommands(RustProject rs) {
    return List.of(
        "cargo build"
            + (rs.workspace() ? " --workspace" : "")
            + (rs.lockfile() ? " --locked" : "")
            + " --release");
  }

  private static Step toolchain(String channel, String components) {
    List<KeyValue> with =
        new ArrayList<>(List.of(new KeyValue("toolchain", Escape.yamlScalar(channel))));
    if (components != null) {
      with.add(new KeyValue("components", Escape.yamlScalar(components)));
    }
    return new Step(
        "Install Rust " + channel,
        null,
        ActionPins.uses("dtolnay/rust-toolchain"),
        with,
        List.of());
  }

  private static List<Step> caches(int step, CacheStorage storage) {
    List<Step> s = new ArrayList<>();
    if (step >= 2) {
      // sccache caches compilations; rust-cache keeps only the registry (never target/ twice).
      s.add(
          new Step(
              "Cache the Cargo registry",
              null,
              ActionPins.uses("Swatinem/rust-cache"),
              List.of(
                  new KeyValue("cache-targets", "false"),
                  new KeyValue("save-if", ON_DEFAULT_BRANCH)),
              List.of()));
      s.add(CompilerCaches.sccacheSetup(storage));
      if (!storage.isCi()) {
        s.add(CompilerCaches.storageStep(CompilerCache.SCCACHE, storage));
      }
    } else {
      s.add(
          new Step(
              "Cache Cargo",
              null,
              ActionPins.uses("Swatinem/rust-cache"),
              List.of(new KeyValue("save-if", ON_DEFAULT_BRANCH)),
              List.of()));
    }
    return s;
  }

  /** Each OS with gcc (not on macOS, where gcc is clang) and clang. */
  private static List<String> compilerMatrix(Options options) {
    List<String> matrix = new ArrayList<>();
    matrix.add("include:");
    for (String os : options.osMatrix()) {
      if (!os.startsWith("macos")) {
        matrix.add("  - { os: " + Escape.yamlScalar(os) + ", cc: gcc, cxx: g++ }");
      }
      matrix.add("  - { os: " + Escape.yamlScalar(os) + ", cc: clang, cxx: clang++ }");
    }
    return matrix;
  }

  private static List<KeyValue> compilerEnv() {
    return new ArrayList<>(
        List.of(new KeyValue("CC", "${{ matrix.cc }}"), new KeyValue("CXX", "${{ matrix.cxx }}")));
  }

  /**
   * A meson or Makefile project: meson and Ninja from PyPI (the runners' own are missing or old).
   * From step 2 on, meson finds the compiler cache by itself; a Makefile names its compiler as it
   * likes (often {@code CC=gcc}), so ccache's folder of compiler-named links goes first on PATH.
   * sccache has no such folder: a Makefile project gets no cache with it.
   */
  private static Job nativeBuild(ProjectCommands c, Options options, int step) {
    List<KeyValue> env = compilerEnv();
    List<Step> steps = new ArrayList<>(List.of(checkout()));
    boolean meson = c.kind().equals("meson");
    if (meson) {
      steps.add(
          Step.run("Install meson and Ninja", List.of("pipx install meson", "pipx install ninja")));
    }
    CompilerCache cache = options.cCompilerCache();
    if (step >= 2 && (meson || cache == CompilerCache.CCACHE)) {
      steps.addAll(
          CompilerCaches.cSetup(
              cache, options.cacheStorage(), c.id() + "-${{ matrix.os }}-${{ matrix.cc }}"));
      env.addAll(CompilerCaches.cacheSettings(cache, options.cacheStorage()));
      if (!meson) {
        steps.add(CompilerCaches.ccacheFirstOnPath());
      }
    }
    addRun(steps, "Build", c.build());
    addRun(steps, "Test", c.test());
    addRun(steps, "Lint (warnings as errors)", c.lint());
    return new Job(
        c.id(),
        Escape.yamlScalar(c.id() + " (${{ matrix.os }}, ${{ matrix.cc }})"),
        "${{ matrix.os }}",
        45,
        compilerMatrix(options),
        env,
        dir(c),
        steps);
  }

  private static Job cmake(ProjectCommands c, CMakeProject cm, Options options, int step) {
    List<String> matrix = compilerMatrix(options);
    List<KeyValue> env = compilerEnv();
    List<Step> steps =
        new ArrayList<>(
            List.of(checkout(), Step.uses("Install CMake and Ninja", "lukka/get-cmake")));
    if (step >= 2) {
      CompilerCache cache = options.cCompilerCache();
      steps.addAll(
          CompilerCaches.cSetup(
              cache, options.cacheStorage(), c.id() + "-${{ matrix.os }}-${{ matrix.cc }}"));
      env.addAll(CompilerCaches.cEnv(cache, options.cacheStorage()));
    }
    addRun(steps, "Build", c.build());
    addRun(steps, "Test", c.test());
    addRun(steps, "Lint (warnings as errors)", c.lint());
    if (!c.artifacts().isEmpty()) {
      steps.add(
          upload(c, "install-tree").when("matrix.os == 'ubuntu-latest' && matrix.cc == 'gcc'"));
    }
    String standard =
        cm.cxxStandard() != null
            ? "C++" + cm.cxxStandard()
            : cm.cStandard() != null ? "C" + cm.cStandard() : "";
    return new Job(
        c.id(),
        Escape.yamlScalar(
            c.id()
                + (standard.isEmpty() ? "" : " " + standard)
                + " (${{ matrix.os }}, ${{ matrix.cc }})"),
        "${{ matrix.os }}",
        45,
        matrix,
        env,
        dir(c),
        steps);
  }
}
