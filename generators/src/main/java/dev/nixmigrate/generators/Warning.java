package dev.nixmigrate.generators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a run could not do as asked, or that the user should know.
 *
 * @param file the repository-relative file it concerns, or null when it concerns the run
 * @param message what happened and what to do
 */
public record Warning(String file, String message) {
  public Warning {
    Objects.requireNonNull(message, "message");
  }

  /** A warning about the run itself, not one file. */
  public static Warning of(String message) {
    return new Warning(null, message);
  }

  /** As text: {@code file: message}. */
  @Override
  public String toString() {
    return file == null ? message : file + ": " + message;
  }

  /** As JSON: {@code {file, message}}, file null when it concerns the run. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("message", message);
    return m;
  }
}
