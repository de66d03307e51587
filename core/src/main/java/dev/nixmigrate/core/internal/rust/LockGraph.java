package dev.nixmigrate.core.internal.rust;

import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlFields;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The crates a Cargo.lock says are reachable from a set of direct dependencies. */
final class LockGraph {
  private LockGraph() {}

  /**
   * The crates reachable from {@code roots}; parts of the lock file of the wrong shape are reported
   * through {@code fields} and left out.
   */
  static Set<String> reachable(TomlDoc lock, Collection<String> roots, TomlFields fields) {
    Map<String, Set<String>> edges = new HashMap<>();
    if (lock.has("package") && !"an array".equals(lock.typeOf("package"))) {
      fields.wrongType(lock, false, "an array of tables ([[package]])", "package");
    }
    for (TomlDoc pkg : lock.tables("package")) {
      String name = fields.string(pkg, false, "name");
      if (name == null) {
        continue;
      }
      Set<String> deps = edges.computeIfAbsent(name, k -> new TreeSet<>());
      for (TomlDoc.Item dep : fields.strings(pkg, false, "dependencies")) {
        // Entries read "name", "name version" or "name version (source)".
        deps.add(dep.value().split(" ", 2)[0]);
      }
    }
    Set<String> seen = new TreeSet<>();
    Deque<String> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String c = queue.pop();
      if (seen.add(c)) {
        queue.addAll(edges.getOrDefault(c, Set.of()));
      }
    }
    return seen;
  }

  /**
   * The packages of the lock fetched from git ({@code source = "git+..."}), as {@code
   * name-version}, sorted: nixpkgs' {@code importCargoLock} needs a hash for each, or leave to
   * fetch with {@code builtins.fetchGit}.
   */
  static List<String> gitPackages(TomlDoc lock, TomlFields fields) {
    TreeSet<String> out = new TreeSet<>();
    for (TomlDoc pkg : lock.tables("package")) {
      String name = fields.string(pkg, false, "name");
      String version = fields.string(pkg, false, "version");
      String source = fields.string(pkg, false, "source");
      if (name != null && version != null && source != null && source.startsWith("git+")) {
        out.add(name + "-" + version);
      }
    }
    return List.copyOf(out);
  }
}
