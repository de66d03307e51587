package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Writes a generation into the repository without losing the user's work: files nixmigrate did not
 * write are left alone, files the user edited are merged three ways, uncommitted changes stop it,
 * and every write is atomic and all-or-nothing.
 */
final class Applier {
  private final Path root;

  /** What the last complete run recorded, with an interrupted run folded in. */
  private final State state;

  /** What state.json holds now. */
  private final State onDisk;

  private final boolean allowDirty;
  private final boolean editExisting;

  /** {@code state}: what {@link State#recover} gives for {@code root}. */
  Applier(Path root, State state, boolean allowDirty, boolean editExisting) {
    this.root = root;
    this.onDisk = State.read(root);
    this.state = state;
    this.allowDirty = allowDirty;
    this.editExisting = editExisting;
  }

  /** One decided write: the path, its new text, what to record as nixmigrate's output (or null). */
  private record Write(FileChange change, String recordAs) {}

  StepResult apply(Generators.Generation gen, int step, boolean dryRun, Settings settings) {
    List<Write> writes = new ArrayList<>();
    List<String> left = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    State next = state;
    for (GeneratedFile f : gen.files()) {
      Path target = PathGuard.resolve(root, f.path());
      String current = NixMigrate.read(target, f.path());
      State.Entry entry = state.get(f.path());
      String reason =
          (f.step() > 0 ? "step " + f.step() + ": " : "") + Generators.purpose(f.generator());
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
              f.path()
                  + ": yours; step "
                  + f.step()
                  + "'s edit "
                  + what
                  + ". Pass --edit-existing to make it (nixmigrate plan --edit-existing shows it)");
          continue;
        }
        writes.add(
            new Write(
                new FileChange(
                    f.path(),
                    current,
                    after,
                    f.step(),
                    lines ? reason : "step " + f.step() + ": " + what + " (an edit of your file)"),
                null));
        continue;
      }
      if (current == null) {
        writes.add(new Write(new FileChange(f.path(), null, f.text(), f.step(), reason), f.text()));
        next = next.with(f.path(), step, f.text());
        continue;
      }
      if (entry == null) {
        if (current.equals(f.text())) {
          next = next.with(f.path(), step, f.text()); // identical: nixmigrate takes it over
        } else {
          left.add(
              f.path()
                  + ": exists and nixmigrate did not write it, so it is left as it is;"
                  + " see `nixmigrate plan` for what nixmigrate would write");
        }
        continue;
      }
      next = next.with(f.path(), step, f.text());
      if (State.sha256(current).equals(entry.sha256())) {
        if (!current.equals(f.text())) {
          writes.add(
              new Write(new FileChange(f.path(), current, f.text(), f.step(), reason), f.text()));
        }
        continue;
      }
      // The user edited nixmigrate's output: merge their edits with the new output.
      Merge.Result m = Merge.merge(entry.content(), current, f.text());
      if (m.conflicts()) {
        conflicts.add(f.path());
      }
      if (!m.text().equals(current)) {
        writes.add(
            new Write(
                new FileChange(
                    f.path(),
                    current,
                    m.text(),
                    f.step(),
                    reason + (m.conflicts() ? " (merge conflict)" : " (merged with your edits)")),
                f.text()));
      }
    }
    boolean stateChanged = !next.files().equals(onDisk.files());
    refuseDirty(writes, stateChanged);
    List<FileChange> written = writes.stream().map(Write::change).toList();
    if (!dryRun) {
      removeLeftovers(gen);
    }
    if (!dryRun && (!writes.isEmpty() || stateChanged)) {
      // The journal first: if this run is killed, the next one knows which files it wrote.
      State journal = State.empty();
      for (Write w : writes) {
        if (w.recordAs() != null) {
          journal = journal.with(w.change().path(), step, w.recordAs());
        }
      }
      writeAll(Map.of(State.PENDING, journal.toJson()));
      Map<String, String> all = new LinkedHashMap<>();
      writes.forEach(w -> all.put(w.change().path(), w.change().after()));
      all.put(State.PATH, next.toJson());
      try {
        writeAll(all);
      } finally {
        // Written, or rolled back: either way nothing is half-done.
        deletePending();
      }
    } else if (!dryRun) {
      deletePending();
    }
    // The choices that made these files, so a re-run and check reproduce them.
    String toml = settings == null ? null : settings.toToml(root);
    if (!dryRun
        && toml != null
        && !toml.equals(NixMigrate.read(root.resolve(Settings.PATH), Settings.PATH))) {
      writeAll(Map.of(Settings.PATH, toml));
    }
    return new StepResult(step, dryRun, written, left, conflicts, gen.warnings());
  }

  private static String missing(String current, String after) {
    String added = after.substring(current == null ? 0 : current.length());
    return String.join(", ", added.strip().lines().toList());
  }

  /** Refuses when a file the step would touch has uncommitted changes, unless allowed. */
  private void refuseDirty(List<Write> writes, boolean stateChanged) {
    if (allowDirty || (writes.isEmpty() && !stateChanged)) {
      return;
    }
    Set<String> touched = new TreeSet<>();
    writes.forEach(w -> touched.add(w.change().path()));
    if (stateChanged) {
      touched.add(State.PATH);
    }
    try {
      Path realRoot = root.toRealPath();
      FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(realRoot.toFile());
      if (builder.getGitDir() == null) {
        return; // not a git repository: nothing to compare with
      }
      try (Repository repo = builder.build();
          Git git = new Git(repo)) {
        Path top = repo.getWorkTree().toPath().toRealPath();
        String prefix =
            top.equals(realRoot)
                ? ""
                : top.relativize(realRoot).toString().replace('\\', '/') + "/";
        Status status = git.status().call();
        Set<String> dirty = new TreeSet<>();
        for (Set<String> s :
            List.of(
                status.getModified(),
                status.getChanged(),
                status.getAdded(),
                status.getUntracked(),
                status.getConflicting(),
                status.getMissing(),
                status.getRemoved())) {
          for (String p : s) {
            if (p.startsWith(prefix) && touched.contains(p.substring(prefix.length()))) {
              dirty.add(p.substring(prefix.length()));
            }
          }
        }
        if (!dirty.isEmpty()) {
          throw new NixMigrateException(
              NixMigrateException.Kind.REFUSED,
              "uncommitted changes in files this"
                  + " step would write: "
                  + String.join(", ", dirty)
                  + ". Commit or stash them, or pass --allow-dirty");
        }
      }
    } catch (NoWorkTreeException e) {
      // A .git file whose gitdir names a folder that is no repository (a moved worktree).
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          root.resolve(".git")
              + " does not lead to a git repository with a work tree; run `git worktree repair`,"
              + " or clone the repository afresh");
    } catch (IOException | GitAPIException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot read the git status of " + root + ": " + e.getMessage());
    }
  }

  /** Writes every file atomically; if one fails, the ones already written are put back. */
  private void deletePending() {
    try {
      Files.deleteIfExists(root.resolve(State.PENDING));
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot remove " + State.PENDING + ": " + e.getMessage());
    }
  }

  /** Temporary files a killed run left beside the files it was writing. */
  private void removeLeftovers(Generators.Generation gen) {
    Set<Path> dirs = new TreeSet<>();
    dirs.add(root.resolve(".nixmigrate"));
    for (GeneratedFile f : gen.files()) {
      dirs.add(PathGuard.resolve(root, f.path()).getParent());
    }
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (var s = Files.newDirectoryStream(dir, ".nixmigrate-*.tmp")) {
        for (Path p : s) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // Best effort: a leftover temporary file does no harm.
      }
    }
  }

  /** Slows writes down for the fault-injection test, so a kill can land between two of them. */
  private static final long WRITE_DELAY_MILLIS =
      Long.getLong("nixmigrate.test.writeDelayMillis", 0);

  private void writeAll(Map<String, String> files) {
    Map<Path, byte[]> originals = new LinkedHashMap<>();
    List<Path> done = new ArrayList<>();
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        if (WRITE_DELAY_MILLIS > 0) {
          try {
            Thread.sleep(WRITE_DELAY_MILLIS);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
        }
        Path target = PathGuard.resolve(root, e.getKey());
        originals.put(target, Files.exists(target) ? Files.readAllBytes(target) : null);
        atomicWrite(target, e.getValue().getBytes(StandardCharsets.UTF_8));
        done.add(target);
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : done) {
        try {
          byte[] old = originals.get(p);
          if (old == null) {
            Files.deleteIfExists(p);
          } else {
            atomicWrite(p, old);
          }
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      if (e instanceof NixMigrateException ne) {
        throw ne;
      }
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "writing failed, nothing was changed: " + e.getMessage(),
          e);
    }
  }

  /** A temporary file is private; the file it replaces keeps its mode, a new one is rw-r--r--. */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        tmp,
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * Writes to a temporary file beside the target, flushes it to disk, and renames it over the
   * target.
   */
  static void atomicWrite(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".nixmigrate-", ".tmp");
    try {
      keepPermissions(target, tmp);
      try (var ch =
          java.nio.channels.FileChannel.open(
              tmp,
              java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
