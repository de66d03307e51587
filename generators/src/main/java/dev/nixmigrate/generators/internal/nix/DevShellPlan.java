package dev.nixmigrate.generators.internal.nix;

import java.util.List;

/**
 * What the dev shell holds, decided in Java; the flake template only lays it out.
 *
 * @param description a Nix string literal
 * @param rustOverlay whether the flake needs the rust-overlay input
 * @param packages Nix expressions, one per package
 * @param env variables set in the shell: name and Nix expression
 * @param shellHook lines of shell, already escaped for an indented string
 */
public record DevShellPlan(
    String description,
    boolean rustOverlay,
    List<String> packages,
    List<EnvVar> env,
    List<String> shellHook) {

  public DevShellPlan {
    packages = List.copyOf(packages);
    env = List.copyOf(env);
    shellHook = List.copyOf(shellHook);
  }

  /** {@link #packages}, with the Linux-only libraries apart. */
  public List<NixBuild.OnPlatform> packageParts() {
    return NixBuild.OnPlatform.byPlatform(packages);
  }

  /** An environment variable of the shell. */
  public record EnvVar(String name, String value) {}
}
