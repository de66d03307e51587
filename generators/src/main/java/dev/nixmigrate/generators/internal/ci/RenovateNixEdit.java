package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The minimal edit that has Renovate update {@code flake.lock}: its nix manager is off by default,
 * and an input with no ref in flake.nix (nixpkgs on a branch, as nixmigrate writes them) is moved
 * only by lock file maintenance, also off by default (Renovate's nix manager extracts such an input
 * for "lock file maintenance"). {@code "nix": {"enabled": true}} and, unless the configuration
 * decides it already, {@code "lockFileMaintenance": {"enabled": true}} are added as the last keys
 * of a JSON configuration. Nothing else in the file changes; the edited text is parsed again and
 * must hold the same keys plus those.
 */
final class RenovateNixEdit {
  private RenovateNixEdit() {}

  /** What the edit does, for plans. */
  static final String NOTE =
      "turns on Renovate's nix manager and its weekly lock file maintenance, which updates"
          + " flake.lock's inputs (and refreshes the other lock files too)";

  /** Why a configuration is left alone, or the edited text. */
  record Result(String text, String whyNot) {
    boolean edited() {
      return text != null;
    }
  }

  static Result edit(String text, String file) {
    Object parsed;
    try {
      parsed = Json.parse(text, file);
    } catch (ManifestException e) {
      return new Result(null, "is not JSON nixmigrate can read (" + e.getMessage() + ")");
    }
    if (!(parsed instanceof Map<?, ?> config)) {
      return new Result(null, "holds no JSON object");
    }
    if (config.containsKey("nix")) {
      return new Result(null, null); // the user has decided about the nix manager
    }
    if (config.containsKey("enabledManagers")) {
      return new Result(
          null,
          "lists enabledManagers: add \"nix\" to it, and \"nix\": {\"enabled\": true}, to have"
              + " Renovate update flake.lock");
    }
    int close = text.stripTrailing().length() - 1;
    if (close < 0 || text.charAt(close) != '}') {
      return new Result(null, "does not end with its object's closing brace");
    }
    String indent = indent(text);
    String before = text.substring(0, close).stripTrailing();
    boolean empty = before.endsWith("{");
    boolean maintenance = !config.containsKey("lockFileMaintenance");
    String entry =
        (empty ? "" : ",")
            + "\n"
            + enabled(indent, "nix")
            + (maintenance ? ",\n" + enabled(indent, "lockFileMaintenance") : "")
            + "\n";
    String edited = before + entry + text.substring(close);
    // The edit must read back as the same configuration with the nix manager on.
    try {
      Object again = Json.parse(edited, file);
      if (again instanceof Map<?, ?> m
          && m.size() == config.size() + (maintenance ? 2 : 1)
          && m.get("nix") instanceof Map<?, ?> nix
          && Boolean.TRUE.equals(nix.get("enabled"))
          && (!maintenance
              || m.get("lockFileMaintenance") instanceof Map<?, ?> lfm
                  && Boolean.TRUE.equals(lfm.get("enabled")))
          && config.entrySet().stream()
              .allMatch(e -> Objects.equals(m.get(e.getKey()), e.getValue()))) {
        return new Result(edited, null);
      }
    } catch (ManifestException e) {
      // fall through
    }
    return new Result(null, "could not be edited without changing more than the nix manager");
  }

  /** {@code "key": {"enabled": true}} at {@code indent}, laid out over three lines. */
  private static String enabled(String indent, String key) {
    return indent + "\"" + key + "\": {\n" + indent + indent + "\"enabled\": true\n" + indent + "}";
  }

  /** The indentation of the object's first key, or two spaces. */
  private static String indent(String text) {
    Optional<String> first =
        text.lines()
            .skip(1)
            .filter(l -> l.stripLeading().startsWith("\""))
            .map(l -> l.substring(0, l.length() - l.stripLeading().length()))
            .filter(w -> !w.isEmpty() && w.chars().allMatch(c -> c == ' ' || c == '\t'))
            .findFirst();
    return first.orElse("  ");
  }
}
