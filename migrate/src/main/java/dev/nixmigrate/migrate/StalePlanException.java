package dev.nixmigrate.migrate;

import java.util.List;

/**
 * A plan was applied to a repository whose files changed since it was made; nothing was written.
 */
public final class StalePlanException extends RefusedFilesException {
  private static final long serialVersionUID = 1L;

  StalePlanException(List<String> paths, String message) {
    super(paths, message);
  }
}
