package dev.nixmigrate.generators;

import java.util.Arrays;
import java.util.Locale;

/** How CI installs Nix. */
public enum NixInstaller {
  /** cachix/install-nix-action. */
  CACHIX,
  /** DeterminateSystems/nix-installer-action. */
  DETERMINATE;

  /** Its name in {@code nixmigrate.toml} and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }

  /** The installer named {@code s}; a name it does not know is an error that lists the choices. */
  public static NixInstaller parse(String s) {
    return Arrays.stream(values())
        .filter(i -> i.id().equals(s))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Nix installer must be cachix or determinate, not '" + s + "'"));
  }
}
