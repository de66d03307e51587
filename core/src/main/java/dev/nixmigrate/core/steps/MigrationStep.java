package dev.nixmigrate.core.steps;

import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.ExistingSetup;
import java.util.Set;

/**
 * One migration step, declared: what it is, what it gives, what it needs first, what it costs, and
 * how {@code status} judges it. The steps' list is {@link Steps}; the generators that write for a
 * step declare it themselves.
 *
 * @param number its place in {@link Steps}, from 1
 * @param name the name {@code status} shows
 * @param description what the step gives the repository, in a sentence
 * @param requires what must be in place before the step alone ({@code --only}) can run, or empty
 * @param needs the evidence, any of which shows that it is in place (or nixmigrate's own files of
 *     the step before)
 * @param adds what it adds, in Markdown (for docs/nix-migration.md and pull requests)
 * @param costs what it costs
 * @param saves what it pays back
 * @param check how far a repository is through it
 */
public record MigrationStep(
    int number,
    String name,
    String description,
    String requires,
    Set<Evidence.Kind> needs,
    String adds,
    String costs,
    String saves,
    StepCheck check) {
  public MigrationStep {
    needs = Set.copyOf(needs);
  }

  /** Whether the repository shows what this step alone builds on (always, for a step with none). */
  public boolean hasWhatItNeeds(ExistingSetup existing) {
    return needs.isEmpty() || needs.stream().anyMatch(existing::has);
  }
}
