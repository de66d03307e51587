package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Repository-relative file access for the readers. Paths are '/'-separated and relative to the
 * root; a failed read becomes a located diagnostic and an empty result, never an exception.
 */
public final class RepoFiles {
  private final Path root;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Files as they would be after a change: path to text, or to null for a deleted file. */
  private final Map<String, String> overlay;

  public RepoFiles(Path root) {
    this(root, Map.of());
  }

  /**
   * The repository as it would be with {@code overlay} written: each path's new text, or null for a
   * file deleted. Nothing is written; only reads see the change.
   */
  public RepoFiles(Path root, Map<String, String> overlay) {
    this.root = root.toAbsolutePath().normalize();
    this.overlay = new HashMap<>(overlay);
  }

  public Path root() {
    return root;
  }

  /** Joins a directory and a name into a repository-relative path ({@code .} is the root). */
  public static String join(String dir, String name) {
    return dir.equals(".") || dir.isEmpty() ? name : dir + "/" + name;
  }

  /**
   * Resolves {@code .} and {@code ..} in a repository-relative path; null when the path would leave
   * the repository.
   */
  public static String normalize(String rel) {
    List<String> parts = new ArrayList<>();
    for (String p : rel.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  public Path resolve(String rel) {
    return rel.equals(".") ? root : root.resolve(rel);
  }

  public boolean isFile(String rel) {
    if (overlay.containsKey(rel)) {
      return overlay.get(rel) != null;
    }
    return Files.isRegularFile(resolve(rel)) || Files.isSymbolicLink(resolve(rel));
  }

  public boolean isDirectory(String rel) {
    return Files.isDirectory(resolve(rel), LinkOption.NOFOLLOW_LINKS)
        || overlay.entrySet().stream()
            .anyMatch(e -> e.getValue() != null && e.getKey().startsWith(prefix(rel)));
  }

  /** The names in a directory, sorted; empty when it cannot be listed. */
  public List<String> list(String dir) {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(resolve(dir))) {
      s.map(p -> p.getFileName().toString()).forEach(names::add);
    } catch (IOException e) {
      // Not on disk: the overlay may still hold files in it.
    }
    String prefix = prefix(dir);
    overlay.forEach(
        (path, text) -> {
          if (!path.startsWith(prefix)) {
            return;
          }
          String rest = path.substring(prefix.length());
          int slash = rest.indexOf('/');
          if (slash >= 0) {
            if (text != null) {
              names.add(rest.substring(0, slash));
            }
          } else if (text == null) {
            names.remove(rest);
          } else {
            names.add(rest);
          }
        });
    return List.copyOf(names);
  }

  /** What a path inside {@code dir} starts with. */
  private static String prefix(String dir) {
    return dir.equals(".") || dir.isEmpty() ? "" : dir + "/";
  }

  /** The file's text, or empty (with a diagnostic) when it cannot be read. */
  public Optional<String> text(String rel) {
    if (overlay.containsKey(rel)) {
      return Optional.ofNullable(overlay.get(rel));
    }
    try {
      return Optional.of(ManifestText.read(resolve(rel), rel));
    } catch (ManifestException e) {
      report(e.diagnostic());
      return Optional.empty();
    }
  }

  /** The parsed TOML file, or empty (with a diagnostic) when it cannot be read or parsed. */
  public Optional<TomlDoc> toml(String rel) {
    try {
      if (overlay.containsKey(rel)) {
        String text = overlay.get(rel);
        return text == null ? Optional.empty() : Optional.of(TomlReader.parse(text, rel));
      }
      return Optional.of(TomlReader.read(resolve(rel), rel));
    } catch (ManifestException e) {
      report(e.diagnostic());
      return Optional.empty();
    }
  }

  public void report(Diagnostic d) {
    diagnostics.add(d);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
