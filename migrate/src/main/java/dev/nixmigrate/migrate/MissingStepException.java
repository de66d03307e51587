package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;

/** A step alone ({@code --only}) was asked for, and what it builds on is not there. */
public final class MissingStepException extends NixMigrateException {
  private static final long serialVersionUID = 1L;

  private final int step;
  private final String requires;

  MissingStepException(int step, String requires, String message) {
    super(Kind.REFUSED, message);
    this.step = step;
    this.requires = requires;
  }

  /** The step asked for. */
  public int step() {
    return step;
  }

  /** What it needs, in words ("a flake (step 3)"). */
  public String requires() {
    return requires;
  }
}
