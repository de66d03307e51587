package dev.nixmigrate.cli;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import java.io.PrintWriter;
import java.util.List;
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
    RepoFacts facts = RepoScanner.scan(repo.dir);
    List<StepStatus> steps = RepoScanner.status(facts);
    int current = RepoScanner.currentStep(steps);
    PrintWriter out = spec.commandLine().getOut();
    if (repo.json) {
      out.print(FactsJson.status(facts, steps, current));
    } else {
      out.print(TextReport.detect(facts));
      out.print(
          TextReport.status(
              steps, current, n -> Hints.command("nixmigrate step " + n, spec, repo.dir)));
    }
    out.flush();
    return TextReport.exitCode(facts, spec.commandLine().getErr());
  }
}
