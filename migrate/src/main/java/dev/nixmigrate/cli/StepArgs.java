package dev.nixmigrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code N [DIR] [--json]}: the step and the repository, shared by {@code plan} and {@code step}.
 */
final class StepArgs {
  @Parameters(index = "0", paramLabel = "N", description = "The step, 1 to 5.")
  int step;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      converter = RepoOptions.ExistingFolder.class,
      description = RepoOptions.DIR)
  Path dir;

  @Option(names = "--json", description = RepoOptions.JSON)
  boolean json;
}
