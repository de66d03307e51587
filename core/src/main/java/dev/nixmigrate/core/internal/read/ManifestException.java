package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;

/** A manifest that cannot be read; carries the located diagnostic the user sees. */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  public ManifestException(Diagnostic diagnostic) {
    super(diagnostic.toString());
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
