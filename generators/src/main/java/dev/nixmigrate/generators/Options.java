package dev.nixmigrate.generators;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The user's choices for generation, with defaults that suit most repositories.
 *
 * @param systems Nix systems the flake supports, e.g. {@code x86_64-linux}
 * @param osMatrix CI runner labels, e.g. {@code ubuntu-latest}
 * @param pythonVersions CPython versions for CI; empty means "what requires-python allows"
 * @param cCompilerCache {@code ccache} or {@code sccache} for C/C++
 * @param templateDir a folder whose templates replace the bundled ones of the same name, or null
 */
public record Options(
    List<String> systems,
    List<String> osMatrix,
    List<String> pythonVersions,
    String cCompilerCache,
    Path templateDir) {

  /** x86_64-darwin only when asked: Apple no longer sells Intel Macs and CI images are going. */
  public static final List<String> DEFAULT_SYSTEMS =
      List.of("x86_64-linux", "aarch64-linux", "aarch64-darwin");

  public static final List<String> KNOWN_SYSTEMS =
      List.of("x86_64-linux", "aarch64-linux", "aarch64-darwin", "x86_64-darwin");

  public Options {
    systems = List.copyOf(systems);
    osMatrix = List.copyOf(osMatrix);
    pythonVersions = List.copyOf(pythonVersions);
    Objects.requireNonNull(cCompilerCache, "cCompilerCache");
    for (String s : systems) {
      if (!KNOWN_SYSTEMS.contains(s)) {
        throw new IllegalArgumentException(
            "unknown Nix system '" + s + "'; use one of " + String.join(", ", KNOWN_SYSTEMS));
      }
    }
    if (!cCompilerCache.equals("ccache") && !cCompilerCache.equals("sccache")) {
      throw new IllegalArgumentException(
          "compiler cache must be ccache or sccache, not '" + cCompilerCache + "'");
    }
  }

  public static Options defaults() {
    return new Options(
        DEFAULT_SYSTEMS, List.of("ubuntu-latest", "macos-latest"), List.of(), "ccache", null);
  }

  public Options withSystems(List<String> s) {
    return new Options(s, osMatrix, pythonVersions, cCompilerCache, templateDir);
  }

  public Options withTemplateDir(Path dir) {
    return new Options(systems, osMatrix, pythonVersions, cCompilerCache, dir);
  }

  public Options withCCompilerCache(String cache) {
    return new Options(systems, osMatrix, pythonVersions, cache, templateDir);
  }
}
