package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlFields;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.PythonProject.BuildBackend;
import dev.nixmigrate.core.model.PythonProject.PackageManager;
import dev.nixmigrate.core.model.PythonProject.TestRunner;
import dev.nixmigrate.core.model.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a directory's Python manifests (pyproject.toml, setup.cfg, setup.py, requirements*.txt,
 * .python-version) into a {@link PythonProject}. setup.py is read as text, never run.
 */
public final class PythonReader {
  /** Python manifest file names that make a directory worth reading. */
  public static boolean isManifest(String name) {
    return name.equals("pyproject.toml")
        || name.equals("setup.py")
        || name.equals("setup.cfg")
        || isRequirementsFile(name);
  }

  /**
   * Where a packaged project keeps what its tests need, besides {@code requirements*.txt} beside
   * its manifest.
   */
  static final List<String> TEST_REQUIREMENTS =
      List.of(
          "test-requirements.txt",
          "test_requirements.txt",
          "tests/requirements.txt",
          "test/requirements.txt",
          "requirements/test.txt",
          "requirements/tests.txt",
          "requirements/testing.txt");

  static boolean isRequirementsFile(String name) {
    return name.startsWith("requirements") && name.endsWith(".txt");
  }

  private final RepoFiles files;
  private final TomlFields fields;
  private final String dir;
  private final List<String> names;

  private PythonReader(RepoFiles files, String dir, List<String> names) {
    this.files = files;
    this.fields = new TomlFields(files);
    this.dir = dir;
    this.names = names;
  }

  /**
   * Reads the Python project in {@code dir}, whose entries are {@code names}; empty when the
   * directory's Python files do not describe an installable project or application.
   */
  public static Optional<PythonProject> read(RepoFiles files, String dir, List<String> names) {
    return new PythonReader(files, dir, names).read();
  }

  private String path(String name) {
    return RepoFiles.join(dir, name);
  }

  private Optional<PythonProject> read() {
    TomlDoc py =
        names.contains("pyproject.toml") ? files.toml(path("pyproject.toml")).orElse(null) : null;
    boolean pyprojectBroken = names.contains("pyproject.toml") && py == null;
    SimpleIni cfg =
        names.contains("setup.cfg")
            ? files.text(path("setup.cfg")).map(SimpleIni::parse).orElse(null)
            : null;
    if (cfg != null) {
      for (SimpleIni.Problem problem : cfg.problems()) {
        files.report(
            Diagnostic.warning(
                path("setup.cfg"),
                problem.line(),
                1,
                "this line is "
                    + problem.message()
                    + "; it is ignored, but setuptools' configparser would refuse the file"));
      }
    }
    String setupPy = names.contains("setup.py") ? files.text(path("setup.py")).orElse(null) : null;
    List<String> reqFiles = names.stream().filter(PythonReader::isRequirementsFile).toList();

    TomlDoc project = py == null ? null : fields.table(py, true, "project");
    TomlDoc poetry = py == null ? null : py.table("tool", "poetry");
    boolean hasSetup = setupPy != null || (cfg != null && cfg.hasSection("metadata"));
    boolean hasMetadata = project != null || (poetry != null && poetry.has("name")) || hasSetup;
    if (pyprojectBroken) {
      return Optional.empty();
    }
    if (!hasMetadata) {
      if (py != null) {
        files.report(
            Diagnostic.info(
                path("pyproject.toml"),
                1,
                1,
                "no [project] table and no setup.py: tool configuration only, not a package"));
        return Optional.empty();
      }
      boolean sources = dir.equals(".") || names.stream().anyMatch(n -> n.endsWith(".py"));
      if (reqFiles.isEmpty() || !sources) {
        if (!reqFiles.isEmpty()) {
          files.report(
              Diagnostic.info(
                  path(reqFiles.get(0)),
                  1,
                  1,
                  "requirements for tooling (no Python sources beside it), not a project"));
        }
        return Optional.empty();
      }
    }

    String name = null;
    String version = null;
    boolean dynamicVersion = false;
    String requiresPython = "";
    String requiresSource = "";
    List<Requirement> deps = new ArrayList<>();
    Map<String, List<Requirement>> extras = new TreeMap<>();
    Map<String, List<Requirement>> groups = new TreeMap<>();

    if (project != null) {
      String file = path("pyproject.toml");
      name = tomlChecked(project, FieldRule.PYTHON_NAME, "name");
      version = tomlChecked(project, FieldRule.PYTHON_VERSION, "version");
      dynamicVersion =
          fields.strings(project, false, "dynamic").stream()
              .anyMatch(i -> i.value().equals("version"));
      String rp = tomlChecked(project, FieldRule.PYTHON_SPECIFIER, "requires-python");
      if (rp != null) {
        requiresPython = rp.strip();
        requiresSource = file;
      }
      deps.addAll(requirements(py, file, "project", "dependencies"));
      TomlDoc opt = fields.table(project, true, "optional-dependencies");
      if (opt != null) {
        for (String extra : opt.keys()) {
          if (nameChecked(opt, extra) != null) {
            extras.put(extra, requirements(py, file, "project", "optional-dependencies", extra));
          }
        }
      }
    }
    if (poetry != null) {
      PoetryReader.Result r = PoetryReader.read(poetry, path("pyproject.toml"), files);
      if (name == null) {
        name = tomlChecked(poetry, FieldRule.PYTHON_NAME, "name");
      }
      if (version == null && !dynamicVersion) {
        version = tomlChecked(poetry, FieldRule.PYTHON_VERSION, "version");
      }
      if (requiresPython.isEmpty() && !r.requiresPython().isEmpty()) {
        TomlDoc pd = poetry.table("dependencies");
        requiresPython =
            FieldRule.PYTHON_SPECIFIER.check(
                files,
                r.requiresPython(),
                pd.file(),
                pd.line("python"),
                pd.column("python"),
                pd.key("python") + " (as PEP 440)");
        requiresPython = requiresPython == null ? "" : requiresPython;
        requiresSource = path("pyproject.toml");
      }
      if (project == null) {
        deps.addAll(r.dependencies());
        extras.putAll(r.extras());
      }
      r.groups().forEach(groups::putIfAbsent);
    }
    if (py != null && fields.table(py, true, "dependency-groups") != null) {
      groups.putAll(DependencyGroups.read(py, path("pyproject.toml"), files));
    }
    if (py != null && py.table("tool", "pdm", "dev-dependencies") != null) {
      TomlDoc dev = py.table("tool", "pdm", "dev-dependencies");
      for (String g : dev.keys()) {
        groups.putIfAbsent(
            g, requirements(py, path("pyproject.toml"), "tool", "pdm", "dev-dependencies", g));
      }
    }
    if (cfg != null) {
      if (name == null) {
        name = cfgChecked(cfg, FieldRule.PYTHON_NAME, "metadata", "name");
      }
      String v = cfg.get("metadata", "version");
      if (version == null && v != null && !v.startsWith("attr:") && !v.startsWith("file:")) {
        version = cfgChecked(cfg, FieldRule.PYTHON_VERSION, "metadata", "version");
      } else if (v != null) {
        dynamicVersion = true;
      }
      if (requiresPython.isEmpty() && cfg.get("options", "python_requires") != null) {
        String rp = cfgChecked(cfg, FieldRule.PYTHON_SPECIFIER, "options", "python_requires");
        requiresPython = rp == null ? "" : rp;
        requiresSource = path("setup.cfg");
      }
      if (project == null && poetry == null) {
        deps.addAll(lines(cfg, "options", "install_requires"));
        for (String extra : cfg.section("options.extras_require").keySet()) {
          if (cfgChecked(cfg, FieldRule.PYTHON_NAME, "options.extras_require", extra, extra)
              != null) {
            extras.put(extra, lines(cfg, "options.extras_require", extra));
          }
        }
      }
    }
    // Dependencies a build step writes: a hatchling metadata hook's, else setup.py's.
    boolean dynamicDeps =
        project != null
            && project.strings("dynamic").contains("dependencies")
            && project.value("dependencies") == null;
    if (dynamicDeps && deps.isEmpty()) {
      deps.addAll(hookDependencies(py, path("pyproject.toml")));
    }
    if (setupPy != null) {
      if ((project == null && poetry == null || dynamicDeps) && deps.isEmpty()) {
        deps.addAll(setupPyRequires(setupPy));
      }
      if (name == null) {
        name = literal(setupPy, "name", FieldRule.PYTHON_NAME);
      }
      if (version == null) {
        String v = literal(setupPy, "version", FieldRule.PYTHON_VERSION);
        if (v != null) {
          version = v;
        } else if (project == null) {
          dynamicVersion = true;
        }
      }
      if (requiresPython.isEmpty()) {
        String rp = literal(setupPy, "python_requires", FieldRule.PYTHON_SPECIFIER);
        if (rp != null) {
          requiresPython = rp;
          requiresSource = path("setup.py");
        }
      }
    }
    if (requiresPython.isEmpty() && names.contains(".python-version")) {
      String pin = files.text(path(".python-version")).map(String::strip).orElse("");
      String first = pin.lines().findFirst().orElse("").strip();
      if (first.matches("\\d+\\.\\d+(\\.\\d+)?")) {
        requiresPython =
            first.chars().filter(c -> c == '.').count() == 1 ? "==" + first + ".*" : "==" + first;
        requiresSource = path(".python-version");
      }
    }

    // Build backend.
    String backendObject = "";
    List<Requirement> buildRequires = List.of();
    BuildBackend backend;
    TomlDoc bs = py == null ? null : fields.table(py, true, "build-system");
    if (bs != null) {
      String object = fields.string(bs, true, "build-backend");
      backendObject = object == null ? "" : object;
      buildRequires = requirements(py, path("pyproject.toml"), "build-system", "requires");
    }
    backend = backend(backendObject, buildRequires, bs != null, setupPy != null, bs);

    PackageManager manager = packageManager(py);
    List<PythonProject.RequirementFile> requirementFiles = new ArrayList<>();
    List<String> allReqFiles = new ArrayList<>(reqFiles);
    if (hasMetadata) {
      // What the tests need, kept beside the tests or under a name of its own.
      TEST_REQUIREMENTS.stream().filter(f -> files.isFile(path(f))).forEach(allReqFiles::add);
    }
    for (String rf : allReqFiles) {
      RequirementsFiles.Parsed parsed = RequirementsFiles.read(files, path(rf));
      String role = requirementRole(rf, parsed, hasMetadata, buildRequires);
      requirementFiles.add(
          new PythonProject.RequirementFile(path(rf), role, parsed.requirements()));
      if (role.equals("runtime") && !hasMetadata) {
        deps.addAll(parsed.requirements());
      }
    }
    if (name == null) {
      name =
          dir.equals(".")
              ? dev.nixmigrate.core.internal.scan.RepoName.of(files.root())
              : dir.substring(dir.lastIndexOf('/') + 1);
    }
    List<String> nativeParts = nativeParts(backend, buildRequires, py, setupPy);
    TestRunner testRunner = testRunner(py, cfg, deps, extras, groups, requirementFiles);
    String testScript = testRunner == TestRunner.NONE ? null : testScript();
    requiresPython = requiresPython.replaceAll("\\s+", "");
    return Optional.of(
        new PythonProject(
            name,
            version,
            dynamicVersion,
            backend,
            backendObject,
            buildRequires,
            manager,
            names.contains(manager.id() + ".lock"),
            requiresPython,
            requiresSource,
            deps,
            extras,
            groups,
            testRunner,
            testScript,
            nativeParts,
            requirementFiles,
            testRunner != TestRunner.NONE && manager == PackageManager.PIP && tox(py, cfg),
            testRunner != TestRunner.NONE && manager == PackageManager.PIP ? noxSession() : null,
            windowsClassifier(py, cfg)));
  }

  /** The trove classifier a project declares Windows support with (and its versions under it). */
  private static final String WINDOWS = "Operating System :: Microsoft :: Windows";

  /** Whether the project's classifiers (PEP 621, Poetry's or setup.cfg's) name Windows. */
  private static boolean windowsClassifier(TomlDoc py, SimpleIni cfg) {
    List<String> classifiers = new ArrayList<>();
    if (py != null) {
      classifiers.addAll(py.strings("project", "classifiers"));
      classifiers.addAll(py.strings("tool", "poetry", "classifiers"));
    }
    String block = cfg == null ? null : cfg.get("metadata", "classifiers");
    if (block != null) {
      block.lines().map(String::strip).forEach(classifiers::add);
    }
    return classifiers.stream().anyMatch(c -> c.startsWith(WINDOWS));
  }

  private List<Requirement> requirements(TomlDoc doc, String file, String... key) {
    return requirements(doc, file, java.util.function.UnaryOperator.identity(), key);
  }

  /** The requirements at {@code key}, each string first rewritten by {@code rewrite}. */
  private List<Requirement> requirements(
      TomlDoc doc, String file, java.util.function.UnaryOperator<String> rewrite, String... key) {
    List<Requirement> out = new ArrayList<>();
    for (TomlDoc.Item item : fields.strings(doc, true, key)) {
      Requirement r =
          Requirements.parse(
              files,
              rewrite.apply(item.value()),
              file,
              item.line(),
              item.column() + 1,
              "in " + doc.key(key));
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The dependencies a hatchling metadata hook writes. uv-dynamic-versioning's: its list, where a
   * version clause may be a template of the project's own version ({@code =={{ version }}}, for the
   * packages released with it); such a clause is left out, the name and the markers stay.
   * hatch-requirements-txt's: the requirements files its {@code files} names (or the older {@code
   * filename}; {@code requirements.txt} when it names none).
   */
  private List<Requirement> hookDependencies(TomlDoc doc, String file) {
    String[] key = {"tool", "hatch", "metadata", "hooks", "uv-dynamic-versioning", "dependencies"};
    List<Requirement> out = new ArrayList<>();
    String[] txt = {"tool", "hatch", "metadata", "hooks", "requirements_txt"};
    if (doc.table(txt) != null) {
      List<String> names =
          new ArrayList<>(
              fields
                  .strings(
                      doc, true, "tool", "hatch", "metadata", "hooks", "requirements_txt", "files")
                  .stream()
                  .map(TomlDoc.Item::value)
                  .toList());
      String single = fields.string(doc.table(txt), true, "filename");
      if (names.isEmpty()) {
        names.add(single != null ? single : "requirements.txt");
      }
      for (String name : names) {
        String rel = RepoFiles.normalize(path(name));
        if (rel == null || !files.isFile(rel)) {
          files.report(
              Diagnostic.warning(
                  file,
                  doc.line(txt),
                  1,
                  "hatch-requirements-txt reads "
                      + (name.matches("[A-Za-z0-9._/-]{1,200}") ? name : "a file")
                      + ", which is not a file of the repository; the project's dependencies"
                      + " from it are unknown"));
          continue;
        }
        out.addAll(RequirementsFiles.read(files, rel).requirements());
      }
    }
    out.addAll(requirements(doc, file, PythonReader::withoutTemplatedClauses, key));
    return out;
  }

  private static final Pattern REQUIREMENT_HEAD =
      Pattern.compile("\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(?:\\[[^\\]]*\\])?");

  /** A requirement without its version clauses that hold a {@code {{ }}} template. */
  static String withoutTemplatedClauses(String requirement) {
    if (!requirement.contains("{{")) {
      return requirement;
    }
    int semi = requirement.indexOf(';');
    String spec = semi < 0 ? requirement : requirement.substring(0, semi);
    String marker = semi < 0 ? "" : requirement.substring(semi);
    Matcher head = REQUIREMENT_HEAD.matcher(spec);
    if (!head.lookingAt()) {
      return requirement; // Not a requirement: the parser says why.
    }
    String clauses =
        java.util.Arrays.stream(spec.substring(head.end()).split(","))
            .filter(c -> !c.contains("{{"))
            .map(String::strip)
            .filter(c -> !c.isEmpty())
            .collect(java.util.stream.Collectors.joining(","));
    return head.group().strip() + clauses + (marker.isEmpty() ? "" : " " + marker);
  }

  private List<Requirement> lines(SimpleIni cfg, String section, String key) {
    List<Requirement> out = new ArrayList<>();
    String block = cfg.get(section, key);
    if (block == null) {
      return out;
    }
    String[] lines = block.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Requirement r =
          Requirements.parse(
              files,
              l,
              path("setup.cfg"),
              cfg.line(section, key, i),
              1,
              "in [" + section + "] " + key);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** The string at {@code key} of a TOML table when {@code rule} accepts it, else null. */
  private String tomlChecked(TomlDoc table, FieldRule rule, String key) {
    return rule.check(
        files,
        fields.string(table, true, key),
        table.file(),
        table.line(key),
        table.column(key),
        table.key(key));
  }

  /** A key of {@code table} that names something (an extra), when it is a PEP 508 name. */
  private String nameChecked(TomlDoc table, String key) {
    return FieldRule.PYTHON_NAME.check(
        files, key, table.file(), table.line(key), table.column(key), table.key(key));
  }

  private String cfgChecked(SimpleIni cfg, FieldRule rule, String section, String key) {
    return cfgChecked(cfg, rule, section, key, cfg.get(section, key));
  }

  private String cfgChecked(
      SimpleIni cfg, FieldRule rule, String section, String key, String value) {
    return rule.check(
        files, value, path("setup.cfg"), cfg.line(section, key, 0), 1, "[" + section + "] " + key);
  }

  private String literal(String setupPy, String keyword, FieldRule rule) {
    return SetupPyLiterals.string(setupPy, keyword)
        .filter(v -> !v.value().isEmpty())
        .map(
            v ->
                rule.check(files, v.value(), path("setup.py"), v.line(), v.column(), keyword + "="))
        .orElse(null);
  }

  /** setup.py's {@code install_requires}, when it is a list of strings (or names one). */
  private List<Requirement> setupPyRequires(String setupPy) {
    List<Requirement> out = new ArrayList<>();
    for (SetupPyLiterals.Located v : SetupPyLiterals.strings(setupPy, "install_requires")) {
      Requirement r =
          Requirements.parse(
              files, v.value(), path("setup.py"), v.line(), v.column(), "in install_requires");
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private BuildBackend backend(
      String object,
      List<Requirement> requires,
      boolean hasBuildSystem,
      boolean hasSetupPy,
      TomlDoc bs) {
    if (!object.isEmpty()) {
      Optional<BuildBackend> known = BuildBackend.byObject(object.strip());
      if (known.isPresent()) {
        return known.get();
      }
      for (Requirement r : requires) {
        Optional<BuildBackend> viaPackage = BuildBackend.byDistribution(r.normalizedName());
        if (viaPackage.isPresent()) {
          files.report(
              Diagnostic.info(
                  path("pyproject.toml"),
                  bs.line("build-backend"),
                  1,
                  "custom build backend '" + object + "' wraps " + viaPackage.get().id()));
          return viaPackage.get();
        }
      }
      return BuildBackend.OTHER;
    }
    // PEP 517: no build-backend means setuptools' legacy backend (setup.py).
    return hasBuildSystem || hasSetupPy ? BuildBackend.SETUPTOOLS : BuildBackend.NONE;
  }

  private PackageManager packageManager(TomlDoc py) {
    List<PackageManager> locks = new ArrayList<>();
    for (PackageManager m : LOCKING) {
      if (names.contains(m.id() + ".lock")) {
        locks.add(m);
      }
    }
    List<PackageManager> tools = new ArrayList<>();
    if (py != null) {
      for (PackageManager m : LOCKING) {
        if (py.table("tool", m.id()) != null) {
          tools.add(m);
        }
      }
      if (py.table("tool", "hatch", "envs") != null) {
        tools.add(PackageManager.HATCH);
      }
    }
    if (names.contains("hatch.toml")) {
      tools.add(PackageManager.HATCH);
    }
    if (locks.size() == 1) {
      return locks.get(0);
    }
    if (locks.size() > 1) {
      PackageManager chosen =
          locks.stream().filter(tools::contains).findFirst().orElse(locks.get(0));
      files.report(
          Diagnostic.warning(
              path(chosen.id() + ".lock"),
              1,
              1,
              "several lock files ("
                  + String.join(", ", locks.stream().map(l -> l.id() + ".lock").toList())
                  + "); nixmigrate uses "
                  + chosen.id()
                  + ". Remove the stale lock file to make this certain"));
      return chosen;
    }
    return tools.isEmpty() ? PackageManager.PIP : tools.get(0);
  }

  /** The package managers with a lock file of their own ({@code uv.lock}), in this order. */
  private static final List<PackageManager> LOCKING =
      List.of(PackageManager.UV, PackageManager.POETRY, PackageManager.PDM);

  private static String requirementRole(
      String file,
      RequirementsFiles.Parsed parsed,
      boolean packageProject,
      List<Requirement> buildRequires) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.matches("(.*/)?[^/]*test[^/]*|(.*/)?tests?/requirements[^/]*")) {
      return "test";
    }
    if (parsed.editableSelf() || lower.matches(".*(dev|test|lint|doc|ci|check|type).*")) {
      return "dev";
    }
    if (packageProject
        && !parsed.requirements().isEmpty()
        && parsed.requirements().stream()
            .allMatch(
                r ->
                    buildRequires.stream()
                        .anyMatch(b -> b.normalizedName().equals(r.normalizedName())))) {
      return "build";
    }
    return packageProject ? "dev" : "runtime";
  }

  private List<String> nativeParts(
      BuildBackend backend, List<Requirement> buildRequires, TomlDoc py, String setupPy) {
    List<String> parts = new ArrayList<>();
    boolean rust =
        backend == BuildBackend.MATURIN
            || buildRequires.stream().anyMatch(r -> r.normalizedName().equals("setuptools-rust"));
    boolean cmake =
        backend == BuildBackend.SCIKIT_BUILD_CORE
            || buildRequires.stream().anyMatch(r -> r.normalizedName().equals("scikit-build"));
    boolean meson = backend == BuildBackend.MESONPY;
    boolean c =
        buildRequires.stream().anyMatch(r -> r.normalizedName().equals("cython"))
            || (py != null && py.has("tool", "setuptools", "ext-modules"))
            || (setupPy != null && setupPy.contains("Extension("));
    if (rust) {
      parts.add("rust");
    }
    if (cmake) {
      parts.add("cmake");
    }
    if (meson) {
      parts.add("meson");
    }
    if (c && !cmake && !meson) {
      parts.add("c-extension");
    }
    return parts;
  }

  /** Where projects keep the script their CI runs the tests with. */
  private static final List<String> TEST_SCRIPTS =
      List.of("scripts/test.sh", "scripts/tests.sh", "scripts/test");

  /** A line that runs pytest or unittest (not a comment, not an echo of the word). */
  private static final java.util.regex.Pattern RUNS_TESTS =
      java.util.regex.Pattern.compile(
          "^(?:[\\w.-]+=\\S*\\s+)*(?:exec\\s+)?(?:(?:coverage run|python3?)\\s+-m\\s+)?"
              + "(?:pytest|py\\.test|unittest)(?:\\s.*)?$");

  /**
   * The project's own test script: a file under {@code scripts/} that runs pytest or unittest
   * itself, usually after setting what the tests expect (terminal width, feature switches).
   */
  /** A tox test environment's commands that run the tests. */
  private static final Pattern TOX_RUNS_TESTS =
      Pattern.compile("\\b(pytest|py\\.test|unittest|nose2|stestr|trial)\\b");

  /**
   * Whether upstream runs its tests through tox: the {@code commands} of {@code [testenv]} in
   * tox.ini, in setup.cfg beside {@code [tox:tox]}, or in pyproject.toml's {@code
   * legacy_tox_ini}/{@code env_run_base}, run a test runner.
   */
  private boolean tox(TomlDoc py, SimpleIni cfg) {
    List<String> commands = new ArrayList<>();
    if (names.contains("tox.ini")) {
      files
          .text(path("tox.ini"))
          .map(SimpleIni::parse)
          .map(ini -> ini.get("testenv", "commands"))
          .ifPresent(commands::add);
    }
    if (cfg != null && cfg.hasSection("tox:tox") && cfg.get("testenv", "commands") != null) {
      commands.add(cfg.get("testenv", "commands"));
    }
    if (py != null && py.has("tool", "tox")) {
      Object legacy = py.value("tool", "tox", "legacy_tox_ini");
      if (legacy instanceof String ini && SimpleIni.parse(ini).get("testenv", "commands") != null) {
        commands.add(SimpleIni.parse(ini).get("testenv", "commands"));
      }
      Object base = py.value("tool", "tox", "env_run_base", "commands");
      if (base != null) {
        commands.add(base.toString());
      }
    }
    return commands.stream().anyMatch(c -> TOX_RUNS_TESTS.matcher(c).find());
  }

  /** Names a nox session that runs the tests, in the order they are preferred. */
  private static final List<String> NOX_TEST_SESSIONS =
      List.of("tests", "test", "unit", "unit_tests", "pytest");

  /**
   * A {@code @nox.session} (or {@code @session}) decorator: its own line, then up to 20 lines of
   * its arguments or other decorators (each line matches one way only, and the repetition is
   * possessive, so no input backtracks), then the function it decorates.
   */
  private static final Pattern NOX_SESSION =
      Pattern.compile(
          "^@(?:nox\\.)?session\\b([^\\n]*)\\n((?:(?:[ \\t@)\\]][^\\n]*)?\\n){0,20}+)def[ \\t]+([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\(",
          Pattern.MULTILINE);

  /** A session's own name, given to the decorator as {@code name="..."}. */
  private static final Pattern NOX_NAME = Pattern.compile("\\bname\\s*=\\s*([\"'])([^\"'\\n]*)\\1");

  /**
   * The nox session upstream runs its tests with: a session of noxfile.py named as test sessions
   * are ({@link #NOX_TEST_SESSIONS}), by its decorator's {@code name=} or else its function's name,
   * read from the file's text, never run. Null when there is none.
   */
  private String noxSession() {
    if (!names.contains("noxfile.py")) {
      return null;
    }
    String text = files.text(path("noxfile.py")).orElse("");
    java.util.Set<String> sessions = new java.util.HashSet<>();
    Matcher m = NOX_SESSION.matcher(text);
    while (m.find()) {
      Matcher named = NOX_NAME.matcher(m.group(1) + "\n" + m.group(2));
      sessions.add(named.find() ? named.group(2) : m.group(3));
    }
    return NOX_TEST_SESSIONS.stream().filter(sessions::contains).findFirst().orElse(null);
  }

  private String testScript() {
    if (!names.contains("scripts")) {
      return null;
    }
    for (String s : TEST_SCRIPTS) {
      if (!files.isFile(path(s)) || java.nio.file.Files.isSymbolicLink(files.resolve(path(s)))) {
        continue;
      }
      boolean runs =
          files
              .text(path(s))
              .map(t -> t.lines().map(String::strip).anyMatch(l -> RUNS_TESTS.matcher(l).matches()))
              .orElse(false);
      if (runs) {
        return s;
      }
    }
    return null;
  }

  private TestRunner testRunner(
      TomlDoc py,
      SimpleIni cfg,
      List<Requirement> deps,
      Map<String, List<Requirement>> extras,
      Map<String, List<Requirement>> groups,
      List<PythonProject.RequirementFile> reqFiles) {
    boolean pytestConfig =
        (py != null && (py.has("tool", "pytest")))
            || names.contains("pytest.ini")
            || names.contains("conftest.py")
            || (cfg != null && cfg.hasSection("tool:pytest"));
    if (!pytestConfig && names.contains("tox.ini")) {
      pytestConfig = files.text(path("tox.ini")).map(t -> t.contains("[pytest]")).orElse(false);
    }
    if (pytestConfig) {
      return TestRunner.PYTEST;
    }
    boolean testsDir = names.contains("tests") || names.contains("test");
    if (!testsDir) {
      return TestRunner.NONE;
    }
    List<Requirement> all = new ArrayList<>(deps);
    extras.values().forEach(all::addAll);
    groups.values().forEach(all::addAll);
    reqFiles.forEach(f -> all.addAll(f.requirements()));
    return all.stream().anyMatch(r -> r.normalizedName().equals("pytest"))
        ? TestRunner.PYTEST
        : TestRunner.UNITTEST;
  }
}
