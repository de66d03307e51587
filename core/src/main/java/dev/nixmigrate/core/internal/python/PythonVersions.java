package dev.nixmigrate.core.internal.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates a PEP 440 specifier set against CPython minor versions ({@code 3.12}). */
public final class PythonVersions {
  private PythonVersions() {}

  /**
   * The versions among {@code candidates} ({@code "3.11"}, ...) that {@code spec} allows, in order.
   */
  public static List<String> allowed(String spec, List<String> candidates) {
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      if (allows(spec, c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The newest candidate {@code spec} allows. */
  public static Optional<String> newestAllowed(String spec, List<String> candidates) {
    List<String> ok = allowed(spec, candidates);
    return ok.isEmpty() ? Optional.empty() : Optional.of(ok.get(ok.size() - 1));
  }

  /**
   * Whether minor version {@code version} ("3.12") satisfies every clause. A minor version
   * satisfies a clause when some release in it does ({@code <3.12.4} allows 3.12).
   */
  public static boolean allows(String spec, String version) {
    if (spec == null || spec.isBlank()) {
      return true;
    }
    int[] v = parse(version);
    for (String raw : spec.split(",")) {
      String clause = raw.strip();
      if (clause.isEmpty()) {
        continue;
      }
      int i = 0;
      while (i < clause.length() && "<>=!~".indexOf(clause.charAt(i)) >= 0) {
        i++;
      }
      String op = clause.substring(0, i);
      String target = clause.substring(i).strip();
      if (!clauseAllows(op, target, v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean clauseAllows(String op, String target, int[] minor) {
    boolean wildcard = target.endsWith(".*");
    int[] t = parse(wildcard ? target.substring(0, target.length() - 2) : target);
    int major = t.length > 0 ? t[0] : 0;
    int min = t.length > 1 ? t[1] : -1;
    int patch = t.length > 2 ? t[2] : 0;
    int cmpMinor = compare(minor[0], minor[1], major, Math.max(min, 0));
    return switch (op) {
      case "==", "===" ->
          wildcard || t.length <= 2
              ? minor[0] == major && (min < 0 || minor[1] == min)
              : cmpMinor == 0;
      case "!=" ->
          !(wildcard || t.length <= 2) || !(minor[0] == major && (min < 0 || minor[1] == min));
      // Some release of the minor version is above any bound inside it (3.9.1 > 3.9).
      case ">=", ">" -> cmpMinor >= 0;
      case "<=" -> cmpMinor <= 0;
      case "<" -> cmpMinor < 0 || (cmpMinor == 0 && patch > 0);
      case "~=" ->
          t.length <= 2
              ? minor[0] == major && minor[1] >= Math.max(min, 0)
              : minor[0] == major && minor[1] == min;
      default -> true;
    };
  }

  private static int compare(int aMajor, int aMinor, int bMajor, int bMinor) {
    return aMajor != bMajor ? Integer.compare(aMajor, bMajor) : Integer.compare(aMinor, bMinor);
  }

  private static int[] parse(String v) {
    String[] parts = v.strip().split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String d = parts[i].replaceAll("[^0-9].*$", "");
      out[i] = d.isEmpty() || d.length() > 6 ? 0 : Integer.parseInt(d);
    }
    return out;
  }
}
