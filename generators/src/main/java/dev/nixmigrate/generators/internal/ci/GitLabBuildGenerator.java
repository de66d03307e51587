package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.util.List;
import java.util.Map;

/**
 * {@code .gitlab/ci/build.yml}: GitLab's build, test and lint jobs (step 1) and caches (step 2).
 */
public final class GitLabBuildGenerator implements Generator {
  public static final String PATH = ".gitlab/ci/build.yml";

  @Override
  public String purpose() {
    return "the GitLab CI jobs that build, test and lint every project";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "gitlab-ci-build";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "the build, test and lint jobs for GitLab CI"),
        new Part(2, "the compiler and dependency caches, written from the default branch only"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITLAB || CommandPlanner.plan(facts).isEmpty()) {
      return List.of();
    }
    Map<String, String> builtElsewhere = CiTarget.builtElsewhere(facts, ctx, PATH, "CI file");
    List<GitLabJob> jobs =
        GitLabJobPlanner.plan(facts, options, targetStep, builtElsewhere.keySet());
    SystemPackages.warnUnmapped(
        facts,
        ctx.warnings(),
        PATH,
        lib -> lib.contains("Ubuntu"),
        " do not install it; add it to their script");
    if (targetStep >= 2) {
      WorkflowGenerator.ccacheGap(facts, options, ctx, PATH);
    }
    List<String> notLinux =
        options.osMatrix().stream().filter(os -> !os.startsWith("ubuntu")).toList();
    if (!options.osMatrix().equals(Options.defaults().osMatrix()) && !notLinux.isEmpty()) {
      // Runner labels are GitHub's; GitLab's shared runners run Linux containers.
      ctx.warnings()
          .add(
              PATH,
              "the GitLab jobs run in Linux containers, so --os "
                  + String.join(", ", notLinux)
                  + " is not used here; a job on another system needs a runner of your own,"
                  + " chosen with tags:");
    }
    if (jobs.isEmpty()) {
      return List.of();
    }
    String header =
        targetStep < 2
            ? Generator.header(1, "CI-defined builds")
            : Generator.header(2, "CI-defined builds with compiler caching");
    String text =
        ctx.templates()
            .render("step1/gitlab-build.yml.ftl", Map.of("header", header, "jobs", jobs));
    return List.of(new GeneratedFile(PATH, text, 1, name(), GeneratedFile.Mode.WHOLE));
  }
}
