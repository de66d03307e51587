package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code .github/dependabot.yml}: updates for what nixmigrate pins. From step 1 the actions its
 * workflows pin to commits and each project's manifests; from step 3 the flake's inputs in {@code
 * flake.lock} and the dev container's features. The ecosystems are those of SchemaStore's
 * dependabot-2.0 schema ({@code nix} since April 2026, {@code uv} since March 2025).
 */
public final class DependabotGenerator implements Generator {
  public static final String PATH = ".github/dependabot.yml";

  /** Where Renovate looks for its configuration (Renovate's docs, "Configuration options"). */
  static final List<String> RENOVATE =
      List.of(
          "renovate.json",
          "renovate.json5",
          ".github/renovate.json",
          ".github/renovate.json5",
          ".gitlab/renovate.json",
          ".gitlab/renovate.json5",
          ".renovaterc",
          ".renovaterc.json",
          ".renovaterc.json5");

  private static final String DEVCONTAINER = ".devcontainer/devcontainer.json";

  @Override
  public String purpose() {
    return "Dependabot's updates of the pinned actions, the manifests and flake.lock";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "dependabot";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "updates of the pinned actions and of each project's dependencies"),
        new Part(3, "updates of flake.lock's inputs and the dev container's features"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (!options.dependabot()) {
      return List.of();
    }
    Optional<String> renovate = RENOVATE.stream().filter(f -> exists(facts, f)).findFirst();
    if (renovate.isPresent()) {
      return renovate(facts, renovate.get(), targetStep, ctx);
    }
    if (CiTarget.of(facts, options) == CiService.GITLAB) {
      return List.of();
    }
    if (exists(facts, ".github/dependabot.yaml")) {
      ctx.warnings()
          .add(
              ".github/dependabot.yaml",
              "is yours, so nixmigrate writes no "
                  + PATH
                  + "; add the ecosystems you want (github-actions, and nix for flake.lock)");
      return List.of();
    }
    // Ecosystem and folder; sorted, so the file is the same on every run.
    TreeSet<String> updates = new TreeSet<>();
    updates.add("github-actions\t/");
    for (Project p : facts.projects()) {
      String dir = p.path().equals(".") ? "/" : "/" + p.path();
      if (p.rust().isPresent()) {
        updates.add("cargo\t" + dir);
      }
      p.python()
          .ifPresent(
              py ->
                  updates.add(
                      (py.packageManager() == PythonProject.PackageManager.UV ? "uv" : "pip")
                          + "\t"
                          + dir));
    }
    if (targetStep >= 3) {
      updates.add("nix\t/");
      if (ctx.writes(DEVCONTAINER) || exists(facts, DEVCONTAINER)) {
        updates.add("devcontainers\t/");
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    TreeSet<String> ecosystems = new TreeSet<>();
    for (String u : updates) {
      String[] parts = u.split("\t", 2);
      ecosystems.add(parts[0]);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("ecosystem", parts[0]);
      row.put("directory", Escape.yamlScalar(parts[1]));
      rows.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", Generator.header(1, "CI-defined builds"));
    model.put("covers", covers(ecosystems));
    model.put("updates", rows);
    String text = ctx.templates().render("step1/dependabot.yml.ftl", model);
    return List.of(new GeneratedFile(PATH, text, 1, name(), GeneratedFile.Mode.WHOLE));
  }

  /** What the updates cover, in words, for the file's opening comment. */
  private static List<String> covers(TreeSet<String> ecosystems) {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("github-actions", "the actions the workflows pin to commits");
    words.put("cargo", "Cargo dependencies");
    words.put("pip", "Python dependencies");
    words.put("uv", "Python dependencies and uv.lock");
    words.put("nix", "the inputs flake.lock pins");
    words.put("devcontainers", "the dev container's features");
    return words.entrySet().stream()
        .filter(e -> ecosystems.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * A repository that uses Renovate gets no Dependabot file. Renovate's github-actions manager
   * updates the pinned actions by itself; its nix manager, which updates flake.lock, is off by
   * default, so from step 3 a JSON configuration gets the minimal edit that turns it on (made with
   * --edit-existing, as for any file of the user's), and any other is named in a warning.
   */
  private List<GeneratedFile> renovate(
      RepoFacts facts, String config, int targetStep, Context ctx) {
    String said =
        "Renovate keeps this repository's dependencies up to date, so nixmigrate writes no "
            + PATH
            + "; Renovate's github-actions manager updates the pinned actions";
    if (targetStep < 3) {
      ctx.warnings().add(config, said);
      return List.of();
    }
    if (config.endsWith(".json5")) {
      ctx.warnings()
          .add(
              config,
              said
                  + ". Its nix manager, which updates flake.lock, is off until you add"
                  + " \"nix\": {\"enabled\": true}: nixmigrate does not edit JSON5");
      return List.of();
    }
    String text;
    try {
      text =
          dev.nixmigrate.core.internal.read.ManifestText.read(facts.root().resolve(config), config);
    } catch (dev.nixmigrate.core.internal.read.ManifestException e) {
      ctx.warnings().add(config, said + "; the file cannot be read: " + e.getMessage());
      return List.of();
    }
    RenovateNixEdit.Result r = RenovateNixEdit.edit(text, config);
    if (r.edited()) {
      return List.of(GeneratedFile.edit(config, r.text(), 3, name(), RenovateNixEdit.NOTE));
    }
    if (r.whyNot() != null) {
      ctx.warnings()
          .add(config, said + "; its nix manager is not turned on: the file " + r.whyNot());
    }
    return List.of();
  }

  /** Whether the repository has a Renovate configuration in one of the places Renovate reads. */
  public static boolean usesRenovate(RepoFacts facts) {
    return RENOVATE.stream().anyMatch(f -> exists(facts, f));
  }

  private static boolean exists(RepoFacts facts, String rel) {
    return Files.isRegularFile(facts.root().resolve(rel), LinkOption.NOFOLLOW_LINKS);
  }
}
