package dev.nixmigrate.generators.ci;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.Escape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
                    p.python().map(py -> py.buildBackend().equals("maturin")).orElse(false);
                out.add(rust(p, rs, unique(ids, p, "rust"), viaMaturin));
              });
      p.cmake().ifPresent(c -> out.add(cmake(p, c, unique(ids, p, "cmake"))));
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
    boolean tests = py.testRunner() != null;
    switch (py.packageManager()) {
      case "uv" -> {
        // uv installs only the default groups (dev); a test group is added by name.
        StringBuilder sync = new StringBuilder("uv sync --all-extras");
        for (String g : py.dependencyGroups().keySet()) {
          if (TEST_GROUPS.contains(g.toLowerCase(Locale.ROOT))) {
            sync.append(" --group ").append(Escape.shellWord(g));
          }
        }
        setup.add(sync.toString());
        build.add("uv build");
        if (tests) {
          test.add(
              py.testRunner().equals("pytest") ? "uv run pytest" : "uv run python -m unittest");
        }
      }
      case "poetry" -> {
        setup.add("poetry install --all-extras");
        build.add("poetry build");
        if (tests) {
          test.add("poetry run " + runner(py));
        }
      }
      case "pdm" -> {
        setup.add("pdm install");
        build.add("pdm build");
        if (tests) {
          test.add("pdm run " + runner(py));
        }
      }
      case "hatch" -> {
        build.add("hatch build");
        if (tests) {
          test.add("hatch test");
        }
      }
      default -> {
        setup.add("python -m pip install --upgrade pip build");
        if (py.buildBackend().equals("none")) {
          for (PythonProject.RequirementFile f : py.requirementFiles()) {
            String rel = relative(f.path(), p.path());
            setup.add("python -m pip install -r " + Escape.shellWord(rel));
          }
        } else {
          setup.add("python -m pip install -e .");
          build.add("python -m build");
        }
        if (tests) {
          if (py.testRunner().equals("pytest")) {
            setup.add("python -m pip install pytest");
          }
          test.add("python -m " + runner(py));
        }
      }
    }
    if (build.isEmpty()) {
      build.add("python -m compileall -q .");
    }
    lint.add(
        switch (py.packageManager()) {
          case "uv" -> "uv run python -m compileall -q .";
          case "poetry" -> "poetry check";
          default -> "python -m compileall -q .";
        });
    boolean packaged = !py.buildBackend().equals("none");
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

  /** Dependency groups that hold what the tests need, by their usual names. */
  static final Set<String> TEST_GROUPS = Set.of("test", "tests", "testing");

  private static String runner(PythonProject py) {
    return py.testRunner().equals("pytest") ? "pytest" : "unittest";
  }

  private static ProjectCommands rust(Project p, RustProject rs, String id, boolean viaMaturin) {
    String scope = rs.workspace() ? " --workspace" : "";
    String locked = rs.lockfile() ? " --locked" : "";
    List<String> build = List.of("cargo build" + scope + locked + " --all-targets");
    List<String> test = List.of("cargo test" + scope + locked);
    List<String> lint =
        List.of(
            "cargo fmt --all --check",
            "cargo clippy" + scope + locked + " --all-targets -- -D warnings");
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

  private static ProjectCommands cmake(Project p, CMakeProject c, String id) {
    String policy = needsPolicyFloor(c.minimumVersion()) ? " " + POLICY_FLOOR : "";
    List<String> build =
        List.of(
            "cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release" + policy,
            "cmake --build build",
            "cmake --install build --prefix install");
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
        id, "cmake", p.path(), List.of(), build, test, lint, List.of(), List.of("install/"));
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
            dev.nixmigrate.core.python.PythonVersions.allowed(py.requiresPython(), runner));
    java.util.Collections.reverse(allowed);
    return allowed.isEmpty() ? List.of("3.14") : allowed;
  }
}
