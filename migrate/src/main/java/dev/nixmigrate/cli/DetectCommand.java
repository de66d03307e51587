package dev.nixmigrate.cli;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.RepoFacts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nixmigrate detect}: the projects in a repository and what their manifests say. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description = "Lists the Python, Rust and C/C++ projects in a repository and what they need.",
    footer = {
      "%nExamples:",
      "  nixmigrate detect",
      "  nixmigrate detect ~/src/myrepo --json",
      "%n" + ExitCode.TABLE
    })
final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepoOptions repo;

  @Override
  public Integer call() {
    RepoFacts facts = RepoScanner.scan(repo.dir);
    PrintWriter out = spec.commandLine().getOut();
    if (!spec.commandLine().getParseResult().hasMatchedPositional(0)) {
      // On stderr, so that --json output stays one document.
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "nixmigrate: no DIR given, so this is the current folder, "
              + facts.root()
              + "; name another as nixmigrate detect DIR");
      err.flush();
    }
    if (repo.json) {
      out.print(FactsJson.detect(facts));
    } else {
      out.print(TextReport.detect(facts));
    }
    out.flush();
    return TextReport.exitCode(facts, spec.commandLine().getErr());
  }
}
