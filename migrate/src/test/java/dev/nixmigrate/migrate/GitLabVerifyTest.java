package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on a GitLab repository runs the real shellcheck over every job's script, in {@code
 * .gitlab-ci.yml} and the files it includes from the repository: nixmigrate's own output passes, a
 * broken job fails with its name, and what cannot be read whole is said.
 */
class GitLabVerifyTest {
  @TempDir Path temp;

  @BeforeEach
  void shellcheck() {
    Tools.require("shellcheck");
  }

  private static List<Verifier.Check> scripts(Path dir) {
    return Verifier.verify(dir).stream()
        .filter(c -> c.subject().endsWith("(job scripts)"))
        .toList();
  }

  @Test
  void nixmigratesGitLabFilesPassEveryJob() throws Exception {
    Path dir = ExampleRepo.copy(temp, "polyglot");
    NixMigrate.step(dir, Options.defaults().withCi(CiService.GITLAB), 4, RunMode.DEFAULT);
    List<Verifier.Check> checks = scripts(dir);
    assertEquals(
        List.of(
            ".gitlab-ci.yml (job scripts)",
            ".gitlab/ci/build.yml (job scripts)",
            ".gitlab/ci/nix.yml (job scripts)"),
        checks.stream().map(Verifier.Check::subject).toList());
    for (Verifier.Check c : checks) {
      assertEquals("passed", c.result(), c.subject() + ": " + c.output());
    }
    // The job files hold jobs, and each was checked.
    assertFalse(checks.get(1).output().startsWith("0 job"), checks.get(1).output());
    assertFalse(checks.get(2).output().startsWith("0 job"), checks.get(2).output());
  }

  @Test
  void aBrokenJobFailsByNameAndAReferenceIsSaidNotChecked() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("repo"));
    TestRepo.in(dir)
        .file(
            ".gitlab-ci.yml",
            "include:\n"
                + "  - local: ci/jobs.yml\n"
                + "  - local: ../outside.yml\n"
                + "  - local: /ci/missing.yml\n"
                + ".setup:\n  script:\n    - echo setup\n"
                + "fine:\n  script: echo fine\n")
        .file(
            "ci/jobs.yml",
            "broken:\n  before_script:\n    - cd build\n  script:\n    - 'if true; then echo'\n"
                + "reused:\n  script:\n    - !reference [.setup, script]\n    - echo more\n");
    Files.writeString(temp.resolve("outside.yml"), "x:\n  script: ['if']\n");
    List<Verifier.Check> checks = scripts(dir);
    assertEquals(
        List.of(".gitlab-ci.yml (job scripts)", "ci/jobs.yml (job scripts)"),
        checks.stream().map(Verifier.Check::subject).toList(),
        "a file outside the repository, or missing, is not read");
    assertEquals("passed", checks.get(0).result(), checks.get(0).output());
    assertTrue(
        checks.get(0).output().startsWith("2 job script(s) checked"), checks.get(0).output());
    Verifier.Check jobs = checks.get(1);
    assertEquals("failed", jobs.result(), jobs.output());
    assertTrue(jobs.output().contains("job broken:"), jobs.output());
    assertTrue(jobs.output().contains("SC1049") || jobs.output().contains("SC1073"), jobs.output());
    assertTrue(
        jobs.output().contains("job reused: not checked, its script is not plain lines"),
        jobs.output());
  }

  /** A folder link on the way out of the repository is not followed. */
  @Test
  void anIncludeThroughAFolderLinkOutsideIsNotRead() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("x.yml"), "x:\n  script: ['if']\n");
    Path dir = Files.createDirectories(temp.resolve("linked"));
    TestRepo.in(dir)
        .file(".gitlab-ci.yml", "include:\n  - local: d/x.yml\nfine:\n  script: echo\n");
    Files.createSymbolicLink(dir.resolve("d"), outside);
    assertEquals(
        List.of(".gitlab-ci.yml (job scripts)"),
        scripts(dir).stream().map(Verifier.Check::subject).toList());
  }
}
