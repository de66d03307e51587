package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nix.NixTokens;
import dev.nixmigrate.core.internal.nix.NixTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one-line hook-up of {@code nix/nixmigrate.nix} into a flake that is the user's: {@code
 * outputs = PATTERN: BODY} becomes {@code outputs = PATTERN@inputs: import ./nix/nixmigrate.nix
 * inputs BODY}. Made only where that is certain to keep the flake's meaning: the outputs function's
 * body is an attribute set literal (a function application binds it without parentheses), and the
 * flake has the inputs the generated file uses. Comments, strings and interpolations are skipped by
 * a small scanner of Nix's lexical syntax, so a brace in a string never misleads it.
 */
public final class FlakeHookup {
  static final String FILE = "nix/nixmigrate.nix";

  private FlakeHookup() {}

  /** The hooked-up flake text, or why the hook-up is left to the user. */
  public record Result(String text, String why) {
    static Result no(String why) {
      return new Result(null, why);
    }

    public boolean done() {
      return text != null;
    }
  }

  /** The line to add by hand, for messages when the edit is not made. */
  public static final String MANUAL =
      "outputs = { self, nixpkgs, ... }@inputs: import ./" + FILE + " inputs (YOUR OUTPUTS);";

  public static Result hookUp(String flake, List<String> neededInputs) {
    if (flake.contains("./" + FILE)) {
      return new Result(flake, null);
    }
    List<Token> tokens;
    try {
      tokens = NixTokens.scan(flake);
    } catch (IllegalStateException e) {
      return Result.no("flake.nix could not be scanned (" + e.getMessage() + ")");
    }
    for (String input : neededInputs) {
      if (!Pattern.compile("(^|[^\\w'-])" + Pattern.quote(input) + "(\\s*=|\\.url)")
          .matcher(flake)
          .find()) {
        return Result.no("flake.nix has no input named " + input + "; add it first");
      }
    }
    int i = 0;
    if (tokens.isEmpty() || !tokens.get(0).is("{")) {
      return Result.no("flake.nix is not a plain attribute set");
    }
    int depth = 0;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.opens()) {
        depth++;
      } else if (t.closes()) {
        depth--;
      } else if (depth == 1
          && t.is("outputs")
          && i + 1 < tokens.size()
          && tokens.get(i + 1).is("=")) {
        return hookUpAt(flake, tokens, i + 2);
      }
    }
    return Result.no("flake.nix has no outputs attribute at its top level");
  }

  /** The edit, given the index of the first token of the outputs function. */
  private static Result hookUpAt(String flake, List<Token> all, int i) {
    // Past the end, an empty token: no check below matches it.
    List<Token> tokens = new ArrayList<>(all);
    for (int k = 0; k < 4; k++) {
      tokens.add(new Token("", flake.length(), false));
    }
    String name;
    int insertAt; // where "@inputs" goes, or -1
    int colon;
    Token first = tokens.get(i);
    if (first.ident() && tokens.get(i + 1).is(":")) {
      name = first.text();
      insertAt = -1;
      colon = i + 1;
    } else if (first.ident() && tokens.get(i + 1).is("@")) {
      name = first.text();
      int close = matching(tokens, i + 2);
      if (close < 0) {
        return Result.no("the outputs pattern is not closed");
      }
      insertAt = -1;
      colon = close + 1;
    } else if (first.is("{")) {
      int close = matching(tokens, i);
      if (close < 0) {
        return Result.no("the outputs pattern is not closed");
      }
      if (tokens.get(close + 1).is("@")) {
        name = tokens.get(close + 2).text();
        insertAt = -1;
        colon = close + 3;
      } else {
        boolean taken = tokens.subList(i, close).stream().anyMatch(t -> t.is("inputs"));
        name = taken ? "nixmigrateInputs" : "inputs";
        insertAt = tokens.get(close).end();
        colon = close + 1;
      }
    } else {
      return Result.no("the outputs attribute is not a function written in place");
    }
    if (colon >= tokens.size() || !tokens.get(colon).is(":")) {
      return Result.no("the outputs function's pattern is not followed by ':'");
    }
    int body = colon + 1;
    if (body < tokens.size() && tokens.get(body).is("rec")) {
      body++;
    }
    if (body >= tokens.size() || !tokens.get(body).is("{")) {
      return Result.no(
          "the outputs function's body is not an attribute set literal, so a one-line hook-up"
              + " could change its meaning");
    }
    int colonEnd = tokens.get(colon).end();
    StringBuilder b = new StringBuilder(flake);
    b.insert(colonEnd, " import ./" + FILE + " " + name);
    if (insertAt >= 0) {
      b.insert(insertAt, "@" + name);
    }
    return new Result(b.toString(), null);
  }

  /** The index of the token closing the bracket at {@code open}, or -1. */
  private static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).opens()) {
        depth++;
      } else if (tokens.get(j).closes() && --depth == 0) {
        return j;
      }
    }
    return -1;
  }
}
