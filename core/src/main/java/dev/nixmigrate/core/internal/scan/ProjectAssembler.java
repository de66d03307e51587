package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.cmake.CMakeReader;
import dev.nixmigrate.core.internal.nixpkgs.NixNeeds;
import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.internal.python.PythonReader;
import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.rust.CargoReader;
import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RustProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the walked tree into projects: one per directory whose manifests describe a build. */
final class ProjectAssembler {
  private final RepoFiles files;
  private final Map<String, List<String>> tree;
  private final NixpkgsData data;

  ProjectAssembler(RepoFiles files, Map<String, List<String>> tree, NixpkgsData data) {
    this.files = files;
    this.tree = tree;
    this.data = data;
  }

  List<Project> assemble() {
    List<String> cargoDirs = dirsWith("Cargo.toml");
    Map<String, RustProject> rust =
        CargoReader.read(files, cargoDirs, data::isSysCrate, c -> data.forCrate(c).isPresent());

    Map<String, CMakeProject> cmake = new TreeMap<>();
    Set<String> claimed = new HashSet<>();
    List<String> cmakeDirs = dirsWith("CMakeLists.txt");
    cmakeDirs.sort(Comparator.comparingInt(ProjectAssembler::depth).thenComparing(d -> d));
    for (String dir : cmakeDirs) {
      if (claimed.contains(dir)) {
        continue;
      }
      Optional<CMakeReader.Result> r = CMakeReader.read(files, dir);
      if (r.isEmpty()) {
        claimed.add(dir);
        continue;
      }
      claimed.addAll(r.get().directories());
      // A CMakeLists.txt inside another CMake project that no add_subdirectory reached and that
      // declares no project() of its own is a fragment of its parent, not a project.
      boolean nested = cmake.keySet().stream().anyMatch(p -> within(dir, p));
      if (nested && r.get().project().name() == null) {
        continue;
      }
      cmake.put(dir, r.get().project());
    }

    Map<String, PythonProject> python = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : tree.entrySet()) {
      if (e.getValue().stream().anyMatch(PythonReader::isManifest)) {
        PythonReader.read(files, e.getKey(), e.getValue())
            .ifPresent(p -> python.put(e.getKey(), p));
      }
    }

    Map<String, List<String>> other = new TreeMap<>();
    Map<String, MesonReader.MesonProject> meson = new TreeMap<>();
    for (String dir : dirsWith("meson.build")) {
      if (meson.keySet().stream().noneMatch(m -> within(dir, m))) {
        String file = RepoFiles.join(dir, "meson.build");
        MesonReader.MesonProject mp = MesonReader.read(files.text(file).orElse(""));
        String name =
            FieldRule.PROJECT_NAME.check(files, mp.name(), file, mp.line(), 1, "the project name");
        meson.put(dir, new MesonReader.MesonProject(name, mp.version(), mp.languages(), mp.line()));
        other.computeIfAbsent(dir, k -> new ArrayList<>()).add("meson");
      }
    }
    List<String> makeDirs = dirsWith("Makefile");
    makeDirs.sort(Comparator.comparingInt(ProjectAssembler::depth).thenComparing(d -> d));
    List<String> make = new ArrayList<>();
    Map<String, Set<Language>> makeLanguages = new TreeMap<>();
    for (String dir : makeDirs) {
      List<String> names = tree.get(dir);
      boolean otherBuild =
          names.contains("CMakeLists.txt")
              || names.contains("meson.build")
              || names.contains("Cargo.toml")
              || names.stream().anyMatch(PythonReader::isManifest);
      // A Makefile below another Makefile project is part of it (lib/Makefile behind the top's
      // `$(MAKE) -C lib`); a top Makefile that only hands work to such folders is the project.
      boolean nested = make.stream().anyMatch(m -> within(dir, m));
      boolean builds =
          cSources(names) || (NativeBuildReader.delegates(files, dir) && cSourcesBelow(dir));
      if (!otherBuild && !nested && builds) {
        make.add(dir);
        other.computeIfAbsent(dir, k -> new ArrayList<>()).add("make");
      } else if (besideCargo(names) && !nested && builds && compilesC(dir)) {
        // A Cargo workspace's Makefile that also compiles C or C++ (newsboat's): cargo builds
        // only the Rust part, so the Makefile's is a build of its own, and its languages count.
        other.computeIfAbsent(dir, k -> new ArrayList<>()).add("make");
        makeLanguages.put(dir, sourceLanguages(dir));
      }
    }

    TreeSet<String> dirs =
        new TreeSet<>(Comparator.comparingInt(ProjectAssembler::depth).thenComparing(d -> d));
    dirs.addAll(rust.keySet());
    dirs.addAll(cmake.keySet());
    dirs.addAll(python.keySet());
    dirs.addAll(other.keySet());
    List<Project> out = new ArrayList<>();
    for (String dir : dirs) {
      Optional<PythonProject> py = Optional.ofNullable(python.get(dir));
      Optional<RustProject> rs = Optional.ofNullable(rust.get(dir));
      Optional<CMakeProject> cm = Optional.ofNullable(cmake.get(dir));
      List<String> others = other.getOrDefault(dir, List.of());
      MesonReader.MesonProject mp = meson.get(dir);
      Optional<NativeBuild> nb = Optional.empty();
      if (py.isEmpty() && rs.isEmpty() && cm.isEmpty()) {
        nb =
            mp != null
                ? Optional.of(NativeBuildReader.meson(files, tree, dir, mp))
                : others.contains("make")
                    ? Optional.of(NativeBuildReader.make(files, tree, dir))
                    : Optional.empty();
      }
      List<NixPackage> nix = NixNeeds.map(data, dir, py, rs, cm, others, nb, files::report);
      out.add(
          new Project(
              dir,
              name(dir, py, rs, cm, mp),
              languages(py, rs, cm, mp, others, makeLanguages.getOrDefault(dir, Set.of())),
              py,
              rs,
              cm,
              others,
              nix,
              nb));
    }
    return out;
  }

  private String name(
      String dir,
      Optional<PythonProject> py,
      Optional<RustProject> rs,
      Optional<CMakeProject> cm,
      MesonReader.MesonProject mp) {
    if (py.isPresent() && py.get().name() != null) {
      return py.get().name();
    }
    if (rs.isPresent()
        && !rs.get().virtualWorkspace()
        && !rs.get().packages().isEmpty()
        && rs.get().packages().get(0).name() != null) {
      return rs.get().packages().get(0).name();
    }
    if (cm.isPresent() && cm.get().name() != null && !cm.get().name().contains("${")) {
      return cm.get().name();
    }
    if (mp != null && mp.name() != null) {
      return mp.name();
    }
    return dir.equals(".") ? RepoName.of(files.root()) : dir.substring(dir.lastIndexOf('/') + 1);
  }

  private static List<Language> languages(
      Optional<PythonProject> py,
      Optional<RustProject> rs,
      Optional<CMakeProject> cm,
      MesonReader.MesonProject mp,
      List<String> others,
      Set<Language> makeLanguages) {
    TreeSet<Language> langs = new TreeSet<>(makeLanguages);
    py.ifPresent(
        p -> {
          langs.add(Language.PYTHON);
          if (p.nativeParts().contains("c-extension")) {
            langs.add(Language.C);
          }
        });
    rs.ifPresent(r -> langs.add(Language.RUST));
    cm.ifPresent(
        c ->
            c.languages().stream()
                .map(Language::fromCMake)
                .filter(java.util.Objects::nonNull)
                .forEach(langs::add));
    if (mp != null) {
      langs.addAll(mp.languages());
    }
    if (others.contains("make") && makeLanguages.isEmpty()) {
      langs.add(Language.C);
    }
    return List.copyOf(langs);
  }

  /** A folder whose only other manifest is Cargo's. */
  private static boolean besideCargo(List<String> names) {
    return names.contains("Cargo.toml")
        && !names.contains("CMakeLists.txt")
        && !names.contains("meson.build")
        && names.stream().noneMatch(PythonReader::isManifest);
  }

  /** A make variable of the C or C++ compiler, set or used: the Makefile compiles C or C++. */
  private static final java.util.regex.Pattern COMPILER =
      java.util.regex.Pattern.compile(
          "\\$[({](?:CC|CXX)[)}]|^[ \\t]*(?:CC|CXX)[ \\t]*[:?+]?=",
          java.util.regex.Pattern.MULTILINE);

  private boolean compilesC(String dir) {
    return files
        .text(RepoFiles.join(dir, "Makefile"))
        .map(t -> COMPILER.matcher(t).find())
        .orElse(false);
  }

  /** C when the folder's tree holds .c files, C++ when it holds .cc, .cpp or .cxx files. */
  private Set<Language> sourceLanguages(String dir) {
    Set<Language> out = new TreeSet<>();
    tree.forEach(
        (d, names) -> {
          if (d.equals(dir) || within(d, dir)) {
            for (String n : names) {
              if (n.endsWith(".c")) {
                out.add(Language.C);
              } else if (n.matches(".*\\.(cc|cpp|cxx)$")) {
                out.add(Language.CPP);
              }
            }
          }
        });
    return out.isEmpty() ? Set.of(Language.C) : out;
  }

  private static boolean cSources(List<String> names) {
    return names.stream().anyMatch(ProjectAssembler::isCSource);
  }

  private static final java.util.regex.Pattern C_SOURCE =
      java.util.regex.Pattern.compile(
          ".*\\.(c|cc|cpp|cxx|c\\+\\+|h|hh|hpp|hxx|m|mm|cu)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A C, C++, Objective-C or CUDA source or header, by its name. */
  static boolean isCSource(String name) {
    return C_SOURCE.matcher(name).matches();
  }

  /** True when a folder below {@code dir} holds C or C++ sources. */
  private boolean cSourcesBelow(String dir) {
    return tree.entrySet().stream()
        .anyMatch(e -> within(e.getKey(), dir) && cSources(e.getValue()));
  }

  private List<String> dirsWith(String name) {
    List<String> out = new ArrayList<>();
    tree.forEach(
        (dir, names) -> {
          if (names.contains(name)) {
            out.add(dir);
          }
        });
    return out;
  }

  private static int depth(String dir) {
    return dir.equals(".") ? 0 : dir.split("/").length;
  }

  private static boolean within(String dir, String root) {
    return !dir.equals(root) && (root.equals(".") || dir.startsWith(root + "/"));
  }
}
