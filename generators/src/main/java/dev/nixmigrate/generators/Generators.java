package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.ci.JustfileGenerator;
import dev.nixmigrate.generators.ci.WorkflowCacheEditor;
import dev.nixmigrate.generators.ci.WorkflowGenerator;
import dev.nixmigrate.generators.nix.CacheConfigGenerator;
import dev.nixmigrate.generators.nix.EnvrcGenerator;
import dev.nixmigrate.generators.nix.FlakeGenerator;
import dev.nixmigrate.generators.nix.NixWorkflowGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The generators' facade: every file a repository needs to reach a step. */
public final class Generators {
  private static final List<Generator> ALL =
      List.of(
          new WorkflowGenerator(),
          new JustfileGenerator(),
          new WorkflowCacheEditor(),
          new FlakeGenerator(),
          new EnvrcGenerator(),
          new NixWorkflowGenerator(),
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
    return ALL.stream()
        .filter(g -> g.name().equals(name))
        .map(Generator::purpose)
        .findFirst()
        .orElse(name);
  }

  /** The generators that exist, in step order. */
  public static List<Generator> all() {
    return ALL;
  }

  /** Every file for bringing {@code facts}' repository to {@code targetStep} (1 to 5). */
  public static Generation generate(RepoFacts facts, Options options, int targetStep) {
    return generate(facts, options, Selection.upTo(targetStep));
  }

  /** The files for the steps {@code selection} carries out, rendered for its target. */
  public static Generation generate(RepoFacts facts, Options options, Selection selection) {
    ValueGate.check(facts);
    Generator.Context ctx =
        new Generator.Context(new TemplateEngine(options.templateDir()), new Warnings(), selection);
    List<GeneratedFile> files = new ArrayList<>();
    List<String> owned = new ArrayList<>();
    for (Generator g : ALL) {
      if (g.runs(selection)) {
        files.addAll(g.generate(facts, options, selection.target(), ctx));
        owned.addAll(g.paths());
      }
    }
    files.sort(Comparator.comparing(GeneratedFile::path));
    return new Generation(files, ctx.warnings().all(), owned);
  }
}
