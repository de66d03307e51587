package dev.nixmigrate.generators.nix;

import java.util.List;

/**
 * One flake package (step 4), decided in Java; {@code step4/packages.ftl} lays it out. Every string
 * is already Nix: literals escaped, attributes checked.
 *
 * @param kind {@code python}, {@code rust} or {@code cmake}
 * @param attr the attribute under {@code packages.<system>}
 * @param pname a Nix string literal
 * @param version a Nix string literal
 * @param src a Nix path expression
 * @param builder the function that builds it, e.g. {@code pkgs.python313.pkgs.buildPythonPackage}
 * @param buildSystem Python build backends ({@code ps.hatchling})
 * @param dependencies Python runtime dependencies
 * @param nativeBuildInputs tools for the build machine
 * @param buildInputs libraries
 * @param checkInputs test tools ({@code ps.pytestCheckHook})
 * @param lockFile a Nix path to Cargo.lock (Rust and maturin), or null
 * @param cmakeFlags Nix string literals
 * @param env variables for the build: name and Nix expression
 * @param notes comment lines (what could not be mapped)
 * @param doCheck whether building runs the tests
 */
public record NixBuild(
    String kind,
    String attr,
    String pname,
    String version,
    String src,
    String builder,
    List<String> buildSystem,
    List<String> dependencies,
    List<String> nativeBuildInputs,
    List<String> buildInputs,
    List<String> checkInputs,
    String lockFile,
    List<String> cmakeFlags,
    List<DevShellPlan.EnvVar> env,
    List<String> notes,
    boolean doCheck) {

  public NixBuild {
    buildSystem = List.copyOf(buildSystem);
    dependencies = List.copyOf(dependencies);
    nativeBuildInputs = List.copyOf(nativeBuildInputs);
    buildInputs = List.copyOf(buildInputs);
    checkInputs = List.copyOf(checkInputs);
    cmakeFlags = List.copyOf(cmakeFlags);
    env = List.copyOf(env);
    notes = List.copyOf(notes);
  }

  public boolean hasLockFile() {
    return lockFile != null;
  }
}
