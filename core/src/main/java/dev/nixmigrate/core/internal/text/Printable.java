package dev.nixmigrate.core.internal.text;

/** Text from a repository made safe to show on a terminal. */
public final class Printable {
  private Printable() {}

  /** {@code s} with each control character (escape, bell, newline, …) shown as {@code ?}. */
  public static String of(String s) {
    return s.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
