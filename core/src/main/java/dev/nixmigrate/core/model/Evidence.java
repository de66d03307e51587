package dev.nixmigrate.core.model;

/** One thing found in the repository that shows a migration step's work, with where it is. */
public record Evidence(Kind kind, String file, int line, String what) {

  /** What a piece of evidence shows. */
  public enum Kind implements Vocabulary {
    CI_WORKFLOW,
    CI_BUILDS_PYTHON,
    CI_BUILDS_RUST,
    CI_BUILDS_C,
    CI_MATRIX,
    CI_RUNS_ON_WINDOWS,
    CI_DEPENDENCY_CACHE,
    JUSTFILE,
    COMPILER_CACHE_RUST,
    COMPILER_CACHE_C,
    PYTHON_CACHE,
    FLAKE,
    FLAKE_DEV_SHELL,
    FLAKE_PACKAGES,
    FLAKE_CHECKS,
    LEGACY_NIX,
    ENVRC,
    NIX_IN_CI,
    NIX_BUILD_IN_CI,
    BINARY_CACHE_PULL,
    BINARY_CACHE_PUSH,
    REMOTE_BUILDERS;
  }

  /** {@code file:line: what}, as shown by {@code status}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + what;
  }
}
