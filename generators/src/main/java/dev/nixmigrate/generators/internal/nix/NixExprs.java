package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.generators.Escape;
import java.util.regex.Pattern;

/** Nix attribute names: bare when Nix reads them as identifiers, quoted otherwise. */
public final class NixExprs {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_'-]*");

  private NixExprs() {}

  public static String attrName(String name) {
    return IDENT.matcher(name).matches() && !isKeyword(name) ? name : Escape.nixString(name);
  }

  private static boolean isKeyword(String s) {
    return switch (s) {
      case "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or" -> true;
      default -> false;
    };
  }
}
