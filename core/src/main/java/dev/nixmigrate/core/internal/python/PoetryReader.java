package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlFields;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Marker;
import dev.nixmigrate.core.model.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code [tool.poetry]}: dependencies, groups, extras and the {@code python} constraint. */
final class PoetryReader {
  private PoetryReader() {}

  record Result(
      String requiresPython,
      List<Requirement> dependencies,
      Map<String, List<Requirement>> extras,
      Map<String, List<Requirement>> groups) {}

  static Result read(TomlDoc poetry, String file, RepoFiles files) {
    String requiresPython = "";
    List<Requirement> deps = new ArrayList<>();
    Map<String, Requirement> optional = new LinkedHashMap<>();
    TomlDoc table = poetry.table("dependencies");
    if (table != null) {
      for (String name : table.keys()) {
        if (name.equals("python")) {
          String python = new TomlFields(files).string(table, true, "python");
          requiresPython = python == null ? "" : PoetryConstraints.toPep440(python);
          continue;
        }
        Requirement r = requirement(name, table.value(name), file, table, files);
        if (r == null) {
          continue;
        }
        if (table.table(name) != null && table.table(name).flag("optional")) {
          optional.put(r.normalizedName(), r);
        } else {
          deps.add(r);
        }
      }
    }
    Map<String, List<Requirement>> extras = new TreeMap<>();
    TomlDoc extrasTable = poetry.table("extras");
    if (extrasTable != null) {
      for (String extra : extrasTable.keys()) {
        List<Requirement> list = new ArrayList<>();
        for (String dep : extrasTable.strings(extra)) {
          Requirement r = optional.get(Requirement.normalize(dep));
          if (r != null) {
            list.add(r);
          }
        }
        extras.put(extra, list);
      }
    }
    Map<String, List<Requirement>> groups = new TreeMap<>();
    TomlDoc groupTable = poetry.table("group");
    if (groupTable != null) {
      for (String g : groupTable.keys()) {
        TomlDoc gd = groupTable.table(g, "dependencies");
        if (gd != null) {
          groups.put(g, table(gd, file, files));
        }
      }
    }
    TomlDoc legacyDev = poetry.table("dev-dependencies");
    if (legacyDev != null) {
      groups.putIfAbsent("dev", table(legacyDev, file, files));
    }
    return new Result(requiresPython, deps, extras, groups);
  }

  private static List<Requirement> table(TomlDoc t, String file, RepoFiles files) {
    List<Requirement> out = new ArrayList<>();
    for (String name : t.keys()) {
      Requirement r = requirement(name, t.value(name), file, t, files);
      if (r != null && !name.equals("python")) {
        out.add(r);
      }
    }
    return out;
  }

  private static Requirement requirement(
      String name, Object value, String file, TomlDoc parent, RepoFiles files) {
    if (value instanceof String constraint) {
      return new Requirement(
          name,
          List.of(),
          PoetryConstraints.toPep440(constraint),
          "",
          Marker.always(),
          file,
          parent.line(name));
    }
    if (value instanceof List<?> alternatives && !alternatives.isEmpty()) {
      // Multiple-constraint dependencies: the first entry stands for the dependency.
      return requirement(name, alternatives.get(0), file, parent, files);
    }
    if (value instanceof TomlDoc t) {
      List<String> extras = t.strings("extras");
      String spec =
          t.string("version") == null ? "" : PoetryConstraints.toPep440(t.string("version"));
      String url = "";
      if (t.string("git") != null) {
        url = "git+" + t.string("git");
      } else if (t.string("url") != null) {
        url = t.string("url");
      } else if (t.string("path") != null) {
        url = "file:" + t.string("path");
      }
      Marker marker = Marker.always();
      if (t.string("markers") != null) {
        try {
          marker = Pep508.parseMarker(t.string("markers"));
        } catch (Pep508.SyntaxException e) {
          files.report(
              Diagnostic.warning(
                  file,
                  t.line("markers"),
                  t.column("markers"),
                  "the markers of dependency '"
                      + name
                      + "' are not a PEP 508 marker ("
                      + e.getMessage()
                      + " at character "
                      + (e.offset() + 1)
                      + "); the dependency is ignored"));
          return null;
        }
      }
      if (t.string("python") != null) {
        marker = Marker.and(marker, PoetryConstraints.pythonMarker(t.string("python")));
      }
      return new Requirement(
          name, extras, url.isEmpty() ? spec : "", url, marker, file, parent.line(name));
    }
    files.report(
        Diagnostic.warning(
            file,
            parent.line(name),
            parent.column(name),
            "dependency '" + name + "' has a value Poetry does not define; it is ignored"));
    return null;
  }
}
