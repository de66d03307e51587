package dev.nixmigrate.generators;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.text.Backslashed;
import java.util.regex.Pattern;

/**
 * The escapers: every value that comes from a manifest reaches a generated file through the one for
 * that file's language.
 */
public final class Escape {
  private Escape() {}

  /**
   * A Nix double-quoted string literal that Nix reads back as exactly {@code s}. Escapes {@code \},
   * {@code "}, every {@code $} (so neither <code>${</code> nor {@code $$} can start an
   * interpolation), and CR, LF, TAB. NUL cannot be represented (Nix truncates at it), so it is
   * refused.
   */
  public static String nixString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '$' -> b.append("\\$");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\0' ->
            throw new NixMigrateException(
                NixMigrateException.Kind.BAD_INPUT,
                "a value for a Nix file contains a NUL character, which Nix cannot represent: "
                    + printable(s)
                    + "; remove it from the manifest");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z_./][A-Za-z0-9_./+-]*");
  private static final Pattern YAML_SPECIAL =
      Pattern.compile(
          "(?i)(y|yes|n|no|true|false|on|off|null|~|nan|inf|\\.nan|\\.inf|-\\.inf|\\+\\.inf)");

  /**
   * A YAML scalar that YAML 1.1 and 1.2 readers both read back as the string {@code s}: plain when
   * it is an unambiguous word, else single-quoted, or double-quoted when it holds control
   * characters.
   */
  public static String yamlScalar(String s) {
    if (PLAIN_YAML.matcher(s).matches()
        && !YAML_SPECIAL.matcher(s).matches()
        && !looksNumericOrDate(s)) {
      return s;
    }
    if (s.chars().noneMatch(Escape::yamlControl)) {
      return "'" + s.replace("'", "''") + "'";
    }
    return Backslashed.quote(s, Escape::yamlControl);
  }

  /** Characters YAML readers drop, fold or refuse in a single-quoted scalar. */
  private static boolean yamlControl(int c) {
    return c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff;
  }

  /** Anything a YAML 1.1 reader might take for a number, an octal, a sexagesimal or a date. */
  private static boolean looksNumericOrDate(String s) {
    return s.matches("[-+.0-9][-+0-9._:eExXoObB]*") || s.matches("\\d{4}-\\d{1,2}-\\d{1,2}.*");
  }

  private static final Pattern SAFE_SHELL = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  /**
   * A POSIX shell word that the shell reads back as {@code s}: bare when safe, else single-quoted.
   */
  public static String shellWord(String s) {
    if (!s.isEmpty() && SAFE_SHELL.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A TOML basic string that TOML readers read back as {@code s}. */
  public static String tomlString(String s) {
    return Backslashed.quote(s, c -> c < 0x20 || c == 0x7f);
  }

  /**
   * A JSON string that JSON readers read back as {@code s}: RFC 8259's escapes, and U+2028/U+2029
   * spelled out as JSON's own writer does.
   */
  public static String jsonString(String s) {
    return Backslashed.quote(s, c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029);
  }

  private static String printable(String s) {
    return s.replace("\0", "\\0");
  }
}
