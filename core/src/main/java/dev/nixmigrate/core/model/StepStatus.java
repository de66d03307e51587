package dev.nixmigrate.core.model;

import java.util.List;

/**
 * How far a repository is through one of the five steps, with the evidence for it.
 *
 * @param number the step's number
 * @param name the step's name
 * @param state done, partial or missing
 * @param evidence what was found that shows the step's work, with file and line
 * @param missing what the step lacks, in a sentence; {@code ""} when it lacks nothing
 * @param absent the kinds of evidence the step looks for and did not find; empty when {@code
 *     missing} is
 */
public record StepStatus(
    int number,
    String name,
    State state,
    List<Evidence> evidence,
    String missing,
    List<Evidence.Kind> absent) {

  public StepStatus {
    evidence = List.copyOf(evidence);
    absent = List.copyOf(absent);
  }

  /** {@code done}, {@code partial} or {@code missing}, as in JSON output. */
  public enum State implements Vocabulary {
    DONE,
    PARTIAL,
    MISSING;
  }
}
