package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.generators.Warnings;
import dev.nixmigrate.generators.internal.ci.BuildCommands.Tool;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Why a CI job of the user's gets no compiler cache for some of its build tools, and what to do by
 * hand: the rules the GitHub and GitLab edits share. Where a wiring could break the job or do
 * nothing, the job is left as it was.
 *
 * @param tools the tools it leaves without a cache
 * @param why why, in words
 * @param byHand what to do instead, where {@code {wiring}} stands for what step 2 would add
 */
record CacheSkip(Set<Tool> tools, String why, String byHand) {
  CacheSkip {
    tools = Set.copyOf(tools);
  }

  private static final Set<Tool> ALL = EnumSet.allOf(Tool.class);

  /**
   * MSVC, for CMake only: its Visual Studio generators ignore compiler launchers. ccache and
   * sccache do cache MSVC's cl under Ninja, but only with /Z7 debug information; nixmigrate changes
   * neither the generator nor the flags of a build, so it leaves the job. sccache as rustc's
   * wrapper works on Windows, so cargo in the same job is still wired.
   */
  static CacheSkip msvc(String evidence) {
    return new CacheSkip(
        Set.of(Tool.CMAKE),
        "it builds with MSVC ("
            + evidence
            + "), and CMake's Visual Studio generators ignore compiler launchers",
        "configure with -G Ninja from a developer prompt, with /Z7 debug information"
            + " (CMAKE_MSVC_DEBUG_INFORMATION_FORMAT=Embedded; neither cache stores /Zi's PDB"
            + " files), and set CMAKE_C_COMPILER_LAUNCHER and CMAKE_CXX_COMPILER_LAUNCHER to"
            + " sccache, or ccache 4.6 or later");
  }

  /** Some rows of a matrix on Windows, where CMake's default generator is Visual Studio's. */
  static CacheSkip windowsRows(String rows) {
    return new CacheSkip(
        Set.of(Tool.CMAKE),
        "some rows of its matrix run on Windows ("
            + rows
            + "), where CMake's default generator is Visual Studio's, which ignores compiler"
            + " launchers, and no gcc or clang is named",
        "for the other rows, on a condition on the matrix, add {wiring}");
  }

  /**
   * An MSYS2 shell: with setup-msys2's default {@code path-type: minimal}, its PATH leaves out the
   * runner's, where a GitHub setup action installs the cache tool; and GitLab's apt-get line does
   * not run there.
   */
  static CacheSkip msys2(String evidence) {
    return new CacheSkip(
        ALL,
        "it builds in an MSYS2 shell ("
            + evidence
            + "), whose PATH is its own, without the cache tool the edit would install",
        "install the tool with MSYS2's pacman (its mingw-w64 package), then add {wiring}");
  }

  /** A container image nixmigrate does not know to have the cache tool or to install it. */
  static CacheSkip image(String image, String known) {
    return new CacheSkip(
        ALL,
        "it runs in the image " + image + ", which nixmigrate does not know " + known,
        "install the cache tool in the image or in the job, then add {wiring}");
  }

  /** A GitLab runner whose shell cannot run the apt-get install line the edit adds. */
  static CacheSkip runner(String os, String tags) {
    return new CacheSkip(
        ALL,
        "it runs on a "
            + os
            + " runner (tags: "
            + tags
            + "), where apt-get cannot install the tool",
        "install the cache tool on the runner, then add {wiring}");
  }

  /** The operating system a runner label or tag names ("Windows", "macOS"), or null. */
  static String os(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    if (l.contains("windows")) {
      return "Windows";
    }
    return l.contains("macos") || l.startsWith("osx") ? "macOS" : null;
  }

  /**
   * The message for a job {@code job} this skips, which compiles with {@code compiled}; {@code
   * wiring} says what a wiring by hand of some tools adds.
   */
  String message(String job, Set<Tool> compiled, Function<Set<Tool>, String> wiring) {
    Set<Tool> left = EnumSet.noneOf(Tool.class);
    compiled.stream().filter(tools::contains).forEach(left::add);
    List<String> names = left.stream().map(Tool::display).toList();
    return "job '"
        + job
        + "' gets no compiler cache"
        + (left.containsAll(compiled) ? "" : " for " + String.join(" or ", names))
        + ": "
        + why
        + "; by hand: "
        + byHand.replace("{wiring}", wiring.apply(left));
  }

  /**
   * Warns at {@code where} of each of {@code skips} that concerns a tool of {@code builds}, and
   * removes from {@code builds} the tools it leaves.
   */
  static void leave(
      List<CacheSkip> skips,
      Set<Tool> builds,
      String job,
      String where,
      Warnings warnings,
      Function<Set<Tool>, String> wiring) {
    for (CacheSkip skip : skips) {
      if (skip.tools().stream().anyMatch(builds::contains)) {
        warnings.add(where, skip.message(job, builds, wiring));
        builds.removeAll(skip.tools());
      }
    }
  }
}
