package dev.nixmigrate.migrate;

import dev.nixmigrate.core.model.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A file a run leaves alone, and why: the user's own file, an edit that waits for {@code
 * --edit-existing}, a file no longer generated that the user edited.
 *
 * @param path the repository-relative path
 * @param kind which of those it is
 * @param why why it is left, and what to do to change that
 */
public record Left(String path, Kind kind, String why) {
  /** Why a file is left alone. */
  public enum Kind implements Vocabulary {
    /** The user's own file where nixmigrate would write one of its own. */
    USERS_FILE,
    /** The user's own file, whose minimal edit is made only with {@code --edit-existing}. */
    EDIT_WAITS,
    /** nixmigrate's file, no longer generated, that the user edited: now the user's. */
    KEPT_EDITED;
  }

  public Left {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(why, "why");
  }

  /** As text: {@code path: why}. */
  @Override
  public String toString() {
    return path + ": " + why;
  }

  /** As JSON: {@code {path, kind, why}}. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("kind", kind.id());
    m.put("why", why);
    return m;
  }
}
