package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.PythonProject.BuildBackend;
import dev.nixmigrate.core.model.Requirement;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Warnings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code buildPythonPackage} of one Python project: {@code build-system} from the backend and
 * every {@code [build-system].requires} entry nixpkgs has, {@code dependencies} from the runtime
 * requirements, and the native parts' hooks.
 */
final class PythonPackagePlanner {
  /**
   * The backends whose python3Packages attribute is checked: the distribution's name (hatchling,
   * flit-core, meson-python, ...).
   */
  private static final Set<BuildBackend> PACKAGED_BACKENDS =
      EnumSet.of(
          BuildBackend.HATCHLING,
          BuildBackend.SETUPTOOLS,
          BuildBackend.POETRY_CORE,
          BuildBackend.PDM_BACKEND,
          BuildBackend.FLIT_CORE,
          BuildBackend.SCIKIT_BUILD_CORE,
          BuildBackend.MESONPY);

  /**
   * maturin builds through {@code maturinBuildHook}, which runs maturin itself instead of {@code
   * python -m build} (pkgs/build-support/rust/hooks/maturin-build-hook.sh), so nothing checks for
   * the distribution.
   */
  private static final String MATURIN = "maturin";

  /**
   * Build-system packages whose nixpkgs setup hook hands the derivation's {@code version} to the
   * backend as the version git would give: setuptools-scm's sets {@code
   * SETUPTOOLS_SCM_PRETEND_VERSION} (pkgs/development/python-modules/setuptools-scm/setup-hook.sh;
   * hatch-vcs depends on setuptools-scm), uv-dynamic-versioning's {@code
   * UV_DYNAMIC_VERSIONING_BYPASS}, pdm-backend's {@code PDM_BUILD_SCM_VERSION} (each package's
   * setup-hook.sh).
   */
  /** Every system's dependencies first, then Linux's and Darwin's own. */
  private static final List<String> PLATFORMS =
      List.of(NixBuild.OnPlatform.EVERY, NixBuild.OnPlatform.LINUX, NixBuild.OnPlatform.DARWIN);

  private static final Set<String> VERSION_HOOKS =
      Set.of("setuptools-scm", "hatch-vcs", "uv-dynamic-versioning", "pdm-backend");

  /**
   * The version a package whose version comes from git gets: the Nix source has no {@code .git},
   * and the hooks above pass this on, so it must be a PEP 440 version (nixpkgs' own "0-unstable"
   * convention is not one) with three release parts, which uv-dynamic-versioning's dependency
   * templates read (major, minor, patch).
   */
  static final String VCS_VERSION = "0.0.0+unstable";

  private final NixpkgsData data;
  private final Warnings warnings;
  private final DevShellPlanner shell;
  private final String base;

  /**
   * The repository's Python projects this flake packages, by normalized distribution name: a
   * dependency on one of them is that package of the flake, not nixpkgs' (a uv workspace's members
   * depend on each other so).
   */
  record Sibling(String attr, String interpreter) {}

  private final Map<String, Sibling> siblings;

  PythonPackagePlanner(
      NixpkgsData data,
      Warnings warnings,
      DevShellPlanner shell,
      String base,
      Map<String, Sibling> siblings) {
    this.data = data;
    this.warnings = warnings;
    this.shell = shell;
    this.base = base;
    this.siblings = siblings;
  }

  /** Whether {@link #plan} gives the project a package: a Rust part needs its Cargo.lock. */
  static boolean packaged(Project p, PythonProject py) {
    return !py.nativeParts().contains("rust") || p.rust().map(RustProject::lockfile).orElse(false);
  }

  Optional<NixBuild> plan(Project p, PythonProject py, String attr, String src) {
    String interpreter = shell.interpreter(py, p.path());
    MarkerPlatforms platforms = new MarkerPlatforms(shell.interpreterVersion(py));
    String manifest = NixBuildPlanner.file(p, "pyproject.toml");
    List<String> notes = new ArrayList<>();
    List<String> buildSystem = buildSystem(py, platforms, manifest, notes);
    Map<String, LinkedHashSet<String>> byPlatform = new LinkedHashMap<>();
    List<String> relaxed = new ArrayList<>();
    for (String platform : PLATFORMS) {
      byPlatform.put(platform, new LinkedHashSet<>());
    }
    for (Requirement r : py.dependencies()) {
      Optional<String> where = platforms.where(r);
      if (where.isEmpty()) {
        continue;
      }
      Sibling sibling = siblings.get(r.normalizedName());
      if (sibling != null && !sibling.attr().equals(attr)) {
        if (sibling.interpreter().equals(interpreter)) {
          byPlatform
              .get(where.get())
              .add("self.packages.${pkgs.stdenv.hostPlatform.system}." + sibling.attr());
        } else {
          warnings.add(
              manifest,
              "depends on "
                  + r.normalizedName()
                  + ", which this flake builds for "
                  + sibling.interpreter()
                  + " while this package is built for "
                  + interpreter
                  + "; nixpkgs refuses a package of one Python in another's, so the dependency is"
                  + " left out: give both projects a requires-python that one interpreter meets");
        }
        continue;
      }
      Optional<String> found = data.python3Package(r.normalizedName());
      if (found.isPresent()) {
        byPlatform.get(where.get()).add("ps." + found.get());
        if (hasUpperBound(r.specifier()) && !relaxed.contains(Escape.nixString(r.name()))) {
          relaxed.add(Escape.nixString(r.name()));
        }
      } else {
        notes.add("not in nixpkgs' python3Packages: " + r.normalizedName());
        warn(r, manifest, "dependency", "it is listed in a comment in flake.nix");
      }
    }
    if (!relaxed.isEmpty()) {
      notes.add(
          "pythonRelaxDeps: nixpkgs' versions move with the channel, so the caps these"
              + " dependencies put on their versions are not checked when the package is built;"
              + " the tests still run");
    }
    Set<String> deps = byPlatform.remove(NixBuild.OnPlatform.EVERY);
    List<NixBuild.OnPlatform> platformDeps = new ArrayList<>();
    byPlatform.forEach(
        (platform, items) -> {
          items.removeAll(deps);
          if (!items.isEmpty()) {
            platformDeps.add(new NixBuild.OnPlatform(platform, List.copyOf(items)));
          }
        });
    List<String> nativeInputs = new ArrayList<>();
    List<String> buildInputs = new ArrayList<>();
    String lock = null;
    if (py.nativeParts().contains("rust")) {
      if (!packaged(p, py)) {
        warnings.add(
            NixBuildPlanner.file(p, "Cargo.lock"),
            "is missing, so the Nix package of "
                + py.name()
                + " cannot vendor its Rust crates; run `cargo generate-lockfile`, commit Cargo.lock and run step 4 again");
        return Optional.empty();
      }
      lock = NixExpr.relativePath(base, NixBuildPlanner.file(p, "Cargo.lock"));
      notes.addAll(NixBuildPlanner.gitNotes(p.rust().orElseThrow()));
      nativeInputs.add("pkgs.rustPlatform.cargoSetupHook");
      nativeInputs.add("pkgs.rustPlatform.maturinBuildHook");
    }
    if (py.nativeParts().contains("cmake")) {
      nativeInputs.add("pkgs.cmake");
      nativeInputs.add("pkgs.ninja");
      // scikit-build-core runs CMake itself; the cmake hook must not configure first.
      notes.add("scikit-build-core runs CMake: dontUseCmakeConfigure is set");
    }
    for (NixPackage n : p.nixPackages()) {
      if (n.input().equals("buildInputs") && data.isKnownAttribute(n.attribute())) {
        buildInputs.add(NixExpr.pkg(n.attribute()));
      }
    }
    String version = version(py, buildSystem, manifest, notes);
    List<String> checks = checkInputs(py, platforms, deps, notes);
    boolean doCheck = !checks.isEmpty();
    Optional<String> cmakeTests =
        dev.nixmigrate.generators.internal.ci.CommandPlanner.testsBuiltByCMake(p);
    if (doCheck && cmakeTests.isPresent()) {
      doCheck = false;
      notes.add(
          "the tests import modules "
              + cmakeTests.get()
              + "/CMakeLists.txt builds, which the wheel lacks: doCheck is off");
      warnings.add(
          NixBuildPlanner.file(p, cmakeTests.get() + "/CMakeLists.txt"),
          "builds the modules the Python tests import, and the wheel scikit-build-core builds"
              + " does not hold them, so the Nix package does not run the tests (doCheck = false)");
    }
    String name = py.name() == null ? p.name() : py.name();
    return Optional.of(
        new NixBuild(
            "python",
            attr,
            Escape.nixString(name),
            version,
            src,
            NixExpr.pkg(interpreter) + ".pkgs.buildPythonPackage",
            buildSystem,
            List.copyOf(deps),
            platformDeps,
            nativeInputs,
            buildInputs,
            checks,
            lock,
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            notes,
            doCheck,
            lock != null && p.rust().map(rs -> !rs.gitPackages().isEmpty()).orElse(false),
            relaxed));
  }

  /**
   * A clause that caps a version: PEP 440's {@code <}, {@code <=}, {@code ==}, {@code ===} and
   * {@code ~=}, and Poetry's caret, tilde and bare versions (its wheels say so in PEP 440).
   */
  private static final java.util.regex.Pattern CAP =
      java.util.regex.Pattern.compile(
          "(?:(?:<=?|===?|~=)\\s*[0-9][0-9A-Za-z.*+!-]*|[\\^~]\\s*[0-9][0-9A-Za-z.*]*|[0-9][0-9A-Za-z.*+!-]*)");

  /**
   * Whether a PEP 440 specifier caps the version ({@code <}, {@code <=}, {@code ==}, {@code ===},
   * {@code ~=}): nixpkgs' package moves with the channel and may be past it, and nixpkgs'
   * runtime-dependency check (python-runtime-deps-check-hook.py) then stops the build.
   */
  static boolean hasUpperBound(String specifier) {
    if (specifier == null) {
      return false;
    }
    for (String clause : specifier.split(",")) {
      if (CAP.matcher(clause.strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The backend's package, then every other {@code [build-system].requires} entry nixpkgs has
   * (hatch-vcs, setuptools-scm, cython, pybind11, ...): {@code python -m build --no-isolation}
   * finds only what build-system installs (pkgs/development/interpreters/python/hooks/
   * pypa-build-hook.sh). The rest are named in a warning.
   */
  private List<String> buildSystem(
      PythonProject py, MarkerPlatforms platforms, String manifest, List<String> notes) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    BuildBackend backend = py.buildBackend();
    if (PACKAGED_BACKENDS.contains(backend)) {
      out.add("ps." + backend.distribution());
    } else if (backend != BuildBackend.MATURIN) {
      warnings.add(
          manifest,
          "build backend "
              + backend.id()
              + " has no checked python3Packages attribute; add it to build-system in flake.nix");
      notes.add("build backend " + backend.id() + ": add its package to build-system");
    }
    for (Requirement r : py.buildRequires()) {
      String name = r.normalizedName();
      if (!platforms.applies(r) || (name.equals(MATURIN) && py.nativeParts().contains("rust"))) {
        continue;
      }
      Optional<String> found = data.python3Package(name);
      if (found.isPresent()) {
        out.add("ps." + found.get());
      } else if (PACKAGED_BACKENDS.stream().noneMatch(b -> b.distribution().equals(name))) {
        notes.add("build requirement not in nixpkgs' python3Packages: " + name);
        warn(r, manifest, "build requirement", "add its package to build-system in flake.nix");
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code pytestCheckHook} and what the test extras and groups ({@code test}, {@code tests},
   * {@code testing}) ask for beyond the runtime dependencies: the check phase runs in the build's
   * environment, where only these and the dependencies are installed. pytest itself comes with the
   * hook.
   */
  private List<String> checkInputs(
      PythonProject py, MarkerPlatforms platforms, Set<String> deps, List<String> notes) {
    if (py.testRunner() != PythonProject.TestRunner.PYTEST) {
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>(List.of("ps.pytestCheckHook"));
    List<Requirement> wanted = new ArrayList<>();
    for (String name : TEST_SETS) {
      wanted.addAll(py.optionalDependencies().getOrDefault(name, List.of()));
      wanted.addAll(py.dependencyGroups().getOrDefault(name, List.of()));
    }
    for (Requirement r : wanted) {
      String name = r.normalizedName();
      if (!platforms.applies(r) || name.equals("pytest")) {
        continue;
      }
      Optional<String> found = data.python3Package(name);
      if (found.isPresent() && !deps.contains("ps." + found.get())) {
        out.add("ps." + found.get());
      } else if (found.isEmpty()) {
        notes.add("test requirement not in nixpkgs' python3Packages: " + name);
      }
    }
    return List.copyOf(out);
  }

  private static final List<String> TEST_SETS = List.of("test", "tests", "testing");

  /**
   * The package's version: the manifest's, or for a version taken from git, {@link #VCS_VERSION}
   * with a warning when a build-system package's hook hands it to the backend.
   */
  private String version(
      PythonProject py, List<String> buildSystem, String manifest, List<String> notes) {
    if (!py.dynamicVersion()) {
      return NixBuildPlanner.version(py.version());
    }
    Optional<String> hook =
        VERSION_HOOKS.stream().filter(h -> buildSystem.contains("ps." + h)).sorted().findFirst();
    if (hook.isEmpty()) {
      return NixBuildPlanner.version(null);
    }
    notes.add(
        "a version read from git is this one: the Nix source has no .git and "
            + hook.get()
            + "'s hook passes the package's version; set the release's");
    warnings.add(
        manifest,
        "the version is computed at build time; where it comes from git, which a Nix build's"
            + " source does not have, nixpkgs' "
            + hook.get()
            + " hook passes the package's version instead, so flake.nix says "
            + VCS_VERSION
            + ": set the release's version there");
    return Escape.nixString(VCS_VERSION);
  }

  /**
   * Warns that nixpkgs has no package for {@code r}, naming the file and line it was read from
   * ({@code fallback} for one read from no file).
   */
  private void warn(Requirement r, String fallback, String what, String todo) {
    warnings.add(
        r.file().isEmpty() ? fallback : r.file(),
        what
            + " "
            + r.normalizedName()
            + (r.line() > 0 ? " (line " + r.line() + ")" : "")
            + " has no python3Packages attribute nixmigrate knows; "
            + todo);
  }
}
