package dev.nixmigrate.core.model;

import java.util.List;

/**
 * What a CMake project's CMakeLists.txt files (the top one and those it reaches with {@code
 * add_subdirectory}) and its package-manager files say.
 *
 * @param minimumVersion {@code cmake_minimum_required(VERSION ...)} as written, or null
 * @param languages CMake language names enabled by {@code project()}/{@code enable_language()}
 * @param cStandard highest C standard requested, or null
 * @param cxxStandard highest C++ standard requested, or null
 * @param packages {@code find_package} calls the default configuration may make
 * @param optionalPackages {@code find_package} calls only an opt-in setting reaches
 * @param pkgConfigModules module names from {@code pkg_check_modules}/{@code pkg_search_module}
 * @param fetchContent dependencies downloaded at configure time in the default configuration (some
 *     only when a package is not found)
 * @param optionalFetchContent downloads only an opt-in setting reaches
 * @param subdirectories directories reached through {@code add_subdirectory}, relative to the
 *     project
 * @param tests true when {@code enable_testing()} or {@code add_test()} appears
 * @param testOption an option that is OFF by default and turns the tests on (such as {@code
 *     CATCH_DEVELOPMENT_BUILD}), when the tests are only reached with an option on; CI configures
 *     with it ON. Null otherwise
 * @param installs true when an {@code install()} rule may run in the default configuration, so that
 *     {@code cmake --install} installs something
 * @param vcpkgDependencies from {@code vcpkg.json}
 * @param conanRequires from {@code conanfile.txt}
 * @param presets configure preset names from {@code CMakePresets.json}
 */
public record CMakeProject(
    String minimumVersion,
    String name,
    String version,
    List<String> languages,
    String cStandard,
    String cxxStandard,
    List<FindPackage> packages,
    List<FindPackage> optionalPackages,
    List<String> pkgConfigModules,
    List<FetchedDependency> fetchContent,
    List<FetchedDependency> optionalFetchContent,
    List<String> subdirectories,
    boolean tests,
    String testOption,
    boolean installs,
    List<String> vcpkgDependencies,
    List<String> conanRequires,
    List<String> presets) {

  public CMakeProject {
    languages = List.copyOf(languages);
    packages = List.copyOf(packages);
    optionalPackages = List.copyOf(optionalPackages);
    pkgConfigModules = List.copyOf(pkgConfigModules);
    fetchContent = List.copyOf(fetchContent);
    optionalFetchContent = List.copyOf(optionalFetchContent);
    subdirectories = List.copyOf(subdirectories);
    vcpkgDependencies = List.copyOf(vcpkgDependencies);
    conanRequires = List.copyOf(conanRequires);
    presets = List.copyOf(presets);
  }

  /**
   * A {@code find_package} call; {@code conditional} when a condition nixmigrate cannot decide
   * guards it.
   */
  public record FindPackage(
      String name,
      String version,
      boolean required,
      List<String> components,
      boolean conditional,
      String file,
      int line) {
    public FindPackage {
      components = List.copyOf(components);
    }
  }

  /**
   * A {@code FetchContent_Declare} or {@code ExternalProject_Add}: network at configure/build time.
   */
  public record FetchedDependency(String name, String kind, String source, String file, int line) {}
}
