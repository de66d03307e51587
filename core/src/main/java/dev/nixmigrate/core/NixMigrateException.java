package dev.nixmigrate.core;

/**
 * A failure the user can act on: bad input, a refusal to touch their work, or a tool or service
 * that failed. The message says what happened and what to do; front ends map the kind to an exit
 * code and never show a stack trace for it.
 */
public class NixMigrateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as the CLI's exit-code table groups it. */
  public enum Kind {
    /** Unusable input: a bad argument, an unreadable manifest. */
    BAD_INPUT,
    /** Refused to protect the user's work: a dirty tree, a conflict. */
    REFUSED,
    /** An external tool or service failed. */
    EXTERNAL
  }

  private final Kind kind;

  public NixMigrateException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public NixMigrateException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
