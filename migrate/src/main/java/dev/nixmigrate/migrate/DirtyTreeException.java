package dev.nixmigrate.migrate;

import java.util.List;

/** A run would write files that hold uncommitted work; nothing was written. */
public final class DirtyTreeException extends RefusedFilesException {
  private static final long serialVersionUID = 1L;

  DirtyTreeException(List<String> paths, String message) {
    super(paths, message);
  }
}
