package dev.nixmigrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The repository folder and the output form, shared by the commands that read a repository. */
final class RepoOptions {
  static final String DIR = "Repository root (default: the current directory).";
  static final String JSON = "Print the result as JSON (schema in the README).";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = DIR)
  Path dir;

  @Option(names = "--json", description = JSON)
  boolean json;
}
