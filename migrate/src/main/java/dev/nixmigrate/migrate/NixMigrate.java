package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.Generators;
import dev.nixmigrate.generators.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** The library's entry point: scan a repository, and plan a step (planning writes nothing). */
public final class NixMigrate {
  private NixMigrate() {}

  public static RepoFacts scan(Path repo) {
    return RepoScanner.scan(repo);
  }

  /**
   * What {@code step} would do to bring the repository at {@code repo} to {@code step} (1 to 5).
   */
  public static Plan plan(Path repo, Options options, int step) {
    return plan(repo, options, step, false);
  }

  /**
   * What {@code step} would do, decided exactly as it decides (three-way merges, files left alone),
   * without writing anything or looking at uncommitted changes.
   */
  public static Plan plan(Path repo, Options options, int step, boolean editExisting) {
    StepResult r = step(repo, options, step, true, true, editExisting);
    return new Plan(step, r.written(), r.left(), r.conflicts(), r.warnings());
  }

  /**
   * Brings the repository at {@code repo} to {@code step}: writes the plan's files, keeping the
   * user's edits (three-way merge) and leaving files nixmigrate did not write alone.
   *
   * @param dryRun decide everything, write nothing
   * @param allowDirty write even over uncommitted changes
   * @param editExisting add lines to files the user owns ({@code .gitignore})
   */
  public static StepResult step(
      Path repo,
      Options options,
      int step,
      boolean dryRun,
      boolean allowDirty,
      boolean editExisting) {
    RepoFacts facts = readable(repo, step);
    Generators.Generation gen = Generators.generate(facts, options, step);
    Settings settings = new Settings(step, options);
    return new Applier(facts.root(), allowDirty, editExisting).apply(gen, step, dryRun, settings);
  }

  /** The repository's facts, when the step is one of the five and every manifest is readable. */
  private static RepoFacts readable(Path repo, int step) {
    if (step < 1 || step > 5) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, "step must be 1 to 5, not " + step);
    }
    RepoFacts facts = scan(repo);
    facts.diagnostics().stream()
        .filter(d -> d.severity() == dev.nixmigrate.core.model.Severity.ERROR)
        .findFirst()
        .ifPresent(
            d -> {
              throw new NixMigrateException(
                  NixMigrateException.Kind.BAD_INPUT,
                  "cannot migrate while manifests are unreadable: "
                      + d
                      + " (run nixmigrate detect to see them all)");
            });
    return facts;
  }

  /** The highest step among the files nixmigrate has recorded writing (0 when none). */
  public static int stepReached(Path repo) {
    return State.read(repo.toAbsolutePath().normalize()).files().values().stream()
        .mapToInt(State.Entry::step)
        .max()
        .orElse(0);
  }

  /** A file's text, or null when it does not exist; an unreadable file is bad input. */
  static String read(Path file, String rel) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT, rel + ": cannot be read: " + e.getMessage());
    }
  }

  /** The file with each missing line appended once, keeping what is there. */
  static String withLines(String before, String lines) {
    String current = before == null ? "" : before;
    List<String> have = current.lines().map(String::strip).toList();
    StringBuilder b = new StringBuilder(current);
    boolean added = false;
    for (String line : lines.split("\n")) {
      if (!line.isBlank() && !have.contains(line.strip())) {
        if (!added && !current.isEmpty() && !current.endsWith("\n")) {
          b.append('\n');
        }
        b.append(line).append('\n');
        added = true;
      }
    }
    return b.toString();
  }
}
