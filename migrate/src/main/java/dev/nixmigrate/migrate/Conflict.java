package dev.nixmigrate.migrate;

import dev.nixmigrate.core.model.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A file whose new output clashes with the user's edits, and which holds (or would hold) git's
 * conflict markers until the user resolves them.
 *
 * @param path the repository-relative path
 * @param cause how the clash came about
 */
public record Conflict(String path, Cause cause) {
  /** How a file came to be in conflict. */
  public enum Cause implements Vocabulary {
    /** The user's edits and the new output change the same lines. */
    MERGE("your edits and the new output change the same lines; resolve the <<<<<<< markers"),
    /** It was committed with the markers of an earlier clash, so nothing is merged into it. */
    UNRESOLVED("holds the conflict markers of an earlier run; resolve them and commit");

    private final String why;

    Cause(String why) {
      this.why = why;
    }

    /** What happened and what to do, in words. */
    public String why() {
      return why;
    }
  }

  public Conflict {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(cause, "cause");
  }

  /** As text: {@code path: why}. */
  @Override
  public String toString() {
    return path + ": " + cause.why();
  }

  /** As JSON: {@code {path, cause, why}}. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("cause", cause.id());
    m.put("why", cause.why());
    return m;
  }
}
