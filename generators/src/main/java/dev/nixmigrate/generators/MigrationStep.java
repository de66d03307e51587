package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.scan.StepAssessor;
import java.util.List;
import java.util.Set;

/**
 * One of the five migration steps, declared: what it is, what it writes, what it needs first and
 * which options shape it.
 *
 * @param number 1 to 5
 * @param name the name {@code status} shows
 * @param description what the step gives the repository, in a sentence
 * @param requires what must be in place before the step alone ({@code --only}) can run, or empty
 * @param needs the evidence, any of which shows that it is in place (or nixmigrate's own files of
 *     the step before)
 * @param adds what it adds, in Markdown (for docs/nix-migration.md and pull requests)
 * @param costs what it costs
 * @param saves what it pays back
 */
public record MigrationStep(
    int number,
    String name,
    String description,
    String requires,
    Set<Evidence.Kind> needs,
    String adds,
    String costs,
    String saves) {
  public MigrationStep {
    needs = Set.copyOf(needs);
  }

  /** The options that shape this step, each as an example command line ({@link Setting}). */
  public List<String> options() {
    return Setting.ofStep(number).stream().map(Setting::example).toList();
  }

  /**
   * The generators that write for this step, by name, each with what this step changes in its
   * files: derived from what each generator declares ({@link Generator#steps}).
   */
  public java.util.Map<String, String> generators() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Generator g : Generators.all()) {
      g.steps().stream().filter(p -> p.step() == number).forEach(p -> out.put(g.name(), p.why()));
    }
    return out;
  }

  /** The five steps, in order. */
  public static final List<MigrationStep> ALL =
      List.of(
          new MigrationStep(
              1,
              StepAssessor.NAMES.get(0),
              "A CI workflow builds, tests and lints every project, and a justfile runs the same"
                  + " commands locally.",
              "",
              Set.of(),
              "`.github/workflows/ci.yml` and a `justfile` running the same commands",
              "CI minutes for the matrix",
              "\"works on my machine\": everyone runs what CI runs"),
          new MigrationStep(
              2,
              StepAssessor.NAMES.get(1),
              "CI compiles through sccache (Rust) and ccache or sccache (C/C++), reading the"
                  + " default branch's cache on pull requests.",
              "a CI workflow (step 1)",
              Set.of(Evidence.Kind.CI_WORKFLOW),
              "sccache/ccache in CI and in the `justfile`; caches written only from the default branch",
              "cache storage (GitHub keeps 10 GB per repository)",
              "rebuild time: unchanged translation units and library crates come from the cache"),
          new MigrationStep(
              3,
              StepAssessor.NAMES.get(2),
              "flake.nix declares a dev shell with the toolchains and libraries the projects need;"
                  + " .envrc loads it with direnv.",
              "",
              Set.of(),
              "`flake.nix` (`devShells.default`), `.envrc`",
              "the first download of the toolchain",
              "setting up a machine: `direnv allow` or `nix develop` and the tools are there"),
          new MigrationStep(
              4,
              StepAssessor.NAMES.get(3),
              "The flake builds each project as a package and checks it; a second workflow runs"
                  + " nix flake check and nix build.",
              "a flake (step 3)",
              Set.of(Evidence.Kind.FLAKE),
              "flake `packages` and `checks`, `.github/workflows/nix.yml`",
              "Nix builds start from a clean sandbox, so compiler caches do not help inside them",
              "reproducible builds: the same inputs give the same outputs everywhere"),
          new MigrationStep(
              5,
              StepAssessor.NAMES.get(4),
              "CI pushes to a binary cache from the default branch only; nix/nix.conf and"
                  + " nix/machines set up pulling and remote builders; docs/nix-migration.md says"
                  + " what each step costs.",
              "CI builds on Nix (step 4)",
              Set.of(
                  Evidence.Kind.FLAKE_PACKAGES,
                  Evidence.Kind.FLAKE_CHECKS,
                  Evidence.Kind.NIX_IN_CI,
                  Evidence.Kind.NIX_BUILD_IN_CI),
              "`nix/nix.conf`, `nix/machines`, the cache push in `nix.yml`",
              "a cache service and, for builders, machines",
              "build time: what was built once is downloaded, and big builds run on big machines"));

  /**
   * Whether this step alone can run: no needs, or the repository shows one of them, or it holds
   * files nixmigrate wrote for the step before ({@code managed}).
   */
  public boolean canRunAlone(
      dev.nixmigrate.core.model.ExistingSetup existing, Set<String> managed) {
    if (needs.isEmpty() || needs.stream().anyMatch(existing::has)) {
      return true;
    }
    return Generators.all().stream()
        .filter(g -> g.steps().stream().anyMatch(p -> p.step() == number - 1))
        .flatMap(g -> g.paths().stream())
        .anyMatch(managed::contains);
  }

  /** The steps' numbers, as a user reads them: "1 to 5". */
  public static String range() {
    return "1 to " + ALL.size();
  }

  /** Step {@code n} (1 to 5). */
  public static MigrationStep get(int n) {
    if (n < 1 || n > ALL.size()) {
      throw new IllegalArgumentException("step must be " + range() + ", not " + n);
    }
    return ALL.get(n - 1);
  }
}
