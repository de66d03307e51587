package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.internal.nix.GitLabNixGenerator;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .gitlab-ci.yml} when nixmigrate owns it: the pipeline's rules and the includes of the job
 * files the other GitLab generators write. A {@code .gitlab-ci.yml} of the user's is never
 * replaced; {@link GitLabCiEditor} adds the includes to it instead.
 */
public final class GitLabPipelineGenerator implements Generator {
  /** nixmigrate's GitLab job files, in the order the pipeline includes them. */
  static final List<String> JOB_FILES = List.of(GitLabBuildGenerator.PATH, GitLabNixGenerator.PATH);

  @Override
  public String purpose() {
    return "the GitLab pipeline, which includes nixmigrate's job files";
  }

  @Override
  public List<String> paths() {
    return List.of(CiTarget.GITLAB_CI);
  }

  @Override
  public String name() {
    return "gitlab-ci";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "the pipeline, including the build jobs"),
        new Part(4, "the include of the Nix jobs"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITLAB || usersOwn(facts, ctx)) {
      return List.of();
    }
    List<String> includes = included(ctx);
    if (includes.isEmpty()) {
      return List.of();
    }
    String text =
        ctx.templates()
            .render(
                "step1/gitlab-ci.yml.ftl",
                Map.of("header", Generator.header(1, "CI-defined builds"), "includes", includes));
    return List.of(
        new GeneratedFile(CiTarget.GITLAB_CI, text, 1, name(), GeneratedFile.Mode.WHOLE));
  }

  /** Whether {@code .gitlab-ci.yml} exists and nixmigrate did not write it. */
  static boolean usersOwn(RepoFacts facts, Context ctx) {
    return !ctx.selection().managed(CiTarget.GITLAB_CI)
        && Files.exists(facts.root().resolve(CiTarget.GITLAB_CI), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The job files the pipeline includes: those this run writes, and those nixmigrate wrote before
   * whose generator does not run this time (they stay as they are).
   */
  static List<String> included(Context ctx) {
    List<String> out = new ArrayList<>();
    for (String path : JOB_FILES) {
      boolean written = ctx.writes(path);
      boolean kept =
          ctx.selection().managed(path)
              && ctx.catalog().generators().stream()
                  .noneMatch(g -> g.paths().contains(path) && g.runs(ctx.selection()));
      if (written || kept) {
        out.add(path);
      }
    }
    return out;
  }
}
