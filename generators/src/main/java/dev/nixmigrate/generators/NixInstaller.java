package dev.nixmigrate.generators;

/** How CI installs Nix. */
public enum NixInstaller {
  /** cachix/install-nix-action. */
  CACHIX,
  /** DeterminateSystems/nix-installer-action. */
  DETERMINATE;

  /** Its name in {@code nixmigrate.toml} and on the command line. */
  public String id() {
    return Choice.written(this);
  }

  @Override
  public String toString() {
    return id();
  }

  /** The installer named {@code s}; a name it does not know is an error that lists the choices. */
  public static NixInstaller parse(String s) {
    return Choice.parse(NixInstaller.class, s, "Nix installer");
  }
}
