package dev.nixmigrate.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Python project's manifests say.
 *
 * @param name distribution name, or null when only a build script knows it
 * @param version static version, or null when dynamic or unknown
 * @param dynamicVersion true when the version is computed at build time
 * @param buildBackend the backend's short name ({@code hatchling}, {@code setuptools}, ... or
 *     {@code none})
 * @param buildBackendObject the {@code build-backend} string as written, or empty
 * @param buildRequires {@code build-system.requires}
 * @param packageManager {@code uv}, {@code poetry}, {@code pdm}, {@code hatch} or {@code pip}
 * @param locked the package manager's lock file ({@code uv.lock}, {@code poetry.lock}, {@code
 *     pdm.lock}) is in the project's folder
 * @param requiresPython a PEP 440 specifier set, or empty when unconstrained
 * @param requiresPythonSource the file that set it
 * @param dependencies runtime dependencies
 * @param optionalDependencies extras, sorted by name
 * @param dependencyGroups PEP 735 and Poetry groups, sorted by name
 * @param testRunner {@code pytest}, {@code unittest} or null
 * @param testScript the project's own script that runs its tests the way upstream CI does (such as
 *     {@code scripts/test.sh}, which may set the environment the tests expect), relative to the
 *     project, or null
 * @param nativeParts {@code rust} (maturin) or {@code cmake}/{@code meson} (C/C++ extension
 *     backends)
 * @param requirementFiles requirements*.txt files and the role nixmigrate gave each
 */
public record PythonProject(
    String name,
    String version,
    boolean dynamicVersion,
    String buildBackend,
    String buildBackendObject,
    List<Requirement> buildRequires,
    String packageManager,
    boolean locked,
    String requiresPython,
    String requiresPythonSource,
    List<Requirement> dependencies,
    Map<String, List<Requirement>> optionalDependencies,
    Map<String, List<Requirement>> dependencyGroups,
    String testRunner,
    String testScript,
    List<String> nativeParts,
    List<RequirementFile> requirementFiles) {

  public PythonProject {
    buildRequires = List.copyOf(buildRequires);
    dependencies = List.copyOf(dependencies);
    optionalDependencies = Collections.unmodifiableSortedMap(new TreeMap<>(optionalDependencies));
    dependencyGroups = Collections.unmodifiableSortedMap(new TreeMap<>(dependencyGroups));
    nativeParts = List.copyOf(nativeParts);
    requirementFiles = List.copyOf(requirementFiles);
  }

  /** A requirements file and what it is for: {@code runtime}, {@code dev} or {@code build}. */
  public record RequirementFile(String path, String role, List<Requirement> requirements) {
    public RequirementFile {
      requirements = List.copyOf(requirements);
    }
  }
}
