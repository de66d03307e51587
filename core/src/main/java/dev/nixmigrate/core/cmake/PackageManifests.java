package dev.nixmigrate.core.cmake;

import dev.nixmigrate.core.read.Json;
import dev.nixmigrate.core.read.ManifestException;
import dev.nixmigrate.core.read.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C/C++ package-manager and preset files beside a CMakeLists.txt: vcpkg.json, conanfile.txt,
 * CMakePresets.json.
 */
final class PackageManifests {
  private PackageManifests() {}

  /** Dependency names from vcpkg.json (strings or objects with {@code name}). */
  static List<String> vcpkg(RepoFiles files, String rel) {
    List<String> out = new ArrayList<>();
    json(files, rel)
        .ifPresent(
            v -> {
              if (v instanceof Map<?, ?> m && m.get("dependencies") instanceof List<?> deps) {
                for (Object d : deps) {
                  if (d instanceof String s) {
                    out.add(s);
                  } else if (d instanceof Map<?, ?> dm && dm.get("name") instanceof String s) {
                    out.add(s);
                  }
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
    for (String raw : files.text(rel).orElse("").split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        inRequires = line.equals("[requires]");
      } else if (inRequires && !line.isEmpty() && !line.startsWith("#")) {
        out.add(line.split("/", 2)[0]);
      }
    }
    return out;
  }

  /** Names of the visible configure presets in CMakePresets.json. */
  static List<String> presets(RepoFiles files, String rel) {
    List<String> out = new ArrayList<>();
    json(files, rel)
        .ifPresent(
            v -> {
              if (v instanceof Map<?, ?> m && m.get("configurePresets") instanceof List<?> list) {
                for (Object p : list) {
                  if (p instanceof Map<?, ?> pm
                      && pm.get("name") instanceof String name
                      && !Boolean.TRUE.equals(pm.get("hidden"))) {
                    out.add(name);
                  }
                }
              }
            });
    return out;
  }

  private static Optional<Object> json(RepoFiles files, String rel) {
    if (!files.isFile(rel)) {
      return Optional.empty();
    }
    Optional<String> text = files.text(rel);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.parse(text.get(), rel));
    } catch (ManifestException e) {
      files.report(e.diagnostic());
      return Optional.empty();
    }
  }
}
