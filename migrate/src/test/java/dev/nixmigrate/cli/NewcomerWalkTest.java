package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A newcomer's walk: {@code status}, then the command its "Next:" names, as printed, then {@code
 * status} again, until every step is done or status says why the next step is not nixmigrate's to
 * do. Every suggested command must exit 0, change the repository and move the current step on; none
 * may loop.
 */
class NewcomerWalkTest {
  @TempDir Path temp;

  /** Where a walk ended: the step reached, the reason given (null at the end), the commands. */
  record End(int step, String reason, List<String> taken) {}

  private static Map<?, ?> status(Path repo) throws Exception {
    CliTest.Run r = CliTest.run("status", "--json", repo.toString());
    assertEquals(0, r.code(), r.err());
    return (Map<?, ?>) Json.parse(r.out(), "status");
  }

  static End walk(Path repo) throws Exception {
    List<String> taken = new ArrayList<>();
    int current = -1;
    for (int i = 0; i < 8; i++) {
      Map<?, ?> s = status(repo);
      int now = ((Number) s.get("currentStep")).intValue();
      assertTrue(now > current, "after " + taken + " the repository is still at step " + now);
      current = now;
      String next = (String) s.get("next");
      String reason = (String) s.get("nextReason");
      if (next == null) {
        int steps = ((List<?>) s.get("steps")).size();
        assertTrue(now == steps || reason != null, "no next command and no reason at step " + now);
        return new End(now, reason, taken);
      }
      assertNull(reason, "a command and a reason at once");
      List<String> words = new ArrayList<>(Arrays.asList(next.split(" ")));
      assertEquals("nixmigrate", words.remove(0), next);
      assertEquals(repo.toString(), words.get(words.size() - 1), "the hint names the folder");
      CliTest.Run r = CliTest.run(words.toArray(String[]::new));
      taken.add(next.replace(repo.toString(), "DIR"));
      assertEquals(0, r.code(), next + ":\n" + r.out() + r.err());
      assertFalse(r.out().contains("Nothing to write"), next + " wrote nothing:\n" + r.out());
      TestRepo.commitAll(repo, next);
    }
    return fail("no end after 8 commands: " + taken);
  }

  private Path example(String name) throws Exception {
    Path dir = temp.resolve(name);
    TreeCopy.copy(ProjectRoot.path().resolve("examples").resolve(name).resolve("repo"), dir);
    TestRepo.commitAll(dir, "initial");
    return dir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot", "rust-gitlab"})
  void everyExampleWalksToTheLastStepOrAStatedReason(String name) throws Exception {
    End end = walk(example(name));
    assertFalse(end.taken().isEmpty(), name);
    // Without a binary cache chosen, step 5 cannot push: the walk stops before it and says so.
    if (end.step() == 4) {
      assertTrue(end.reason().contains("--binary-cache"), end.reason());
    } else {
      assertEquals(3, end.step(), name + " " + end);
      assertTrue(end.reason().contains("Cargo.lock"), end.reason());
    }
  }

  @Test
  void withABinaryCacheChosenTheWalkEndsAtTheLastStep() throws Exception {
    Path dir = example("cpp-cmake");
    CliTest.Run r = CliTest.run("step", "1", dir.toString(), "--binary-cache", "cachix:demo");
    assertEquals(0, r.code(), r.err());
    TestRepo.commitAll(dir, "step 1, with the cache chosen");
    End end = walk(dir);
    assertEquals(5, end.step(), end.toString());
    assertNull(end.reason());
    assertEquals(
        List.of(
            "nixmigrate step 2 DIR",
            "nixmigrate step 3 DIR",
            "nixmigrate step 4 DIR",
            "nixmigrate step 5 DIR"),
        end.taken());
  }

  /**
   * With {@code ci = "gitlab"} in nixmigrate.toml, a repository with no CI walks as far as on
   * GitHub, status judging each step from the GitLab files the previous run wrote; with a binary
   * cache chosen, to the last step.
   */
  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "cpp-cmake"})
  void withGitLabChosenTheWalkGoesAsFarAsOnGitHub(String name) throws Exception {
    Path dir = example(name);
    Files.writeString(
        dir.resolve("nixmigrate.toml"), "ci = \"gitlab\"\nbinary-cache = \"cachix:demo\"\n");
    TestRepo.commitAll(dir, "GitLab chosen");
    End end = walk(dir);
    assertEquals(5, end.step(), end.toString());
    assertNull(end.reason());
    assertTrue(Files.exists(dir.resolve(".gitlab/ci/build.yml")));
    assertTrue(Files.exists(dir.resolve(".gitlab/ci/nix.yml")));
    assertTrue(
        Files.readString(dir.resolve(".gitlab-ci.yml")).contains("- local: .gitlab/ci/nix.yml"));
    assertFalse(Files.exists(dir.resolve(".github")), "no GitHub workflow when GitLab is chosen");
  }

  /**
   * A repository whose CI is its own GitLab pipeline: step 1 is its own, step 2 is an edit of the
   * pipeline (the compiler cache), step 3 the flake, step 4 GitLab's Nix jobs included from the
   * pipeline by a second edit; the walk stops before step 5, which needs a binary cache chosen.
   */
  @Test
  void aGitLabRepositoryWalksToStepFourThroughEditsOfItsPipeline() throws Exception {
    Path dir = example("rust-gitlab");
    End end = walk(dir);
    assertEquals(
        List.of(
            "nixmigrate step 2 --edit-existing DIR",
            "nixmigrate step 3 DIR",
            "nixmigrate step 4 --edit-existing DIR"),
        end.taken(),
        end.toString());
    assertEquals(4, end.step());
    assertTrue(end.reason().contains("--binary-cache"), end.reason());
    String pipeline = Files.readString(dir.resolve(".gitlab-ci.yml"));
    assertTrue(pipeline.contains("RUSTC_WRAPPER: sccache"), pipeline);
    assertTrue(pipeline.contains("- local: .gitlab/ci/nix.yml"), pipeline);
    assertTrue(Files.exists(dir.resolve(".gitlab/ci/nix.yml")));
    assertFalse(Files.exists(dir.resolve(".github")), "no GitHub workflow on a GitLab repository");
    // Twice is once: a second run of the last step changes no byte of the pipeline.
    CliTest.Run again = CliTest.run("step", "4", "--edit-existing", dir.toString());
    assertEquals(0, again.code(), again.out() + again.err());
    assertEquals(pipeline, Files.readString(dir.resolve(".gitlab-ci.yml")));
  }

  @Test
  void aPythonPackageWithACExtensionWhoseCiRunsToxStartsAtItsOwnStepOne() throws Exception {
    Path dir = temp.resolve("cext");
    Files.createDirectories(dir.resolve("src/speedups"));
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n"
            + "\n[project]\nname = \"speedups\"\nversion = \"1.0.0\"\n");
    Files.writeString(
        dir.resolve("setup.py"),
        "from setuptools import Extension, setup\n"
            + "setup(ext_modules=[Extension(\"speedups._native\", [\"src/speedups/_native.c\"])])\n");
    Files.writeString(dir.resolve("src/speedups/_native.c"), "int x = 1;\n");
    Files.writeString(dir.resolve("tox.ini"), "[testenv]\ncommands = pytest\n");
    Files.writeString(
        dir.resolve(".github/workflows/ci.yml"),
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v4\n      - run: pip install tox\n      - run: tox\n");
    TestRepo.commitAll(dir, "initial");
    Map<?, ?> s = status(dir);
    // The C extension is compiled by the Python build that tox runs: step 1 is the user's.
    assertEquals(1, ((Number) s.get("currentStep")).intValue(), s.toString());
    End end = walk(dir);
    assertEquals(1, end.step());
    assertNotNull(end.reason());
    assertTrue(end.reason().contains("`cache: pip` on actions/setup-python"), end.reason());
  }

  @Test
  void aStepThatIsAnEditOfTheUsersWorkflowIsSuggestedWithEditExisting() throws Exception {
    Path dir = example("rust-workspace");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/ci.yml"),
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v4\n      - run: cargo test --workspace\n");
    TestRepo.commitAll(dir, "our own CI");
    End end = walk(dir);
    assertEquals("nixmigrate step 2 --edit-existing DIR", end.taken().get(0), end.toString());
    assertTrue(Files.readString(dir.resolve(".github/workflows/ci.yml")).contains("sccache"));
  }
}
