package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Folder names that cannot be written into CI, justfiles or Nix leave their project out. */
class PathNamesTest {
  @TempDir Path dir;

  private static final String CRATE =
      "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "a'b",
        "a\"b",
        "$(touch M)",
        "a\nb",
        "x)",
        "${{ github.event.issue.title }}",
        "-rf",
        "a;b",
        "a`b`",
        "{x}"
      })
  void aFolderThatCannotBeWrittenIsLeftOutWithAWarning(String folder) throws Exception {
    TestRepo.in(dir).file("good/Cargo.toml", CRATE).file(folder + "/Cargo.toml", CRATE);
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(List.of("good"), facts.projects().stream().map(Project::path).toList());
    List<Diagnostic> warnings =
        facts.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    assertEquals(1, warnings.size(), facts.diagnostics().toString());
    assertTrue(warnings.get(0).message().contains("left out"), warnings.get(0).message());
    assertTrue(!warnings.get(0).toString().contains("\n"), "one line: " + warnings.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"crates/foo_bar", "lib.v2", "a+b", "x/y-z/@scope"})
  void ordinaryFoldersAreKept(String folder) throws Exception {
    TestRepo.in(dir).file(folder + "/Cargo.toml", CRATE);
    assertEquals(
        List.of(folder), RepoScanner.scan(dir).projects().stream().map(Project::path).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://h.example/org/my repo.git|my-repo",
        "git@h.example:org/$(touch M)|touch-M",
        "/srv/git/--x/|x",
        "https://h.example/@@.git|project",
        "ssh://h.example/ok.v2.git|ok.v2"
      })
  void aRemotesNameIsMadeSafe(String url, String name) throws Exception {
    Path root = Files.createDirectories(dir.resolve("checkout"));
    TestRepo.in(root)
        .file("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(${NAME} C)\n");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(
        root.resolve(".git/config"),
        "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + url + "\n");
    assertEquals(name, RepoScanner.scan(root).projects().get(0).name());
  }
}
