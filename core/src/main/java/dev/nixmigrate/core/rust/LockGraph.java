package dev.nixmigrate.core.rust;

import dev.nixmigrate.core.read.TomlDoc;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The crates a Cargo.lock says are reachable from a set of direct dependencies. */
final class LockGraph {
  private LockGraph() {}

  static Set<String> reachable(TomlDoc lock, Collection<String> roots) {
    Map<String, Set<String>> edges = new HashMap<>();
    for (TomlDoc pkg : lock.tables("package")) {
      String name = pkg.string("name");
      if (name == null) {
        continue;
      }
      Set<String> deps = edges.computeIfAbsent(name, k -> new TreeSet<>());
      for (String dep : pkg.strings("dependencies")) {
        // Entries read "name", "name version" or "name version (source)".
        deps.add(dep.split(" ", 2)[0]);
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
}
