package dev.nixmigrate.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a Python project's manifests say.
 *
 * @param name distribution name, or null when only a build script knows it
 * @param version static version, or null when dynamic or unknown
 * @param dynamicVersion true when the version is computed at build time
 * @param buildBackend the build backend, {@link BuildBackend#NONE} when there is nothing to build
 * @param buildBackendObject the {@code build-backend} string as written, or empty
 * @param buildRequires {@code build-system.requires}
 * @param packageManager the tool that installs the project's environment
 * @param locked the package manager's lock file ({@code uv.lock}, {@code poetry.lock}, {@code
 *     pdm.lock}) is in the project's folder
 * @param requiresPython a PEP 440 specifier set, or empty when unconstrained
 * @param requiresPythonSource the file that set it
 * @param dependencies runtime dependencies
 * @param optionalDependencies extras, sorted by name
 * @param dependencyGroups PEP 735 and Poetry groups, sorted by name
 * @param testRunner what runs the tests, {@link TestRunner#NONE} when there are none
 * @param testScript the project's own script that runs its tests the way upstream CI does (such as
 *     {@code scripts/test.sh}, which may set the environment the tests expect), relative to the
 *     project, or null
 * @param nativeParts {@code rust} (maturin) or {@code cmake}/{@code meson} (C/C++ extension
 *     backends)
 * @param requirementFiles requirements*.txt files, and the test requirements kept elsewhere ({@code
 *     tests/requirements.txt}, {@code test-requirements.txt}), with the role nixmigrate gave each
 * @param windowsClassifier whether its classifiers name Windows ({@code Operating System ::
 *     Microsoft :: Windows}), so that its CI also tests on Windows
 */
public record PythonProject(
    String name,
    String version,
    boolean dynamicVersion,
    BuildBackend buildBackend,
    String buildBackendObject,
    List<Requirement> buildRequires,
    PackageManager packageManager,
    boolean locked,
    String requiresPython,
    String requiresPythonSource,
    List<Requirement> dependencies,
    Map<String, List<Requirement>> optionalDependencies,
    Map<String, List<Requirement>> dependencyGroups,
    TestRunner testRunner,
    String testScript,
    List<String> nativeParts,
    List<RequirementFile> requirementFiles,
    boolean tox,
    String noxSession,
    boolean windowsClassifier) {

  public PythonProject {
    Objects.requireNonNull(buildBackend, "buildBackend");
    Objects.requireNonNull(packageManager, "packageManager");
    Objects.requireNonNull(testRunner, "testRunner");
    buildRequires = List.copyOf(buildRequires);
    dependencies = List.copyOf(dependencies);
    optionalDependencies = Collections.unmodifiableSortedMap(new TreeMap<>(optionalDependencies));
    dependencyGroups = Collections.unmodifiableSortedMap(new TreeMap<>(dependencyGroups));
    nativeParts = List.copyOf(nativeParts);
    requirementFiles = List.copyOf(requirementFiles);
  }

  /**
   * A requirements file and what it is for: {@code runtime}, {@code dev}, {@code test} (what the
   * tests need) or {@code build}.
   */
  public record RequirementFile(String path, String role, List<Requirement> requirements) {
    public RequirementFile {
      requirements = List.copyOf(requirements);
    }
  }

  /** The tool that manages the project's environment; {@link #id()} is how JSON names it. */
  public enum PackageManager implements Vocabulary {
    UV,
    POETRY,
    PDM,
    HATCH,
    PIP;
  }

  /** What runs the tests; {@link #id()} is how JSON names it. */
  public enum TestRunner implements Vocabulary {
    PYTEST,
    UNITTEST,
    /** The project has no tests nixmigrate found. */
    NONE;
  }

  /**
   * A PEP 517 build backend, by the short name JSON gives it ({@link #id()}), with the distribution
   * that provides it and the {@code build-backend} objects that name it.
   */
  public enum BuildBackend {
    HATCHLING("hatchling", "hatchling", "hatchling.build"),
    SETUPTOOLS(
        "setuptools", "setuptools", "setuptools.build_meta", "setuptools.build_meta:__legacy__"),
    POETRY_CORE("poetry-core", "poetry-core", "poetry.core.masonry.api", "poetry.masonry.api"),
    PDM_BACKEND("pdm-backend", "pdm-backend", "pdm.backend", "pdm.pep517.api"),
    FLIT_CORE("flit_core", "flit-core", "flit_core.buildapi", "flit.buildapi"),
    MATURIN("maturin", "maturin", "maturin"),
    SCIKIT_BUILD_CORE("scikit-build-core", "scikit-build-core", "scikit_build_core.build"),
    MESONPY("mesonpy", "meson-python", "mesonpy"),
    UV_BUILD("uv_build", "uv-build", "uv_build"),
    /** A backend nixmigrate does not know. */
    OTHER("other", ""),
    /** Nothing builds the project: no pyproject build-system and no setup.py. */
    NONE("none", "");

    private final String id;
    private final String distribution;
    private final List<String> objects;

    BuildBackend(String id, String distribution, String... objects) {
      this.id = id;
      this.distribution = distribution;
      this.objects = List.of(objects);
    }

    public String id() {
      return id;
    }

    /** The PEP 503 name of the distribution that provides it, or empty for OTHER and NONE. */
    public String distribution() {
      return distribution;
    }

    /** The backend a {@code build-backend} string names. */
    public static Optional<BuildBackend> byObject(String object) {
      return Arrays.stream(values()).filter(b -> b.objects.contains(object)).findFirst();
    }

    /** The backend a distribution ({@code flit-core}) provides. */
    public static Optional<BuildBackend> byDistribution(String normalizedName) {
      return Arrays.stream(values())
          .filter(b -> !b.distribution.isEmpty() && b.distribution.equals(normalizedName))
          .findFirst();
    }
  }
}
