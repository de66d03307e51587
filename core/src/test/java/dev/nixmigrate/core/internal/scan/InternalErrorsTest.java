package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that used to escape as an exception is a located diagnostic. */
class InternalErrorsTest {
  @TempDir Path dir;

  private static final String CRATE = "[package]\nname = \"a\"\nversion = \"0.1.0\"\n";

  @Test
  void badWorkspaceGlobs() {
    Scanned s =
        Scanned.of(
            dir,
            "Cargo.toml",
            "[workspace]\nmembers = [\n  \"[\",\n  \"[]\",\n  \"[abc\",\n  \"a\",\n]\n",
            "a/Cargo.toml",
            CRATE);
    List<Diagnostic> errors = s.all(Severity.ERROR);
    assertEquals(
        List.of("Cargo.toml:3:3", "Cargo.toml:4:3", "Cargo.toml:5:3"),
        errors.stream().map(d -> d.file() + ":" + d.line() + ":" + d.column()).toList());
    assertTrue(errors.get(0).message().contains("is not a valid glob"), errors.toString());
    assertEquals(List.of("a"), s.facts().projects().get(0).rust().orElseThrow().members());
  }

  @Test
  void gitFilePointingNowhere() {
    Scanned s = Scanned.of(dir, ".git", "gitdir: /nowhere/.git/worktrees/x\n", "Cargo.toml", CRATE);
    Diagnostic d = s.at(Severity.ERROR, ".git", 1, 1);
    assertTrue(d.message().contains("/nowhere/.git/worktrees/x"), d.message());
  }

  @Test
  void gitFilePointingAtAFolderThatIsNoGitDirectory() throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("empty"));
    Scanned s = Scanned.of(dir, ".git", "gitdir: empty\n", "Cargo.toml", CRATE);
    assertTrue(s.at(Severity.ERROR, ".git", 1, 1).message().contains("not a git directory"));
  }

  @Test
  void gitFilePointingAtAGitDirectory() throws java.io.IOException {
    Scanned s =
        Scanned.of(
            dir,
            "repo/worktrees/x/HEAD",
            "ref: refs/heads/x\n",
            ".git",
            "gitdir: repo/worktrees/x\n",
            "Cargo.toml",
            CRATE);
    assertTrue(s.facts().diagnostics().isEmpty(), s.facts().diagnostics().toString());
  }

  @Test
  void gitFileWithoutGitdir() {
    Scanned s = Scanned.of(dir, ".git", "nonsense\n", "Cargo.toml", CRATE);
    assertTrue(s.at(Severity.ERROR, ".git", 1, 1).message().contains("gitdir"));
  }

  @Test
  void longMesonString() {
    String language = "x".repeat(50_000);
    Scanned s =
        Scanned.of(
            dir,
            "meson.build",
            "project('a', 'c', '" + language + "')\n",
            "a.c",
            "int main(void) { return 0; }\n");
    assertTrue(s.facts().diagnostics().isEmpty(), s.facts().diagnostics().toString());
    Project p = s.facts().projects().get(0);
    assertEquals("a", p.name());
  }

  @Test
  void mesonStringsWithEscapesAndKeywords() {
    MesonReader.MesonProject p =
        MesonReader.read(
            "# project('no')\nproject('it\\'s', ['c', 'cpp'],\n  default_options : ['x=1'])\n");
    assertEquals("it's", p.name());
    assertEquals(2, p.line());
    assertEquals(
        List.of(dev.nixmigrate.core.model.Language.C, dev.nixmigrate.core.model.Language.CPP),
        p.languages());
  }

  @Test
  void fiveThousandDeepIncludeGroupChain() {
    Scanned s = Scanned.of(dir, "pyproject.toml", includeChain(5_000));
    assertTrue(s.all(Severity.ERROR).isEmpty(), s.facts().diagnostics().toString());
    Diagnostic d = s.only(Severity.WARNING);
    assertTrue(d.message().contains("more than 64 groups deep"), d.message());
  }

  @Test
  void includeGroupCycle() {
    Scanned s =
        Scanned.of(
            dir,
            "pyproject.toml",
            "[project]\nname = \"a\"\n[dependency-groups]\n"
                + "a = [\"x\", {include-group = \"b\"}]\nb = [\"y\", {include-group = \"A\"}]\n");
    Diagnostic d = s.only(Severity.WARNING);
    assertTrue(d.message().contains("includes it back"), d.message());
    assertEquals(
        List.of("x", "y"),
        s.facts().projects().get(0).python().orElseThrow().dependencyGroups().get("a").stream()
            .map(r -> r.name())
            .toList());
  }

  static String includeChain(int depth) {
    StringBuilder b = new StringBuilder("[project]\nname = \"g\"\n[dependency-groups]\n");
    for (int i = 0; i < depth; i++) {
      b.append("g").append(i).append(" = [\"p").append(i).append("\", {include-group = \"g");
      b.append(i + 1).append("\"}]\n");
    }
    return b.append("g").append(depth).append(" = [\"last\"]\n").toString();
  }
}
