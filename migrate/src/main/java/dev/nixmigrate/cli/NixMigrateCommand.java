package dev.nixmigrate.cli;

import dev.nixmigrate.pr.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: lists the subcommands. */
@Command(
    name = "nixmigrate",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description = {
      "Walks a Python, Rust or C/C++ repository onto Nix in five steps:",
      "  1 CI-defined builds, 2 compiler caching, 3 Nix dev shells,",
      "  4 CI builds on Nix, 5 remote builders and a binary cache."
    },
    subcommands = {
      DetectCommand.class,
      StatusCommand.class,
      StepsCommand.class,
      PlanCommand.class,
      StepCommand.class,
      CheckCommand.class,
      VerifyCommand.class,
      PrCommand.class,
      CompletionCommand.class
    },
    footer = {"%n" + ExitCode.TABLE})
final class NixMigrateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "nixmigrate " + Release.buildProperties().getProperty("version", "unknown")
      };
    }
  }
}
