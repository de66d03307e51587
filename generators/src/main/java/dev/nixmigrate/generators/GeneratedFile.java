package dev.nixmigrate.generators;

import java.util.Objects;

/**
 * One file a step produces.
 *
 * @param path repository-relative, {@code /}-separated
 * @param text the whole content, or (for {@link Mode#LINES}) the lines that must be present
 * @param step the step that needs it
 * @param generator the generator's name, for plans and error messages
 * @param mode whether the file is written whole or only needs these lines
 */
public record GeneratedFile(String path, String text, int step, String generator, Mode mode) {

  /** How a generated file relates to what is on disk. */
  public enum Mode {
    /** nixmigrate owns the whole file. */
    WHOLE,
    /** Lines that must be present in a file the user owns ({@code .gitignore}). */
    LINES
  }

  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
  }
}
