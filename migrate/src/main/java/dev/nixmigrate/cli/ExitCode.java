package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;

/** The one exit-code table of the whole tool, shown in {@code --help}. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int BAD_INPUT = 2;
  public static final int REFUSED = 3;
  public static final int EXTERNAL = 4;
  public static final int INTERNAL = 70;

  /** The table as it appears at the end of every command's help. */
  static final String TABLE =
      "Exit codes:%n"
          + "  0   ok%n"
          + "  1   a check found something (check, verify)%n"
          + "  2   bad input: a usage error or an unreadable manifest%n"
          + "  3   refused: uncommitted changes or a merge conflict%n"
          + "  4   an external tool or service failed%n"
          + "  70  internal error (a bug in nixmigrate; please report it)";

  private ExitCode() {}

  static int of(NixMigrateException.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> BAD_INPUT;
      case REFUSED -> REFUSED;
      case EXTERNAL -> EXTERNAL;
    };
  }
}
