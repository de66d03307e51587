package dev.nixmigrate.generators.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Selection;
import java.util.List;
import java.util.Map;

/** {@code .github/workflows/ci.yml}: builds and tests (step 1), with compiler caches (step 2). */
public final class WorkflowGenerator implements Generator {
  public static final String PATH = ".github/workflows/ci.yml";

  @Override
  public String purpose() {
    return "the CI workflow that builds, tests and lints every project";
  }

  @Override
  public String name() {
    return "ci-workflow";
  }

  @Override
  public int step() {
    return 1;
  }

  /** Step 1, or step 2 when nixmigrate wrote the workflow (it gains the caches). */
  @Override
  public boolean runs(Selection s) {
    return s.includes(1) || (s.includes(2) && s.managed(PATH));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CommandPlanner.plan(facts).isEmpty()) {
      ctx.warnings()
          .add(".", "no Python, Rust or CMake project found; no CI workflow is generated");
      return List.of();
    }
    Workflow wf = WorkflowPlanner.plan(facts, options, targetStep);
    int step = Math.min(targetStep, 2);
    String header =
        step == 1
            ? Generator.header(1, "CI-defined builds")
            : Generator.header(2, "CI-defined builds with compiler caching");
    String text =
        ctx.templates().render("step1/ci.yml.ftl", Map.of("header", header, "workflow", wf));
    return List.of(new GeneratedFile(PATH, text, 1, name(), GeneratedFile.Mode.WHOLE));
  }
}
