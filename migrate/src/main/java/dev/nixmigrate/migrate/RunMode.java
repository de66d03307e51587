package dev.nixmigrate.migrate;

/**
 * How a step runs.
 *
 * @param dryRun decide everything, write nothing
 * @param allowDirty write even over uncommitted changes
 * @param editExisting make the minimal edits to files the user owns (their workflow, their flake,
 *     their {@code .gitignore})
 * @param only do step N's own work alone, not the earlier steps it builds on
 * @param downgrade take a repository at a higher step back down to step N, instead of keeping what
 *     the later steps added
 */
public record RunMode(
    boolean dryRun, boolean allowDirty, boolean editExisting, boolean only, boolean downgrade) {
  public RunMode(boolean dryRun, boolean allowDirty, boolean editExisting, boolean only) {
    this(dryRun, allowDirty, editExisting, only, false);
  }

  /** Write, refuse over uncommitted changes, leave the user's files alone, do earlier steps too. */
  public static final RunMode DEFAULT = new RunMode(false, false, false, false);

  public RunMode dryRun(boolean v) {
    return new RunMode(v, allowDirty, editExisting, only, downgrade);
  }

  public RunMode allowDirty(boolean v) {
    return new RunMode(dryRun, v, editExisting, only, downgrade);
  }

  public RunMode editExisting(boolean v) {
    return new RunMode(dryRun, allowDirty, v, only, downgrade);
  }

  public RunMode only(boolean v) {
    return new RunMode(dryRun, allowDirty, editExisting, v, downgrade);
  }

  public RunMode downgrade(boolean v) {
    return new RunMode(dryRun, allowDirty, editExisting, only, v);
  }
}
