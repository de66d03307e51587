package dev.nixmigrate.pr;

import dev.nixmigrate.core.NixMigrateException;

/**
 * A forge or git remote refused or failed. The message never holds the token (it is redacted where
 * the exception is made) and says what to do.
 */
public final class ForgeException extends NixMigrateException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0 when the failure was not an HTTP answer. */
  private final int status;

  public ForgeException(int status, String message) {
    super(Kind.EXTERNAL, message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
