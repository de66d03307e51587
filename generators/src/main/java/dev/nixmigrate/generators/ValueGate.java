package dev.nixmigrate.generators;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.scan.PathNames;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last check before generation: no value taken from a repository may hold a control character
 * (a line break would start a new YAML key, workflow step or Nix binding) or open a GitHub
 * expression ({@code ${{}). The readers refuse such values where they read them, with the line;
 * this gate makes sure none reaches a generator by another way.
 */
final class ValueGate {
  private ValueGate() {}

  static void check(RepoFacts facts) {
    for (Project p : facts.projects()) {
      if (!PathNames.writable(p.path())) {
        throw new NixMigrateException(
            NixMigrateException.Kind.BAD_INPUT,
            "the folder \""
                + PathNames.printable(p.path())
                + "\" has a character nixmigrate writes into no workflow, justfile or Nix file;"
                + " rename it");
      }
      walk(p, "project " + p.path(), 0);
      p.rust()
          .ifPresent(
              rust -> {
                shaped(p, "rust-version", rust.rustVersion(), RUST_VERSION);
                if (rust.toolchain() != null) {
                  shaped(p, "toolchain channel", rust.toolchain().channel(), CHANNEL);
                  if (rust.toolchain().file() != null
                      && !PathNames.writable(rust.toolchain().file())) {
                    refuse(p, "toolchain file", rust.toolchain().file(), "a path");
                  }
                }
              });
    }
  }

  /** Values of a closed shape that are written unquoted: checked against that shape. */
  private static final Pattern RUST_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

  private static final Pattern CHANNEL =
      Pattern.compile("stable|beta|nightly(-\\d{4}-\\d{2}-\\d{2})?|\\d+\\.\\d+(\\.\\d+)?");

  private static void shaped(Project p, String what, String value, Pattern shape) {
    if (value != null && !shape.matcher(value).matches()) {
      refuse(p, what, value, "like " + shape.pattern().replace("\\d", "N").replace("\\", ""));
    }
  }

  private static void refuse(Project p, String what, String value, String like) {
    throw new NixMigrateException(
        NixMigrateException.Kind.BAD_INPUT,
        "project "
            + p.path()
            + ": the "
            + what
            + " \""
            + PathNames.printable(value)
            + "\" is not "
            + like
            + "; fix the manifest it comes from");
  }

  private static void walk(Object value, String where, int depth) {
    if (value == null || depth > 32) {
      return;
    }
    if (value instanceof String s) {
      String why = refusal(s);
      if (why != null) {
        throw new NixMigrateException(
            NixMigrateException.Kind.BAD_INPUT,
            where
                + ": the value \""
                + PathNames.printable(s)
                + "\" holds "
                + why
                + ", which nixmigrate writes into no workflow, justfile or Nix file; fix the"
                + " manifest it comes from");
      }
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(v -> walk(v, where, depth + 1));
    } else if (value instanceof Collection<?> c) {
      for (Object v : c) {
        walk(v, where, depth + 1);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        walk(e.getKey(), where, depth + 1);
        walk(e.getValue(), where + "." + e.getKey(), depth + 1);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent rc : value.getClass().getRecordComponents()) {
        Object v;
        try {
          v = rc.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        walk(v, where + " " + rc.getName(), depth + 1);
      }
    }
  }

  /** Why {@code s} cannot be written, or null. */
  static String refusal(String s) {
    if (s.contains("${{")) {
      return "a GitHub expression (${{)";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return "a control character (U+" + String.format("%04X", (int) c) + ")";
      }
    }
    return null;
  }
}
