package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code justfile}: recipes holding exactly the commands CI runs (step 1; cache settings from step
 * 2).
 */
public final class JustfileGenerator implements Generator {
  /** A recipe: its signature line ({@code test-rust: build-rust}), comment and body lines. */
  public record Recipe(String signature, String doc, List<String> lines) {}

  /** An aggregate recipe such as {@code test project="all":}. */
  public record Aggregate(String signature, String doc, List<String> lines) {}

  @Override
  public String purpose() {
    return "CI's commands, to run locally (`just test`)";
  }

  @Override
  public List<String> paths() {
    return List.of("justfile");
  }

  @Override
  public String name() {
    return "justfile";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "a recipe for each command CI runs"),
        new Part(2, "the compiler cache in the build recipes' environment"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    List<ProjectCommands> projects = CommandPlanner.plan(facts);
    if (projects.isEmpty()) {
      return List.of();
    }
    boolean single = projects.size() == 1;
    List<Recipe> recipes = new ArrayList<>();
    Map<String, List<String>> byVerb = new LinkedHashMap<>();
    for (String verb : List.of("build", "test", "lint", "fmt")) {
      byVerb.put(verb, new ArrayList<>());
    }
    for (ProjectCommands c : projects) {
      String suffix = single ? "" : "-" + c.id();
      List<String> build = new ArrayList<>(c.setup());
      build.addAll(c.build());
      add(recipes, byVerb, "build", suffix, "Build " + c.id() + " (" + c.dir() + ")", c, build, "");
      String needsBuild = c.kind().equals("rust") ? "" : " build" + suffix;
      add(recipes, byVerb, "test", suffix, "Run " + c.id() + "'s tests", c, c.test(), needsBuild);
      add(
          recipes,
          byVerb,
          "lint",
          suffix,
          "Check " + c.id() + " without changing it",
          c,
          c.lint(),
          "");
      add(recipes, byVerb, "fmt", suffix, "Format " + c.id(), c, c.fmt(), "");
      if (c.kind().equals("rust")) {
        RustProject rs = project(facts, c).rust().orElseThrow();
        if (rs.rustVersion() != null) {
          recipes.add(
              new Recipe(
                  "msrv" + suffix + ":",
                  "Check "
                      + c.id()
                      + " with its minimum supported Rust, on the newest dependencies that"
                      + " support it",
                  MsrvCheck.recipe(rs, c.dir()).stream()
                      .map(JustfileGenerator::justLine)
                      .toList()));
        }
        if (!c.artifacts().isEmpty()) {
          recipes.add(
              recipe(
                  "release" + suffix,
                  "Build " + c.id() + "'s release binaries",
                  c,
                  WorkflowPlanner.releaseCommands(rs),
                  ""));
        }
      }
    }
    List<Aggregate> aggregates = new ArrayList<>();
    if (!single) {
      for (Map.Entry<String, List<String>> e : byVerb.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        String verb = e.getKey();
        String all = String.join(" ", e.getValue());
        aggregates.add(
            new Aggregate(
                verb + " project=\"all\":",
                verbDoc(verb) + " every project, or the one named",
                List.of(
                    "just {{ if project == \"all\" { \""
                        + all
                        + "\" } else { \""
                        + verb
                        + "-\" + project } }}")));
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", Generator.header(1, "CI-defined builds"));
    // The CI generators run first: they have produced their jobs when nixmigrate writes them.
    // The text is the same for every CI service: the justfile does not depend on the choice.
    model.put(
        "writesCi", ctx.writes(WorkflowGenerator.PATH) || ctx.writes(GitLabBuildGenerator.PATH));
    model.put("projects", projects);
    model.put("exports", exports(facts, options, targetStep));
    model.put("aggregates", aggregates);
    model.put("recipes", recipes);
    String text = ctx.templates().render("step1/justfile.ftl", model);
    return List.of(new GeneratedFile("justfile", text, 1, name(), GeneratedFile.Mode.WHOLE));
  }

  private static String verbDoc(String verb) {
    return switch (verb) {
      case "build" -> "Build";
      case "test" -> "Test";
      case "lint" -> "Lint";
      default -> "Format";
    };
  }

  private static Project project(RepoFacts facts, ProjectCommands c) {
    return facts.projects().stream()
        .filter(p -> p.path().equals(c.dir()))
        .findFirst()
        .orElseThrow();
  }

  private static void add(
      List<Recipe> recipes,
      Map<String, List<String>> byVerb,
      String verb,
      String suffix,
      String doc,
      ProjectCommands c,
      List<String> commands,
      String deps) {
    if (commands.isEmpty()) {
      return;
    }
    recipes.add(recipe(verb + suffix, doc, c, commands, deps));
    byVerb.get(verb).add(verb + suffix);
  }

  private static Recipe recipe(
      String name, String doc, ProjectCommands c, List<String> commands, String deps) {
    String cd = c.dir().equals(".") ? "" : "cd " + Escape.shellWord(c.dir()) + " && ";
    List<String> lines = commands.stream().map(cmd -> justLine(cd + cmd)).toList();
    return new Recipe(name + ":" + deps, doc, lines);
  }

  /** A line of a recipe body: just reads {@code {{} as interpolation, so a literal one is doubled. */
  static String justLine(String s) {
    return s.replace("{{", "{{{{");
  }

  /** Step 2 locally: the cache tools when they are installed, nothing when they are not. */
  private static List<KeyValue> exports(RepoFacts facts, Options options, int step) {
    List<KeyValue> out = new ArrayList<>();
    if (step < 2) {
      return out;
    }
    boolean rust = facts.projects().stream().anyMatch(p -> p.rust().isPresent());
    boolean cmake = facts.projects().stream().anyMatch(p -> p.cmake().isPresent());
    boolean meson =
        facts.projects().stream()
            .anyMatch(p -> p.nativeBuild().map(b -> b.system().equals("meson")).orElse(false));
    boolean make =
        facts.projects().stream()
            .anyMatch(p -> p.nativeBuild().map(b -> b.system().equals("make")).orElse(false));
    CompilerCache cache = options.cCompilerCache();
    if (rust) {
      out.add(new KeyValue("CARGO_INCREMENTAL", "\"0\""));
      // An empty RUSTC_WRAPPER is ignored by cargo, so machines without sccache still build.
      out.add(new KeyValue("RUSTC_WRAPPER", "`command -v sccache || true`"));
    }
    if (cmake) {
      out.add(
          new KeyValue(
              "CMAKE_C_COMPILER_LAUNCHER", "`command -v " + cache.command() + " || true`"));
      out.add(
          new KeyValue(
              "CMAKE_CXX_COMPILER_LAUNCHER", "`command -v " + cache.command() + " || true`"));
    }
    if (make && cache == CompilerCache.CCACHE) {
      // Makefiles name their compiler (CC=gcc); ccache's links named like the compilers go first.
      out.add(
          new KeyValue(
              "PATH",
              "\"" + String.join(":", CompilerCaches.CCACHE_LINK_FOLDERS) + ":\" + env(\"PATH\")"));
    }
    // meson uses ccache or sccache by itself when it is installed.
    if (cmake || meson || (make && cache == CompilerCache.CCACHE)) {
      if (cache == CompilerCache.CCACHE) {
        // ccache makes paths below base_dir relative to the build folder, so the checkout's own
        // root gives the same paths wherever a checkout is (CI uses github.workspace alike).
        out.add(new KeyValue("CCACHE_BASEDIR", "env(\"CCACHE_BASEDIR\", justfile_directory())"));
        out.add(new KeyValue("CCACHE_NOHASHDIR", "\"1\""));
      }
    }
    return out;
  }
}
