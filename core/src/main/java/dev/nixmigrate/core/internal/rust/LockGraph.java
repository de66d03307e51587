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

  private static final java.util.regex.Pattern CRATE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("[0-9A-Za-z.+-]{1,64}");

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
      if (source != null && source.startsWith("git+")) {
        // The pair is quoted into the flake: only the shapes Cargo allows are written as they are.
        boolean plain =
            name != null
                && version != null
                && CRATE_NAME.matcher(name).matches()
                && VERSION.matcher(version).matches();
        out.add(plain ? name + "-" + version : "(a crate whose name is not Cargo's shape)");
      }
    }
    return List.copyOf(out);
  }
}
