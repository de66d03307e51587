package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code java -jar nixmigrate.jar}: builds the command line and maps failures to exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it with captured writers. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new NixMigrateCommand());
    GenerationOptions.declareOn(cl);
    declareQuiet(cl);
    cl.setExecutionStrategy(Main::withProgress);
    cl.setExecutionExceptionHandler(Main::onException);
    cl.setParameterExceptionHandler(Main::onUsageError);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /** The commands that can take longer than a second: they show progress, and take --quiet. */
  private static final java.util.Set<String> SLOW =
      java.util.Set.of("detect", "status", "plan", "step", "check", "verify", "pr");

  private static void declareQuiet(CommandLine cl) {
    for (var e : cl.getSubcommands().entrySet()) {
      CommandLine.Model.CommandSpec spec = e.getValue().getCommandSpec();
      if (SLOW.contains(e.getKey()) && spec.findOption("--quiet") == null) {
        spec.addOption(
            CommandLine.Model.OptionSpec.builder("--quiet")
                .type(boolean.class)
                .arity("0")
                .description("Show no progress line on the terminal while the command works.")
                .build());
      }
    }
  }

  /**
   * Runs the command with a progress line on the terminal's stderr, unless it is given --quiet or
   * the output is not a terminal.
   */
  private static int withProgress(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    boolean slow = SLOW.contains(leaf.commandSpec().name());
    java.util.function.Consumer<String> sink =
        slow ? ProgressLine.forCommand(leaf.hasMatchedOption("--quiet")) : null;
    if (!(sink instanceof ProgressLine line)) {
      return new CommandLine.RunLast().execute(parsed);
    }
    CommandLine cl = parsed.commandSpec().commandLine();
    cl.setOut(line.before(cl.getOut()));
    cl.setErr(line.before(cl.getErr()));
    try (line) {
      return dev.nixmigrate.core.Progress.reporting(
          line, () -> new CommandLine.RunLast().execute(parsed));
    }
  }

  private static int onException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof NixMigrateException ne) {
      err.println("nixmigrate: " + ne.getMessage());
      err.flush();
      return ExitCode.of(ne.kind());
    }
    err.println("nixmigrate: internal error: " + e);
    if ("1".equals(System.getenv("NIXMIGRATE_DEBUG"))) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with NIXMIGRATE_DEBUG=1 for details, and please report it.");
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static int onUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("nixmigrate: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    }
    err.flush();
    return ExitCode.BAD_INPUT;
  }
}
