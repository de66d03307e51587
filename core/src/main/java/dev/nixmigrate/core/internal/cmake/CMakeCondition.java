package dev.nixmigrate.core.internal.cmake;

import dev.nixmigrate.core.internal.cmake.CMakeLexer.ArgKind;
import dev.nixmigrate.core.model.Tri;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates an {@code if()} condition for the default configuration: options and simple {@code
 * set()} values are known, {@code DEFINED} of a never-set variable is false, and anything that
 * depends on the machine (platform, compiler, found packages, versions) is unknown.
 */
final class CMakeCondition {
  /** One argument after variable expansion; quoted ones are never dereferenced (CMP0054). */
  record Token(String text, ArgKind kind) {}

  private static final Set<String> UNARY =
      Set.of(
          "EXISTS",
          "COMMAND",
          "POLICY",
          "TARGET",
          "TEST",
          "IS_DIRECTORY",
          "IS_SYMLINK",
          "IS_ABSOLUTE",
          "IS_READABLE",
          "IS_WRITABLE",
          "IS_EXECUTABLE");
  private static final Set<String> BINARY =
      Set.of(
          "STREQUAL",
          "STRLESS",
          "STRGREATER",
          "STRLESS_EQUAL",
          "STRGREATER_EQUAL",
          "EQUAL",
          "LESS",
          "GREATER",
          "LESS_EQUAL",
          "GREATER_EQUAL",
          "VERSION_EQUAL",
          "VERSION_LESS",
          "VERSION_GREATER",
          "VERSION_LESS_EQUAL",
          "VERSION_GREATER_EQUAL",
          "MATCHES",
          "IN_LIST",
          "IS_NEWER_THAN",
          "PATH_EQUAL");

  /**
   * Platform variables as they stand on the systems Nix builds for (Linux and macOS); {@code APPLE}
   * stays unknown because it differs between them.
   */
  private static final Map<String, Tri> PLATFORM =
      Map.of(
          "UNIX",
          Tri.TRUE,
          "WIN32",
          Tri.FALSE,
          "MSVC",
          Tri.FALSE,
          "MINGW",
          Tri.FALSE,
          "CYGWIN",
          Tri.FALSE,
          "MSYS",
          Tri.FALSE,
          "ANDROID",
          Tri.FALSE,
          "IOS",
          Tri.FALSE,
          "WINCE",
          Tri.FALSE,
          "EMSCRIPTEN",
          Tri.FALSE);

  private final List<Token> tokens;
  private final Map<String, String> vars;
  private final Set<String> uncertain;
  private int pos;
  private int depth;

  /** Deeper conditions are valid CMake but not worth the stack: their value is unknown. */
  private static final int MAX_DEPTH = 64;

  private CMakeCondition(List<Token> tokens, Map<String, String> vars, Set<String> uncertain) {
    this.tokens = tokens;
    this.vars = vars;
    this.uncertain = uncertain;
  }

  /**
   * Evaluates {@code tokens}; variables in {@code uncertain} were set under a condition that could
   * not be decided, so their value (or whether they are set) is unknown.
   */
  static Tri evaluate(List<Token> tokens, Map<String, String> vars, Set<String> uncertain) {
    if (tokens.isEmpty()) {
      return Tri.FALSE;
    }
    CMakeCondition c = new CMakeCondition(tokens, vars, uncertain);
    Tri t = c.or();
    return c.pos == tokens.size() && c.depth <= MAX_DEPTH ? t : Tri.UNKNOWN;
  }

  private Tri or() {
    Tri t = and();
    while (at("OR")) {
      pos++;
      t = t.or(and());
    }
    return t;
  }

  private Tri and() {
    Tri t = not();
    while (at("AND")) {
      pos++;
      t = t.and(not());
    }
    return t;
  }

  private Tri not() {
    if (at("NOT")) {
      pos++;
      if (!enter()) {
        return Tri.UNKNOWN;
      }
      Tri t = not().not();
      depth--;
      return t;
    }
    return primary();
  }

  /** Counts one more level of nesting; false (and gives up on the rest) past the limit. */
  private boolean enter() {
    if (++depth > MAX_DEPTH) {
      pos = tokens.size();
      return false;
    }
    return true;
  }

  private Tri primary() {
    if (pos >= tokens.size()) {
      return Tri.UNKNOWN;
    }
    Token t = tokens.get(pos);
    if (t.kind() == ArgKind.UNQUOTED && t.text().equals("(")) {
      pos++;
      if (!enter()) {
        return Tri.UNKNOWN;
      }
      Tri inner = or();
      depth--;
      if (at(")")) {
        pos++;
      }
      return inner;
    }
    if (t.kind() == ArgKind.UNQUOTED && t.text().equals("DEFINED")) {
      pos++;
      if (pos >= tokens.size()) {
        return Tri.UNKNOWN;
      }
      String name = tokens.get(pos++).text();
      if (name.startsWith("ENV{") || name.startsWith("CACHE{")) {
        return Tri.UNKNOWN;
      }
      return uncertain.contains(name) ? Tri.UNKNOWN : Tri.of(vars.containsKey(name));
    }
    if (t.kind() == ArgKind.UNQUOTED && UNARY.contains(t.text())) {
      pos += 2;
      return Tri.UNKNOWN;
    }
    pos++;
    if (pos < tokens.size()
        && tokens.get(pos).kind() == ArgKind.UNQUOTED
        && BINARY.contains(tokens.get(pos).text())) {
      String op = tokens.get(pos).text();
      pos++;
      if (pos >= tokens.size()) {
        return Tri.UNKNOWN;
      }
      Token right = tokens.get(pos++);
      return binary(t, op, right);
    }
    return truth(t);
  }

  private Tri binary(Token left, String op, Token right) {
    String a = operand(left);
    String b = operand(right);
    if (a == null || b == null) {
      return Tri.UNKNOWN;
    }
    switch (op) {
      case "STREQUAL":
        return Tri.of(a.equals(b));
      case "EQUAL", "LESS", "GREATER", "LESS_EQUAL", "GREATER_EQUAL":
        try {
          int c = new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
          return Tri.of(
              switch (op) {
                case "EQUAL" -> c == 0;
                case "LESS" -> c < 0;
                case "GREATER" -> c > 0;
                case "LESS_EQUAL" -> c <= 0;
                default -> c >= 0;
              });
        } catch (NumberFormatException e) {
          return Tri.FALSE;
        }
      default:
        return Tri.UNKNOWN;
    }
  }

  /**
   * The value of a comparison operand: a variable's value, or the text itself; null when unknown.
   */
  private String operand(Token t) {
    if (t.kind() != ArgKind.UNQUOTED) {
      return t.text().contains("${") ? null : t.text();
    }
    if (uncertain.contains(t.text())) {
      return null;
    }
    if (vars.containsKey(t.text())) {
      String v = vars.get(t.text());
      return v.contains("${") ? null : v;
    }
    if (t.text().matches("[A-Za-z_][A-Za-z0-9_]*") && !t.text().matches("[0-9.]+")) {
      return null; // An unset variable or an unresolved name: cannot compare.
    }
    return t.text().contains("${") ? null : t.text();
  }

  /** {@code if(<constant>)}, {@code if(<variable>)} or {@code if("<string>")}. */
  private Tri truth(Token t) {
    String s = t.text();
    if (s.contains("${")) {
      return Tri.UNKNOWN;
    }
    Tri constant = constant(s);
    if (constant != null) {
      return constant;
    }
    if (t.kind() != ArgKind.UNQUOTED) {
      return Tri.FALSE; // A quoted string that is not a true constant is false.
    }
    if (uncertain.contains(s)) {
      return Tri.UNKNOWN;
    }
    String value = vars.get(s);
    if (value == null) {
      // Set by the platform, a cache entry or code nixmigrate did not run.
      return PLATFORM.getOrDefault(s, Tri.UNKNOWN);
    }
    if (value.contains("${")) {
      return Tri.UNKNOWN;
    }
    Tri v = constant(value);
    return v != null ? v : Tri.TRUE;
  }

  /** True when the value is one of CMake's false constants (OFF, 0, NO, FALSE, …). */
  static boolean isFalseConstant(String s) {
    return s != null && constant(s) == Tri.FALSE;
  }

  private static Tri constant(String s) {
    String u = s.toUpperCase(Locale.ROOT);
    if (u.isEmpty()
        || u.equals("0")
        || u.equals("OFF")
        || u.equals("NO")
        || u.equals("FALSE")
        || u.equals("N")
        || u.equals("IGNORE")
        || u.equals("NOTFOUND")
        || u.endsWith("-NOTFOUND")) {
      return Tri.FALSE;
    }
    if (u.equals("ON")
        || u.equals("YES")
        || u.equals("TRUE")
        || u.equals("Y")
        || u.matches("-?[0-9]*\\.?[0-9]+") && new BigDecimal(u).signum() != 0) {
      return Tri.TRUE;
    }
    return null;
  }

  private boolean at(String keyword) {
    return pos < tokens.size()
        && tokens.get(pos).kind() == ArgKind.UNQUOTED
        && tokens.get(pos).text().equals(keyword);
  }
}
