package dev.nixmigrate.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * One change a plan makes to one file: its content before (null when it does not exist) and after
 * (null when the change deletes it), the step that needs it and why.
 *
 * @param kind what the change does to the file
 * @param path repository-relative, {@code /}-separated
 * @param before the text on disk when the plan was made, or null
 * @param after the text the plan writes, or null for {@link Kind#DELETE}
 * @param step the step that needs it (0 for files of no step, such as the bot's workflow)
 * @param reason why, in words
 */
public record FileChange(
    Kind kind, String path, String before, String after, int step, String reason) {

  /** What a change does. */
  public enum Kind {
    /** Writes a file that does not exist. */
    CREATE,
    /** Replaces nixmigrate's own, unedited output with new output. */
    UPDATE,
    /** Merges new output with the user's edits to nixmigrate's output (three ways). */
    MERGE,
    /** A minimal edit of a file the user owns, or of nixmigrate's bookkeeping. */
    EDIT,
    /** Removes a file nixmigrate wrote, no longer generated and not edited since. */
    DELETE
  }

  public FileChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    if ((after == null) != (kind == Kind.DELETE)) {
      throw new IllegalArgumentException(
          path + ": a " + kind + " change " + (after == null ? "needs" : "has no") + " new text");
    }
    if (kind == Kind.CREATE && before != null) {
      throw new IllegalArgumentException(path + ": a CREATE change replaces nothing");
    }
  }

  public boolean creates() {
    return before == null;
  }

  public boolean deletes() {
    return kind == Kind.DELETE;
  }

  /** What the change did, as a past-tense verb for reports. */
  public String verb() {
    return switch (kind) {
      case CREATE -> "created";
      case DELETE -> "deleted";
      case MERGE -> "merged";
      case EDIT -> "edited";
      case UPDATE -> "updated";
    };
  }

  /** The change as JSON: kind, path, step, reason, and the text before and after (null: none). */
  public java.util.Map<String, Object> toJsonMap() {
    java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    o.put("path", path);
    o.put("step", step);
    o.put("reason", reason);
    o.put("before", before);
    o.put("after", after);
    return o;
  }

  /**
   * A unified diff ({@code --- a/path}, {@code +++ b/path}, {@code /dev/null} for a side that does
   * not exist) with three lines of context.
   */
  public String diff() {
    RawText a = new RawText(bytes(before));
    RawText b = new RawText(bytes(after));
    DiffAlgorithm algorithm = new HistogramDiff();
    EditList edits = algorithm.diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(
          ("--- " + (before == null ? "/dev/null" : "a/" + path) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(
          ("+++ " + (after == null ? "/dev/null" : "b/" + path) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      DiffFormatter f = new DiffFormatter(out);
      f.setContext(3);
      f.format(edits, a, b);
      f.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }
}
