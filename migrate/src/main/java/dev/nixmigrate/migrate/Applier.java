package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
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

/**
 * Performs exactly a {@link Plan}: refuses over uncommitted changes and over files that changed
 * since the plan was made, then writes, merges and deletes atomically and all-or-nothing, with a
 * journal first so that a killed run is recovered by the next one.
 */
final class Applier {
  private final Path root;

  Applier(Path root) {
    this.root = root;
  }

  /** Applies {@code plan}; {@code allowDirty} writes even over uncommitted changes. */
  StepResult apply(Plan plan, boolean allowDirty) {
    Set<String> touched = plan.paths();
    if (!allowDirty) {
      DirtyCheck.refuse(root, touched);
    }
    List<String> moved = new ArrayList<>();
    for (FileChange c : plan.changes()) {
      String now = NixMigrate.read(PathGuard.resolve(root, c.path()), c.path());
      if (!java.util.Objects.equals(now, c.before())) {
        moved.add(c.path());
      }
    }
    if (!moved.isEmpty()) {
      throw new StalePlanException(
          moved,
          "the repository changed since the plan was made, in "
              + String.join(", ", moved)
              + "; make the plan again (nixmigrate plan "
              + plan.step()
              + ")");
    }
    removeLeftovers(touched);
    if (!plan.changes().isEmpty()) {
      // The journal first: if this run is killed, the next one knows which files it wrote.
      State recorded = plan.recordedState();
      State journal = State.empty();
      for (FileChange c : plan.changes()) {
        State.Entry e = recorded == null ? null : recorded.get(c.path());
        if (e != null && !c.deletes()) {
          journal = journal.with(c.path(), e.step(), e.content());
        }
      }
      writeAll(Map.of(State.PENDING, journal.toJson()));
      // Bookkeeping last: state.json is written only once every file it records is.
      Map<String, String> all = new LinkedHashMap<>();
      plan.changes().stream()
          .sorted(java.util.Comparator.comparing(c -> Plan.isBookkeeping(c.path())))
          .forEach(c -> all.put(c.path(), c.after()));
      try {
        writeAll(all);
      } finally {
        // Written, or rolled back: either way nothing is half-done.
        deletePending();
      }
      plan.changes().stream()
          .filter(FileChange::deletes)
          .forEach(c -> removeEmptyFolders(c.path()));
    } else {
      deletePending();
    }
    return StepResult.of(plan, false);
  }

  /** Removes the journal: the run it records is complete, or was rolled back. */
  private void deletePending() {
    try {
      Files.deleteIfExists(PathGuard.resolve(root, State.PENDING));
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot remove " + State.PENDING + ": " + e.getMessage());
    }
  }

  /** The folders above a deleted file that it leaves empty, up to the repository's root. */
  private void removeEmptyFolders(String deleted) {
    Path dir = PathGuard.resolve(root, deleted).getParent();
    try {
      while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
        try (var s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            return;
          }
        }
        Files.delete(dir);
        dir = dir.getParent();
      }
    } catch (IOException e) {
      // Best effort: an empty folder left behind does no harm.
    }
  }

  /** Temporary files a killed run left beside the files it was writing. */
  private void removeLeftovers(Set<String> paths) {
    Set<Path> dirs = new TreeSet<>();
    dirs.add(PathGuard.resolve(root, State.PATH).getParent());
    for (String p : paths) {
      dirs.add(PathGuard.resolve(root, p).getParent());
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

  /** Writes (or, for a null text, deletes) every file; on a failure, puts back what was done. */
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
        if (e.getValue() == null) {
          Files.deleteIfExists(target);
        } else {
          atomicWrite(target, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
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
        // A full disk can make one write short without an error; the next one reports it.
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
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
