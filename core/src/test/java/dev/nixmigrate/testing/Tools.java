package dev.nixmigrate.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds real tools for tests. A missing tool skips the test with a visible reason on a developer's
 * machine and fails it when {@code NIXMIGRATE_REQUIRE_TOOLS=1} (as in CI).
 */
public final class Tools {
  private Tools() {}

  public static boolean required() {
    return "1".equals(System.getenv("NIXMIGRATE_REQUIRE_TOOLS"));
  }

  /** The tool's path on PATH, or (extra) under the given directories. */
  public static Optional<Path> find(String name, Path... extra) {
    for (Path dir : extra) {
      Path c = dir.resolve(name);
      if (Files.isExecutable(c)) {
        return Optional.of(c);
      }
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path c = Path.of(dir, name);
      if (Files.isExecutable(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The tool, or a skipped test (failed under NIXMIGRATE_REQUIRE_TOOLS=1). */
  public static Path require(String name, Path... extra) {
    Optional<Path> found = find(name, extra);
    if (found.isEmpty()) {
      missing(name + " is not on PATH; install it to run this test");
    }
    return found.get();
  }

  /**
   * Skips the test for {@code why} (a missing or unusable tool), or fails it under
   * NIXMIGRATE_REQUIRE_TOOLS=1.
   */
  public static void missing(String why) {
    if (required()) {
      fail(why + " (NIXMIGRATE_REQUIRE_TOOLS=1)");
    }
    assumeTrue(false, why);
  }
}
