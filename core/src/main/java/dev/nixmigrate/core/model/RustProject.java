package dev.nixmigrate.core.model;

import java.util.List;

/**
 * A Cargo package or workspace: one project however many member crates it has.
 *
 * @param workspace true when the root manifest has {@code [workspace]}
 * @param virtualWorkspace true when the root has {@code [workspace]} but no {@code [package]}
 * @param members member crate directories, relative to the project, sorted
 * @param excludes {@code workspace.exclude} entries
 * @param edition the newest edition any member uses (inheritance resolved)
 * @param rustVersion the highest {@code rust-version} (MSRV) any member declares, or null
 * @param toolchain from {@code rust-toolchain.toml}/{@code rust-toolchain}, searched upwards as
 *     rustup does
 * @param features feature names of the root package (or of all members for a virtual workspace)
 * @param packages every package in the project, root first
 * @param lockfile true when {@code Cargo.lock} is committed beside the root manifest
 * @param buildTarget {@code [build] target} from {@code .cargo/config.toml}, or null
 * @param sysCrates crates that link system libraries ({@code openssl-sys}, ...), sorted
 * @param benchesNeedNightly true when a bench target uses {@code #![feature]}, which only a nightly
 *     toolchain compiles
 * @param buildCrates other crates whose build needs something from nixpkgs ({@code bindgen} needs
 *     libclang), sorted
 * @param gitPackages the packages {@code Cargo.lock} takes from git, as {@code name-version},
 *     sorted
 */
public record RustProject(
    boolean workspace,
    boolean virtualWorkspace,
    List<String> members,
    List<String> excludes,
    String edition,
    String rustVersion,
    RustToolchain toolchain,
    List<String> features,
    List<CargoPackage> packages,
    boolean lockfile,
    String buildTarget,
    List<String> sysCrates,
    List<String> buildCrates,
    boolean benchesNeedNightly,
    List<String> gitPackages) {

  public RustProject {
    members = List.copyOf(members);
    excludes = List.copyOf(excludes);
    features = List.copyOf(features);
    packages = List.copyOf(packages);
    sysCrates = List.copyOf(sysCrates);
    buildCrates = List.copyOf(buildCrates);
    gitPackages = List.copyOf(gitPackages);
  }

  /**
   * One crate: its targets and the dependency names it really uses (renames resolved); {@code
   * optionalDependencies} are the subset behind a feature, {@code buildDependencies} those its
   * build script uses ({@code [build-dependencies]}); {@code pythonExtensionModule} is true when it
   * turns on pyo3's {@code extension-module} itself, so that its test binaries cannot link.
   */
  public record CargoPackage(
      String path,
      String name,
      String version,
      String edition,
      String rustVersion,
      List<String> features,
      boolean lib,
      List<String> bins,
      String buildScript,
      List<String> dependencies,
      List<String> optionalDependencies,
      List<String> buildDependencies,
      boolean pythonExtensionModule) {
    public CargoPackage {
      features = List.copyOf(features);
      bins = List.copyOf(bins);
      dependencies = List.copyOf(dependencies);
      optionalDependencies = List.copyOf(optionalDependencies);
      buildDependencies = List.copyOf(buildDependencies);
    }
  }

  /** A rustup toolchain file: channel (null when the file names none), components, targets. */
  public record RustToolchain(
      String file, String channel, List<String> components, List<String> targets) {
    public RustToolchain {
      components = List.copyOf(components);
      targets = List.copyOf(targets);
    }
  }
}
