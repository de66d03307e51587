package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.steps.Steps;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.StepCatalog;
import dev.nixmigrate.generators.Warning;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to do next: the command that takes the repository's first step not done, checked before it
 * is offered, or, when no run of nixmigrate would get that step done, why not and what to do.
 *
 * @param step the first step not done
 * @param command {@code nixmigrate step N}, with {@code --edit-existing} where the step is an edit
 *     of the user's files; null when no run of nixmigrate gets the step done
 * @param reason why no run gets it done, and what to do instead; null when {@code command} does
 */
public record NextStep(int step, String command, String reason) {
  /** The run's warnings a reason repeats, at most: the first say what to do. */
  private static final int MAX_WARNINGS = 3;

  /**
   * The next step of the repository at {@code repo} through {@code c}'s steps, with the options its
   * {@code nixmigrate.toml} records; empty when every step is done. A command is offered only when
   * running it would bring the repository past its current step: the run is planned, and the steps
   * are judged again over the files it would write.
   */
  static Optional<NextStep> of(StepCatalog c, Path repo) {
    RepoFacts facts = RepoScanner.scan(repo);
    List<StepStatus> now = c.steps().assess(facts);
    int current = Steps.currentStep(now);
    if (current >= c.steps().size()) {
      return Optional.empty();
    }
    int n = current + 1;
    Options options = NixMigrate.options(repo);
    Plan plan;
    try {
      plan = NixMigrate.plan(c, repo, options, n, RunMode.DEFAULT);
      if (advances(c, facts, plan, current)) {
        return Optional.of(new NextStep(n, "nixmigrate step " + n, null));
      }
      Plan edit = NixMigrate.plan(c, repo, options, n, RunMode.DEFAULT.editExisting(true));
      if (advances(c, facts, edit, current)) {
        return Optional.of(new NextStep(n, "nixmigrate step " + n + " --edit-existing", null));
      }
      plan = edit;
    } catch (NixMigrateException e) {
      return Optional.of(new NextStep(n, null, e.getMessage()));
    }
    return Optional.of(new NextStep(n, null, why(c, facts, plan, n)));
  }

  /** Whether applying {@code plan} would bring the repository past step {@code current}. */
  private static boolean advances(StepCatalog c, RepoFacts facts, Plan plan, int current) {
    return Steps.currentStep(c.steps().assess(after(facts, plan))) > current;
  }

  static RepoFacts after(RepoFacts facts, Plan plan) {
    Map<String, String> changed = new HashMap<>();
    for (FileChange ch : plan.changes()) {
      changed.put(ch.path(), ch.kind() == FileChange.Kind.DELETE ? null : ch.after());
    }
    return RepoScanner.after(facts, changed);
  }

  /**
   * Why step {@code n} stays not done after its run: what its check still misses, and what the
   * run's warnings say to do.
   */
  private static String why(StepCatalog c, RepoFacts facts, Plan plan, int n) {
    StepStatus after = c.steps().assess(after(facts, plan)).get(n - 1);
    StringBuilder b =
        new StringBuilder("nixmigrate step ")
            .append(n)
            .append(" would not finish step ")
            .append(n)
            .append(": ")
            .append(after.missing().isEmpty() ? "an earlier step is not done" : after.missing());
    // What the run says about the step's own files comes first: it is what to do.
    Set<String> own = new HashSet<>();
    c.generators().stream()
        .filter(g -> c.generatorsOf(n).containsKey(g.name()))
        .forEach(g -> own.addAll(g.paths()));
    plan.warnings().stream()
        .sorted(Comparator.comparing((Warning w) -> !own.contains(w.file())))
        .limit(MAX_WARNINGS)
        .forEach(w -> b.append("; ").append(w));
    return b.toString();
  }
}
