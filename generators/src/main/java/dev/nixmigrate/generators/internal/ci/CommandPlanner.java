package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.PythonProject.BuildBackend;
import dev.nixmigrate.core.model.PythonProject.TestRunner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.Escape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Decides each project's commands from what detection found. */
public final class CommandPlanner {
  private CommandPlanner() {}

  /** One entry per project part, in project order; ids are unique. */
  public static List<ProjectCommands> plan(RepoFacts facts) {
    List<ProjectCommands> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Project p : facts.projects()) {
      p.python().ifPresent(py -> out.add(python(p, py, unique(ids, p, "python"))));
      p.rust()
          .ifPresent(
              rs -> {
                // A maturin project's crate is built through the Python build.
                boolean viaMaturin =
                    p.python().map(py -> py.buildBackend() == BuildBackend.MATURIN).orElse(false);
                out.add(rust(p, rs, unique(ids, p, "rust"), viaMaturin));
              });
      // A CMake or meson tree that the Python build backend drives (scikit-build-core,
      // meson-python) is built through the Python build only: a separate build of it is not
      // what the project builds, and needs what the backend passes in (Python's paths).
      List<String> viaPython = p.python().map(PythonProject::nativeParts).orElse(List.of());
      if (!viaPython.contains("cmake")) {
        p.cmake().ifPresent(c -> out.add(cmake(p, c, unique(ids, p, "cmake"))));
      }
      p.nativeBuild()
          .filter(b -> !viaPython.contains(b.system()))
          .ifPresent(b -> out.add(nativeBuild(p, b, unique(ids, p, b.system()))));
    }
    return out;
  }

  /** The project's folder name when several projects share a language, else the language. */
  private static String unique(Set<String> ids, Project p, String kind) {
    String id = kind;
    if (ids.contains(id)) {
      String base =
          p.path().equals(".") ? "root" : p.path().substring(p.path().lastIndexOf('/') + 1);
      id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
      if (id.isEmpty() || ids.contains(id)) {
        id = kind + "-" + ids.size();
      }
    }
    ids.add(id);
    return id;
  }

  private static ProjectCommands python(Project p, PythonProject py, String id) {
    List<String> setup = new ArrayList<>();
    List<String> build = new ArrayList<>();
    List<String> test = new ArrayList<>();
    List<String> lint = new ArrayList<>();
    boolean tests = py.testRunner() != TestRunner.NONE;
    // The extra that holds what the tests need (appdirs for a comparison test, pytest-mock).
    String testExtra = testName(py.optionalDependencies().keySet());
    // The tests import modules the test folder's CMakeLists.txt builds, which no wheel holds:
    // CMake builds them beside copies of the tests, and pytest runs there, as the projects' own
    // CI does (through the package manager's environment where there is one).
    Optional<String> cmakeTests =
        tests && py.testRunner() == TestRunner.PYTEST && py.testScript() == null
            ? testsBuiltByCMake(p)
            : Optional.empty();
    switch (py.packageManager()) {
      case UV -> {
        // uv installs only the default groups (dev); a test group is added by name. With a lock,
        // --locked makes an out-of-date uv.lock fail CI instead of being rewritten there.
        StringBuilder sync = new StringBuilder(py.locked() ? "uv sync --locked" : "uv sync");
        sync.append(" --all-extras");
        for (String g : py.dependencyGroups().keySet()) {
          if (TEST_GROUPS.contains(g.toLowerCase(Locale.ROOT))) {
            sync.append(" --group ").append(Escape.shellWord(g));
          }
        }
        setup.add(sync.toString());
        build.add("uv build");
        if (cmakeTests.isPresent()) {
          test.addAll(cmakeBuiltTests(cmakeTests.get(), "uv run "));
        } else if (tests) {
          test.add(
              py.testScript() != null
                  ? "uv run " + script(py)
                  : py.testRunner() == TestRunner.PYTEST
                      ? "uv run pytest"
                      : "uv run python -m unittest");
        }
      }
      case POETRY -> {
        setup.add("poetry install --all-extras");
        build.add("poetry build");
        if (cmakeTests.isPresent()) {
          test.addAll(cmakeBuiltTests(cmakeTests.get(), "poetry run "));
        } else if (tests) {
          test.add("poetry run " + (py.testScript() != null ? script(py) : py.testRunner().id()));
        }
      }
      case PDM -> {
        // pdm installs every dependency group by default (docs too); with a test group, only it.
        String group = testName(py.dependencyGroups().keySet());
        setup.add(
            tests && group != null
                ? "pdm install --dev --group " + Escape.shellWord(group)
                : tests && testExtra != null
                    ? "pdm install --group " + Escape.shellWord(testExtra)
                    : "pdm install");
        build.add("pdm build");
        if (cmakeTests.isPresent()) {
          test.addAll(cmakeBuiltTests(cmakeTests.get(), "pdm run "));
        } else if (tests) {
          test.add("pdm run " + (py.testScript() != null ? script(py) : py.testRunner().id()));
        }
      }
      case HATCH -> {
        build.add("hatch build");
        if (tests && testExtra != null) {
          // hatch test's own environment knows nothing of the project's test extra; pip does.
          setup.add("python -m pip install --upgrade pip");
          setup.add("python -m pip install -e " + Escape.shellWord(".[" + testExtra + "]"));
          setup.addAll(testRequirements(p, py));
          if (py.testRunner() == TestRunner.PYTEST) {
            setup.add("python -m pip install pytest");
          }
          test.add(py.testScript() != null ? script(py) : "python -m " + py.testRunner().id());
        } else if (tests) {
          test.add("hatch test");
        }
      }
      default -> {
        setup.add("python -m pip install --upgrade pip build");
        if (py.buildBackend() == BuildBackend.NONE) {
          for (PythonProject.RequirementFile f : py.requirementFiles()) {
            String rel = relative(f.path(), p.path());
            setup.add("python -m pip install -r " + Escape.shellWord(rel));
          }
        } else {
          setup.add(
              "python -m pip install -e "
                  + (tests && testExtra != null ? Escape.shellWord(".[" + testExtra + "]") : "."));
          build.add("python -m build");
        }
        if (cmakeTests.isPresent()) {
          setup.addAll(testRequirements(p, py));
          // CMake from PyPI where the runner's image has none (GitLab's python images).
          setup.add("python -m pip install pytest cmake");
          test.addAll(cmakeBuiltTests(cmakeTests.get(), ""));
        } else if (tests && py.tox() && py.testScript() == null) {
          // tox installs what its test environment lists, as upstream runs it; `py` is the
          // environment of the interpreter tox runs with.
          setup.add("python -m pip install tox");
          test.add("python -m tox -e py");
        } else if (tests && py.noxSession() != null && py.testScript() == null) {
          // nox installs what its session lists; --force-python runs it with this interpreter,
          // not the versions the noxfile names (which CI may lack, and nox then fails on).
          setup.add("python -m pip install nox");
          test.add(
              "python -m nox -s " + Escape.shellWord(py.noxSession()) + " --force-python python");
        } else if (tests) {
          if (py.buildBackend() != BuildBackend.NONE) {
            setup.addAll(testRequirements(p, py));
          }
          if (py.testRunner() == TestRunner.PYTEST) {
            setup.add("python -m pip install pytest");
          }
          test.add(py.testScript() != null ? script(py) : "python -m " + py.testRunner().id());
        }
      }
    }
    if (build.isEmpty()) {
      build.add("python -m compileall -q .");
    }
    lint.add(
        switch (py.packageManager()) {
          case UV -> "uv run python -m compileall -q .";
          case POETRY -> "poetry check";
          default -> "python -m compileall -q .";
        });
    boolean packaged = py.buildBackend() != BuildBackend.NONE;
    return new ProjectCommands(
        id,
        "python",
        p.path(),
        setup,
        build,
        test,
        lint,
        List.of(),
        packaged ? List.of("dist/") : List.of());
  }

  /**
   * The test modules built with CMake beside copies of the tests, and pytest run there, through
   * {@code runner} ({@code uv run }, or empty for the active Python): the projects' own CI does so.
   * The project's Python is handed to CMake under both names its find modules read.
   */
  private static List<String> cmakeBuiltTests(String folder, String runner) {
    String python = "\"$(" + runner + "python -c 'import sys; print(sys.executable)')\"";
    return List.of(
        "cmake -S . -B "
            + TEST_BUILD
            + " -DPython_EXECUTABLE="
            + python
            + " -DPYTHON_EXECUTABLE="
            + python,
        // One job a processor: --parallel alone lets make start every job at once.
        "cmake --build " + TEST_BUILD + " --parallel \"$(getconf _NPROCESSORS_ONLN)\"",
        "cd " + TEST_BUILD + "/" + Escape.shellWord(folder) + " && " + runner + "python -m pytest");
  }

  /** The folder CMake builds the Python tests' modules in. */
  static final String TEST_BUILD = "build-tests";

  /**
   * The test folder ({@code tests} or {@code test}) whose CMakeLists.txt builds the modules a
   * CMake-backed Python project's tests import (pybind11, nanobind): the project's CMake tree adds
   * it as a subdirectory. Empty for other projects.
   */
  public static Optional<String> testsBuiltByCMake(Project p) {
    boolean cmakeBacked = p.python().map(py -> py.nativeParts().contains("cmake")).orElse(false);
    if (!cmakeBacked || p.cmake().isEmpty()) {
      return Optional.empty();
    }
    return p.cmake().get().subdirectories().stream()
        .filter(d -> d.equals("tests") || d.equals("test"))
        .findFirst();
  }

  /** pip installs of the requirements files that hold what the tests need. */
  private static List<String> testRequirements(Project p, PythonProject py) {
    return py.requirementFiles().stream()
        .filter(f -> f.role().equals("test"))
        .map(f -> "python -m pip install -r " + Escape.shellWord(relative(f.path(), p.path())))
        .toList();
  }

  /** The first of {@code names} (extras or groups) that holds what the tests need, or null. */
  private static String testName(java.util.Collection<String> names) {
    return names.stream()
        .filter(n -> TEST_GROUPS.contains(n.toLowerCase(Locale.ROOT)))
        .sorted()
        .findFirst()
        .orElse(null);
  }

  /** Dependency groups that hold what the tests need, by their usual names. */
  static final Set<String> TEST_GROUPS = Set.of("test", "tests", "testing");

  /** The project's own test script, which sets what its tests expect before it runs them. */
  private static String script(PythonProject py) {
    return "bash " + Escape.shellWord(py.testScript());
  }

  private static ProjectCommands rust(Project p, RustProject rs, String id, boolean viaMaturin) {
    String scope = rs.workspace() ? " --workspace" : "";
    String locked = rs.lockfile() ? " --locked" : "";
    // Benches written for nightly (#![feature(test)]) do not compile on stable: leave them out.
    String targets = rs.benchesNeedNightly() ? " --tests --examples" : " --all-targets";
    List<String> build = List.of("cargo build" + scope + locked + targets);
    List<String> test = List.of("cargo test" + scope + locked);
    // A crate that turns on pyo3's extension-module leaves Python's symbols to the interpreter:
    // its test binaries cannot link, so only its library is built here, and it is tested through
    // the Python build. Other crates of the workspace are built and tested as usual.
    List<String> modules =
        rs.packages().stream()
            .filter(RustProject.CargoPackage::pythonExtensionModule)
            .map(RustProject.CargoPackage::name)
            .filter(java.util.Objects::nonNull)
            .toList();
    if (!modules.isEmpty()) {
      String only =
          modules.stream().map(m -> " -p " + Escape.shellWord(m)).reduce("", String::concat);
      String exclude =
          modules.stream().map(m -> " --exclude " + Escape.shellWord(m)).reduce("", String::concat);
      boolean others =
          rs.packages().stream()
              .anyMatch(pkg -> pkg.name() != null && !pkg.pythonExtensionModule());
      build = new ArrayList<>();
      build.add("cargo build" + locked + (rs.workspace() ? only : "") + " --lib");
      test = List.of();
      if (rs.workspace() && others) {
        build.add("cargo build --workspace" + locked + targets + exclude);
        test = List.of("cargo test --workspace" + locked + exclude);
      }
    }
    // Warnings fail the lint only on a pinned toolchain: on a moving one, each Rust release's new
    // lints would fail a project that did not change.
    List<String> lint =
        List.of(
            "cargo fmt --all --check",
            "cargo clippy" + scope + locked + targets + (pinned(rs) ? " -- -D warnings" : ""));
    List<String> fmt = List.of("cargo fmt --all");
    List<String> artifacts = new ArrayList<>();
    if (!viaMaturin) {
      for (RustProject.CargoPackage pkg : rs.packages()) {
        for (String bin : pkg.bins()) {
          artifacts.add("target/release/" + bin);
        }
      }
    }
    return new ProjectCommands(id, "rust", p.path(), List.of(), build, test, lint, fmt, artifacts);
  }

  /** True when rust-toolchain pins a release or a dated nightly or beta, not a moving channel. */
  static boolean pinned(RustProject rs) {
    String channel = rs.toolchain() == null ? null : rs.toolchain().channel();
    return channel != null
        && channel.matches("\\d+\\.\\d+(\\.\\d+)?|(nightly|beta)-\\d{4}-\\d{2}-\\d{2}");
  }

  private static ProjectCommands cmake(Project p, CMakeProject c, String id) {
    String policy =
        (needsPolicyFloor(c.minimumVersion()) ? " " + POLICY_FLOOR : "")
            + (c.testOption() == null ? "" : " -D" + c.testOption() + "=ON");
    List<String> build =
        new ArrayList<>(
            List.of(
                "cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release" + policy,
                "cmake --build build"));
    // Without install() rules there is nothing to install, and no artifact to upload.
    if (c.installs()) {
      build.add("cmake --install build --prefix install");
    }
    // --no-tests=error: a test step that finds no test fails instead of passing on nothing.
    List<String> test =
        c.tests()
            ? List.of("ctest --test-dir build --output-on-failure --no-tests=error")
            : List.of();
    // C and C++ have no one linter; warnings as errors in a tree of its own is the portable check.
    List<String> lint =
        List.of(
            "cmake -S . -B build-lint -G Ninja -DCMAKE_COMPILE_WARNING_AS_ERROR=ON" + policy,
            "cmake --build build-lint");
    return new ProjectCommands(
        id,
        "cmake",
        p.path(),
        List.of(),
        build,
        test,
        lint,
        List.of(),
        c.installs() ? List.of("install/") : List.of());
  }

  /**
   * meson: an out-of-tree build folder, set up anew when it exists (so a rerun works); lint builds
   * with warnings as errors in a folder of its own. make: the Makefile's default goal and its test
   * target; lint rebuilds everything with the compiler turning warnings into errors.
   */
  private static ProjectCommands nativeBuild(Project p, NativeBuild b, String id) {
    if (b.system().equals("meson")) {
      List<String> test =
          b.testTarget() == null
              ? List.of()
              : List.of("meson test -C build --print-errorlogs --num-processes 2");
      return new ProjectCommands(
          id,
          "meson",
          p.path(),
          List.of(),
          List.of(mesonSetup("build", "--buildtype=release"), "meson compile -C build"),
          test,
          List.of(mesonSetup("build-lint", "--werror"), "meson compile -C build-lint"),
          List.of(),
          List.of());
    }
    List<String> test = b.testTarget() == null ? List.of() : List.of("make " + b.testTarget());
    return new ProjectCommands(
        id,
        "make",
        p.path(),
        List.of(),
        List.of("make"),
        test,
        List.of("make -B CC=\"${CC:-cc} -Werror\""),
        List.of(),
        List.of());
  }

  /**
   * {@code meson setup} of a folder not set up yet; once it is, {@code meson compile} regenerates
   * it when a meson.build changes. (Older meson refuses {@code --reconfigure} on a new folder.)
   */
  private static String mesonSetup(String folder, String option) {
    return "test -e " + folder + "/build.ninja || meson setup " + folder + " " + option;
  }

  /**
   * CMake 4 removed compatibility with {@code cmake_minimum_required} below 3.5; this restores it
   * for such projects (CMake's own documentation of the variable).
   */
  public static final String POLICY_FLOOR = "-DCMAKE_POLICY_VERSION_MINIMUM=3.5";

  /** True when {@code minimum} (a cmake_minimum_required version, or a range) is below 3.5. */
  public static boolean needsPolicyFloor(String minimum) {
    if (minimum == null) {
      return false;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(minimum.strip());
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return major < 3 || (major == 3 && minor < 5);
  }

  private static String relative(String file, String dir) {
    return dir.equals(".") ? file : file.substring(dir.length() + 1);
  }

  /**
   * The CPython versions CI tests: those requires-python allows among what runners offer, newest
   * first.
   */
  public static List<String> pythonVersions(PythonProject py, List<String> override) {
    if (!override.isEmpty()) {
      return override;
    }
    List<String> runner = List.of("3.9", "3.10", "3.11", "3.12", "3.13", "3.14");
    List<String> allowed =
        new ArrayList<>(
            dev.nixmigrate.core.internal.python.PythonVersions.allowed(
                py.requiresPython(), runner));
    java.util.Collections.reverse(allowed);
    return allowed.isEmpty() ? List.of("3.14") : allowed;
  }
}
