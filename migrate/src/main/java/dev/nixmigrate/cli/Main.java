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
    cl.setExecutionExceptionHandler(Main::onException);
    cl.setParameterExceptionHandler(Main::onUsageError);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
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
