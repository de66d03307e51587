package dev.nixmigrate.cli;

import dev.nixmigrate.generators.Escape;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Commands suggested to the user, written so that pasting them in the same folder works. */
final class Hints {
  private Hints() {}

  /**
   * {@code command}, followed by the repository folder when the user named one (quoted for the
   * shell), so that the hint acts on the same repository.
   */
  static String command(String command, CommandSpec spec, Path dir) {
    boolean named = spec.commandLine().getParseResult().hasMatchedPositional(positional(spec));
    return named ? command + " " + Escape.shellWord(dir.toString()) : command;
  }

  /** The index of the DIR parameter: the last positional one. */
  private static int positional(CommandSpec spec) {
    return spec.positionalParameters().size() - 1;
  }
}
