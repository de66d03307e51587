package dev.nixmigrate.migrate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A file a run leaves alone, and why: the user's own file, an edit that waits for {@code
 * --edit-existing}, a file no longer generated that the user edited.
 *
 * @param path the repository-relative path
 * @param why why it is left, and what to do to change that
 */
public record Left(String path, String why) {
  public Left {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(why, "why");
  }

  /** As text: {@code path: why}. */
  @Override
  public String toString() {
    return path + ": " + why;
  }

  /** As JSON: {@code {path, why}}. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("why", why);
    return m;
  }
}
