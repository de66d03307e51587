package dev.nixmigrate.pr;

import java.util.Objects;

/**
 * A forge token. It is handed only to JGit's credentials provider and to the API's authorization
 * header; {@link #toString} never shows it, and every message that leaves the bot goes through
 * {@link #redact}.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    this.value = value.strip();
  }

  /** The token itself, for the two places that must send it. */
  String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of the token replaced by {@code ***}. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, "***");
  }

  @Override
  public String toString() {
    return "***";
  }
}
