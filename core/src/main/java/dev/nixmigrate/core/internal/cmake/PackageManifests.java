package dev.nixmigrate.core.internal.cmake;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C/C++ package-manager and preset files beside a CMakeLists.txt: vcpkg.json, conanfile.txt,
 * CMakePresets.json. Parts of the wrong shape are reported where they stand and ignored.
 */
final class PackageManifests {
  private final RepoFiles files;
  private final String rel;
  private final Json.Located doc;

  private PackageManifests(RepoFiles files, String rel, Json.Located doc) {
    this.files = files;
    this.rel = rel;
    this.doc = doc;
  }

  /** Dependency names from vcpkg.json (strings or objects with {@code name}). */
  static List<String> vcpkg(RepoFiles files, String rel) {
    List<String> out = new ArrayList<>();
    json(files, rel)
        .ifPresent(
            j -> {
              for (Object d : j.list(j.doc.value(), "dependencies")) {
                Object name = d instanceof Map<?, ?> dm ? dm.get("name") : d;
                if (name instanceof String s) {
                  j.add(out, s, FieldRule.PACKAGE_NAME, "dependency name");
                } else {
                  j.ignored(d, "a vcpkg dependency must be a name or an object with a \"name\"");
                }
              }
            });
    return out;
  }

  /** Package names from conanfile.txt's {@code [requires]} ({@code zlib/1.3.1} is zlib). */
  static List<String> conan(RepoFiles files, String rel) {
    List<String> out = new ArrayList<>();
    if (!files.isFile(rel)) {
      return out;
    }
    boolean inRequires = false;
    String[] lines = files.text(rel).orElse("").split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("[")) {
        inRequires = line.equals("[requires]");
      } else if (inRequires && !line.isEmpty() && !line.startsWith("#")) {
        String name =
            FieldRule.PACKAGE_NAME.check(
                files, line.split("/", 2)[0], rel, i + 1, 1, "the requirement's name");
        if (name != null) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Names of the visible configure presets in CMakePresets.json. */
  static List<String> presets(RepoFiles files, String rel) {
    List<String> out = new ArrayList<>();
    json(files, rel)
        .ifPresent(
            j -> {
              for (Object p : j.list(j.doc.value(), "configurePresets")) {
                if (p instanceof Map<?, ?> pm && pm.get("name") instanceof String name) {
                  if (!Boolean.TRUE.equals(pm.get("hidden"))) {
                    j.add(out, name, FieldRule.PROJECT_NAME, "preset name");
                  }
                } else {
                  j.ignored(p, "a configure preset must be an object with a string \"name\"");
                }
              }
            });
    return out;
  }

  /** The array at {@code key} of the top object; anything else is reported and reads as empty. */
  private List<?> list(Object top, String key) {
    if (!(top instanceof Map<?, ?> m)) {
      ignored(top, "the file must hold a JSON object");
      return List.of();
    }
    Object v = m.get(key);
    if (v == null || v instanceof List<?>) {
      return v == null ? List.of() : (List<?>) v;
    }
    ignored(v, "\"" + key + "\" must be an array");
    return List.of();
  }

  private void add(List<String> out, String value, FieldRule rule, String field) {
    int[] at = doc.position(value);
    String checked = rule.check(files, value, rel, at[0], at[1], "the " + field);
    if (checked != null) {
      out.add(checked);
    }
  }

  private void ignored(Object value, String rule) {
    int[] at = doc.position(value);
    files.report(Diagnostic.warning(rel, at[0], at[1], rule + "; this value is ignored"));
  }

  private static Optional<PackageManifests> json(RepoFiles files, String rel) {
    if (!files.isFile(rel)) {
      return Optional.empty();
    }
    Optional<String> text = files.text(rel);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PackageManifests(files, rel, Json.parseLocated(text.get(), rel)));
    } catch (ManifestException e) {
      files.report(e.diagnostic());
      return Optional.empty();
    }
  }
}
