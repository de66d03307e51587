package dev.nixmigrate.generators;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.model.ExistingSetup;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.core.steps.Steps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps and the generators that write for them: everything a run is derived from. {@link
 * #STANDARD} is nixmigrate's; a library caller may add a step with {@link #with}.
 *
 * @param steps the steps, in order
 * @param generators the generators, in the order they run; each declares the steps it writes for
 *     ({@link Generator#steps})
 */
public record StepCatalog(Steps steps, List<Generator> generators) {
  /** nixmigrate's steps and generators. */
  public static final StepCatalog STANDARD = new StepCatalog(Steps.STANDARD, Generators.STANDARD);

  public StepCatalog {
    generators = List.copyOf(generators);
    for (Generator g : generators) {
      int last = 0;
      for (Generator.Part p : g.steps()) {
        if (p.step() <= last || !steps.has(p.step())) {
          throw new IllegalArgumentException(
              g.name() + " declares step " + p.step() + ", which is not one of " + steps.range());
        }
        last = p.step();
      }
    }
  }

  /** This catalog with {@code step} after its steps, and the generators that write for it. */
  public StepCatalog with(MigrationStep step, Generator... writers) {
    List<Generator> all = new ArrayList<>(generators);
    all.addAll(List.of(writers));
    return new StepCatalog(steps.with(step), all);
  }

  /**
   * The generators that write for step {@code n}, by name, each with what that step changes in its
   * files.
   */
  public Map<String, String> generatorsOf(int n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Generator g : generators) {
      g.steps().stream().filter(p -> p.step() == n).forEach(p -> out.put(g.name(), p.why()));
    }
    return out;
  }

  /** The options that shape step {@code n}, each as an example command line ({@link Setting}). */
  public List<String> options(int n) {
    return Setting.ofStep(n).stream().map(Setting::example).toList();
  }

  /**
   * Whether step {@code n} alone can run: it needs nothing, or the repository shows one of its
   * needs, or it holds files nixmigrate wrote for the step before ({@code managed}).
   */
  public boolean canRunAlone(int n, ExistingSetup existing, Set<String> managed) {
    if (steps.get(n).hasWhatItNeeds(existing)) {
      return true;
    }
    return generators.stream()
        .filter(g -> g.steps().stream().anyMatch(p -> p.step() == n - 1))
        .flatMap(g -> g.paths().stream())
        .anyMatch(managed::contains);
  }

  /** What the generator named {@code name} writes for, or the name itself for another writer. */
  public String purpose(String name) {
    return generators.stream()
        .filter(g -> g.name().equals(name))
        .map(Generator::purpose)
        .findFirst()
        .orElse(name);
  }

  /** The files for the steps {@code selection} carries out, rendered for its target. */
  public Generators.Generation generate(RepoFacts facts, Options options, Selection selection) {
    if (!steps.has(selection.target())) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          "step must be " + steps.range() + ", not " + selection.target());
    }
    ValueGate.check(facts);
    Generator.Context ctx =
        new Generator.Context(
            new TemplateEngine(options.templateDir()), new Warnings(), selection, this);
    List<GeneratedFile> files = new ArrayList<>();
    List<String> owned = new ArrayList<>();
    for (Generator g : generators) {
      if (g.runs(selection)) {
        List<GeneratedFile> made = g.generate(facts, options, selection.target(), ctx);
        files.addAll(made);
        ctx.produced().addAll(made);
        owned.addAll(g.paths());
      }
    }
    files.sort(Comparator.comparing(GeneratedFile::path));
    return new Generators.Generation(files, ctx.warnings().all(), owned);
  }
}
