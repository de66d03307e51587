package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;

/** A path would lead outside the repository, through {@code ..} or a symbolic link. */
public final class OutsideRepositoryException extends NixMigrateException {
  private static final long serialVersionUID = 1L;

  private final String path;

  OutsideRepositoryException(String path, String message) {
    super(Kind.REFUSED, message);
    this.path = path;
  }

  /** The path as it was given. */
  public String path() {
    return path;
  }
}
