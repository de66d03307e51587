package dev.nixmigrate.core.internal.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Whether git would leave a path out of {@code git add}: the ignore rules of {@code
 * .git/info/exclude} and of each {@code .gitignore} from the root down, with JGit's matcher. A path
 * inside an ignored folder is ignored, as in git. Reads ignore files only.
 */
public final class GitIgnored {
  private GitIgnored() {}

  /**
   * The rule that ignores a path.
   *
   * @param file the ignore file, repository-relative ({@code .gitignore}, {@code docs/.gitignore},
   *     {@code .git/info/exclude})
   * @param line its 1-based line
   * @param pattern the line's text
   * @param path the path the rule matches: the given path or a folder above it
   */
  public record Rule(String file, int line, String pattern, String path) {
    @Override
    public String toString() {
      return file + " (line " + line + ": " + pattern + ")";
    }
  }

  /** One ignore file's lines, each a rule of its own, and the folder they are relative to. */
  private record Rules(String file, String dir, List<String> lines) {}

  /**
   * The rule that makes git ignore {@code rel} (repository-relative, {@code /}-separated), or empty
   * when git would add it.
   */
  public static Optional<Rule> rule(Path root, String rel) {
    List<Rules> rules = new ArrayList<>();
    read(root, ".git/info/exclude", ".").ifPresent(rules::add);
    read(root, ".gitignore", ".").ifPresent(rules::add);
    String[] parts = rel.split("/");
    StringBuilder sofar = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sofar.append('/');
      }
      sofar.append(parts[i]);
      boolean dir = i < parts.length - 1;
      Optional<Rule> hit = decide(rules, sofar.toString(), dir);
      if (hit.isPresent()) {
        return hit;
      }
      if (dir) {
        read(root, sofar + "/.gitignore", sofar.toString()).ifPresent(rules::add);
      }
    }
    return Optional.empty();
  }

  /** The deepest ignore file with an opinion decides, and in it the last matching line. */
  private static Optional<Rule> decide(List<Rules> rules, String rel, boolean dir) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rules r = rules.get(i);
      String sub = r.dir().equals(".") ? rel : rel.substring(r.dir().length() + 1);
      for (int n = r.lines().size() - 1; n >= 0; n--) {
        String text = r.lines().get(n).replaceAll("\r$", "");
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        Boolean verdict = single(text).checkIgnored(sub, dir);
        if (verdict != null) {
          return verdict
              ? Optional.of(
                  new Rule(
                      r.file(),
                      n + 1,
                      dev.nixmigrate.core.internal.text.Printable.of(text.strip()),
                      rel))
              : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static IgnoreNode single(String line) {
    IgnoreNode node = new IgnoreNode();
    try {
      node.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
    return node;
  }

  private static Optional<Rules> read(Path root, String file, String dir) {
    Path p = root.resolve(file);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Rules(
              file, dir, List.of(Files.readString(p, StandardCharsets.UTF_8).split("\n", -1))));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
