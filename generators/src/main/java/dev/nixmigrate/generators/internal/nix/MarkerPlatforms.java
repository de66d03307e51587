package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.Marker;
import dev.nixmigrate.core.model.Marker.Environment;
import dev.nixmigrate.core.model.Marker.Variable;
import dev.nixmigrate.core.model.Requirement;
import java.util.Optional;

/**
 * Where a requirement's environment marker can hold among a flake's systems, Linux and Darwin, for
 * the interpreter the package is built with. What the systems do not fix (the machine, the kernel
 * release) stays unknown, and a marker that may hold counts as holding.
 */
final class MarkerPlatforms {
  private final Environment linux;
  private final Environment darwin;

  /** For CPython {@code pythonVersion} ({@code 3.13}), or any version when it is empty. */
  MarkerPlatforms(Optional<String> pythonVersion) {
    Environment cpython =
        Environment.unknown()
            .with(Variable.OS_NAME, "posix")
            .with(Variable.PLATFORM_PYTHON_IMPLEMENTATION, "CPython")
            .with(Variable.IMPLEMENTATION_NAME, "cpython")
            // Runtime dependencies are installed without extras; pip evaluates extra as "".
            .with(Variable.EXTRA, "");
    if (pythonVersion.isPresent()) {
      cpython = cpython.with(Variable.PYTHON_VERSION, pythonVersion.get());
    }
    this.linux =
        cpython.with(Variable.SYS_PLATFORM, "linux").with(Variable.PLATFORM_SYSTEM, "Linux");
    this.darwin =
        cpython.with(Variable.SYS_PLATFORM, "darwin").with(Variable.PLATFORM_SYSTEM, "Darwin");
  }

  /**
   * The {@code hostPlatform} attribute of the systems where {@code r} applies ({@link
   * NixBuild.OnPlatform#EVERY} for all of them), or empty when it applies on none: a Windows-only
   * dependency, or a backport for Pythons older than the chosen one.
   */
  Optional<String> where(Requirement r) {
    Marker m = r.marker();
    boolean onLinux = m.evaluate(linux).possible();
    boolean onDarwin = m.evaluate(darwin).possible();
    if (onLinux && onDarwin) {
      return Optional.of(NixBuild.OnPlatform.EVERY);
    }
    if (onLinux || onDarwin) {
      return Optional.of(onLinux ? NixBuild.OnPlatform.LINUX : NixBuild.OnPlatform.DARWIN);
    }
    return Optional.empty();
  }

  /** Whether {@code r} applies on some system. */
  boolean applies(Requirement r) {
    return where(r).isPresent();
  }
}
