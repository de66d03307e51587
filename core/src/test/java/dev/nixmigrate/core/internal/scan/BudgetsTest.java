package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CMake file that expands without bound is refused where it goes over, and the rest scans. */
class BudgetsTest {
  @TempDir Path dir;

  private static final String CRATE = "[package]\nname = \"ok\"\nversion = \"0.1.0\"\n";

  private static String doublings(String command) {
    StringBuilder b = new StringBuilder("project(boom)\nset(A \"ab\")\n");
    for (int i = 0; i < 40; i++) {
      b.append(command).append('\n');
    }
    return b.toString();
  }

  private void refused(String cmake) {
    Scanned s = Scanned.of(dir, "c/CMakeLists.txt", cmake, "ok/Cargo.toml", CRATE);
    Diagnostic d = s.only(Severity.ERROR);
    assertTrue(d.file().equals("c/CMakeLists.txt") && d.line() > 2, d.toString());
    assertTrue(d.message().contains("MiB of text"), d.message());
    assertTrue(s.facts().projects().stream().map(Project::path).anyMatch("ok"::equals));
  }

  @Test
  void exponentialSet() {
    refused(doublings("set(A \"${A}${A}\")"));
  }

  @Test
  void exponentialListAppend() {
    refused(doublings("list(APPEND A ${A})"));
  }
}
