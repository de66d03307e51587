package dev.nixmigrate.generators;

import dev.nixmigrate.core.scan.StepAssessor;
import java.util.List;

/**
 * One of the five migration steps, declared: what it is, what it writes, what it needs first and
 * which options shape it.
 *
 * @param number 1 to 5
 * @param name the name {@code status} shows
 * @param description what the step gives the repository, in a sentence
 * @param generators the names of the generators that write for it
 * @param requires what must be in place before the step alone ({@code --only}) can run, or empty
 * @param options the command-line options that shape it, each with an example
 * @param adds what it adds, in Markdown (for docs/nix-migration.md and pull requests)
 * @param costs what it costs
 * @param saves what it pays back
 */
public record MigrationStep(
    int number,
    String name,
    String description,
    List<String> generators,
    String requires,
    List<String> options,
    String adds,
    String costs,
    String saves) {
  public MigrationStep {
    generators = List.copyOf(generators);
    options = List.copyOf(options);
  }

  /** The five steps, in order. */
  public static final List<MigrationStep> ALL =
      List.of(
          new MigrationStep(
              1,
              StepAssessor.NAMES.get(0),
              "A CI workflow builds, tests and lints every project, and a justfile runs the same"
                  + " commands locally.",
              List.of("ci-workflow", "justfile"),
              "",
              List.of("--python 3.13", "--os ubuntu-24.04"),
              "`.github/workflows/ci.yml` and a `justfile` running the same commands",
              "CI minutes for the matrix",
              "\"works on my machine\": everyone runs what CI runs"),
          new MigrationStep(
              2,
              StepAssessor.NAMES.get(1),
              "CI compiles through sccache (Rust) and ccache or sccache (C/C++), reading the"
                  + " default branch's cache on pull requests.",
              List.of("ci-workflow", "ci-cache-edit"),
              "a CI workflow (step 1)",
              List.of("--compiler-cache sccache"),
              "sccache/ccache in CI and in the `justfile`; caches written only from the default branch",
              "cache storage (GitHub keeps 10 GB per repository)",
              "rebuild time: unchanged translation units and library crates come from the cache"),
          new MigrationStep(
              3,
              StepAssessor.NAMES.get(2),
              "flake.nix declares a dev shell with the toolchains and libraries the projects need;"
                  + " .envrc loads it with direnv.",
              List.of("flake", "envrc"),
              "",
              List.of("--system x86_64-darwin", "--templates nix/templates"),
              "`flake.nix` (`devShells.default`), `.envrc`",
              "the first download of the toolchain",
              "setting up a machine: `direnv allow` or `nix develop` and the tools are there"),
          new MigrationStep(
              4,
              StepAssessor.NAMES.get(3),
              "The flake builds each project as a package and checks it; a second workflow runs"
                  + " nix flake check and nix build.",
              List.of("flake", "nix-workflow"),
              "a flake (step 3)",
              List.of("--nix-installer determinate"),
              "flake `packages` and `checks`, `.github/workflows/nix.yml`",
              "Nix builds start from a clean sandbox, so compiler caches do not help inside them",
              "reproducible builds: the same inputs give the same outputs everywhere"),
          new MigrationStep(
              5,
              StepAssessor.NAMES.get(4),
              "CI pushes to a binary cache from the default branch only; nix/nix.conf and"
                  + " nix/machines set up pulling and remote builders; docs/nix-migration.md says"
                  + " what each step costs.",
              List.of("nix-workflow", "binary-cache"),
              "CI builds on Nix (step 4)",
              List.of(
                  "--binary-cache cachix:my-project",
                  "--cache-public-key my-project.cachix.org-1:AbC...=",
                  "--builder 'ssh-ng://nix@big.example x86_64-linux - 16 2 big-parallel'",
                  "--flake-nix-config"),
              "`nix/nix.conf`, `nix/machines`, the cache push in `nix.yml`",
              "a cache service and, for builders, machines",
              "build time: what was built once is downloaded, and big builds run on big machines"));

  /** Step {@code n} (1 to 5). */
  public static MigrationStep get(int n) {
    if (n < 1 || n > ALL.size()) {
      throw new IllegalArgumentException("step must be 1 to 5, not " + n);
    }
    return ALL.get(n - 1);
  }
}
