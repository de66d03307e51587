package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIgnoredTest {
  @TempDir Path root;

  private void write(String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private String rule(String rel) {
    return GitIgnored.rule(root, rel).map(GitIgnored.Rule::toString).orElse("added");
  }

  @Test
  void aRuleIsFoundWithItsFileAndLine() throws Exception {
    write(".gitignore", "# build\n\n*.log\r\nbuild/\n");
    assertEquals(".gitignore (line 3: *.log)", rule("a/b/x.log"));
    assertEquals(".gitignore (line 4: build/)", rule("build/out/x.md"));
    assertEquals("build", GitIgnored.rule(root, "build/out/x.md").orElseThrow().path());
    // build/ names folders only: a file called build is added.
    assertEquals("added", rule("build"));
    assertEquals("added", rule("src/main.rs"));
  }

  @Test
  void theDeepestFileAndTheLastLineDecide() throws Exception {
    write(".gitignore", "*.md\n");
    write("docs/.gitignore", "!keep.md\n");
    write("nix/.gitignore", "# nothing about md\n");
    assertEquals("added", rule("docs/keep.md"));
    assertEquals(".gitignore (line 1: *.md)", rule("docs/other.md"));
    assertEquals(".gitignore (line 1: *.md)", rule("nix/MIGRATION.md"));
    write(".gitignore", "*.md\n!README.md\n");
    assertEquals("added", rule("README.md"));
  }

  @Test
  void aFolderIgnoredAboveCannotBeUndoneBelow() throws Exception {
    write(".gitignore", "docs\n");
    write("docs/.gitignore", "!x.md\n");
    assertEquals(".gitignore (line 1: docs)", rule("docs/x.md"));
  }

  @Test
  void theRepositorysOwnExcludeFileCounts() throws Exception {
    write(".git/info/exclude", ".envrc\n");
    assertEquals(".git/info/exclude (line 1: .envrc)", rule(".envrc"));
  }

  @Test
  void controlCharactersInARuleAreNotShown() throws Exception {
    write(".gitignore", "x\u001bz*\n");
    String r = rule("x\u001bzz");
    assertEquals(".gitignore (line 1: x?z*)", r);
  }
}
