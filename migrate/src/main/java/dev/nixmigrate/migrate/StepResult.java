package dev.nixmigrate.migrate;

import java.util.List;

/**
 * What a step did (or, in a dry run, would do).
 *
 * @param written files written, with why
 * @param left files left alone because the user owns them, with what to do
 * @param conflicts files written with conflict markers; the user must resolve them
 * @param warnings what generation could not do as asked
 */
public record StepResult(
    int step,
    boolean dryRun,
    List<FileChange> written,
    List<String> left,
    List<String> conflicts,
    List<String> warnings) {
  public StepResult {
    written = List.copyOf(written);
    left = List.copyOf(left);
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
  }
}
