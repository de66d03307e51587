package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: {@code nix/nix.conf}, {@code nix/machines} and the migration notes ({@code
 * docs/nix-migration.md}, or where git will add them).
 */
public final class CacheConfigGenerator implements Generator {
  @Override
  public String purpose() {
    return "the binary cache and remote builders, and notes on each step";
  }

  @Override
  public List<String> paths() {
    List<String> out = new ArrayList<>(List.of("nix/nix.conf", "nix/machines"));
    out.addAll(NOTES);
    return out;
  }

  @Override
  public String name() {
    return "binary-cache";
  }

  private static final java.util.regex.Pattern PLAIN_PATH =
      java.util.regex.Pattern.compile("[A-Za-z0-9._/-]+");

  /**
   * Where the migration notes go: the first of these that the repository's ignore rules let git add
   * (a {@code docs/} folder may be a build output the repository ignores).
   */
  static final List<String> NOTES =
      List.of("docs/nix-migration.md", "nix/MIGRATION.md", "NIX-MIGRATION.md");

  /** The notes' path in this repository: the first of {@link #NOTES} git would add. */
  static String notes(RepoFacts facts) {
    return NOTES.stream()
        .filter(p -> dev.nixmigrate.core.RepoScanner.ignoredBy(facts.root(), p).isEmpty())
        .findFirst()
        .orElse(NOTES.get(0));
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(5, "the binary cache and remote builders for Nix, and the migration notes"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    String header = Generator.header(5, "Remote builders and binary cache");
    BinaryCache cache = options.binaryCache();
    if (cache.isNone()) {
      ctx.warnings()
          .add("nix/nix.conf", "no binary cache chosen; pass --binary-cache to configure one");
    } else if (options.cachePublicKey() == null) {
      ctx.warnings()
          .add(
              "nix/nix.conf",
              "no --cache-public-key given; Nix will not trust the cache's"
                  + " signatures until extra-trusted-public-keys names its key");
    }
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("header", header);
    conf.put("substituter", cache.substituter());
    conf.put("publicKey", options.cachePublicKey() == null ? "" : options.cachePublicKey());
    conf.put("builders", !options.builders().isEmpty());
    List<GeneratedFile> out = new ArrayList<>();
    out.add(file("nix/nix.conf", ctx.templates().render("step5/nix.conf.ftl", conf)));
    if (!options.builders().isEmpty()) {
      out.add(
          file(
              "nix/machines",
              ctx.templates()
                  .render(
                      "step5/machines.ftl",
                      Map.of("header", header, "builders", options.builders()))));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("header", header);
    doc.put("name", DevShellPlanner.repositoryName(facts));
    doc.put("cacheKind", cache.kind());
    doc.put("cacheName", cache.name());
    doc.put("cacheSecret", NixWorkflowGenerator.secrets(cache));
    doc.put("cacheSubstituter", cache.substituter());
    doc.put(
        "cacheStore",
        cache.provider() == dev.nixmigrate.generators.BinaryCache.Provider.S3
            ? cache.storeUri()
            : "");
    doc.put("ci", dev.nixmigrate.generators.internal.ci.CiTarget.of(facts, options).id());
    doc.put("hasBuilders", !options.builders().isEmpty());
    doc.put("environments", DevEnvironments.rows(facts, options, ctx));
    doc.put("overridden", DevEnvironments.overridden(options));
    doc.put("lockUpdates", lockUpdates(facts, ctx));
    doc.put("libraryPath", DevShellPlanner.setsLibraryPath(facts));
    // The notes name themselves too: they are one of step 5's files.
    List<GeneratedFile> mine = new ArrayList<>(out);
    String notes = notes(facts);
    mine.add(file(notes, ""));
    doc.put("steps", rows(ctx, mine));
    out.add(file(notes, ctx.templates().render("step5/nix-migration.md.ftl", doc)));
    return out;
  }

  /**
   * One row a step: what this run writes for it, read from the files the generators produced (the
   * step's own files, or the edits of the user's that wait for --edit-existing), or that the
   * repository did it with files of its own.
   */
  private static List<Map<String, Object>> rows(Context ctx, List<GeneratedFile> own) {
    List<GeneratedFile> all = new ArrayList<>(ctx.produced());
    all.addAll(own);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MigrationStep s : ctx.catalog().steps().all()) {
      java.util.Set<String> writers = ctx.catalog().generatorsOf(s.number()).keySet();
      List<String> what = new ArrayList<>();
      for (GeneratedFile f : all) {
        // A step's work is in the files of the generators that write for it, its own or an
        // earlier step's (step 2's caches are in step 1's workflow).
        boolean forThisStep =
            f.mode() == GeneratedFile.Mode.WHOLE
                ? writers.contains(f.generator())
                : f.step() == s.number();
        if (!forThisStep) {
          continue;
        }
        // A file of the user's is named by the repository: only a plain path is quoted into the
        // Markdown, so that no name can close the code span or the table cell.
        String path =
            PLAIN_PATH.matcher(f.path()).matches() ? "`" + f.path() + "`" : "a file of yours";
        switch (f.mode()) {
          case WHOLE -> what.add(ctx.selection().usersOwn(f.path()) ? null : path);
          case LINES -> what.add(path + " (the lines it lacks)");
          case EDIT -> what.add(path + " (yours: the edit --edit-existing makes)");
        }
      }
      what.removeIf(java.util.Objects::isNull);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", s.number());
      row.put("name", s.name());
      row.put(
          "adds",
          what.isEmpty()
              ? ctx.selection().includes(s.number())
                  ? "nothing here"
                  : "nothing: the repository's own files do it"
              : String.join(", ", what.stream().distinct().sorted().toList()));
      row.put("costs", s.costs());
      row.put("saves", s.saves());
      rows.add(row);
    }
    return rows;
  }

  /** What keeps flake.lock's inputs current, judged from the files this run writes. */
  private static String lockUpdates(RepoFacts facts, Context ctx) {
    java.util.Set<String> paths = new java.util.HashSet<>();
    ctx.produced().forEach(f -> paths.add(f.path()));
    if (dev.nixmigrate.generators.internal.ci.DependabotGenerator.usesRenovate(facts)) {
      return "Renovate moves its inputs in its weekly lock file maintenance once its nix manager"
          + " and lock file maintenance are on (`\"nix\": {\"enabled\": true}` and"
          + " `\"lockFileMaintenance\": {\"enabled\": true}`; step 3 makes that edit of Renovate's"
          + " configuration with --edit-existing).";
    }
    if (paths.contains(GitLabNixGenerator.PATH)) {
      return "The `nix-flake-update` job in `"
          + GitLabNixGenerator.PATH
          + "` runs `nix flake update` in a scheduled pipeline and opens a merge request from `"
          + GitLabNixGenerator.UPDATE_BRANCH
          + "` when an input moved. Turn it on once: add a pipeline schedule (Build > Pipeline"
          + " schedules, weekly) with the variable `NIXMIGRATE_FLAKE_UPDATE` set to `true`, and"
          + " the CI/CD variable `NIXMIGRATE_FLAKE_UPDATE_TOKEN`, masked and protected: a token with"
          + " the `write_repository` scope (a project access token with the Developer role, which"
          + " GitLab.com gives on Premium, or a group or personal access token).";
    }
    if (paths.contains(dev.nixmigrate.generators.internal.ci.DependabotGenerator.PATH)) {
      return "Dependabot's `nix` updates in `"
          + dev.nixmigrate.generators.internal.ci.DependabotGenerator.PATH
          + "` open a pull request when an input moves.";
    }
    return "Nothing here updates it by itself: run `nix flake update` now and then, and commit"
        + " the new `flake.lock` after `nix flake check` passes.";
  }

  private GeneratedFile file(String path, String text) {
    return new GeneratedFile(path, text, 5, name(), GeneratedFile.Mode.WHOLE);
  }
}
