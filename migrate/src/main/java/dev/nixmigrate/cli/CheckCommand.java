package dev.nixmigrate.cli;

import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Outcome;
import dev.nixmigrate.migrate.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nixmigrate check}: exit 1 when nixmigrate's files are out of date; for CI. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Exits 1 when a file nixmigrate wrote is out of date with the manifests, the options or the templates, using the choices recorded in nixmigrate.toml. Writes nothing.",
    footer = {
      "%nExamples:",
      "  nixmigrate check",
      "  nixmigrate check --step 5 --binary-cache cachix:my-project",
      "%n" + ExitCode.TABLE
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepoOptions repo;

  @Option(
      names = "--step",
      paramLabel = "N",
      description = "The step to check (default: the highest step nixmigrate has written).")
  Integer step;

  @Mixin GenerationOptions generation;

  @Override
  public Integer call() {
    java.util.Optional<Settings> saved = Settings.read(repo.dir);
    int n =
        step != null
            ? step
            : saved.map(Settings::step).filter(x -> x > 0).orElse(NixMigrate.stepReached(repo.dir));
    PrintWriter out = spec.commandLine().getOut();
    if (n == 0) {
      out.println(
          repo.json
              ? ChangesJson.write(
                      0, Outcome.NOT_STARTED, List.of(), List.of(), List.of(), List.of())
                  .strip()
              : "nixmigrate has written nothing here yet, so nothing is out of date; run "
                  + Hints.command("nixmigrate step 1", spec, repo.dir)
                  + " to start.");
      out.flush();
      return ExitCode.OK;
    }
    List<FileChange> stale = NixMigrate.check(repo.dir, generation.toOptions(saved), n);
    if (repo.json) {
      out.print(
          ChangesJson.write(
              n,
              stale.isEmpty() ? Outcome.UP_TO_DATE : Outcome.OUT_OF_DATE,
              stale,
              List.of(),
              List.of(),
              List.of()));
      out.flush();
      return stale.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
    if (stale.isEmpty()) {
      out.println("Up to date with step " + n + ".");
      out.flush();
      return ExitCode.OK;
    }
    for (var c : stale) {
      out.println("out of date: " + c.path() + "  (" + c.reason() + ")");
    }
    out.println(
        "Run " + Hints.command("nixmigrate step " + n, spec, repo.dir) + " to update them.");
    out.flush();
    return ExitCode.FINDINGS;
  }
}
