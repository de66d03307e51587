package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;

/** A repository written from name/text pairs, scanned, with its diagnostics at hand. */
record Scanned(RepoFacts facts) {

  /** Writes {@code nameAndText} (file, text, file, text, ...) under {@code dir} and scans it. */
  static Scanned of(Path dir, String... nameAndText) {
    TestRepo repo = TestRepo.in(dir);
    for (int i = 0; i < nameAndText.length; i += 2) {
      repo.file(nameAndText[i], nameAndText[i + 1]);
    }
    return new Scanned(RepoScanner.scan(dir));
  }

  List<Diagnostic> all(Severity severity) {
    return facts.diagnostics().stream().filter(d -> d.severity() == severity).toList();
  }

  /** The one diagnostic of {@code severity}; fails when there are none or several. */
  Diagnostic only(Severity severity) {
    List<Diagnostic> found = all(severity);
    assertEquals(1, found.size(), facts.diagnostics().toString());
    return found.get(0);
  }

  /** Asserts the one diagnostic of {@code severity} is at {@code file:line:column}. */
  Diagnostic at(Severity severity, String file, int line, int column) {
    Diagnostic d = only(severity);
    assertEquals(
        file + ":" + line + ":" + column,
        d.file() + ":" + d.line() + ":" + d.column(),
        d.toString());
    return d;
  }

  /** The facts without the diagnostics (which quote what they refuse), as JSON. */
  String projectsJson() {
    return FactsJson.detect(
        new RepoFacts(facts.root(), facts.projects(), facts.existing(), List.of()));
  }
}
