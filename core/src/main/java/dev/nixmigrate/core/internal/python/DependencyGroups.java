package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlFields;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PEP 735 {@code [dependency-groups]}, with {@code {include-group = "..."}} entries expanded. Each
 * group is expanded once (iteratively, so a long chain of includes cannot exhaust the stack);
 * cycles and chains deeper than {@link #MAX_DEPTH} are cut with a warning.
 */
final class DependencyGroups {
  /** Far deeper than any real project nests its groups. */
  static final int MAX_DEPTH = 64;

  private final TomlDoc groups;
  private final String file;
  private final RepoFiles files;
  private final TomlFields fields;

  /** Group keys by normalized name. */
  private final Map<String, String> keys = new LinkedHashMap<>();

  /** Entries of each group: a requirement, or the normalized name of an included group. */
  private final Map<String, List<Object>> entries = new HashMap<>();

  /** Expanded groups by normalized name. */
  private final Map<String, List<Requirement>> done = new HashMap<>();

  /** Chains too deep are reported once: a long chain would otherwise warn at every cut. */
  private boolean depthReported;

  private DependencyGroups(TomlDoc groups, String file, RepoFiles files) {
    this.groups = groups;
    this.file = file;
    this.files = files;
    this.fields = new TomlFields(files);
  }

  static Map<String, List<Requirement>> read(TomlDoc py, String file, RepoFiles files) {
    TomlDoc groups = py.table("dependency-groups");
    DependencyGroups d = new DependencyGroups(groups, file, files);
    Map<String, List<Requirement>> out = new TreeMap<>();
    for (String g : groups.keys()) {
      String name =
          FieldRule.PYTHON_NAME.check(
              files, g, file, groups.line(g), groups.column(g), groups.key(g));
      if (name != null) {
        d.keys.putIfAbsent(Requirement.normalize(g), g);
      }
    }
    for (String g : d.keys.values()) {
      out.put(g, d.expand(Requirement.normalize(g)));
    }
    return out;
  }

  /** A group being expanded: its entries and how far through them the expansion is. */
  private static final class Frame {
    final String group;
    final List<Object> entries;
    final List<Requirement> out = new ArrayList<>();
    int next;

    Frame(String group, List<Object> entries) {
      this.group = group;
      this.entries = entries;
    }
  }

  private List<Requirement> expand(String root) {
    if (done.containsKey(root)) {
      return done.get(root);
    }
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, entries(root)));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.next == f.entries.size()) {
        stack.pop();
        done.put(f.group, List.copyOf(f.out));
        if (!stack.isEmpty()) {
          stack.peek().out.addAll(f.out);
        }
        continue;
      }
      Object e = f.entries.get(f.next++);
      if (e instanceof Requirement r) {
        f.out.add(r);
        continue;
      }
      String included = (String) e;
      if (done.containsKey(included)) {
        f.out.addAll(done.get(included));
      } else if (!keys.containsKey(included)) {
        warn(f.group, "includes '" + included + "', which [dependency-groups] does not define");
      } else if (included.equals(f.group)) {
        warn(f.group, "includes itself");
      } else if (stack.stream().anyMatch(o -> o.group.equals(included))) {
        warn(f.group, "includes '" + keys.get(included) + "', which includes it back");
      } else if (stack.size() >= MAX_DEPTH) {
        if (!depthReported) {
          depthReported = true;
          warn(
              f.group,
              "includes '" + keys.get(included) + "' more than " + MAX_DEPTH + " groups deep");
        }
      } else {
        stack.push(new Frame(included, entries(included)));
      }
    }
    return done.get(root);
  }

  private void warn(String group, String what) {
    String key = keys.get(group);
    files.report(
        Diagnostic.warning(
            file,
            groups.line(key),
            groups.column(key),
            "dependency group '" + key + "' " + what + "; the include is ignored"));
  }

  /** The group's entries, read once. */
  private List<Object> entries(String group) {
    return entries.computeIfAbsent(group, this::readEntries);
  }

  private List<Object> readEntries(String group) {
    String key = keys.get(group);
    List<Object> out = new ArrayList<>();
    if (!groups.has(key)) {
      return out;
    }
    if (!"an array".equals(groups.typeOf(key))) {
      fields.wrongType(groups, true, "an array", key);
      return out;
    }
    Object value = groups.value(key);
    List<TomlDoc.Item> items = groups.items(key);
    List<?> values = (List<?>) value;
    for (int i = 0; i < values.size(); i++) {
      Object e = values.get(i);
      TomlDoc.Item item = items.get(i);
      if (e instanceof String s) {
        Requirement r =
            Requirements.parse(
                files,
                s,
                file,
                item.line(),
                item.column() + 1,
                "in dependency group '" + key + "'");
        if (r != null) {
          out.add(r);
        }
      } else if (e instanceof TomlDoc t && t.string("include-group") != null) {
        out.add(Requirement.normalize(t.string("include-group")));
      } else {
        files.report(
            Diagnostic.warning(
                file,
                item.line(),
                item.column(),
                groups.key(key)
                    + "["
                    + i
                    + "] is "
                    + groups.elementType(i, key)
                    + ", but must be a requirement string or {include-group = \"...\"}; it is"
                    + " ignored"));
      }
    }
    return out;
  }
}
