package dev.nixmigrate.core.model;

import java.util.List;
import java.util.Locale;

/** How far a repository is through one of the five steps, with the evidence for it. */
public record StepStatus(
    int number, String name, State state, List<Evidence> evidence, String missing) {

  public StepStatus {
    evidence = List.copyOf(evidence);
  }

  /** {@code done}, {@code partial} or {@code missing}, as in JSON output. */
  public enum State {
    DONE,
    PARTIAL,
    MISSING;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
