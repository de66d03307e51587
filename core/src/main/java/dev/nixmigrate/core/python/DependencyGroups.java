package dev.nixmigrate.core.python;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Requirement;
import dev.nixmigrate.core.read.RepoFiles;
import dev.nixmigrate.core.read.TomlDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** PEP 735 {@code [dependency-groups]}, with {@code {include-group = "..."}} entries expanded. */
final class DependencyGroups {
  private DependencyGroups() {}

  static Map<String, List<Requirement>> read(TomlDoc py, String file, RepoFiles files) {
    TomlDoc groups = py.table("dependency-groups");
    Map<String, List<Requirement>> out = new TreeMap<>();
    for (String g : groups.keys()) {
      out.put(g, expand(groups, g, file, files, new HashSet<>()));
    }
    return out;
  }

  private static List<Requirement> expand(
      TomlDoc groups, String group, String file, RepoFiles files, Set<String> visiting) {
    List<Requirement> out = new ArrayList<>();
    if (!visiting.add(Requirement.normalize(group))) {
      files.report(
          Diagnostic.warning(
              file,
              groups.line(group),
              1,
              "dependency group '" + group + "' includes itself; the cycle is cut"));
      return out;
    }
    String key =
        groups.keys().stream()
            .filter(k -> Requirement.normalize(k).equals(Requirement.normalize(group)))
            .findFirst()
            .orElse(null);
    if (key == null) {
      files.report(
          Diagnostic.warning(
              file,
              1,
              1,
              "include-group names '" + group + "', which [dependency-groups] does not define"));
      return out;
    }
    Object value = groups.value(key);
    if (value instanceof List<?> entries) {
      for (Object e : entries) {
        if (e instanceof String s) {
          try {
            out.add(Pep508.parse(s));
          } catch (Pep508.SyntaxException ex) {
            files.report(
                Diagnostic.warning(
                    file,
                    groups.line(key),
                    groups.column(key),
                    "'"
                        + s
                        + "' in dependency group '"
                        + key
                        + "' is not a PEP 508 requirement; ignored"));
          }
        } else if (e instanceof TomlDoc t && t.string("include-group") != null) {
          out.addAll(expand(groups, t.string("include-group"), file, files, visiting));
        }
      }
    }
    visiting.remove(Requirement.normalize(group));
    return out;
  }
}
