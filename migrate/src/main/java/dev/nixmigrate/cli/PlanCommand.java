package dev.nixmigrate.cli;

import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Plan;
import dev.nixmigrate.migrate.RunMode;
import dev.nixmigrate.migrate.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nixmigrate plan N}: what bringing the repository to step N would change. Writes nothing.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Shows, as a unified diff, the files that bringing the repository to step N would write. Writes nothing.",
    footer = {
      "%nExamples:",
      "  nixmigrate plan 3",
      "  nixmigrate plan 5 ~/src/myrepo --binary-cache cachix:my-project --json",
      "  nixmigrate plan 3 --out step3.plan",
      "%n" + ExitCode.TABLE
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StepArgs target;

  @Mixin ScopeOptions scope;

  @Mixin GenerationOptions generation;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Also save the plan to FILE, for `nixmigrate step N --plan FILE` to apply exactly, refusing if the repository changed since.")
  Path out;

  @Override
  public Integer call() {
    Plan plan =
        NixMigrate.plan(
            target.dir,
            generation.toOptions(Settings.read(target.dir)),
            target.step,
            scope.apply(RunMode.DEFAULT));
    if (this.out != null) {
      SavedPlan.write(this.out, plan);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (target.json) {
      out.print(
          ChangesJson.write(
              plan.step(),
              dev.nixmigrate.migrate.Outcome.of(plan),
              plan.changes(),
              plan.left(),
              plan.conflicts(),
              plan.warnings()));
    } else if (plan.isEmpty()) {
      out.println(
          Hints.nothingToWrite("Nothing to change", plan.left(), target.step, spec, target.dir));
    } else {
      out.print(plan.diff());
    }
    out.flush();
    if (!target.json) {
      // Notes go to stderr, so stdout stays a patch that git apply takes.
      for (dev.nixmigrate.migrate.Left l : plan.left()) {
        err.println("left alone: " + Hints.left(l, target.step, spec, target.dir));
      }
      for (dev.nixmigrate.migrate.Conflict c : plan.conflicts()) {
        err.println("would conflict: " + c);
      }
      for (dev.nixmigrate.generators.Warning w : plan.warnings()) {
        err.println("warning: " + w);
      }
      err.flush();
    }
    return ExitCode.OK;
  }
}
