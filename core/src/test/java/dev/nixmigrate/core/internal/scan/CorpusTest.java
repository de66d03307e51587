package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.Shared;
import dev.nixmigrate.testing.TreeCopy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared corpus of real manifests: for every row of its INDEX.tsv, what the detector concludes
 * matches what the index says a correct detector concludes (as written down in {@code
 * corpus/expectations.tsv}).
 */
class CorpusTest {
  @TempDir Path temp;

  record Check(String repo, String path, String check) {}

  @TestFactory
  Stream<DynamicTest> everyIndexRowHoldsForTheDetector() throws Exception {
    Path corpus = Shared.dir().resolve("corpus");
    List<String[]> index = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"))) {
      String[] cols = line.split("\t", -1);
      if (!cols[0].equals("local_file")) {
        index.add(cols);
      }
    }
    Map<String, List<Check>> byRow = new LinkedHashMap<>();
    for (Check c : expectations()) {
      byRow.computeIfAbsent(c.repo() + "\t" + c.path(), k -> new ArrayList<>()).add(c);
    }
    List<String> uncovered = new ArrayList<>();
    for (String[] row : index) {
      if (!byRow.containsKey(row[1] + "\t" + row[2])) {
        uncovered.add(row[1] + " " + row[2]);
      }
    }
    assertEquals(List.of(), uncovered, "INDEX rows with no expectation");
    assertEquals(index.size(), byRow.size(), "expectations for rows that INDEX.tsv does not have");

    Map<String, Map<String, Object>> scans = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] row : index) {
      String repo = row[1];
      List<Check> checks = byRow.get(repo + "\t" + row[2]);
      tests.add(
          DynamicTest.dynamicTest(
              repo + " " + row[2] + ": " + row[5],
              () -> {
                Map<String, Object> json = scans.computeIfAbsent(repo, r -> scan(corpus, r));
                List<String> failures = new ArrayList<>();
                for (Check c : checks) {
                  String problem = JsonChecks.evaluate(json, c.check());
                  if (problem != null) {
                    failures.add(c.check() + "  ->  " + problem);
                  }
                }
                if (!failures.isEmpty()) {
                  fail("expected: " + row[6] + "\n" + String.join("\n", failures));
                }
              }));
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> scan(Path corpus, String repo) {
    try {
      String dirName = repo.replace("/", "__");
      Path target = temp.resolve(dirName);
      Files.createDirectories(target);
      Path files = corpus.resolve("files").resolve(dirName);
      if (Files.isDirectory(files)) {
        TreeCopy.copy(files, target);
      }
      Path fixtures = fixtures().resolve(dirName);
      if (Files.isDirectory(fixtures)) {
        TreeCopy.copy(fixtures, target);
      }
      RepoFacts facts = RepoScanner.scan(target);
      String json = FactsJson.status(facts, RepoScanner.status(facts), 0, null, null);
      return (Map<String, Object>) Json.parse(json, "status --json");
    } catch (Exception e) {
      throw new AssertionError("scanning " + repo + " failed", e);
    }
  }

  private static Path fixtures() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(CorpusTest.class.getResource("/corpus/fixtures")).toURI());
  }

  private static List<Check> expectations() throws IOException {
    List<Check> out = new ArrayList<>();
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/expectations.tsv")) {
      String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        out.add(new Check(cols[0], cols[1], cols[2]));
      }
    }
    return out;
  }
}
