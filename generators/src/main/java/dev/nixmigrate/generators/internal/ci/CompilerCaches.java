package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import dev.nixmigrate.generators.internal.ci.Workflow.Step;
import java.util.List;

/**
 * Step 2's wiring of a CI job to a compiler cache: the job's environment and the step that sets the
 * cache up. One definition, for the workflow nixmigrate writes and for edits of the user's own.
 */
final class CompilerCaches {
  private CompilerCaches() {}

  /** sccache writes the GitHub cache on the default branch and only reads it elsewhere. */
  static final String SCCACHE_RW_MODE =
      "${{ github.event_name == 'push' && github.ref_name == "
          + "github.event.repository.default_branch && 'READ_WRITE' || 'READ_ONLY' }}";

  /** sccache as rustc's wrapper; incremental builds off, since sccache cannot cache them. */
  static final List<KeyValue> RUST_WRAPPER =
      List.of(new KeyValue("RUSTC_WRAPPER", "sccache"), new KeyValue("CARGO_INCREMENTAL", "'0'"));

  /** ccache's hits across checkout folders need the folder left out of the hash. */
  static final KeyValue CCACHE_NO_HASH_DIR = new KeyValue("CCACHE_NOHASHDIR", "'true'");

  /** The rustc wrapper and sccache's GitHub cache backend. */
  static List<KeyValue> rustEnv() {
    return concat(
        RUST_WRAPPER,
        List.of(
            new KeyValue("SCCACHE_GHA_ENABLED", "'true'"),
            // Pull requests read the default branch's cache but do not write their own.
            new KeyValue("SCCACHE_GHA_RW_MODE", SCCACHE_RW_MODE)));
  }

  static Step sccacheSetup() {
    return Step.uses("Set up sccache", "mozilla-actions/sccache-action");
  }

  /** CMake's compiler launchers through {@code cache} (ccache or sccache), and its settings. */
  static List<KeyValue> cEnv(CompilerCache cache) {
    return concat(cacheSettings(cache), launchers(cache));
  }

  /** CMake's compiler launchers set to {@code cache}. */
  static List<KeyValue> launchers(CompilerCache cache) {
    return List.of(
        new KeyValue("CMAKE_C_COMPILER_LAUNCHER", cache.command()),
        new KeyValue("CMAKE_CXX_COMPILER_LAUNCHER", cache.command()));
  }

  /** {@code cache}'s own settings, without telling a build to use it. */
  static List<KeyValue> cacheSettings(CompilerCache cache) {
    return cache == CompilerCache.CCACHE
        // Hits across checkout folders: paths relative to the workspace, folder not hashed.
        ? List.of(new KeyValue("CCACHE_BASEDIR", "${{ github.workspace }}"), CCACHE_NO_HASH_DIR)
        : rustEnv().subList(2, 4);
  }

  /**
   * The folders of links named like the compilers that run them through ccache (Debian and Ubuntu's
   * package, Homebrew's on Apple silicon and on Intel), for builds that name their compiler
   * themselves. A folder that does not exist is skipped by the shell's lookup.
   */
  static final List<String> CCACHE_LINK_FOLDERS =
      List.of(
          "/usr/lib/ccache", "/opt/homebrew/opt/ccache/libexec", "/usr/local/opt/ccache/libexec");

  static Step ccacheFirstOnPath() {
    return Step.run(
        "Put ccache's compiler links first on PATH",
        CCACHE_LINK_FOLDERS.stream().map(f -> "echo " + f + " >> \"$GITHUB_PATH\"").toList());
  }

  /** The step that sets {@code cache} up; ccache's cache is saved under {@code key}. */
  static Step cSetup(CompilerCache cache, String key) {
    if (cache != CompilerCache.CCACHE) {
      return sccacheSetup();
    }
    return new Step(
        "Set up ccache",
        null,
        ActionPins.uses("hendrikmuhs/ccache-action"),
        List.of(
            new KeyValue("key", Escape.yamlScalar(key)),
            new KeyValue("save", WorkflowPlanner.ON_DEFAULT_BRANCH)),
        List.of());
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
