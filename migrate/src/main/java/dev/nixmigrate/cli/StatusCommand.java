package dev.nixmigrate.cli;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.migrate.NextStep;
import dev.nixmigrate.migrate.NixMigrate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nixmigrate status}: detection plus which of the five steps the repository has taken. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description = "Says, with evidence, which of the five steps a repository has already taken.",
    footer = {
      "%nExamples:",
      "  nixmigrate status",
      "  nixmigrate status ~/src/myrepo --json",
      "%n" + ExitCode.TABLE
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepoOptions repo;

  @Override
  public Integer call() {
    RepoFacts facts =
        RepoScanner.scan(repo.dir)
            .withDiagnostics(dev.nixmigrate.generators.Generators.olderActionPins(repo.dir));
    List<StepStatus> steps = RepoScanner.status(facts);
    int current = RepoScanner.currentStep(steps);
    Optional<NextStep> next = facts.hasErrors() ? Optional.empty() : NixMigrate.next(repo.dir);
    String command =
        next.map(NextStep::command).map(c -> Hints.command(c, spec, repo.dir)).orElse(null);
    String reason =
        facts.hasErrors() && current < steps.size()
            ? "fix the manifests that cannot be read (see the errors), then run status again"
            : next.map(NextStep::reason).orElse(null);
    PrintWriter out = spec.commandLine().getOut();
    if (repo.json) {
      out.print(FactsJson.status(facts, steps, current, command, reason));
    } else {
      out.print(TextReport.detect(facts));
      out.print(TextReport.status(steps, current, command, reason));
    }
    out.flush();
    return TextReport.exitCode(facts, spec.commandLine().getErr());
  }
}
