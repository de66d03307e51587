package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.testing.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exact expected outputs kept under {@code src/test/resources}. Run the tests with {@code
 * -Dnixmigrate.updateGoldens=true} to rewrite them, then review the diff.
 */
final class Goldens {
  private Goldens() {}

  static Path root() {
    return ProjectRoot.path();
  }

  static void assertMatches(String relative, String actual) throws IOException {
    Path file = root().resolve("migrate/src/test/resources").resolve(relative);
    if (Boolean.getBoolean("nixmigrate.updateGoldens")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected =
        Files.exists(file)
            ? Files.readString(file, StandardCharsets.UTF_8)
            : "<missing " + file + ">";
    assertEquals(
        expected,
        actual,
        "golden "
            + relative
            + " differs; if the change is intended, run: mvn -pl migrate -am test -Dnixmigrate.updateGoldens=true");
  }
}
