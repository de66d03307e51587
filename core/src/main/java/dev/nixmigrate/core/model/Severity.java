package dev.nixmigrate.core.model;

/** How much a diagnostic matters: an error means a manifest could not be read. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in text and JSON output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
