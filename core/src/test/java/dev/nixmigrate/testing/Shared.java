package dev.nixmigrate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared data folder beside the project ({@code ../shared}). Tests that read it skip
 * with a visible reason when it is missing, unless {@code NIXMIGRATE_REQUIRE_TOOLS=1} (CI), where a
 * missing folder fails instead.
 */
public final class Shared {
  private Shared() {}

  /** The shared folder, or a skipped (or, in CI, failed) test when it is absent. */
  public static Path dir() {
    String prop = System.getProperty("nixmigrate.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
    if (!Files.isDirectory(p.resolve("corpus"))) {
      Tools.missing(
          "shared data folder not found at "
              + p.toAbsolutePath().normalize()
              + " (clone the project beside ../shared to run these cases)");
    }
    return p.toAbsolutePath().normalize();
  }
}
