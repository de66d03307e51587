package dev.nixmigrate.core.model;

/**
 * A folder with a manifest that is not one of the repository's projects: an example, a test
 * fixture, a benchmark, fuzz targets, vendored code, a documentation build, a separate CMake
 * project inside another that does not build it, another build of an enclosing project's sources,
 * or a folder nixmigrate.toml excludes. CI, the justfile and the flake leave it out.
 *
 * @param path the folder, relative to the repository root
 * @param name the name its manifest gives
 * @param role why it is not a project
 * @param reason what showed it, in a sentence
 */
public record LeftOut(String path, String name, Role role, String reason) {
  /** What such a folder is. */
  public enum Role implements Vocabulary {
    EXAMPLE,
    FIXTURE,
    BENCHMARK,
    /** Fuzz targets (cargo-fuzz, AFL, libFuzzer): built by a fuzzer's own toolchain. */
    FUZZ,
    VENDORED,
    DOCS,
    /** A CMake project of its own inside another CMake project's tree that does not build it. */
    STANDALONE,
    /**
     * Another build (CMake, meson, make) of an enclosing project's sources: its own folder holds no
     * C or C++ source (lz4's build/cmake and contrib/meson).
     */
    ALTERNATIVE,
    EXCLUDED;
  }
}
