package dev.nixmigrate.core.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TOML 1.0 cases of toml-test, read through nixmigrate's own manifest path. */
class TomlConformanceTest {

  private static List<String> cases(Path suite, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(suite.resolve("files-toml-1.0.0"))) {
      if (line.startsWith(prefix) && line.endsWith(".toml")) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void acceptsEveryValidDocument() throws IOException {
    Path suite = Shared.dir().resolve("conformance/toml-test");
    List<String> valid = cases(suite, "valid/");
    assertEquals(210, valid.size(), "the 1.0 list should name 210 valid documents");
    List<String> rejected = new ArrayList<>();
    for (String name : valid) {
      try {
        TomlReader.read(suite.resolve(name), name);
      } catch (ManifestException e) {
        rejected.add(e.diagnostic().toString());
      }
    }
    assertEquals(List.of(), rejected);
  }

  @Test
  void rejectsEveryInvalidDocumentWithALocatedDiagnostic() throws IOException {
    Path suite = Shared.dir().resolve("conformance/toml-test");
    List<String> invalid = cases(suite, "invalid/");
    assertEquals(499, invalid.size(), "the 1.0 list should name 499 invalid documents");
    List<String> accepted = new ArrayList<>();
    for (String name : invalid) {
      try {
        TomlReader.read(suite.resolve(name), name);
        accepted.add(name);
      } catch (ManifestException e) {
        Diagnostic d = e.diagnostic();
        assertEquals(name, d.file());
        assertTrue(d.line() >= 1 && d.column() >= 1, d.toString());
        assertTrue(d.message().length() > 10, d.toString());
      }
    }
    if (!accepted.isEmpty()) {
      fail("accepted invalid TOML: " + accepted);
    }
  }
}
