package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.CompilerCache;
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
    unbuiltC(facts, ctx);
    if (targetStep >= 2) {
      ccacheGap(facts, options, ctx, PATH);
    }
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

  /**
   * Warns when ccache, the C and C++ jobs' cache, cannot reach the shared storage the user chose:
   * those jobs then keep the CI service's own cache.
   */
  static void ccacheGap(RepoFacts facts, Options options, Context ctx, String path) {
    String gap = options.cacheStorage().ccacheGap();
    boolean compiled =
        CommandPlanner.plan(facts).stream()
            .anyMatch(c -> List.of("cmake", "meson", "make").contains(c.kind()));
    if (gap != null && options.cCompilerCache() == CompilerCache.CCACHE && compiled) {
      ctx.warnings()
          .add(
              path,
              gap
                  + ", so the C and C++ jobs keep the CI service's own cache; choose"
                  + " --compiler-cache sccache to share theirs through "
                  + options.cacheStorage().spec()
                  + " too");
    }
  }

  /**
   * Warns of C or C++ that no job builds: a meson or Makefile build beside a Cargo workspace or a
   * Python package in the same folder, which nixmigrate builds with cargo or the Python build only.
   * (Its status then keeps step 1 partial; this says why and what to add.)
   */
  private static void unbuiltC(RepoFacts facts, Context ctx) {
    for (dev.nixmigrate.core.model.Project p : facts.projects()) {
      boolean c =
          p.languages().contains(dev.nixmigrate.core.model.Language.C)
              || p.languages().contains(dev.nixmigrate.core.model.Language.CPP);
      List<String> viaPython =
          p.python().map(dev.nixmigrate.core.model.PythonProject::nativeParts).orElse(List.of());
      List<String> others = p.otherBuilds().stream().filter(b -> !viaPython.contains(b)).toList();
      if (!c || p.cmake().isPresent() || p.nativeBuild().isPresent() || others.isEmpty()) {
        continue;
      }
      String with = p.rust().isPresent() ? "cargo" : "its Python build";
      ctx.warnings()
          .add(
              PATH,
              "project "
                  + p.path()
                  + " has a "
                  + String.join(" and a ", others)
                  + " build beside it that compiles its C or C++; this workflow builds the project"
                  + " with "
                  + with
                  + " only, so step 1 stays partial until a job of yours runs that build (for"
                  + " meson: meson setup build, then meson test -C build; for make: make, then"
                  + " its test or check target), with the tools its build files ask for");
    }
  }
}
