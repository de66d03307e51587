package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.internal.ci.DependabotGenerator;
import dev.nixmigrate.generators.internal.ci.GitLabBuildGenerator;
import dev.nixmigrate.generators.internal.ci.GitLabCiEditor;
import dev.nixmigrate.generators.internal.ci.GitLabPipelineGenerator;
import dev.nixmigrate.generators.internal.ci.JustfileGenerator;
import dev.nixmigrate.generators.internal.ci.WorkflowCacheEditor;
import dev.nixmigrate.generators.internal.ci.WorkflowGenerator;
import dev.nixmigrate.generators.internal.nix.CacheConfigGenerator;
import dev.nixmigrate.generators.internal.nix.DevcontainerGenerator;
import dev.nixmigrate.generators.internal.nix.EnvrcGenerator;
import dev.nixmigrate.generators.internal.nix.FlakeGenerator;
import dev.nixmigrate.generators.internal.nix.GitLabNixGenerator;
import dev.nixmigrate.generators.internal.nix.NixWorkflowGenerator;
import java.util.List;

/** The generators' facade: every file a repository needs to reach a step. */
public final class Generators {
  /** nixmigrate's generators, in the order they run. */
  static final List<Generator> STANDARD =
      List.of(
          new WorkflowGenerator(),
          new GitLabBuildGenerator(),
          new JustfileGenerator(),
          new WorkflowCacheEditor(),
          new FlakeGenerator(),
          new EnvrcGenerator(),
          new DevcontainerGenerator(),
          new DependabotGenerator(),
          new NixWorkflowGenerator(),
          new GitLabNixGenerator(),
          new GitLabPipelineGenerator(),
          new GitLabCiEditor(),
          new CacheConfigGenerator());

  private Generators() {}

  /**
   * The result of one generation.
   *
   * @param files the files, sorted by path
   * @param warnings what could not be done as asked
   * @param owned the paths the generators that ran may write whole: a file nixmigrate wrote among
   *     them that is not in {@code files} is no longer generated
   */
  public record Generation(List<GeneratedFile> files, List<Warning> warnings, List<String> owned) {
    public Generation {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
      owned = List.copyOf(owned);
    }

    public GeneratedFile file(String path) {
      return files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }
  }

  /** What the generator named {@code name} writes for, or the name itself for another writer. */
  public static String purpose(String name) {
    return StepCatalog.STANDARD.purpose(name);
  }

  /** The generators that exist, in step order. */
  public static List<Generator> all() {
    return STANDARD;
  }

  /** Every file for bringing {@code facts}' repository to {@code targetStep}. */
  public static Generation generate(RepoFacts facts, Options options, int targetStep) {
    return generate(facts, options, Selection.upTo(targetStep));
  }

  /** The files for the steps {@code selection} carries out, rendered for its target. */
  public static Generation generate(RepoFacts facts, Options options, Selection selection) {
    return StepCatalog.STANDARD.generate(facts, options, selection);
  }

  /**
   * Info diagnostics for the actions the workflows of the repository at {@code root} use at an
   * older release than nixmigrate pins (a tag, or a commit with its tag in a comment).
   */
  public static List<dev.nixmigrate.core.model.Diagnostic> olderActionPins(
      java.nio.file.Path root) {
    return dev.nixmigrate.generators.internal.ci.PinDrift.of(root);
  }
}
