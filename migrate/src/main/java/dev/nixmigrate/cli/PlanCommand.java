package dev.nixmigrate.cli;

import dev.nixmigrate.core.json.JsonWriter;
import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Plan;
import dev.nixmigrate.migrate.RunMode;
import dev.nixmigrate.migrate.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
      "%n" + ExitCode.TABLE
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "N", description = "The step to plan for, 1 to 5.")
  int step;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Repository root (default: the current directory).")
  Path dir;

  @Option(
      names = "--json",
      description = "Print the plan as JSON: each change's path, step, reason and diff.")
  boolean json;

  @Mixin ScopeOptions scope;

  @Mixin GenerationOptions generation;

  @Override
  public Integer call() {
    Plan plan =
        NixMigrate.plan(
            dir, generation.toOptions(Settings.read(dir)), step, scope.apply(RunMode.DEFAULT));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", plan.step());
      List<Object> changes = new ArrayList<>();
      for (FileChange c : plan.changes()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", c.path());
        o.put("step", c.step());
        o.put("reason", c.reason());
        o.put("creates", c.creates());
        o.put("after", c.after());
        o.put("diff", c.diff());
        changes.add(o);
      }
      m.put("changes", changes);
      m.put("left", plan.left());
      m.put("conflicts", plan.conflicts());
      m.put("warnings", plan.warnings());
      out.print(JsonWriter.write(m));
    } else if (plan.isEmpty()) {
      out.println("Nothing to change: the repository already has what step " + step + " writes.");
    } else {
      out.print(plan.diff());
    }
    out.flush();
    if (!json) {
      // Notes go to stderr, so stdout stays a patch that git apply takes.
      for (String l : plan.left()) {
        err.println("left alone: " + l);
      }
      for (String c : plan.conflicts()) {
        err.println("would conflict: " + c + " (your edits clash with the new output)");
      }
      for (String w : plan.warnings()) {
        err.println("warning: " + w);
      }
      err.flush();
    }
    return ExitCode.OK;
  }
}
