package dev.nixmigrate.migrate;

import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generators;
import dev.nixmigrate.generators.StepCatalog;
import dev.nixmigrate.generators.Warning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a run changes, and changes nothing: each generated file against what is on disk and
 * what nixmigrate last wrote (create, update, merge three ways, edit the user's file, leave it
 * alone), the files nixmigrate wrote that are no longer generated (delete, unless edited), and the
 * bookkeeping that records it all ({@code nixmigrate.toml}, {@code .nixmigrate/state.json}).
 */
final class Planner {
  private final Path root;

  /** What the last complete run recorded, with an interrupted run folded in. */
  private final State state;

  private final boolean editExisting;

  /** The steps and generators whose files are planned; they name each change's purpose. */
  private final StepCatalog catalog;

  /** {@code state}: what {@link State#recover} gives for {@code root}. */
  Planner(Path root, State state, boolean editExisting, StepCatalog catalog) {
    this.root = root;
    this.state = state;
    this.editExisting = editExisting;
    this.catalog = catalog;
  }

  /**
   * The plan for writing {@code gen} at step {@code step}, recording {@code settings} (none when
   * null), with {@code notes} first among its warnings.
   */
  Plan plan(Generators.Generation gen, int step, Settings settings, List<String> notes) {
    List<FileChange> changes = new ArrayList<>();
    List<Left> left = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    State next = state;
    Set<String> produced = new TreeSet<>();
    for (GeneratedFile f : gen.files()) {
      produced.add(f.path());
      Path target = PathGuard.resolve(root, f.path());
      String raw = NixMigrate.read(target, f.path());
      // Decisions are made on LF text; what is written keeps the file's own line endings, so a
      // CRLF checkout (core.autocrlf) or editor is neither a conflict nor given mixed endings.
      LineEndings endings = LineEndings.of(raw);
      String current = raw == null ? null : endings.toLf(raw);
      State.Entry entry = state.get(f.path());
      String reason =
          (f.step() > 0 ? "step " + f.step() + ": " : "") + catalog.purpose(f.generator());
      if (f.mode() != GeneratedFile.Mode.WHOLE) {
        // The user's own file: a minimal edit, made only when asked, never recorded as ours.
        boolean lines = f.mode() == GeneratedFile.Mode.LINES;
        String after = lines ? NixMigrate.withLines(current, f.text()) : f.text();
        if (after.equals(current)) {
          continue;
        }
        String what = lines ? "adds " + missing(current, after) : f.note();
        if (current != null && !editExisting) {
          left.add(
              new Left(
                  f.path(),
                  Left.Kind.EDIT_WAITS,
                  "yours; step "
                      + f.step()
                      + "'s edit "
                      + what
                      + ". Pass --edit-existing to make it"));
          continue;
        }
        changes.add(
            new FileChange(
                current == null ? FileChange.Kind.CREATE : FileChange.Kind.EDIT,
                f.path(),
                raw,
                endings.apply(after),
                f.step(),
                lines ? reason : "step " + f.step() + ": " + what + " (an edit of your file)"));
        continue;
      }
      if (current == null) {
        changes.add(
            new FileChange(FileChange.Kind.CREATE, f.path(), null, f.text(), f.step(), reason));
        next = next.with(f.path(), step, f.text());
        continue;
      }
      if (entry == null) {
        if (current.equals(f.text())) {
          next = next.with(f.path(), step, f.text()); // identical: nixmigrate takes it over
        } else {
          left.add(
              new Left(
                  f.path(),
                  Left.Kind.USERS_FILE,
                  "exists and nixmigrate did not write it, so it is left as it is"));
        }
        continue;
      }
      next = next.with(f.path(), step, f.text());
      if (Merge.hasMarkers(current)) {
        // Committed with its conflict unresolved: nothing is merged into it until it is.
        conflicts.add(new Conflict(f.path(), Conflict.Cause.UNRESOLVED));
        continue;
      }
      if (State.sha256(current).equals(entry.sha256())) {
        if (!current.equals(f.text())) {
          changes.add(
              new FileChange(
                  FileChange.Kind.UPDATE,
                  f.path(),
                  raw,
                  endings.apply(f.text()),
                  f.step(),
                  reason));
        }
        continue;
      }
      // The user edited nixmigrate's output: merge their edits with the new output.
      Merge.Result m = Merge.merge(entry.content(), current, f.text());
      if (m.conflicts()) {
        conflicts.add(new Conflict(f.path(), Conflict.Cause.MERGE));
      }
      if (!m.text().equals(current)) {
        changes.add(
            new FileChange(
                FileChange.Kind.MERGE,
                f.path(),
                raw,
                endings.apply(m.text()),
                f.step(),
                reason + (m.conflicts() ? " (merge conflict)" : " (merged with your edits)")));
      }
    }
    next = orphans(gen, produced, next, step, changes, left);
    List<FileChange> bookkeeping = new ArrayList<>();
    if (settings != null) {
      // The choices that made these files, so a re-run and check reproduce them.
      String before = NixMigrate.read(PathGuard.resolve(root, Settings.PATH), Settings.PATH);
      String after = settings.toToml(root, before);
      if (!after.equals(before)) {
        bookkeeping.add(
            new FileChange(
                before == null ? FileChange.Kind.CREATE : FileChange.Kind.EDIT,
                Settings.PATH,
                before,
                after,
                step,
                "the step and the choices that made these files"
                    + (before == null ? "" : " (only the keys that change)")));
      }
    }
    State onDisk = State.read(root);
    if (!next.files().equals(onDisk.files())) {
      String before = NixMigrate.read(PathGuard.resolve(root, State.PATH), State.PATH);
      bookkeeping.add(
          new FileChange(
              before == null ? FileChange.Kind.CREATE : FileChange.Kind.UPDATE,
              State.PATH,
              before,
              next.toJson(),
              step,
              "nixmigrate's record of what it wrote: the base of the next three-way merge"));
    }
    changes.sort(java.util.Comparator.comparing(FileChange::path));
    changes.addAll(bookkeeping);
    List<Warning> warnings = new ArrayList<>(notes.stream().map(Warning::of).toList());
    warnings.addAll(gen.warnings());
    warnings.addAll(ignored(changes));
    return new Plan(step, changes, left, conflicts, warnings);
  }

  /**
   * A warning for each file the plan writes that git would leave out of {@code git add}: written,
   * it would work here and nowhere else.
   */
  private List<Warning> ignored(List<FileChange> changes) {
    List<Warning> out = new ArrayList<>();
    for (FileChange c : changes) {
      if (c.kind() == FileChange.Kind.DELETE) {
        continue;
      }
      dev.nixmigrate.core.RepoScanner.ignoredBy(root, c.path())
          .ifPresent(
              rule ->
                  out.add(
                      new Warning(
                          rule.file() + ":" + rule.line(),
                          c.path()
                              + " is ignored by git (the rule '"
                              + rule.pattern()
                              + "' matches "
                              + rule.path()
                              + "), so git add leaves it out and a clone will not have it:"
                              + " commit it with git add -f "
                              + c.path()
                              + ", or narrow the rule")));
    }
    return out;
  }

  /**
   * Files nixmigrate wrote, that a generator which ran owns and no longer produces: deleted when
   * they hold exactly what nixmigrate wrote, else kept as the user's, with a note. Either way
   * nixmigrate stops keeping them.
   */
  private State orphans(
      Generators.Generation gen,
      Set<String> produced,
      State next,
      int step,
      List<FileChange> changes,
      List<Left> left) {
    for (String path : gen.owned()) {
      State.Entry entry = state.get(path);
      if (entry == null || produced.contains(path)) {
        continue;
      }
      next = next.without(path);
      String raw = NixMigrate.read(PathGuard.resolve(root, path), path);
      if (raw == null) {
        continue;
      }
      if (State.sha256(LineEndings.of(raw).toLf(raw)).equals(entry.sha256())) {
        changes.add(
            new FileChange(
                FileChange.Kind.DELETE,
                path,
                raw,
                null,
                step,
                "step "
                    + step
                    + " no longer generates it (nixmigrate wrote it, and it is unedited)"));
      } else {
        left.add(
            new Left(
                path,
                Left.Kind.KEPT_EDITED,
                "step "
                    + step
                    + " no longer generates it, but you edited it, so it is kept and is yours"
                    + " now; delete it if you do not need it"));
      }
    }
    return next;
  }

  private static String missing(String current, String after) {
    String added = after.substring(current == null ? 0 : current.length());
    return String.join(", ", added.strip().lines().toList());
  }
}
