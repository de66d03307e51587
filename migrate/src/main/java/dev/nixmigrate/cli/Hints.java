package dev.nixmigrate.cli;

import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.migrate.Left;
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

  /**
   * A file left alone, as a line for the user, with the command that shows what would be written
   * there at step {@code step}, as pasted in the same folder.
   */
  static String left(Left l, int step, CommandSpec spec, Path dir) {
    return switch (l.kind()) {
      case EDIT_WAITS ->
          l
              + " (`"
              + command("nixmigrate plan " + step + " --edit-existing", spec, dir)
              + "` shows it)";
      case USERS_FILE ->
          l + " (`" + command("nixmigrate plan " + step, spec, dir) + "` shows what it would be)";
      case KEPT_EDITED -> l.toString();
    };
  }

  /**
   * Why a run changes nothing: the repository has what step {@code step} writes, or, when that work
   * is an edit of the user's own files, the command that makes it.
   */
  static String nothingToWrite(
      String nothing, java.util.List<Left> left, int step, CommandSpec spec, Path dir) {
    if (left.stream().anyMatch(l -> l.kind() == Left.Kind.EDIT_WAITS)) {
      return nothing
          + " without --edit-existing: step "
          + step
          + "'s work here is an edit of files of yours (below); `"
          + command("nixmigrate step " + step + " --edit-existing", spec, dir)
          + "` makes it.";
    }
    return nothing + ": the repository already has what step " + step + " writes.";
  }

  /** The index of the DIR parameter: the last positional one. */
  private static int positional(CommandSpec spec) {
    return spec.positionalParameters().size() - 1;
  }
}
