package dev.nixmigrate.migrate;

import java.util.List;

/** New output clashes with the user's edits in these files, where no conflict may be left. */
public final class ConflictException extends RefusedFilesException {
  private static final long serialVersionUID = 1L;

  public ConflictException(List<String> paths, String message) {
    super(paths, message);
  }
}
