package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generators;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.StepCatalog;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    return plan(repo, options, step, RunMode.DEFAULT);
  }

  /**
   * What {@code step} would do in {@code mode}, decided exactly as it decides (three-way merges,
   * files left alone, files no longer generated, nixmigrate's bookkeeping), without writing
   * anything or looking at uncommitted changes.
   */
  public static Plan plan(Path repo, Options options, int step, RunMode mode) {
    return plan(StepCatalog.STANDARD, repo, options, step, mode);
  }

  /** As {@link #plan(Path, Options, int, RunMode)}, with the steps and generators of {@code c}. */
  public static Plan plan(StepCatalog c, Path repo, Options options, int step, RunMode mode) {
    RepoFacts facts = readable(c, repo, step);
    State state = State.recover(facts.root());
    List<String> notes = new java.util.ArrayList<>();
    int target = target(c, facts.root(), state, step, mode, notes);
    Selection selection = select(c, facts, target, mode.only(), state.files().keySet());
    Generators.Generation gen = c.generate(facts, options, selection);
    Settings settings =
        Settings.read(facts.root(), c.steps())
            .map(s -> s.at(target, options))
            .orElse(new Settings(target, options));
    return new Planner(facts.root(), state, mode.editExisting(), c)
        .plan(gen, target, settings, notes);
  }

  /**
   * Brings the repository at {@code repo} to {@code step}, as {@code mode} says: plans the step,
   * then applies the plan (see {@link #apply}). A dry run returns the plan's changes and writes
   * nothing.
   */
  public static StepResult step(Path repo, Options options, int step, RunMode mode) {
    return step(StepCatalog.STANDARD, repo, options, step, mode);
  }

  /** As {@link #step(Path, Options, int, RunMode)}, with the steps and generators of {@code c}. */
  public static StepResult step(StepCatalog c, Path repo, Options options, int step, RunMode mode) {
    Plan plan = plan(c, repo, options, step, mode);
    Path root = repo.toAbsolutePath().normalize();
    return mode.dryRun()
        ? shown(root, plan, mode.allowDirty())
        : apply(root, plan, mode.allowDirty());
  }

  /**
   * Performs exactly {@code plan} on the repository at {@code repo}: every change, atomically and
   * journaled. Refuses, writing nothing, when a file the plan changes is not as it was when the
   * plan was made, or (unless {@code allowDirty}) holds uncommitted work.
   */
  public static StepResult apply(Path repo, Plan plan, boolean allowDirty) {
    return new Applier(repo.toAbsolutePath().normalize()).apply(plan, allowDirty);
  }

  /** A dry run of {@code plan}: refused as the run would be over uncommitted work, else shown. */
  private static StepResult shown(Path root, Plan plan, boolean allowDirty) {
    if (!allowDirty) {
      DirtyCheck.refuse(root, plan.paths());
    }
    return StepResult.of(plan, true);
  }

  /**
   * The step a run brings the repository to: the one asked for, unless the repository is already
   * further along, when a lower step keeps what the later ones added (a downgrade is asked for).
   */
  private static int target(
      StepCatalog c, Path root, State state, int step, RunMode mode, List<String> notes) {
    int reached =
        Math.max(
            state.files().values().stream().mapToInt(State.Entry::step).max().orElse(0),
            Settings.read(root, c.steps()).map(Settings::step).orElse(0));
    if (mode.only() || step >= reached) {
      return step;
    }
    if (mode.downgrade()) {
      notes.add(
          "going down from step "
              + reached
              + " to step "
              + step
              + ": the files nixmigrate keeps lose what steps "
              + (step + 1)
              + " to "
              + reached
              + " added, and files only those steps write are no longer kept up to date");
      return step;
    }
    notes.add(
        "the repository is at step "
            + reached
            + ", so step "
            + step
            + " keeps what steps "
            + (step + 1)
            + " to "
            + reached
            + " added; pass --downgrade to go back to step "
            + step);
    return reached;
  }

  /**
   * The steps a run carries out: step N alone with {@code only} (when what it builds on is there),
   * else step N and every earlier step the repository has not already done with its own files. An
   * earlier step done by files nixmigrate wrote stays in, so those files keep up with the target.
   */
  private static Selection select(
      StepCatalog c, RepoFacts facts, int step, boolean only, Set<String> managed) {
    List<StepStatus> status = c.steps().assess(facts);
    Set<String> userFiles = new TreeSet<>();
    for (StepStatus st : status) {
      st.evidence().stream()
          .map(Evidence::file)
          .filter(f -> !managed.contains(f))
          .forEach(userFiles::add);
    }
    Set<Integer> steps = new TreeSet<>();
    if (only) {
      MigrationStep declared = c.steps().get(step);
      if (!c.canRunAlone(step, facts.existing(), managed)) {
        throw new MissingStepException(
            step,
            declared.requires(),
            "step "
                + step
                + " alone (--only) needs "
                + declared.requires()
                + ", which the repository does not have; run `nixmigrate step "
                + step
                + "` without --only to do the earlier steps too");
      }
      steps.add(step);
    } else {
      for (StepStatus st : status) {
        boolean doneByUser =
            st.state() == StepStatus.State.DONE
                && st.evidence().stream().noneMatch(e -> managed.contains(e.file()));
        if (st.number() == step || (st.number() < step && !doneByUser)) {
          steps.add(st.number());
        }
      }
    }
    return new Selection(step, steps, managed, userFiles);
  }

  /** The repository's facts, when the step is one of {@code c}'s and every manifest is readable. */
  private static RepoFacts readable(StepCatalog c, Path repo, int step) {
    c.steps().get(step);
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

  /**
   * The files nixmigrate wrote that are out of date at {@code step} with the manifests, the options
   * or the templates, with what they would become; empty when all are current. Files of steps the
   * repository has not taken are not judged. Writes nothing.
   */
  public static List<FileChange> check(Path repo, Options options, int step) {
    return check(StepCatalog.STANDARD, repo, options, step);
  }

  /** As {@link #check(Path, Options, int)}, with the steps and generators of {@code c}. */
  public static List<FileChange> check(StepCatalog c, Path repo, Options options, int step) {
    Plan r = plan(c, repo, options, step, RunMode.DEFAULT);
    Path root = repo.toAbsolutePath().normalize();
    Set<String> managed = State.read(root).files().keySet();
    List<FileChange> out =
        new java.util.ArrayList<>(
            r.changes().stream().filter(ch -> managed.contains(ch.path())).toList());
    for (Conflict conflict : r.conflicts()) {
      String path = conflict.path();
      if (managed.contains(path) && out.stream().noneMatch(ch -> ch.path().equals(path))) {
        String text = read(PathGuard.resolve(root, path), path);
        out.add(
            new FileChange(
                FileChange.Kind.UPDATE,
                path,
                text,
                text,
                0,
                "holds merge conflict markers; resolve them and commit"));
      }
    }
    return List.copyOf(out);
  }

  /**
   * What to do next in the repository at {@code repo}: the command that takes its first step not
   * done (checked to get that step done), or why no run of nixmigrate does; empty when every step
   * is done. Writes nothing.
   */
  public static Optional<NextStep> next(Path repo) {
    return next(StepCatalog.STANDARD, repo);
  }

  /** As {@link #next(Path)}, with the steps and generators of {@code c}. */
  public static Optional<NextStep> next(StepCatalog c, Path repo) {
    return NextStep.of(c, repo);
  }

  /**
   * The steps that applying {@code plan} to the repository at {@code repo} would finish: each step
   * of {@code c} that is not done now and would be done with the plan's files written. Writes
   * nothing.
   */
  public static List<Integer> finishes(StepCatalog c, Path repo, Plan plan) {
    RepoFacts facts = scan(repo);
    List<StepStatus> before = c.steps().assess(facts);
    List<StepStatus> after = c.steps().assess(NextStep.after(facts, plan));
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).state() != StepStatus.State.DONE
          && after.get(i).state() == StepStatus.State.DONE) {
        out.add(before.get(i).number());
      }
    }
    return out;
  }

  /**
   * Those of {@code paths} (repository-relative) that are on disk and that git's index lacks: Nix,
   * which reads a flake from the files git knows, does not see them. Empty outside git.
   */
  public static List<String> unknownToGit(Path repo, java.util.Collection<String> paths) {
    return GitIndex.unknown(repo, paths);
  }

  /**
   * Adds {@code paths} (repository-relative) to git's index, as {@code git add} does, so that Nix
   * sees them; returns those added. Nothing happens outside git.
   */
  public static List<String> addToGit(Path repo, java.util.Collection<String> paths) {
    return GitIndex.add(repo, paths);
  }

  /** How far the repository at {@code repo} is through each of {@code c}'s steps. */
  public static List<StepStatus> status(StepCatalog c, Path repo) {
    return c.steps().assess(scan(repo));
  }

  /** Runs the real tools that are on PATH over the repository's files (see {@link Verifier}). */
  public static List<Verifier.Check> verify(Path repo) {
    return Verifier.verify(repo);
  }

  /**
   * Writes files that belong to no step (the pull-request bot's workflow) with the same care as a
   * step: recorded, merged with the user's edits, atomic, and never over a file of the user's.
   */
  public static StepResult writeFiles(Path repo, List<GeneratedFile> files, boolean dryRun) {
    Path root = repo.toAbsolutePath().normalize();
    Generators.Generation gen = new Generators.Generation(files, List.of(), List.of());
    Plan plan =
        new Planner(root, State.recover(root), false, StepCatalog.STANDARD)
            .plan(gen, 0, null, List.of());
    return dryRun ? shown(root, plan, false) : apply(root, plan, false);
  }

  /**
   * The options the repository's {@code nixmigrate.toml} records, read as the command line reads
   * them (flags aside), else the defaults: what a library caller passes to {@link #plan}, {@link
   * #step} and {@link #check} to get the command line's answers.
   */
  public static Options options(Path repo) {
    return Settings.read(repo.toAbsolutePath().normalize())
        .map(Settings::options)
        .orElse(Options.defaults());
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
      return dev.nixmigrate.core.internal.read.ManifestText.read(file, rel);
    } catch (dev.nixmigrate.core.internal.read.ManifestException e) {
      // Says which byte and where, as for manifests.
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.diagnostic().toString());
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
