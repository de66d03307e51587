package dev.nixmigrate.generators;

import java.util.Objects;

/**
 * One file a step produces.
 *
 * @param path repository-relative, {@code /}-separated
 * @param text the whole content, or (for {@link Mode#LINES}) the lines that must be present
 * @param step the step that needs it
 * @param generator the generator's name, for plans and error messages
 * @param mode whether the file is written whole, only needs these lines, or is an edit of the
 *     user's own file
 * @param note for an edit, what it changes, in words (shown in plans); else null
 */
public record GeneratedFile(
    String path, String text, int step, String generator, Mode mode, String note) {

  /** How a generated file relates to what is on disk. */
  public enum Mode {
    /** nixmigrate owns the whole file. */
    WHOLE,
    /** Lines that must be present in a file the user owns ({@code .gitignore}). */
    LINES,
    /**
     * The whole new content of a file the user owns, after a minimal edit; made only when asked.
     */
    EDIT
  }

  public GeneratedFile(String path, String text, int step, String generator, Mode mode) {
    this(path, text, step, generator, mode, null);
  }

  /** A minimal edit of the user's file {@code path}: its whole new text, and what changed. */
  public static GeneratedFile edit(
      String path, String text, int step, String generator, String note) {
    return new GeneratedFile(path, text, step, generator, Mode.EDIT, Objects.requireNonNull(note));
  }

  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
  }
}
