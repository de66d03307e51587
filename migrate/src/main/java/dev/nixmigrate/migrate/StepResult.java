package dev.nixmigrate.migrate;

import dev.nixmigrate.generators.Warning;
import java.util.List;

/**
 * What a step did (or, in a dry run, would do).
 *
 * @param written every change made (or, in a dry run, planned), nixmigrate's bookkeeping included
 * @param left files left alone, with why and what to do
 * @param conflicts files written with conflict markers, and how; the user must resolve them
 * @param warnings what generation could not do as asked
 */
public record StepResult(
    int step,
    boolean dryRun,
    List<FileChange> written,
    List<Left> left,
    List<Conflict> conflicts,
    List<Warning> warnings) {
  public StepResult {
    written = List.copyOf(written);
    left = List.copyOf(left);
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
  }

  /** What performing {@code plan} did ({@code dryRun}: would do): exactly its changes. */
  public static StepResult of(Plan plan, boolean dryRun) {
    return new StepResult(
        plan.step(), dryRun, plan.changes(), plan.left(), plan.conflicts(), plan.warnings());
  }

  /** The changes to the steps' files, without nixmigrate's bookkeeping. */
  public List<FileChange> fileChanges() {
    return written.stream().filter(c -> !Plan.isBookkeeping(c.path())).toList();
  }
}
