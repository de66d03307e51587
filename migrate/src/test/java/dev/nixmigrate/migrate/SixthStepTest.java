package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.core.steps.StepCheck;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.StepCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sixth step is its declaration, its generator and its template, and nothing else: the range, the
 * plan, the run, the bookkeeping, {@code status} and {@code check} all follow from them.
 */
class SixthStepTest {
  @TempDir Path temp;

  private static final String FILE = "docs/projects.txt";

  /** Step 6, declared: done when the list of projects is there. */
  private static final MigrationStep SIX =
      new MigrationStep(
          6,
          "Project list",
          "docs/projects.txt lists the repository's projects.",
          "",
          Set.of(),
          "`docs/projects.txt`",
          "nothing",
          "a newcomer's first question",
          SixthStepTest::judge);

  private static StepCheck.Verdict judge(RepoFacts facts) {
    boolean there = Files.isRegularFile(facts.root().resolve(FILE));
    return new StepCheck.Verdict(
        there ? StepStatus.State.DONE : StepStatus.State.MISSING,
        there ? "" : "no " + FILE,
        there
            ? List.of(new Evidence(Evidence.Kind.JUSTFILE, FILE, 1, "the project list"))
            : List.of());
  }

  /** Step 6's generator: one file, from its template. */
  private static final Generator LIST =
      new Generator() {
        @Override
        public String name() {
          return "project list";
        }

        @Override
        public List<Part> steps() {
          return List.of(new Part(6, "the list of projects"));
        }

        @Override
        public List<String> paths() {
          return List.of(FILE);
        }

        @Override
        public List<GeneratedFile> generate(
            RepoFacts facts, Options options, int targetStep, Context ctx) {
          List<String> names = facts.projects().stream().map(Project::name).sorted().toList();
          String text = ctx.templates().render("step6/projects.txt.ftl", Map.of("names", names));
          return List.of(new GeneratedFile(FILE, text, 6, name(), GeneratedFile.Mode.WHOLE));
        }
      };

  private Options withTemplate() throws Exception {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates.resolve("step6"));
    Files.writeString(
        templates.resolve("step6/projects.txt.ftl"), "<#list names as n>${n}\n</#list>");
    return Options.defaults().withTemplateDir(templates);
  }

  @Test
  void aSixthStepIsPlannedAppliedRecordedAssessedAndChecked() throws Exception {
    Path dir = ExampleRepo.copy(temp, "python-uv");
    Options options = withTemplate();
    StepCatalog six = StepCatalog.STANDARD.with(SIX, LIST);
    assertEquals("1 to 6", six.steps().range());
    assertEquals(Map.of("project list", "the list of projects"), six.generatorsOf(6));

    Plan plan = NixMigrate.plan(six, dir, options, 6, RunMode.DEFAULT);
    FileChange list =
        plan.changes().stream().filter(c -> c.path().equals(FILE)).findFirst().orElseThrow();
    assertEquals(FileChange.Kind.CREATE, list.kind());
    assertEquals(6, list.step());
    assertEquals("step 6: project list", list.reason());
    assertTrue(plan.paths().contains("flake.nix"), "steps 1 to 5 come first: " + plan.paths());

    NixMigrate.step(six, dir, options, 6, RunMode.DEFAULT);
    String names = Files.readString(dir.resolve(FILE));
    assertEquals(
        NixMigrate.scan(dir).projects().stream().map(Project::name).sorted().toList(),
        names.lines().toList());
    assertTrue(Files.readString(dir.resolve(Settings.PATH)).contains("step = 6\n"));

    List<StepStatus> status = NixMigrate.status(six, dir);
    assertEquals(6, status.size());
    assertEquals(StepStatus.State.DONE, status.get(5).state());
    assertEquals("Project list", status.get(5).name());
    assertEquals(List.of(), NixMigrate.check(six, dir, options, 6));

    dev.nixmigrate.testing.TestRepo.commitAll(dir, "step 6");
    NixMigrate.step(six, dir, options, 6, RunMode.DEFAULT);
    assertEquals(names, Files.readString(dir.resolve(FILE)), "a second run changes nothing");
  }

  @Test
  void nixmigratesOwnCatalogHasNoSixthStep() {
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> NixMigrate.plan(temp, Options.defaults(), 6, RunMode.DEFAULT));
    assertEquals("step must be 1 to 5, not 6", e.getMessage());
  }
}
