package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.util.regex.Pattern;

/**
 * What a manifest value that reaches a generated file may be. Each rule is the tool's own rule, or
 * a subset of it where the tool is lax (no whitespace, quotes, {@code $} or braces), so that a
 * value cannot carry a command, an attribute or an expression into a generated file.
 */
public enum FieldRule {
  /** rustup channels, without host triples (rustup's "Toolchain specification"). */
  RUST_CHANNEL(
      "stable, beta, nightly, nightly-YYYY-MM-DD or MAJOR.MINOR(.PATCH)",
      "stable|beta|nightly(-\\d{4}-\\d{2}-\\d{2})?|\\d+\\.\\d+(\\.\\d+)?"),
  /** Cargo's {@code rust-version}: a bare version, no operator. */
  RUST_VERSION("MAJOR, MAJOR.MINOR or MAJOR.MINOR.PATCH", "\\d+(\\.\\d+(\\.\\d+)?)?"),
  /** A rustup component or target triple ({@code rust-src}, {@code wasm32-unknown-unknown}). */
  RUST_TARGET("letters, digits, '.', '_' and '-'", "[A-Za-z0-9_][A-Za-z0-9._-]*"),
  /** Cargo's package name rule: ASCII letters, digits, '-' and '_', not starting with a digit. */
  CARGO_PACKAGE_NAME(
      "letters, digits, '-' and '_', not starting with a digit", "[A-Za-z_][A-Za-z0-9_-]*"),
  /** Cargo's target (bin) name rule. */
  CARGO_BIN_NAME("letters, digits, '-' and '_'", "[A-Za-z0-9_][A-Za-z0-9_-]*"),
  /** Cargo's feature name rule: a letter, digit or '_' first, then also '-', '+' and '.'. */
  CARGO_FEATURE(
      "letters, digits and '_' first, then also '-', '+' and '.'", "[A-Za-z0-9_][A-Za-z0-9_+.-]*"),
  /** SemVer 2.0, as Cargo requires for {@code package.version}. */
  CARGO_VERSION(
      "a SemVer version such as 1.2.3 or 1.2.3-beta.1",
      "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?"),
  /** Cargo editions are years. */
  CARGO_EDITION("an edition year such as 2021", "\\d{4}"),
  /** PEP 508 names (also PEP 685 extras and PEP 735 group names). */
  PYTHON_NAME(
      "a PEP 508 name: letters, digits, '.', '_' and '-', starting and ending with a letter or"
          + " digit",
      "(?i)[A-Z0-9]([A-Z0-9._-]*[A-Z0-9])?"),
  /** A PEP 440 version. */
  PYTHON_VERSION("a PEP 440 version such as 1.2.3 or 2.0rc1", "(?i)" + Pep440.VERSION),
  /** A PEP 440 version specifier set such as {@code >=3.9,<4}. */
  PYTHON_SPECIFIER(
      "a PEP 440 version specifier such as >=3.9 or >=3.9,<4",
      "(?i)" + Pep440.CLAUSE + "(\\s*,\\s*" + Pep440.CLAUSE + ")*"),
  /** CMake's {@code project(VERSION)}: up to four dot-separated non-negative integers. */
  CMAKE_VERSION("MAJOR[.MINOR[.PATCH[.TWEAK]]]", "\\d+(\\.\\d+){0,3}"),
  /** meson's {@code project(version:)}: a version such as {@code 1.0.8} or {@code 2.1~rc1}. */
  MESON_VERSION(
      "a version of letters, digits, '.', '_', '+', '~' and '-' such as 1.0.8",
      "[A-Za-z0-9][A-Za-z0-9._+~-]*"),
  /**
   * Names CMake, pkg-config and vcpkg use for packages and dependencies: {@code Qt6}, {@code
   * gtk+-3.0}, {@code nlohmann_json}.
   */
  PACKAGE_NAME("letters, digits, '.', '_', '+' and '-'", "[A-Za-z0-9_.+-]+"),
  /**
   * A CMake or meson project name, or a preset name: anything printable without whitespace, quotes,
   * backslashes, {@code $}, braces, semicolons or backticks.
   */
  PROJECT_NAME(
      "printable characters other than whitespace, quotes, '\\', '$', '{', '}', ';' and '`'",
      "[^\\p{Cntrl}\\s\"'`\\\\${};]+");

  /** Longer values are refused before any pattern runs: no real name or version is this long. */
  public static final int MAX_LENGTH = 256;

  private final String what;
  private final Pattern pattern;

  FieldRule(String what, String regex) {
    this.what = what;
    this.pattern = Pattern.compile(regex);
  }

  /** Whether {@code value} is one this field can be. */
  public boolean accepts(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= MAX_LENGTH
        && pattern.matcher(value).matches();
  }

  /** What the field can be, for messages. */
  public String what() {
    return what;
  }

  /**
   * The ERROR for {@code field} (as the manifest names it) holding {@code value}, which this rule
   * refuses.
   */
  public Diagnostic refuse(String file, int line, int column, String field, String value) {
    return Diagnostic.error(
        file,
        line,
        column,
        field
            + " "
            + printable(value)
            + " is not valid: it must be "
            + what
            + ". nixmigrate does not write such a value into generated files; fix the manifest");
  }

  /**
   * Checks {@code value}, reporting a refusal to {@code files}; returns the value when accepted and
   * null otherwise. A null value is accepted as absent.
   */
  public String check(
      RepoFiles files, String value, String file, int line, int column, String field) {
    if (value == null || accepts(value)) {
      return value;
    }
    files.report(refuse(file, line, column, field, value));
    return null;
  }

  /** The value quoted with control characters escaped and its length bounded, for a message. */
  public static String printable(String value) {
    StringBuilder b = new StringBuilder("'");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (value.length() > limit) {
      b.append("...' (").append(value.length()).append(" characters)");
    } else {
      b.append('\'');
    }
    return b.toString();
  }

  /** PEP 440's grammar (its appendix), as pieces of Java patterns. */
  private static final class Pep440 {
    static final String VERSION =
        "v?(\\d+!)?\\d+(\\.\\d+)*"
            + "([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\\d*)?"
            + "(-\\d+|[-_.]?(post|rev|r)[-_.]?\\d*)?"
            + "([-_.]?dev[-_.]?\\d*)?"
            + "(\\+[a-z0-9]+([-_.][a-z0-9]+)*)?";
    static final String CLAUSE =
        "\\s*(((~=|==|!=|<=|>=|<|>)\\s*"
            + VERSION
            + ")|((==|!=)\\s*v?(\\d+!)?\\d+(\\.\\d+)*\\.\\*)|(===\\s*[^\\s,;]+))\\s*";

    private Pep440() {}
  }
}
