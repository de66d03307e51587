package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Repository-relative file access for the readers. Paths are '/'-separated and relative to the
 * root; a failed read becomes a located diagnostic and an empty result, never an exception.
 */
public final class RepoFiles {
  private final Path root;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public RepoFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
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
    return Files.isRegularFile(resolve(rel)) || Files.isSymbolicLink(resolve(rel));
  }

  public boolean isDirectory(String rel) {
    return Files.isDirectory(resolve(rel), LinkOption.NOFOLLOW_LINKS);
  }

  /** The names in a directory, sorted; empty when it cannot be listed. */
  public List<String> list(String dir) {
    try (Stream<Path> s = Files.list(resolve(dir))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The file's text, or empty (with a diagnostic) when it cannot be read. */
  public Optional<String> text(String rel) {
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
