package dev.nixmigrate.cli;

import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Plan;
import dev.nixmigrate.migrate.RunMode;
import dev.nixmigrate.migrate.Settings;
import dev.nixmigrate.migrate.StepResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nixmigrate step N}: brings the repository to step N, keeping the user's edits. */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Brings the repository to step N, with the earlier steps it has not done with its own files: writes the files, merges your edits to files nixmigrate wrote, and leaves files it did not write alone.",
    footer = {
      "%nExamples:",
      "  nixmigrate step 1",
      "  nixmigrate step 3 --dry-run",
      "  nixmigrate step 2 --only --edit-existing",
      "  nixmigrate step 5 ~/src/myrepo --binary-cache cachix:my-project",
      "  nixmigrate step 3 --plan step3.plan",
      "%n" + ExitCode.TABLE
    })
final class StepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StepArgs target;

  @Option(
      names = "--git-add",
      description =
          "Stage the files the run writes (git add): Nix reads a flake from the files git knows only.")
  boolean gitAdd;

  @Option(
      names = "--dry-run",
      description = "Show what would be written, as a unified diff; write nothing.")
  boolean dryRun;

  @Option(
      names = "--allow-dirty",
      description = "Write even where the files have uncommitted changes.")
  boolean allowDirty;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "Apply exactly the plan saved in FILE by `nixmigrate plan N --out FILE`; refuses if the repository changed since.")
  Path plan;

  @Mixin ScopeOptions scope;

  @Mixin GenerationOptions generation;

  @Override
  public Integer call() {
    StepResult r = plan != null ? saved() : planned();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int code = r.conflicts().isEmpty() ? ExitCode.OK : ExitCode.REFUSED;
    if (target.json) {
      out.print(
          ChangesJson.write(
              target.step,
              dev.nixmigrate.migrate.Outcome.of(r),
              r.written(),
              r.left(),
              r.conflicts(),
              r.warnings()));
      out.flush();
      return code;
    }
    if (dryRun) {
      r.written().forEach(c -> out.print(c.diff()));
    } else {
      for (FileChange c : r.written()) {
        out.println(c.verb() + " " + c.path() + "  (" + c.reason() + ")");
      }
    }
    if (r.written().isEmpty()) {
      out.println(
          Hints.nothingToWrite("Nothing to write", r.left(), target.step, spec, target.dir));
    }
    for (dev.nixmigrate.migrate.Left l : r.left()) {
      out.println("left alone: " + Hints.left(l, target.step, spec, target.dir));
    }
    if (!dryRun && r.conflicts().isEmpty()) {
      gitIndex(r, out);
    }
    out.flush();
    r.warnings().forEach(w -> err.println("warning: " + w));
    if (!r.conflicts().isEmpty()) {
      err.println(
          "nixmigrate: merge conflicts in "
              + String.join(", ", r.conflicts().stream().map(c -> c.path()).toList())
              + "; resolve the <<<<<<< markers, then run the step again");
      err.flush();
      return ExitCode.REFUSED;
    }
    err.flush();
    return ExitCode.OK;
  }

  /**
   * Nix reads a flake from the files git knows: with --git-add the files written are staged;
   * without it, the new ones git lacks are named with the command that adds them.
   */
  private void gitIndex(StepResult r, PrintWriter out) {
    List<String> written =
        r.written().stream()
            .filter(c -> c.kind() != FileChange.Kind.DELETE)
            .map(FileChange::path)
            .toList();
    if (gitAdd) {
      List<String> added = NixMigrate.addToGit(target.dir, written);
      if (!added.isEmpty()) {
        out.println("staged for git: " + String.join(" ", added));
      }
      return;
    }
    if (!java.nio.file.Files.isRegularFile(target.dir.resolve("flake.nix"))) {
      return; // no flake: git's index is nothing Nix reads yet
    }
    List<String> unknown = NixMigrate.unknownToGit(target.dir, written);
    if (!unknown.isEmpty()) {
      out.println(
          "Nix sees only the files git knows; add the new ones: git add "
              + String.join(
                  " ", unknown.stream().map(dev.nixmigrate.generators.Escape::shellWord).toList())
              + " (or run the step with --git-add)");
    }
  }

  private StepResult planned() {
    return NixMigrate.step(
        target.dir,
        generation.toOptions(Settings.read(target.dir)),
        target.step,
        scope.apply(new RunMode(dryRun, allowDirty, false, false)));
  }

  /** The saved plan, applied (or, in a dry run, shown) as it is. */
  private StepResult saved() {
    Plan p = SavedPlan.read(plan, target.step);
    if (dryRun) {
      return StepResult.of(p, true);
    }
    return NixMigrate.apply(target.dir, p, allowDirty);
  }
}
