package dev.nixmigrate.cli;

import dev.nixmigrate.core.json.JsonWriter;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.generators.StepCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nixmigrate steps}: the five steps, what each writes, needs and takes as options. */
@Command(
    name = "steps",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Describes the five steps: what each one gives, needs first and takes as options.",
    footer = {
      "%nExamples:",
      "  nixmigrate steps",
      "  nixmigrate steps --json",
      "%n" + ExitCode.TABLE
    })
final class StepsCommand implements Callable<Integer> {
  /** The version of the shape of {@code --json} ({@code docs/schema/steps.schema.json}). */
  static final int SCHEMA_VERSION = 1;

  /** The steps shown: nixmigrate's. */
  private static final StepCatalog CATALOG = StepCatalog.STANDARD;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the steps as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Object> steps = new ArrayList<>();
      for (MigrationStep s : CATALOG.steps().all()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", s.number());
        m.put("name", s.name());
        m.put("description", s.description());
        List<Object> generators = new ArrayList<>();
        CATALOG
            .generatorsOf(s.number())
            .forEach(
                (name, why) -> {
                  Map<String, Object> g = new LinkedHashMap<>();
                  g.put("name", name);
                  g.put("why", why);
                  generators.add(g);
                });
        m.put("generators", generators);
        m.put("requires", s.requires().isEmpty() ? null : s.requires());
        m.put("options", CATALOG.options(s.number()));
        steps.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schemaVersion", SCHEMA_VERSION);
      doc.put("steps", steps);
      out.print(JsonWriter.write(doc));
    } else {
      for (MigrationStep s : CATALOG.steps().all()) {
        out.println(s.number() + ". " + s.name());
        out.println("   " + s.description());
        if (!s.requires().isEmpty()) {
          out.println("   Alone (--only), it needs " + s.requires() + ".");
        }
        out.println("   Options: " + String.join("  ", CATALOG.options(s.number())));
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
