package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed manifest gives a located diagnostic, the other projects are still reported, and
 * scanning writes nothing.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String GOOD_CRATE =
      "[package]\nname = \"good\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  private RepoFacts scanWithGoodNeighbour() throws IOException {
    TestRepo.in(dir).file("good/Cargo.toml", GOOD_CRATE);
    List<String> before = listing();
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(before, listing(), "scanning must write nothing");
    assertTrue(
        facts.projects().stream().map(Project::path).anyMatch("good"::equals),
        "the readable project is still reported");
    return facts;
  }

  private Diagnostic onlyError(RepoFacts facts) {
    List<Diagnostic> errors =
        facts.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), facts.diagnostics().toString());
    return errors.get(0);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
    }
  }

  @Test
  void invalidToml() throws IOException {
    TestRepo.in(dir).file("bad/pyproject.toml", "[project]\nname = \"x\"\nversion = 1.2.3\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals("bad/pyproject.toml", d.file());
    assertEquals(3, d.line());
    assertTrue(d.column() > 1);
    assertTrue(d.message().startsWith("invalid TOML"), d.message());
  }

  @Test
  void badUtf8() throws IOException {
    byte[] bytes =
        "[package]\nname = \"caf\u00e9\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    TestRepo.in(dir).bytes("bad/Cargo.toml", bytes);
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals("bad/Cargo.toml", d.file());
    assertEquals(2, d.line());
    assertEquals(12, d.column());
    assertTrue(d.message().contains("invalid UTF-8"), d.message());
  }

  @Test
  void twentyThousandDeepNesting() throws IOException {
    TestRepo.in(dir)
        .file("bad/Cargo.toml", "[package]\nx = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals(2, d.line());
    assertTrue(d.message().contains("nested more than"), d.message());
  }

  @Test
  void deepCMakeAndYamlNesting() throws IOException {
    TestRepo.in(dir)
        .file(
            "c/CMakeLists.txt",
            "project(c)\nif(" + "(".repeat(20_000) + "A" + ")".repeat(20_000) + ")\nendif()\n")
        .file(
            ".github/workflows/ci.yml",
            "on: push\njobs: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    RepoFacts facts = scanWithGoodNeighbour();
    assertTrue(facts.projects().stream().anyMatch(p -> p.path().equals("c")));
    Diagnostic d = onlyError(facts);
    assertEquals(".github/workflows/ci.yml", d.file());
  }

  @Test
  void tenMebibyteFile() throws IOException {
    TestRepo.in(dir).file("bad/pyproject.toml", "# " + "x".repeat(10 * 1024 * 1024) + "\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals("bad/pyproject.toml", d.file());
    assertTrue(d.message().contains("10.0 MiB"), d.message());
  }

  @Test
  void symlinkLoop() throws IOException {
    Files.createDirectories(dir.resolve("bad"));
    Files.createSymbolicLink(dir.resolve("bad/Cargo.toml"), dir.resolve("bad/other.toml"));
    Files.createSymbolicLink(dir.resolve("bad/other.toml"), dir.resolve("bad/Cargo.toml"));
    Files.createSymbolicLink(dir.resolve("loop"), dir); // a directory link back to the root
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals("bad/Cargo.toml", d.file());
    assertTrue(d.message().contains("symbolic link loop"), d.message());
  }

  @Test
  void cmakeSyntaxError() throws IOException {
    TestRepo.in(dir).file("bad/CMakeLists.txt", "project(x)\nset(A \"unterminated)\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals("bad/CMakeLists.txt", d.file());
    assertEquals(2, d.line());
    assertEquals(7, d.column());
  }

  @Test
  void duplicateYamlKeys() throws IOException {
    TestRepo.in(dir)
        .file(
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertEquals(5, d.line());
    assertTrue(d.message().contains("duplicate key 'a'"), d.message());
  }

  /** A key is repository text: shown in a message, it carries no terminal control sequence. */
  @Test
  void aDuplicateKeyIsShownWithoutItsControlCharacters() throws Exception {
    String key = "a\u001b]0;owned\u0007";
    TestRepo.in(dir)
        .file(
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  \""
                + key.replace("\u001b", "\\e").replace("\u0007", "\\a")
                + "\":\n    runs-on: x\n  \""
                + key.replace("\u001b", "\\e").replace("\u0007", "\\a")
                + "\":\n    runs-on: y\n");
    Diagnostic d = onlyError(scanWithGoodNeighbour());
    assertTrue(d.message().contains("duplicate key 'a?]0;owned?'"), d.message());
    ManifestException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ManifestException.class,
            () ->
                dev.nixmigrate.core.internal.read.Json.parse(
                    "{\"a\\u001b[2J\": 1, \"a\\u001b[2J\": 2}", "x.json"));
    assertTrue(e.getMessage().contains("duplicate key \"a?[2J\""), e.getMessage());
  }
}
