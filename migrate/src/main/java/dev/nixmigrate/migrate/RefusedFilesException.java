package dev.nixmigrate.migrate;

import dev.nixmigrate.core.NixMigrateException;
import java.util.List;

/**
 * A refusal to protect the user's work in some files; nothing was written. Its subclasses say why:
 * uncommitted work, a plan made before the files changed, edits that clash.
 */
public abstract class RefusedFilesException extends NixMigrateException {
  private static final long serialVersionUID = 1L;

  /** The repository-relative paths of the files concerned. */
  private final List<String> paths;

  RefusedFilesException(List<String> paths, String message) {
    super(Kind.REFUSED, message);
    this.paths = List.copyOf(paths);
  }

  public List<String> paths() {
    return paths;
  }
}
