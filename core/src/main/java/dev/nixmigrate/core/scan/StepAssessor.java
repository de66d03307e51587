package dev.nixmigrate.core.scan;

import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Evidence.Kind;
import dev.nixmigrate.core.model.ExistingSetup;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.model.StepStatus.State;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Judges, from the evidence, how far the repository is through each of the five steps. */
public final class StepAssessor {
  /** The steps' names, by number (index 0 is step 1). */
  public static final List<String> NAMES =
      List.of(
          "CI-defined builds",
          "Compiler caching",
          "Nix dev shells",
          "CI builds on Nix",
          "Remote builders and binary cache");

  private StepAssessor() {}

  public static List<StepStatus> assess(List<Project> projects, ExistingSetup s) {
    Set<Language> langs = EnumSet.noneOf(Language.class);
    projects.forEach(p -> langs.addAll(p.languages()));
    boolean rust = langs.contains(Language.RUST);
    boolean c = langs.contains(Language.C) || langs.contains(Language.CPP);
    boolean python = langs.contains(Language.PYTHON);
    List<StepStatus> out = new ArrayList<>();

    // Step 1: every language the repository builds is built by some CI job.
    List<String> unbuilt = new ArrayList<>();
    if (python && !s.has(Kind.CI_BUILDS_PYTHON)) {
      unbuilt.add("Python");
    }
    if (rust && !s.has(Kind.CI_BUILDS_RUST)) {
      unbuilt.add("Rust");
    }
    if (c && !s.has(Kind.CI_BUILDS_C)) {
      unbuilt.add("C/C++");
    }
    boolean anyBuilds =
        s.has(Kind.CI_BUILDS_PYTHON) || s.has(Kind.CI_BUILDS_RUST) || s.has(Kind.CI_BUILDS_C);
    State one =
        !s.has(Kind.CI_WORKFLOW)
            ? State.MISSING
            : unbuilt.isEmpty() && (anyBuilds || langs.isEmpty()) ? State.DONE : State.PARTIAL;
    out.add(
        status(
            1,
            one,
            s,
            one == State.MISSING
                ? "no CI workflow builds the repository"
                : unbuilt.isEmpty()
                    ? ""
                    : "no CI job builds the " + String.join(", ", unbuilt) + " code",
            Kind.CI_WORKFLOW,
            Kind.CI_BUILDS_PYTHON,
            Kind.CI_BUILDS_RUST,
            Kind.CI_BUILDS_C,
            Kind.CI_MATRIX,
            Kind.CI_DEPENDENCY_CACHE,
            Kind.JUSTFILE));

    // Step 2: a compiler cache for each compiled language; a dependency cache for Python.
    List<String> uncached = new ArrayList<>();
    int needed = 0;
    if (rust) {
      needed++;
      if (!s.has(Kind.COMPILER_CACHE_RUST)) {
        uncached.add("Rust (sccache)");
      }
    }
    if (c) {
      needed++;
      if (!s.has(Kind.COMPILER_CACHE_C)) {
        uncached.add("C/C++ (ccache or sccache)");
      }
    }
    if (python) {
      needed++;
      if (!s.has(Kind.PYTHON_CACHE)) {
        uncached.add("Python (uv/pip cache)");
      }
    }
    State two =
        needed == 0
            ? State.MISSING
            : uncached.isEmpty()
                ? State.DONE
                : uncached.size() < needed ? State.PARTIAL : State.MISSING;
    out.add(
        status(
            2,
            two,
            s,
            uncached.isEmpty() ? "" : "no cache for " + String.join(", ", uncached),
            Kind.COMPILER_CACHE_RUST,
            Kind.COMPILER_CACHE_C,
            Kind.PYTHON_CACHE));

    // Step 3: a flake dev shell loaded by direnv.
    boolean shell = s.has(Kind.FLAKE_DEV_SHELL);
    State three =
        shell && s.has(Kind.ENVRC)
            ? State.DONE
            : shell || s.has(Kind.LEGACY_NIX) || s.has(Kind.ENVRC) || s.has(Kind.FLAKE)
                ? State.PARTIAL
                : State.MISSING;
    out.add(
        status(
            3,
            three,
            s,
            three == State.DONE
                ? ""
                : !shell ? "no flake devShells" : "no .envrc that loads the flake",
            Kind.FLAKE,
            Kind.FLAKE_DEV_SHELL,
            Kind.LEGACY_NIX,
            Kind.ENVRC));

    // Step 4: the flake builds the projects and CI runs that build.
    boolean flakeBuilds = s.has(Kind.FLAKE_PACKAGES) || s.has(Kind.FLAKE_CHECKS);
    State four =
        flakeBuilds && s.has(Kind.NIX_BUILD_IN_CI)
            ? State.DONE
            : flakeBuilds || s.has(Kind.NIX_BUILD_IN_CI) || s.has(Kind.NIX_IN_CI)
                ? State.PARTIAL
                : State.MISSING;
    out.add(
        status(
            4,
            four,
            s,
            four == State.DONE
                ? ""
                : !flakeBuilds
                    ? "the flake has no packages or checks"
                    : "no CI job runs nix build or nix flake check",
            Kind.FLAKE_PACKAGES,
            Kind.FLAKE_CHECKS,
            Kind.NIX_IN_CI,
            Kind.NIX_BUILD_IN_CI));

    // Step 5: CI pushes to a binary cache (remote builders are optional).
    State five =
        s.has(Kind.BINARY_CACHE_PUSH)
            ? State.DONE
            : s.has(Kind.BINARY_CACHE_PULL) || s.has(Kind.REMOTE_BUILDERS)
                ? State.PARTIAL
                : State.MISSING;
    out.add(
        status(
            5,
            five,
            s,
            five == State.DONE ? "" : "nothing pushes to a binary cache",
            Kind.BINARY_CACHE_PUSH,
            Kind.BINARY_CACHE_PULL,
            Kind.REMOTE_BUILDERS));
    return out;
  }

  /** The highest step N such that steps 1..N are all done; 0 when step 1 is not. */
  public static int currentStep(List<StepStatus> steps) {
    int n = 0;
    for (StepStatus st : steps) {
      if (st.state() != State.DONE) {
        break;
      }
      n = st.number();
    }
    return n;
  }

  private static StepStatus status(
      int n, State state, ExistingSetup s, String missing, Kind... kinds) {
    List<Evidence> ev = new ArrayList<>();
    for (Kind k : kinds) {
      ev.addAll(s.of(k));
    }
    return new StepStatus(n, NAMES.get(n - 1), state, ev, missing);
  }
}
