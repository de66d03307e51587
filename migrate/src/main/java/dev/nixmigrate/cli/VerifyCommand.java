package dev.nixmigrate.cli;

import dev.nixmigrate.core.internal.text.Printable;
import dev.nixmigrate.core.json.JsonWriter;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Verifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nixmigrate verify}: the real tools on PATH check the generated files. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Runs the real tools that are on PATH over the generated files: nix-instantiate --parse, actionlint, shellcheck, just and nix show-config. A missing tool is reported as skipped. Exits 4 when one fails.",
    footer = {
      "%nExamples:",
      "  nixmigrate verify",
      "  nixmigrate verify ~/src/myrepo --json",
      "%n" + ExitCode.TABLE
    })
final class VerifyCommand implements Callable<Integer> {
  /** The version of the shape of {@code --json} ({@code docs/schema/verify.schema.json}). */
  static final int SCHEMA_VERSION = 1;

  @Spec CommandSpec spec;

  @Mixin RepoOptions repo;

  @Override
  public Integer call() {
    List<Verifier.Check> checks = NixMigrate.verify(repo.dir);
    PrintWriter out = spec.commandLine().getOut();
    if (repo.json) {
      List<Object> list = new ArrayList<>();
      for (Verifier.Check c : checks) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tool", c.tool());
        o.put("subject", c.subject());
        o.put("result", c.result());
        o.put("output", c.output());
        list.add(o);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schemaVersion", SCHEMA_VERSION);
      doc.put("checks", list);
      out.print(JsonWriter.write(doc));
    } else {
      if (checks.isEmpty()) {
        out.println("No generated file to verify; run nixmigrate step first.");
      }
      for (Verifier.Check c : checks) {
        // Subjects and tools' output quote repository text: no control character reaches the
        // terminal.
        out.printf("%-8s %-16s %s%n", c.result(), c.tool(), Printable.of(c.subject()));
        if (c.failed()) {
          c.output().lines().limit(20).forEach(l -> out.println("    " + Printable.of(l)));
        } else if (c.status() == dev.nixmigrate.migrate.Verifier.Status.SKIPPED) {
          c.output().lines().limit(3).forEach(l -> out.println("    " + Printable.of(l)));
        }
      }
    }
    out.flush();
    // A failed check is a finding, as for check: exit 1 (the exit-code table).
    return checks.stream().anyMatch(Verifier.Check::failed) ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
