package dev.nixmigrate.migrate;

import dev.nixmigrate.core.model.Vocabulary;

/** What a run of {@code plan}, {@code step} or {@code check} came to, as its JSON says. */
public enum Outcome implements Vocabulary {
  /** Nothing to change. */
  UNCHANGED,
  /** Changes shown, not made (a plan or a dry run). */
  PLANNED,
  /** Changes made. */
  WRITTEN,
  /** Some files clash with the user's edits. */
  CONFLICTS,
  /** {@code check}: nixmigrate has written nothing here yet. */
  NOT_STARTED,
  /** {@code check}: every file nixmigrate wrote is current. */
  UP_TO_DATE,
  /** {@code check}: some file nixmigrate wrote is stale. */
  OUT_OF_DATE;

  /** The outcome of {@code r}. */
  public static Outcome of(StepResult r) {
    if (!r.conflicts().isEmpty()) {
      return CONFLICTS;
    }
    return r.written().isEmpty() ? UNCHANGED : r.dryRun() ? PLANNED : WRITTEN;
  }

  /** The outcome of planning {@code p}. */
  public static Outcome of(Plan p) {
    return p.isEmpty() ? UNCHANGED : PLANNED;
  }
}
