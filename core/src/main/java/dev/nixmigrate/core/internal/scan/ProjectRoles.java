package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlReader;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.LeftOut;
import dev.nixmigrate.core.model.LeftOut.Role;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which folders with manifests are the repository's projects. One below a folder named for
 * examples, tests, benchmarks, vendored code or documentation is left out with its role, as long as
 * some project remains; {@code include} and {@code exclude} globs in nixmigrate.toml decide first.
 */
public final class ProjectRoles {
  static final String SETTINGS = "nixmigrate.toml";

  private static final Map<String, Role> FOLDERS =
      Map.ofEntries(
          Map.entry("examples", Role.EXAMPLE),
          Map.entry("example", Role.EXAMPLE),
          Map.entry("samples", Role.EXAMPLE),
          Map.entry("sample", Role.EXAMPLE),
          Map.entry("demo", Role.EXAMPLE),
          Map.entry("demos", Role.EXAMPLE),
          Map.entry("tests", Role.FIXTURE),
          Map.entry("test", Role.FIXTURE),
          Map.entry("testing", Role.FIXTURE),
          Map.entry("testdata", Role.FIXTURE),
          Map.entry("test-data", Role.FIXTURE),
          Map.entry("test_data", Role.FIXTURE),
          Map.entry("fixtures", Role.FIXTURE),
          Map.entry("__fixtures__", Role.FIXTURE),
          Map.entry("bench", Role.BENCHMARK),
          Map.entry("benches", Role.BENCHMARK),
          Map.entry("benchmark", Role.BENCHMARK),
          Map.entry("benchmarks", Role.BENCHMARK),
          Map.entry("fuzz", Role.FUZZ),
          Map.entry("fuzzing", Role.FUZZ),
          Map.entry("afl-fuzz", Role.FUZZ),
          Map.entry("vendor", Role.VENDORED),
          Map.entry("vendored", Role.VENDORED),
          Map.entry("third_party", Role.VENDORED),
          Map.entry("third-party", Role.VENDORED),
          Map.entry("thirdparty", Role.VENDORED),
          Map.entry("3rdparty", Role.VENDORED),
          Map.entry("external", Role.VENDORED),
          Map.entry("extern", Role.VENDORED),
          Map.entry("subprojects", Role.VENDORED),
          Map.entry("docs", Role.DOCS),
          Map.entry("doc", Role.DOCS));

  private ProjectRoles() {}

  /** The globs of nixmigrate.toml; a bad value is an error there, and the globs are then none. */
  record Scope(List<PathMatcher> include, List<PathMatcher> exclude) {
    static final Scope NONE = new Scope(List.of(), List.of());

    static boolean matches(List<PathMatcher> globs, String path) {
      Path p = Path.of(path);
      return globs.stream().anyMatch(g -> g.matches(p));
    }
  }

  /** The facts with the projects that are not the repository's moved to {@code leftOut}. */
  public static RepoFacts classify(RepoFacts facts, RepoFiles files) {
    List<Diagnostic> diagnostics = new ArrayList<>(facts.diagnostics());
    Scope scope = scope(files, diagnostics);
    List<Project> kept = new ArrayList<>();
    List<LeftOut> left = new ArrayList<>();
    List<Project> byRole = new ArrayList<>();
    List<LeftOut> roles = new ArrayList<>();
    for (Project p : facts.projects()) {
      if (p.path().equals(".") || Scope.matches(scope.include(), p.path())) {
        kept.add(p);
      } else if (Scope.matches(scope.exclude(), p.path())) {
        left.add(new LeftOut(p.path(), p.name(), Role.EXCLUDED, SETTINGS + " excludes it"));
      } else {
        LeftOut role = role(p);
        if (role == null) {
          role = standalone(p, facts.projects());
        }
        if (role == null) {
          role = alternative(p, facts.projects(), files);
        }
        if (role == null) {
          kept.add(p);
        } else {
          byRole.add(p);
          roles.add(role);
        }
      }
    }
    if (kept.isEmpty()) {
      // Nothing but examples or fixtures: they are what there is to build.
      kept.addAll(byRole);
    } else {
      left.addAll(roles);
    }
    if (left.isEmpty() && diagnostics.size() == facts.diagnostics().size()) {
      return facts;
    }
    kept.sort((a, b) -> facts.projects().indexOf(a) - facts.projects().indexOf(b));
    return new RepoFacts(facts.root(), kept, facts.existing(), diagnostics, left);
  }

  private static LeftOut role(Project p) {
    String[] segments = p.path().split("/");
    for (int i = 0; i < segments.length; i++) {
      Role r = FOLDERS.get(segments[i].toLowerCase(Locale.ROOT));
      if (r != null) {
        String folder = String.join("/", java.util.Arrays.copyOf(segments, i + 1));
        return new LeftOut(
            p.path(),
            p.name(),
            r,
            "it is below "
                + folder
                + "/; name it in include = [...] in "
                + SETTINGS
                + " to build it too");
      }
    }
    return null;
  }

  /**
   * A CMake-only project inside another CMake project's tree. The outer project's add_subdirectory
   * graph did not reach it (or it would be part of the outer project), so the outer build does not
   * build it: it is a helper, a packaging test or a tool with a build of its own (Catch2's
   * Windows-only coverage helper in tools/misc, a Conan test_package).
   */
  private static LeftOut standalone(Project p, List<Project> all) {
    if (p.cmake().isEmpty() || p.python().isPresent() || p.rust().isPresent()) {
      return null;
    }
    for (Project outer : all) {
      if (outer != p
          && outer.cmake().isPresent()
          && (outer.path().equals(".") || p.path().startsWith(outer.path() + "/"))) {
        return new LeftOut(
            p.path(),
            p.name(),
            Role.STANDALONE,
            "a CMake project of its own inside the one at "
                + outer.path()
                + ", whose add_subdirectory calls do not reach it; name it in include = [...] in "
                + SETTINGS
                + " to build it too");
      }
    }
    return null;
  }

  /**
   * How many entries the search for a source file reads before it takes the folder for a project.
   */
  private static final int SOURCE_SEARCH_LIMIT = 5_000;

  /**
   * A CMake, meson or make project inside another project's folder whose build names a path out of
   * its folder ({@code ../..}) and whose folder holds no C or C++ source: it compiles the enclosing
   * project's sources, so it is another way to build them (lz4's build/cmake and contrib/meson
   * beside its Makefile).
   */
  private static LeftOut alternative(Project p, List<Project> all, RepoFiles files) {
    if (p.python().isPresent()
        || p.rust().isPresent()
        || (p.cmake().isEmpty() && p.nativeBuild().isEmpty())) {
      return null;
    }
    for (Project outer : all) {
      if (outer != p && (outer.path().equals(".") || p.path().startsWith(outer.path() + "/"))) {
        if (!readsAbove(p, files) || hasSources(files, p.path())) {
          return null;
        }
        return new LeftOut(
            p.path(),
            p.name(),
            Role.ALTERNATIVE,
            "its folder holds no C or C++ source, so its build compiles the sources of the project"
                + " at "
                + outer.path()
                + ": another way to build them; name it in include = [...] in "
                + SETTINGS
                + " to build it too");
      }
    }
    return null;
  }

  /** A relative path segment {@code ..} in a CMake file: between separators, quotes or spaces. */
  private static final java.util.regex.Pattern PARENT =
      java.util.regex.Pattern.compile(
          "(?:^|[/\"'\\s(}])\\.\\.(?:$|[/\"'\\s)])", java.util.regex.Pattern.MULTILINE);

  /** Whether the project's build names a path that leads out of its folder. */
  private static boolean readsAbove(Project p, RepoFiles files) {
    if (p.nativeBuild().isPresent()) {
      return p.nativeBuild().get().readsAbove() != null;
    }
    return files
        .text(RepoFiles.join(p.path(), "CMakeLists.txt"))
        .map(t -> PARENT.matcher(t).find())
        .orElse(false);
  }

  /** Whether the folder's tree holds a C or C++ file; true when it is too large to tell. */
  private static boolean hasSources(RepoFiles files, String dir) {
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(dir));
    int seen = 0;
    while (!todo.isEmpty()) {
      String d = todo.pop();
      for (String name : files.list(d)) {
        if (++seen > SOURCE_SEARCH_LIMIT) {
          return true;
        }
        String path = RepoFiles.join(d, name);
        if (ProjectAssembler.isCSource(name)) {
          return true;
        }
        if (!name.startsWith(".") && files.isDirectory(path)) {
          todo.push(path);
        }
      }
    }
    return false;
  }

  private static Scope scope(RepoFiles files, List<Diagnostic> diagnostics) {
    if (!files.isFile(SETTINGS)) {
      return Scope.NONE;
    }
    TomlDoc doc;
    try {
      doc = TomlReader.read(files.root().resolve(SETTINGS), SETTINGS);
    } catch (ManifestException e) {
      return Scope.NONE; // reported where the settings are read for a migration
    }
    List<PathMatcher> include = globs(doc, "include", diagnostics);
    List<PathMatcher> exclude = globs(doc, "exclude", diagnostics);
    return include == null || exclude == null ? Scope.NONE : new Scope(include, exclude);
  }

  /** The globs at {@code key}, or null (with an error) when they are not an array of globs. */
  private static List<PathMatcher> globs(TomlDoc doc, String key, List<Diagnostic> diagnostics) {
    if (!doc.has(key)) {
      return List.of();
    }
    List<PathMatcher> out = new ArrayList<>();
    if (doc.value(key) instanceof List<?> values
        && values.stream().allMatch(v -> v instanceof String)) {
      for (Object v : values) {
        try {
          out.add(FileSystems.getDefault().getPathMatcher("glob:" + v));
        } catch (IllegalArgumentException e) {
          diagnostics.add(
              Diagnostic.error(
                  SETTINGS,
                  doc.line(key),
                  doc.column(key),
                  key + ": '" + v + "' is not a glob (" + e.getMessage() + ")"));
          return null;
        }
      }
      return out;
    }
    diagnostics.add(
        Diagnostic.error(
            SETTINGS,
            doc.line(key),
            doc.column(key),
            key + " must be an array of folder globs, like [\"examples/*\"]"));
    return null;
  }
}
