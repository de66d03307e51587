package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.ManifestText;
import dev.nixmigrate.core.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What nixmigrate last wrote, per file: kept in {@code .nixmigrate/state.json} (commit it) so a
 * re-run can tell the user's edits from its own output and merge them three ways.
 */
public final class State {
  public static final String PATH = ".nixmigrate/state.json";

  /**
   * The journal of a run in progress: what it is about to record. A run killed half-way leaves it
   * behind, and the next run recovers from it (see {@link #recover}).
   */
  public static final String PENDING = ".nixmigrate/pending.json";

  /** A file nixmigrate wrote: the step, and the exact text, which is the base of the next merge. */
  public record Entry(int step, String sha256, String content) {}

  private final Map<String, Entry> files;

  private State(Map<String, Entry> files) {
    this.files = new TreeMap<>(files);
  }

  public static State empty() {
    return new State(Map.of());
  }

  public Entry get(String path) {
    return files.get(path);
  }

  public Map<String, Entry> files() {
    return Map.copyOf(files);
  }

  public State with(String path, int step, String content) {
    Map<String, Entry> next = new TreeMap<>(files);
    next.put(path, new Entry(step, sha256(content), content));
    return new State(next);
  }

  /** The same state without {@code path}: nixmigrate no longer keeps that file. */
  public State without(String path) {
    Map<String, Entry> next = new TreeMap<>(files);
    next.remove(path);
    return new State(next);
  }

  /** Reads the state of the repository at {@code root}; a missing file is an empty state. */
  public static State read(Path root) {
    return read(root, PATH);
  }

  /**
   * The state, with any interrupted run folded in: a file the journal names that now holds exactly
   * what that run meant to write was written by it, so it is recorded as nixmigrate's.
   */
  public static State recover(Path root) {
    State s = read(root, PATH);
    if (!Files.exists(PathGuard.resolve(root, PENDING))) {
      return s;
    }
    for (Map.Entry<String, Entry> e : read(root, PENDING).files().entrySet()) {
      Path file = PathGuard.resolve(root, e.getKey());
      try {
        if (Files.isRegularFile(file)
            && sha256(Files.readString(file, StandardCharsets.UTF_8))
                .equals(e.getValue().sha256())) {
          s = s.with(e.getKey(), e.getValue().step(), e.getValue().content());
        }
      } catch (java.io.IOException ex) {
        // Unreadable now: leave it as the last complete run recorded it.
      }
    }
    return s;
  }

  private static State read(Path root, String rel) {
    // Bookkeeping is read and written only inside the repository, like any generated file.
    Path file = PathGuard.resolve(root, rel);
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      return parse(ManifestText.read(file, rel), rel);
    } catch (ManifestException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          e.diagnostic()
              + "; restore it from version control or delete it (nixmigrate then treats its files as yours)");
    }
  }

  /** A state from its JSON ({@code rel} names where it came from, for errors). */
  static State parse(String text, String rel) throws ManifestException {
    try {
      Object parsed = Json.parse(text, rel);
      Map<String, Entry> out = new LinkedHashMap<>();
      if (parsed instanceof Map<?, ?> m && m.get("files") instanceof Map<?, ?> fm) {
        for (Map.Entry<?, ?> e : fm.entrySet()) {
          String path = String.valueOf(e.getKey());
          PathGuard.checkRelative(path, rel);
          Map<?, ?> v = (Map<?, ?>) e.getValue();
          out.put(
              path,
              new Entry(
                  ((Number) v.get("step")).intValue(),
                  String.valueOf(v.get("sha256")),
                  String.valueOf(v.get("content"))));
        }
      }
      return new State(out);
    } catch (ClassCastException | NullPointerException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          rel + ": not in nixmigrate's state format; restore it from version control or delete it");
    }
  }

  /** The state as JSON, for an atomic write with the other files. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    Map<String, Object> fm = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> e : files.entrySet()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("step", e.getValue().step());
      v.put("sha256", e.getValue().sha256());
      v.put("content", e.getValue().content());
      fm.put(e.getKey(), v);
    }
    m.put("files", fm);
    return JsonWriter.write(m);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
