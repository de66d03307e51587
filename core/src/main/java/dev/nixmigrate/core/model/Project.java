package dev.nixmigrate.core.model;

import java.util.List;
import java.util.Optional;

/**
 * One buildable project in the repository. A directory whose manifests describe several languages
 * (a maturin package beside its crate) is one project with several parts.
 *
 * @param path directory relative to the repository root, {@code .} for the root
 * @param name the best name the manifests give
 * @param languages the languages it builds, in {@link Language} order
 * @param otherBuilds other build systems seen ({@code meson}, {@code make})
 * @param nixPackages mapped nixpkgs attributes, sorted by attribute
 * @param nativeBuild the meson or Makefile build, for a project no other manifest describes
 */
public record Project(
    String path,
    String name,
    List<Language> languages,
    Optional<PythonProject> python,
    Optional<RustProject> rust,
    Optional<CMakeProject> cmake,
    List<String> otherBuilds,
    List<NixPackage> nixPackages,
    Optional<NativeBuild> nativeBuild) {

  public Project {
    languages = List.copyOf(languages);
    otherBuilds = List.copyOf(otherBuilds);
    nixPackages = List.copyOf(nixPackages);
  }
}
