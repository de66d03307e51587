package dev.nixmigrate.core.steps;

import dev.nixmigrate.core.model.Evidence.Kind;
import dev.nixmigrate.core.model.ExistingSetup;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus.State;
import dev.nixmigrate.core.steps.StepCheck.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** nixmigrate's five steps, each declared with how {@code status} judges it. */
final class StandardSteps {
  private StandardSteps() {}

  static final List<MigrationStep> ALL =
      List.of(
          new MigrationStep(
              1,
              "CI-defined builds",
              "CI builds, tests and lints every project, and a justfile runs the same commands"
                  + " locally.",
              "",
              Set.of(),
              "CI jobs (`.github/workflows/ci.yml`, or `.gitlab-ci.yml` on GitLab) and a `justfile`"
                  + " running the same commands",
              "CI minutes for the matrix",
              "\"works on my machine\": everyone runs what CI runs",
              StandardSteps::ciDefinedBuilds),
          new MigrationStep(
              2,
              "Compiler caching",
              "CI compiles through sccache (Rust) and ccache or sccache (C/C++) and keeps"
                  + " Python's package downloads, reading the default branch's caches on pull"
                  + " requests.",
              "a CI workflow (step 1)",
              Set.of(Kind.CI_WORKFLOW),
              "sccache/ccache in CI and in the `justfile`; caches written only from the default branch",
              "cache storage (GitHub Actions keeps 10 GB per repository; a GitLab runner keeps its"
                  + " cache on its own disk or in the object storage it is set up with)",
              "rebuild time: unchanged translation units and library crates come from the cache",
              StandardSteps::compilerCaching),
          new MigrationStep(
              3,
              "Nix dev shells",
              "flake.nix declares a dev shell with the toolchains and libraries the projects need;"
                  + " .envrc loads it with direnv.",
              "",
              Set.of(),
              "`flake.nix` (`devShells.default`), `.envrc`",
              "the first download of the toolchain",
              "setting up a machine: `direnv allow` or `nix develop` and the tools are there",
              StandardSteps::nixDevShells),
          new MigrationStep(
              4,
              "CI builds on Nix",
              "The flake builds each project as a package and checks it; CI runs nix flake check"
                  + " and nix build.",
              "a flake (step 3)",
              Set.of(Kind.FLAKE),
              "flake `packages` and `checks`, and CI jobs running them (`.github/workflows/nix.yml`,"
                  + " or `.gitlab/ci/nix.yml` on GitLab)",
              "Nix builds start from a clean sandbox, so compiler caches do not help inside them",
              "reproducible builds: the same inputs give the same outputs everywhere",
              StandardSteps::ciBuildsOnNix),
          new MigrationStep(
              5,
              "Remote builders and binary cache",
              "CI pushes to a binary cache from the default branch only; nix/nix.conf and"
                  + " nix/machines set up pulling and remote builders; docs/nix-migration.md says"
                  + " what each step costs.",
              "CI builds on Nix (step 4)",
              Set.of(Kind.FLAKE_PACKAGES, Kind.FLAKE_CHECKS, Kind.NIX_IN_CI, Kind.NIX_BUILD_IN_CI),
              "`nix/nix.conf`, `nix/machines`, the cache push in CI",
              "a cache service and, for builders, machines",
              "build time: what was built once is downloaded, and big builds run on big machines",
              StandardSteps::binaryCache));

  private static Set<Language> languages(RepoFacts facts) {
    Set<Language> langs = EnumSet.noneOf(Language.class);
    for (Project p : facts.projects()) {
      langs.addAll(p.languages());
    }
    return langs;
  }

  /**
   * Whether some project compiles C or C++ with a build of its own. C sources that a Python build
   * backend compiles (a setuptools extension, a scikit-build-core or meson-python tree) are built,
   * and cached, by the Python build that CI runs.
   */
  private static boolean compiled(RepoFacts facts) {
    for (Project p : facts.projects()) {
      boolean c = p.languages().contains(Language.C) || p.languages().contains(Language.CPP);
      boolean throughPython =
          p.python()
              .map(py -> py.nativeParts().stream().anyMatch(BUILT_BY_PYTHON::contains))
              .orElse(false);
      if (c && !throughPython) {
        return true;
      }
    }
    return false;
  }

  /** The native parts a Python build backend compiles itself. */
  private static final Set<String> BUILT_BY_PYTHON = Set.of("c-extension", "cmake", "meson");

  /** Every language the repository builds is built by some CI job. */
  private static Verdict ciDefinedBuilds(RepoFacts facts) {
    Set<Language> langs = languages(facts);
    ExistingSetup s = facts.existing();
    List<String> unbuilt = new ArrayList<>();
    List<Kind> absent = new ArrayList<>();
    if (!s.has(Kind.CI_WORKFLOW)) {
      absent.add(Kind.CI_WORKFLOW);
    }
    if (langs.contains(Language.PYTHON) && !s.has(Kind.CI_BUILDS_PYTHON)) {
      unbuilt.add("Python");
      absent.add(Kind.CI_BUILDS_PYTHON);
    }
    if (langs.contains(Language.RUST) && !s.has(Kind.CI_BUILDS_RUST)) {
      unbuilt.add("Rust");
      absent.add(Kind.CI_BUILDS_RUST);
    }
    if (compiled(facts) && !s.has(Kind.CI_BUILDS_C)) {
      unbuilt.add("C/C++");
      absent.add(Kind.CI_BUILDS_C);
    }
    boolean anyBuilds =
        s.has(Kind.CI_BUILDS_PYTHON) || s.has(Kind.CI_BUILDS_RUST) || s.has(Kind.CI_BUILDS_C);
    State state =
        !s.has(Kind.CI_WORKFLOW)
            ? State.MISSING
            : unbuilt.isEmpty() && (anyBuilds || langs.isEmpty()) ? State.DONE : State.PARTIAL;
    String missing =
        state == State.MISSING
            ? "no CI workflow builds the repository"
            : unbuilt.isEmpty()
                ? ""
                : "no CI job builds the " + String.join(", ", unbuilt) + " code";
    return Verdict.of(
        state,
        missing,
        absent,
        facts,
        Kind.CI_WORKFLOW,
        Kind.CI_BUILDS_PYTHON,
        Kind.CI_BUILDS_RUST,
        Kind.CI_BUILDS_C,
        Kind.CI_MATRIX,
        Kind.CI_DEPENDENCY_CACHE,
        Kind.JUSTFILE);
  }

  /** A compiler cache for each compiled language; a dependency cache for Python. */
  private static Verdict compilerCaching(RepoFacts facts) {
    Set<Language> langs = languages(facts);
    ExistingSetup s = facts.existing();
    List<String> uncached = new ArrayList<>();
    List<Kind> absent = new ArrayList<>();
    int needed = 0;
    if (langs.contains(Language.RUST)) {
      needed++;
      if (!s.has(Kind.COMPILER_CACHE_RUST)) {
        uncached.add("Rust (sccache)");
        absent.add(Kind.COMPILER_CACHE_RUST);
      }
    }
    if (compiled(facts)) {
      needed++;
      if (!s.has(Kind.COMPILER_CACHE_C)) {
        uncached.add("C/C++ (ccache or sccache)");
        absent.add(Kind.COMPILER_CACHE_C);
      }
    }
    if (langs.contains(Language.PYTHON)) {
      needed++;
      if (!s.has(Kind.PYTHON_CACHE)) {
        uncached.add(
            "Python (uv or pip downloads: `enable-cache: true` on astral-sh/setup-uv, or `cache:"
                + " pip` on actions/setup-python)");
        absent.add(Kind.PYTHON_CACHE);
      }
    }
    State state =
        needed == 0
            ? State.MISSING
            : uncached.isEmpty()
                ? State.DONE
                : uncached.size() < needed ? State.PARTIAL : State.MISSING;
    return Verdict.of(
        state,
        uncached.isEmpty() ? "" : "no cache for " + String.join(", ", uncached),
        absent,
        facts,
        Kind.COMPILER_CACHE_RUST,
        Kind.COMPILER_CACHE_C,
        Kind.PYTHON_CACHE);
  }

  /** A flake dev shell loaded by direnv. */
  private static Verdict nixDevShells(RepoFacts facts) {
    ExistingSetup s = facts.existing();
    boolean shell = s.has(Kind.FLAKE_DEV_SHELL);
    List<Kind> absent = new ArrayList<>();
    if (!shell) {
      absent.add(Kind.FLAKE_DEV_SHELL);
    }
    if (!s.has(Kind.ENVRC)) {
      absent.add(Kind.ENVRC);
    }
    State state =
        shell && s.has(Kind.ENVRC)
            ? State.DONE
            : shell || s.has(Kind.LEGACY_NIX) || s.has(Kind.ENVRC) || s.has(Kind.FLAKE)
                ? State.PARTIAL
                : State.MISSING;
    return Verdict.of(
        state,
        state == State.DONE ? "" : !shell ? "no flake devShells" : "no .envrc that loads the flake",
        absent,
        facts,
        Kind.FLAKE,
        Kind.FLAKE_DEV_SHELL,
        Kind.LEGACY_NIX,
        Kind.ENVRC);
  }

  /** The flake builds the projects and CI runs that build. */
  private static Verdict ciBuildsOnNix(RepoFacts facts) {
    ExistingSetup s = facts.existing();
    boolean flakeBuilds = s.has(Kind.FLAKE_PACKAGES) || s.has(Kind.FLAKE_CHECKS);
    List<Kind> absent = new ArrayList<>();
    if (!flakeBuilds) {
      // Either one would do: both are absent.
      absent.add(Kind.FLAKE_PACKAGES);
      absent.add(Kind.FLAKE_CHECKS);
    }
    if (!s.has(Kind.NIX_BUILD_IN_CI)) {
      absent.add(Kind.NIX_BUILD_IN_CI);
    }
    State state =
        flakeBuilds && s.has(Kind.NIX_BUILD_IN_CI)
            ? State.DONE
            : flakeBuilds || s.has(Kind.NIX_BUILD_IN_CI) || s.has(Kind.NIX_IN_CI)
                ? State.PARTIAL
                : State.MISSING;
    return Verdict.of(
        state,
        state == State.DONE
            ? ""
            : !flakeBuilds
                ? "the flake has no packages or checks"
                : "no CI job runs nix build or nix flake check",
        absent,
        facts,
        Kind.FLAKE_PACKAGES,
        Kind.FLAKE_CHECKS,
        Kind.NIX_IN_CI,
        Kind.NIX_BUILD_IN_CI);
  }

  /** CI pushes to a binary cache (remote builders are optional). */
  private static Verdict binaryCache(RepoFacts facts) {
    ExistingSetup s = facts.existing();
    State state =
        s.has(Kind.BINARY_CACHE_PUSH)
            ? State.DONE
            : s.has(Kind.BINARY_CACHE_PULL) || s.has(Kind.REMOTE_BUILDERS)
                ? State.PARTIAL
                : State.MISSING;
    return Verdict.of(
        state,
        state == State.DONE ? "" : "nothing pushes to a binary cache",
        state == State.DONE ? List.of() : List.of(Kind.BINARY_CACHE_PUSH),
        facts,
        Kind.BINARY_CACHE_PUSH,
        Kind.BINARY_CACHE_PULL,
        Kind.REMOTE_BUILDERS);
  }
}
