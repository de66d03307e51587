package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Keeps every write inside the repository: no {@code ..}, no absolute path, no symlink out. */
final class PathGuard {
  private PathGuard() {}

  /**
   * Rejects a relative path that is absolute or climbs out; {@code source} says where it came from.
   */
  static void checkRelative(String rel, String source) {
    if (rel.isEmpty()
        || rel.startsWith("/")
        || rel.startsWith("\\")
        || rel.matches("^[A-Za-z]:.*")
        || rel.equals("..")
        || rel.startsWith("../")
        || rel.contains("/../")
        || rel.endsWith("/..")
        || rel.contains("\0")) {
      throw new OutsideRepositoryException(
          rel,
          source
              + " names '"
              + rel
              + "', which is outside the repository; nixmigrate writes only inside it");
    }
  }

  /**
   * The file to write for {@code rel}, after checking that neither it nor any folder on the way is
   * a symbolic link leading out of the repository.
   */
  static Path resolve(Path root, String rel) {
    checkRelative(rel, "the plan");
    try {
      Path realRoot = root.toRealPath();
      Path target = realRoot.resolve(rel).normalize();
      if (!target.startsWith(realRoot)) {
        throw escape(rel);
      }
      if (Files.isSymbolicLink(target)) {
        throw new NixMigrateException(
            NixMigrateException.Kind.REFUSED,
            rel
                + " is a symbolic link; nixmigrate does not write through links. Replace it with a file");
      }
      Path existing = target.getParent();
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
        throw escape(rel);
      }
      return target;
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.REFUSED,
          rel + ": cannot check where it leads: " + e.getMessage());
    }
  }

  private static OutsideRepositoryException escape(String rel) {
    return new OutsideRepositoryException(
        rel,
        rel
            + " leads outside the repository through a symbolic link; nixmigrate writes only inside it");
  }
}
