package dev.nixmigrate.generators;

import java.util.Arrays;
import java.util.Locale;

/** The compiler cache C and C++ builds go through (Rust always uses sccache). */
public enum CompilerCache {
  CCACHE,
  SCCACHE;

  /** The command, which is also its name in nixpkgs and in {@code nixmigrate.toml}. */
  public String command() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return command();
  }

  /** The cache named {@code s}; a name it does not know is an error that lists the choices. */
  public static CompilerCache parse(String s) {
    return Arrays.stream(values())
        .filter(c -> c.command().equals(s))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "compiler cache must be ccache or sccache, not '" + s + "'"));
  }
}
