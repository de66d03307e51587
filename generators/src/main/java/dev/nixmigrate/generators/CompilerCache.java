package dev.nixmigrate.generators;

/** The compiler cache C and C++ builds go through (Rust always uses sccache). */
public enum CompilerCache {
  CCACHE,
  SCCACHE;

  /** The command, which is also its name in nixpkgs and in {@code nixmigrate.toml}. */
  public String command() {
    return Choice.written(this);
  }

  @Override
  public String toString() {
    return command();
  }

  /** The cache named {@code s}; a name it does not know is an error that lists the choices. */
  public static CompilerCache parse(String s) {
    return Choice.parse(CompilerCache.class, s, "compiler cache");
  }
}
