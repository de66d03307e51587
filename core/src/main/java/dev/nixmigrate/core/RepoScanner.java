package dev.nixmigrate.core;

import dev.nixmigrate.core.internal.scan.PathNames;
import dev.nixmigrate.core.internal.scan.Scan;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.steps.Steps;
import java.nio.file.Path;
import java.util.List;

/** Detection's entry point: reads a repository into {@link RepoFacts}, writing nothing. */
public final class RepoScanner {
  private RepoScanner() {}

  /**
   * Scans the repository at {@code root}. Unreadable manifests become diagnostics in the result;
   * the other projects are still reported.
   *
   * @throws NixMigrateException (bad input) when {@code root} is not a directory
   */
  public static RepoFacts scan(Path root) {
    return PathNames.keepWritable(Scan.run(root));
  }

  /**
   * The ignore rule that makes git leave {@code rel} (repository-relative) out of {@code git add},
   * or empty when git would add it. Reads ignore files only.
   */
  public static java.util.Optional<dev.nixmigrate.core.internal.scan.GitIgnored.Rule> ignoredBy(
      Path root, String rel) {
    return dev.nixmigrate.core.internal.scan.GitIgnored.rule(root, rel);
  }

  /** How far the scanned repository is through each of nixmigrate's steps. */
  public static List<StepStatus> status(RepoFacts facts) {
    return Steps.STANDARD.assess(facts);
  }

  /** The highest step whose predecessors are all done (0 when step 1 is not done). */
  public static int currentStep(List<StepStatus> steps) {
    return Steps.currentStep(steps);
  }

  /**
   * The facts of a repository as they would be with {@code changed} written (path to new text, or
   * null for a deleted file), without writing anything: what it already has toward each step is
   * read again over the change.
   */
  public static RepoFacts after(RepoFacts facts, java.util.Map<String, String> changed) {
    return Scan.after(facts, changed);
  }

  /** Diagnostics sorted for display. */
  public static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }
}
