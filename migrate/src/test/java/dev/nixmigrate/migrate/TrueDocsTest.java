package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Warning;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What nixmigrate writes about the repository is true of it: the migration notes name only the
 * files it wrote, the justfile names a CI file only when nixmigrate writes it, and a repository
 * whose CI is GitLab's gets GitLab jobs, never GitHub workflows it would not run.
 */
class TrueDocsTest {
  @TempDir Path temp;

  private static String after(Plan plan, String path) {
    return plan.changes().stream()
        .filter(c -> c.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " is not in the plan: " + plan.paths()))
        .after();
  }

  /** The rust example with a CI workflow of its own, which builds it. */
  private Path withOwnCi() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/ci.yml"),
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v4\n      - run: cargo test --workspace\n");
    TestRepo.commitAll(dir, "our own CI");
    return dir;
  }

  @Test
  void theNotesNameOnlyTheFilesWrittenAndSayHowToStart() throws Exception {
    Path dir = withOwnCi();
    String notes =
        after(
            NixMigrate.plan(dir, Options.defaults(), 5, RunMode.DEFAULT), "docs/nix-migration.md");
    String one = notes.lines().filter(l -> l.startsWith("| 1. ")).findFirst().orElseThrow();
    assertTrue(one.contains("nothing: the repository's own files do it"), one);
    assertFalse(one.contains("ci.yml"), one);
    String two = notes.lines().filter(l -> l.startsWith("| 2. ")).findFirst().orElseThrow();
    assertTrue(
        two.contains("`.github/workflows/ci.yml` (yours: the edit --edit-existing makes)"), two);
    String five = notes.lines().filter(l -> l.startsWith("| 5. ")).findFirst().orElseThrow();
    assertTrue(five.contains("`nix/nix.conf`") && !five.contains("nix/machines"), five);
    assertTrue(notes.contains("experimental-features = nix-command flakes"), notes);
    assertTrue(notes.contains("`flake.lock`") && notes.contains("nix-direnv"), notes);

    Plan withBuilders =
        NixMigrate.plan(
            dir,
            Options.defaults().withBuilders(List.of("ssh-ng://nix@b.example x86_64-linux - 8 1")),
            5,
            RunMode.DEFAULT);
    String withB = after(withBuilders, "docs/nix-migration.md");
    assertTrue(
        withB
            .lines()
            .filter(l -> l.startsWith("| 5. "))
            .findFirst()
            .orElseThrow()
            .contains("`nix/machines`"));
  }

  @Test
  void theNotesGoWhereGitWillAddThemAndAnIgnoredFileIsCalledOut() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    // A docs/ folder that is a build output, and an .envrc kept out of git.
    Files.writeString(dir.resolve(".gitignore"), "/target\n# generated\ndocs/\n.envrc\n");
    TestRepo.commitAll(dir, "ignore docs and .envrc");
    Plan plan = NixMigrate.plan(dir, Options.defaults(), 5, RunMode.DEFAULT);
    assertFalse(plan.paths().contains("docs/nix-migration.md"), plan.paths().toString());
    String notes = after(plan, "nix/MIGRATION.md");
    String five = notes.lines().filter(l -> l.startsWith("| 5. ")).findFirst().orElseThrow();
    assertTrue(five.contains("`nix/MIGRATION.md`"), five);
    // .envrc is still written (the dev shell needs it), and the plan says git will not add it.
    assertTrue(plan.paths().contains(".envrc"), plan.paths().toString());
    List<Warning> ignored =
        plan.warnings().stream().filter(w -> w.message().startsWith(".envrc is ignored")).toList();
    assertEquals(1, ignored.size(), plan.warnings().toString());
    assertEquals(".gitignore:4", ignored.get(0).file());
    assertTrue(ignored.get(0).message().contains("git add -f .envrc"), ignored.toString());
    assertTrue(
        plan.warnings().stream().noneMatch(w -> w.message().contains("MIGRATION.md is ignored")),
        plan.warnings().toString());

    // A rule that lets docs/ back in: the notes return to docs/.
    Files.writeString(dir.resolve(".gitignore"), "/target\ndocs/\n!docs/\n");
    TestRepo.commitAll(dir, "docs are sources after all");
    Plan again = NixMigrate.plan(dir, Options.defaults(), 5, RunMode.DEFAULT);
    assertTrue(again.paths().contains("docs/nix-migration.md"), again.paths().toString());
  }

  @Test
  void aWorkflowNameThatIsNotAPlainPathIsNotQuotedIntoTheNotes() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/x` | y.yml"),
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v4\n      - run: cargo test --workspace\n");
    TestRepo.commitAll(dir, "a workflow with an odd name");
    String notes =
        after(
            NixMigrate.plan(dir, Options.defaults(), 5, RunMode.DEFAULT), "docs/nix-migration.md");
    String two = notes.lines().filter(l -> l.startsWith("| 2. ")).findFirst().orElseThrow();
    assertTrue(two.contains("a file of yours (yours: the edit --edit-existing makes)"), two);
    assertFalse(notes.contains("x` | y"), notes);
  }

  @Test
  void theJustfileNamesTheCiFileOnlyWhenNixmigrateWritesIt() throws Exception {
    // A workflow of the repository's own that does not build the crates: step 1 writes the
    // justfile and leaves ci.yml, which is the user's, alone.
    Path own = ExampleRepo.copy(temp, "rust-workspace");
    Files.createDirectories(own.resolve(".github/workflows"));
    Files.writeString(
        own.resolve(".github/workflows/ci.yml"),
        "on: push\njobs:\n  hello:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");
    TestRepo.commitAll(own, "a workflow of our own");
    String theirs = after(NixMigrate.plan(own, Options.defaults(), 1, RunMode.DEFAULT), "justfile");
    assertFalse(theirs.contains(".github/workflows/ci.yml"), theirs);
    assertTrue(theirs.contains("this repository's CI is its own"), theirs);
    Path plain = ExampleRepo.copy(temp, "cpp-cmake");
    String ours = after(NixMigrate.plan(plain, Options.defaults(), 1, RunMode.DEFAULT), "justfile");
    assertTrue(ours.contains("exactly the commands nixmigrate's CI jobs run"), ours);
  }

  @Test
  void aGitLabRepositoryGetsGitLabJobsAndNoGitHubWorkflow() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    Files.writeString(dir.resolve(".gitlab-ci.yml"), "test:\n  script:\n    - cargo test\n");
    TestRepo.commitAll(dir, "GitLab CI");
    for (int step : List.of(2, 4)) {
      Plan plan = NixMigrate.plan(dir, Options.defaults(), step, RunMode.DEFAULT);
      assertTrue(
          plan.paths().stream().noneMatch(p -> p.startsWith(".github/")),
          "step " + step + ": " + plan.paths());
      assertTrue(
          plan.warnings().stream().noneMatch(x -> x.message().contains("GitHub")),
          "step " + step + ": " + plan.warnings());
    }
    Plan four = NixMigrate.plan(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    assertTrue(four.paths().contains(".gitlab/ci/nix.yml"), four.paths().toString());
    assertTrue(after(four, ".gitlab-ci.yml").contains("- local: .gitlab/ci/nix.yml"));
    // The same repository told to write for GitHub gets its workflows, as asked.
    Plan github =
        NixMigrate.plan(dir, Options.defaults().withCi(CiService.GITHUB), 4, RunMode.DEFAULT);
    assertTrue(github.paths().contains(".github/workflows/nix.yml"), github.paths().toString());
  }
}
