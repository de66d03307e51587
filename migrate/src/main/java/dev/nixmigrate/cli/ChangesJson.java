package dev.nixmigrate.cli;

import dev.nixmigrate.core.json.JsonWriter;
import dev.nixmigrate.generators.Warning;
import dev.nixmigrate.migrate.Conflict;
import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.migrate.Left;
import dev.nixmigrate.migrate.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a plan or a step's result: one shape for {@code plan}, {@code step}, {@code check}.
 */
final class ChangesJson {
  /** The version of this shape ({@code docs/schema/changes.schema.json}). */
  static final int SCHEMA_VERSION = 1;

  private ChangesJson() {}

  static String write(
      int step,
      Outcome outcome,
      List<FileChange> changes,
      List<Left> left,
      List<Conflict> conflicts,
      List<Warning> warnings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("step", step);
    m.put("outcome", outcome.id());
    List<Object> list = new ArrayList<>();
    for (FileChange c : changes) {
      Map<String, Object> o = c.toJsonMap();
      o.put("creates", c.creates());
      o.put("diff", c.diff());
      list.add(o);
    }
    m.put("changes", list);
    m.put("left", left.stream().map(Left::toJsonMap).toList());
    m.put("conflicts", conflicts.stream().map(Conflict::toJsonMap).toList());
    m.put("warnings", warnings.stream().map(Warning::toJsonMap).toList());
    return JsonWriter.write(m);
  }
}
