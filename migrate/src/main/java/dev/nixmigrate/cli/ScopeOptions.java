package dev.nixmigrate.cli;

import dev.nixmigrate.migrate.RunMode;
import picocli.CommandLine.Option;

/** What a step may touch: earlier steps too or step N alone, and the user's own files or not. */
final class ScopeOptions {
  @Option(
      names = "--only",
      description =
          "Do step N's own work alone, not the earlier steps it builds on (they must be in place). Example: step 2 --only")
  boolean only;

  @Option(
      names = "--edit-existing",
      description =
          "Also make the minimal edits to files you own: compiler caching in your workflow, the hook-up line in your flake, the lines .gitignore lacks.")
  boolean editExisting;

  @Option(
      names = "--downgrade",
      description =
          "Take a repository at a higher step back down to step N; without it, a lower step keeps what later steps added.")
  boolean downgrade;

  RunMode apply(RunMode mode) {
    return mode.only(only).editExisting(editExisting).downgrade(downgrade);
  }
}
