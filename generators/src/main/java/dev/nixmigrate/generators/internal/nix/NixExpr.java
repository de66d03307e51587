package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.generators.Escape;
import java.util.regex.Pattern;

/** Small pieces of Nix syntax built from checked names and escaped values. */
public final class NixExpr {
  private static final Pattern ATTR_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_'-]*(\\.[A-Za-z_][A-Za-z0-9_'-]*)*");
  private static final Pattern SIMPLE_PATH =
      Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private NixExpr() {}

  /** {@code pkgs.<attr>} for an attribute path that the nixpkgs tables checked. */
  public static String pkg(String attrPath) {
    if (!ATTR_PATH.matcher(attrPath).matches()) {
      throw new IllegalArgumentException("not a Nix attribute path: " + attrPath);
    }
    return "pkgs." + attrPath;
  }

  /**
   * A path relative to the flake: {@code ./a/b} when that is a valid literal, else {@code ./. + "/a
   * b"}.
   */
  public static String relativePath(String rel) {
    return relativePath(".", rel);
  }

  /**
   * A path to {@code rel} (relative to the repository root, {@code .} for the root itself) from a
   * Nix file in the folder {@code base} leads to: {@code .} for the root's {@code flake.nix},
   * {@code ..} for {@code nix/nixmigrate.nix}. A path literal is relative to the file it is in.
   */
  public static String relativePath(String base, String rel) {
    if (rel.equals(".")) {
      return base + "/.";
    }
    if (SIMPLE_PATH.matcher(rel).matches() && !rel.contains("..") && !rel.endsWith("/")) {
      return base + "/" + rel;
    }
    return "(" + base + "/. + " + Escape.nixString("/" + rel) + ")";
  }

  /** An environment variable name, checked so it can stand unquoted as an attribute name. */
  public static String envName(String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
    return name;
  }

  /** A line inside an indented string {@code '' ... ''}: escapes {@code ''} and <code>${</code>. */
  public static String indentedLine(String line) {
    return line.replace("''", "'''").replace("${", "''${");
  }
}
