package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Lists the repository's directories and the names in each, honouring {@code .gitignore} files
 * (with JGit's matcher) and {@code .git/info/exclude}, and skipping VCS folders, virtualenvs, build
 * trees and symbolic links to directories. It reads no file but ignore files.
 */
final class RepoWalker {
  static final int MAX_DEPTH = 40;
  static final int MAX_ENTRIES = 500_000;
  private static final Set<String> SKIPPED =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "__pycache__",
          ".venv",
          "venv",
          ".tox",
          ".nox",
          ".direnv",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".nixmigrate");

  private RepoWalker() {}

  /** An ignore file and the directory its patterns are relative to. */
  private record Rules(String dir, IgnoreNode node) {}

  /** Directory (repository-relative, {@code .} for the root) to its sorted entry names. */
  static Map<String, List<String>> walk(RepoFiles files) {
    Map<String, List<String>> out = new TreeMap<>();
    List<Rules> rootRules = new ArrayList<>();
    load(files.root().resolve(".git/info/exclude"), ".").ifPresent(rootRules::add);
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(".", 0, rootRules));
    int entries = 0;
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      Path abs = files.resolve(f.dir);
      List<Rules> rules = new ArrayList<>(f.rules);
      load(abs.resolve(".gitignore"), f.dir).ifPresent(rules::add);
      List<String> names = new ArrayList<>();
      List<String> subdirs = new ArrayList<>();
      for (String name : files.list(f.dir)) {
        if (++entries % 5_000 == 0) {
          dev.nixmigrate.core.Progress.report("scanning: " + entries + " files and folders");
        }
        if (entries > MAX_ENTRIES) {
          files.report(
              Diagnostic.warning(
                  f.dir,
                  1,
                  1,
                  "the repository has more than "
                      + MAX_ENTRIES
                      + " files and folders; the scan stopped here. Add build outputs to .gitignore"));
          return out;
        }
        String rel = RepoFiles.join(f.dir, name);
        Path p = abs.resolve(name);
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (ignored(rules, rel, dir)) {
          continue;
        }
        names.add(name);
        if (dir && !SKIPPED.contains(name) && !isBuildOutput(p)) {
          subdirs.add(rel);
        }
      }
      out.put(f.dir, List.copyOf(names));
      if (f.depth + 1 > MAX_DEPTH) {
        continue;
      }
      for (int i = subdirs.size() - 1; i >= 0; i--) {
        stack.push(new Frame(subdirs.get(i), f.depth + 1, rules));
      }
    }
    return out;
  }

  private record Frame(String dir, int depth, List<Rules> rules) {}

  /** Build trees and environments that hold copies, not sources: CMake, Cargo, virtualenvs. */
  private static boolean isBuildOutput(Path dir) {
    return Files.exists(dir.resolve("CMakeCache.txt"), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(dir.resolve("CACHEDIR.TAG"), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(dir.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS);
  }

  /** The deepest rule set with an opinion decides, as in git. */
  private static boolean ignored(List<Rules> rules, String rel, boolean dir) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rules r = rules.get(i);
      String sub = r.dir.equals(".") ? rel : rel.substring(r.dir.length() + 1);
      Boolean verdict = r.node.checkIgnored(sub, dir);
      if (verdict != null) {
        return verdict;
      }
    }
    return false;
  }

  private static java.util.Optional<Rules> load(Path file, String dir) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      IgnoreNode node = new IgnoreNode();
      node.parse(in);
      return java.util.Optional.of(new Rules(dir, node));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
