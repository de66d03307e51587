package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.model.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns Poetry's version constraints ({@code ^3.9}, {@code ~1.2}, {@code *}) into PEP 440. */
final class PoetryConstraints {
  private PoetryConstraints() {}

  /** PEP 440 form of a Poetry constraint; clauses may be comma- or space-separated. */
  static String toPep440(String constraint) {
    String c = constraint.strip();
    if (c.isEmpty() || c.equals("*")) {
      return "";
    }
    if (c.contains("||")) {
      // PEP 440 has no "or"; keep the widest reading by taking the first alternative's lower bound.
      return toPep440(c.substring(0, c.indexOf("||")));
    }
    List<String> out = new ArrayList<>();
    for (String part : c.split("[,\\s]+(?=[\\^~<>=!0-9*])")) {
      String p = part.strip().replace(" ", "");
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("^")) {
        out.addAll(caret(p.substring(1)));
      } else if (p.startsWith("~") && !p.startsWith("~=")) {
        out.addAll(tilde(p.substring(1)));
      } else if (Character.isDigit(p.charAt(0))) {
        out.add("==" + p);
      } else {
        out.add(p);
      }
    }
    return String.join(",", out);
  }

  private static List<String> caret(String v) {
    String[] parts = v.split("\\.");
    int[] n = numbers(parts);
    int bump = 0;
    while (bump < n.length - 1 && n[bump] == 0) {
      bump++;
    }
    return List.of(">=" + v, "<" + upper(n, bump));
  }

  private static List<String> tilde(String v) {
    String[] parts = v.split("\\.");
    int[] n = numbers(parts);
    int bump = n.length == 1 ? 0 : 1;
    return List.of(">=" + v, "<" + upper(n, bump));
  }

  private static String upper(int[] n, int bump) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n.length; i++) {
      int x = i < bump ? n[i] : i == bump ? n[i] + 1 : 0;
      if (i > 0) {
        b.append('.');
      }
      b.append(x);
    }
    return b.toString();
  }

  private static int[] numbers(String[] parts) {
    int[] n = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String digits = parts[i].replaceAll("[^0-9].*$", "");
      n[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits.length() > 9 ? "999999999" : digits);
    }
    return n;
  }

  /** A PEP 508 marker for Poetry's per-dependency {@code python} constraint. */
  static Marker pythonMarker(String constraint) {
    Marker marker = Marker.always();
    for (String clause : toPep440(constraint).split(",")) {
      int i = 0;
      while (i < clause.length() && "<>=!~".indexOf(clause.charAt(i)) >= 0) {
        i++;
      }
      Optional<Marker.Op> op = Marker.Op.of(clause.substring(0, i));
      if (op.isPresent()) {
        marker =
            Marker.and(
                marker,
                new Marker.Comparison(
                    Marker.Variable.PYTHON_VERSION,
                    op.get(),
                    new Marker.Literal(clause.substring(i))));
      }
    }
    return marker;
  }
}
