package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
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
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "ci-workflow";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "the build, test and lint jobs"),
        new Part(2, "the compiler and dependency caches, written from the default branch only"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITHUB) {
      return List.of();
    }
    if (CommandPlanner.plan(facts).isEmpty()) {
      ctx.warnings()
          .add(".", "no Python, Rust or CMake project found; no CI workflow is generated");
      return List.of();
    }
    // Languages the user's own CI files already build get no second set of jobs here.
    Map<String, String> builtElsewhere = CiTarget.builtElsewhere(facts, ctx, PATH, "workflow");
    Workflow wf = WorkflowPlanner.plan(facts, options, targetStep, builtElsewhere.keySet());
    SystemPackages.warnUnmapped(
        facts,
        ctx.warnings(),
        PATH,
        lib -> true,
        " on that system do not install it; add an install step by hand");
    if (wf.jobs().isEmpty()) {
      return List.of();
    }
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
