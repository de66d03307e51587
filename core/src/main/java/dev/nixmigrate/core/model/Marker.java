package dev.nixmigrate.core.model;

import dev.nixmigrate.core.internal.python.Pep440Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PEP 508 environment marker ({@code python_version < "3.11" and sys_platform != "win32"}),
 * parsed by {@link dev.nixmigrate.core.internal.python.Pep508#parseMarker}. {@code toString()}
 * writes it back normalized: double quotes, single spaces, parentheses only where they change the
 * meaning.
 */
public sealed interface Marker {
  /** Whether the marker holds in {@code env}; unknown when it depends on what {@code env} lacks. */
  Tri evaluate(Environment env);

  /** The marker of a requirement that has none: it always holds. */
  static Marker always() {
    return Always.INSTANCE;
  }

  /** Both {@code a} and {@code b}; nested conjunctions are flattened. */
  static Marker and(Marker a, Marker b) {
    List<Marker> terms = new ArrayList<>();
    for (Marker m : List.of(a, b)) {
      if (m instanceof And and) {
        terms.addAll(and.terms());
      } else if (!(m instanceof Always)) {
        terms.add(m);
      }
    }
    return terms.isEmpty() ? always() : terms.size() == 1 ? terms.get(0) : new And(terms);
  }

  /** The empty marker. */
  enum Always implements Marker {
    INSTANCE;

    @Override
    public Tri evaluate(Environment env) {
      return Tri.TRUE;
    }

    @Override
    public String toString() {
      return "";
    }
  }

  /** Every term holds. */
  record And(List<Marker> terms) implements Marker {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public Tri evaluate(Environment env) {
      return terms.stream().map(m -> m.evaluate(env)).reduce(Tri.TRUE, Tri::and);
    }

    @Override
    public String toString() {
      return String.join(
          " and ",
          terms.stream().map(m -> m instanceof Or ? "(" + m + ")" : m.toString()).toList());
    }
  }

  /** Some term holds. */
  record Or(List<Marker> terms) implements Marker {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public Tri evaluate(Environment env) {
      return terms.stream().map(m -> m.evaluate(env)).reduce(Tri.FALSE, Tri::or);
    }

    @Override
    public String toString() {
      return String.join(" or ", terms.stream().map(Marker::toString).toList());
    }
  }

  /** One side of a comparison: an environment variable or a string literal. */
  sealed interface Operand permits Variable, Literal {}

  /** A string literal, written back in double quotes unless it holds one. */
  record Literal(String value) implements Operand {
    @Override
    public String toString() {
      return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }
  }

  /** PEP 508's environment variables, with the dotted names older specifiers use. */
  enum Variable implements Operand {
    PYTHON_VERSION("python_version"),
    PYTHON_FULL_VERSION("python_full_version"),
    OS_NAME("os_name", "os.name"),
    SYS_PLATFORM("sys_platform", "sys.platform"),
    PLATFORM_RELEASE("platform_release", "platform.release"),
    PLATFORM_SYSTEM("platform_system", "platform.system"),
    PLATFORM_VERSION("platform_version", "platform.version"),
    PLATFORM_MACHINE("platform_machine", "platform.machine"),
    PLATFORM_PYTHON_IMPLEMENTATION(
        "platform_python_implementation",
        "platform.python_implementation",
        "python_implementation"),
    IMPLEMENTATION_NAME("implementation_name"),
    IMPLEMENTATION_VERSION("implementation_version"),
    EXTRA("extra");

    private final String id;
    private final List<String> legacy;

    Variable(String id, String... legacy) {
      this.id = id;
      this.legacy = List.of(legacy);
    }

    /** The name PEP 508 gives it. */
    public String id() {
      return id;
    }

    /** The variable a name in a marker stands for, PEP 508's or a legacy dotted one. */
    public static Optional<Variable> named(String name) {
      return Arrays.stream(values())
          .filter(v -> v.id.equals(name) || v.legacy.contains(name))
          .findFirst();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** PEP 508's marker operators. */
  enum Op {
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_EQUAL("<="),
    GREATER(">"),
    GREATER_EQUAL(">="),
    COMPATIBLE("~="),
    ARBITRARY("==="),
    IN("in"),
    NOT_IN("not in");

    private final String text;

    Op(String text) {
      this.text = text;
    }

    public static Optional<Op> of(String text) {
      return Arrays.stream(values()).filter(o -> o.text.equals(text)).findFirst();
    }

    boolean ordering() {
      return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * {@code left op right}. Where both sides are PEP 440 versions and the operator takes versions,
   * it compares versions ({@code "3.9" < "3.10"}); otherwise it compares strings as Python does,
   * {@code in} testing for a substring.
   */
  record Comparison(Operand left, Op op, Operand right) implements Marker {
    @Override
    public Tri evaluate(Environment env) {
      Optional<String> l = env.value(left);
      Optional<String> r = env.value(right);
      if (l.isPresent() && r.isPresent()) {
        return compare(l.get(), r.get());
      }
      Optional<String> minor = env.value(Variable.PYTHON_VERSION);
      if (op.ordering() && minor.isPresent() && (l.isPresent() || r.isPresent())) {
        // Only the minor version is known: decide where every patch release agrees.
        Operand unknown = l.isPresent() ? right : left;
        if (unknown == Variable.PYTHON_FULL_VERSION) {
          Tri first = withFullVersion(env, minor.get() + ".0");
          Tri last = withFullVersion(env, minor.get() + "." + Integer.MAX_VALUE);
          return first == last ? first : Tri.UNKNOWN;
        }
      }
      return Tri.UNKNOWN;
    }

    private Tri withFullVersion(Environment env, String version) {
      return evaluate(env.with(Variable.PYTHON_FULL_VERSION, version));
    }

    private Tri compare(String l, String r) {
      if (left == Variable.EXTRA || right == Variable.EXTRA) {
        l = Requirement.normalize(l);
        r = Requirement.normalize(r);
      }
      switch (op) {
        case IN:
          return Tri.of(r.contains(l));
        case NOT_IN:
          return Tri.of(!r.contains(l));
        case ARBITRARY:
          return Tri.of(l.equalsIgnoreCase(r));
        default:
          break;
      }
      String rhs = r;
      Optional<Boolean> asVersions =
          Pep440Version.parse(l).flatMap(v -> v.satisfies(op.toString(), rhs));
      if (asVersions.isPresent()) {
        return Tri.of(asVersions.get());
      }
      int c = l.compareTo(r);
      return switch (op) {
        case EQUAL -> Tri.of(c == 0);
        case NOT_EQUAL -> Tri.of(c != 0);
        case LESS -> Tri.of(c < 0);
        case LESS_EQUAL -> Tri.of(c <= 0);
        case GREATER -> Tri.of(c > 0);
        case GREATER_EQUAL -> Tri.of(c >= 0);
        // PEP 508 leaves ~= on strings that are not versions undefined.
        default -> Tri.UNKNOWN;
      };
    }

    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }

  /** Values of the marker variables; a variable without one is unknown. */
  record Environment(Map<Variable, String> values) {
    public Environment {
      values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    /** Nothing known. */
    public static Environment unknown() {
      return new Environment(Map.of());
    }

    /** This environment, with {@code variable} set to {@code value}. */
    public Environment with(Variable variable, String value) {
      Map<Variable, String> m = new EnumMap<>(Variable.class);
      m.putAll(values);
      m.put(variable, value);
      return new Environment(m);
    }

    Optional<String> value(Operand operand) {
      return operand instanceof Literal l
          ? Optional.of(l.value())
          : Optional.ofNullable(values.get((Variable) operand));
    }
  }
}
