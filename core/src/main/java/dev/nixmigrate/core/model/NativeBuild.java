package dev.nixmigrate.core.model;

import java.util.List;

/**
 * A meson or Makefile build of C or C++ sources, for a project no other manifest describes.
 *
 * @param system {@code meson} or {@code make}
 * @param version the version the build file states (meson's {@code project(version:)}), or null
 * @param testTarget what runs the tests: {@code test} for meson when the build declares tests,
 *     make's {@code test} or {@code check} target; null when there is none
 * @param dependencies the meson {@code dependency()} names and pkg-config modules the build asks
 *     for, sorted
 * @param installs whether the build installs anything: meson declares something to install, the top
 *     Makefile has an {@code install} target
 * @param prefixVariables the install prefix variables ({@code PREFIX}, {@code prefix}) the
 *     Makefiles use, sorted; empty for meson, which takes {@code --prefix}
 * @param readsAbove a path the build names that leads out of the project's folder ({@code
 *     '../../lib'} in lz4's contrib/meson), or null
 */
public record NativeBuild(
    String system,
    String version,
    String testTarget,
    List<String> dependencies,
    boolean installs,
    List<String> prefixVariables,
    String readsAbove) {

  public NativeBuild {
    dependencies = List.copyOf(dependencies);
    prefixVariables = List.copyOf(prefixVariables);
  }

  /** The command that runs the tests, as a person would say it ({@code meson test}). */
  public String testCommand() {
    return testTarget == null ? null : system + " " + testTarget;
  }
}
