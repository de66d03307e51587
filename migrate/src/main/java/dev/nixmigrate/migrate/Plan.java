package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.json.JsonWriter;
import dev.nixmigrate.core.model.Vocabulary;
import dev.nixmigrate.generators.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What bringing a repository to a step changes, decided and not yet done: every change to every
 * file (nixmigrate's bookkeeping, {@code nixmigrate.toml} and {@code .nixmigrate/state.json},
 * included), the files left alone (and why), the merges that clash, and what generation could not
 * do as asked. {@link NixMigrate#apply} performs exactly these changes; {@link #toJson} and {@link
 * #fromJson} save a plan to apply later.
 */
public record Plan(
    int step,
    List<FileChange> changes,
    List<Left> left,
    List<Conflict> conflicts,
    List<Warning> warnings) {

  /** The version of the saved form ({@link #toJson}); a plan saved in another is refused. */
  public static final int SCHEMA_VERSION = 2;

  public Plan {
    changes = List.copyOf(changes);
    left = List.copyOf(left);
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Whether {@code path} is one of nixmigrate's own records rather than a file of a step. */
  public static boolean isBookkeeping(String path) {
    return path.equals(State.PATH) || path.equals(Settings.PATH);
  }

  /** The paths the plan changes, sorted. */
  public java.util.SortedSet<String> paths() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    changes.forEach(c -> out.add(c.path()));
    return out;
  }

  /** The changes to the steps' files, without the bookkeeping. */
  public List<FileChange> fileChanges() {
    return changes.stream().filter(c -> !isBookkeeping(c.path())).toList();
  }

  /** The unified diff of every change, in the plan's order: a patch {@code git apply} takes. */
  public String diff() {
    StringBuilder b = new StringBuilder();
    changes.forEach(c -> b.append(c.diff()));
    return b.toString();
  }

  /** The state the plan records, when it changes it; else null. */
  State recordedState() {
    for (FileChange c : changes) {
      if (c.path().equals(State.PATH) && c.after() != null) {
        try {
          return State.parse(c.after(), State.PATH);
        } catch (ManifestException e) {
          throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.getMessage());
        }
      }
    }
    return null;
  }

  /** The plan, saved: every change with its text before and after, as JSON. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("nixmigratePlan", true);
    m.put("step", step);
    List<Object> list = new ArrayList<>();
    for (FileChange c : changes) {
      list.add(c.toJsonMap());
    }
    m.put("changes", list);
    m.put("left", left.stream().map(Left::toJsonMap).toList());
    m.put("conflicts", conflicts.stream().map(Conflict::toJsonMap).toList());
    m.put("warnings", warnings.stream().map(Warning::toJsonMap).toList());
    return JsonWriter.write(m);
  }

  /**
   * A plan saved by {@link #toJson}, read from {@code source} (named in errors). The file is
   * checked: its form, each kind, and each path, which must stay inside the repository.
   */
  public static Plan fromJson(String text, String source) {
    try {
      Object parsed = Json.parse(text, source);
      if (!(parsed instanceof Map<?, ?> m) || !Boolean.TRUE.equals(m.get("nixmigratePlan"))) {
        throw bad(source, "not a plan saved by nixmigrate plan --out");
      }
      if (!(m.get("schemaVersion") instanceof Number v) || v.intValue() != SCHEMA_VERSION) {
        throw bad(
            source,
            "saved in another plan format (schemaVersion "
                + m.get("schemaVersion")
                + ", this nixmigrate reads "
                + SCHEMA_VERSION
                + ")");
      }
      List<FileChange> changes = new ArrayList<>();
      for (Object o : (List<?>) m.get("changes")) {
        Map<?, ?> c = (Map<?, ?>) o;
        String path = (String) c.get("path");
        PathGuard.checkRelative(path, source);
        for (String segment : path.split("[/\\\\]")) {
          if (segment.equalsIgnoreCase(".git")) {
            // git runs what its folder holds (hooks, config): no plan may write there.
            throw new NixMigrateException(
                NixMigrateException.Kind.REFUSED,
                source
                    + " names '"
                    + path
                    + "', inside git's own folder; nixmigrate never writes there");
          }
        }
        FileChange.Kind kind;
        try {
          kind = FileChange.Kind.valueOf(((String) c.get("kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw bad(source, path + ": unknown kind of change '" + c.get("kind") + "'");
        }
        changes.add(
            new FileChange(
                kind,
                path,
                (String) c.get("before"),
                (String) c.get("after"),
                ((Number) c.get("step")).intValue(),
                (String) c.get("reason")));
      }
      return new Plan(
          ((Number) m.get("step")).intValue(),
          changes,
          ((List<?>) m.get("left"))
              .stream()
                  .map(e -> (Map<?, ?>) e)
                  .map(
                      e ->
                          new Left(
                              (String) e.get("path"),
                              Vocabulary.of(Left.Kind.class, (String) e.get("kind")),
                              (String) e.get("why")))
                  .toList(),
          pairs(
              m.get("conflicts"),
              "path",
              "cause",
              (p, c) -> new Conflict(p, Vocabulary.of(Conflict.Cause.class, c))),
          pairs(m.get("warnings"), "file", "message", Warning::new));
    } catch (ManifestException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.diagnostic().toString());
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw bad(source, "not in the form nixmigrate plan --out writes");
    }
  }

  /** A JSON array of two-string objects, each made into a record by {@code make}. */
  private static <T> List<T> pairs(
      Object o,
      String first,
      String second,
      java.util.function.BiFunction<String, String, T> make) {
    return ((List<?>) o)
        .stream()
            .map(e -> (Map<?, ?>) e)
            .map(e -> make.apply((String) e.get(first), (String) e.get(second)))
            .toList();
  }

  private static NixMigrateException bad(String source, String what) {
    return new NixMigrateException(
        NixMigrateException.Kind.BAD_INPUT,
        source + ": " + what + "; make it again with nixmigrate plan N --out " + source);
  }
}
