package dev.nixmigrate.core.internal.nixpkgs;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RustProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Maps a project's detected needs (libraries, build tools) to nixpkgs attributes. Language
 * toolchains (the interpreter, rustc, the C compiler) are chosen by the generators, not here. An
 * unmapped need becomes a diagnostic; nothing is invented.
 */
public final class NixNeeds {
  private final NixpkgsData data;
  private final Map<String, NixPackage> out = new LinkedHashMap<>();
  private final Consumer<Diagnostic> report;

  /** The manifest being mapped, named in diagnostics. */
  private String file = "";

  private NixNeeds(NixpkgsData data, Consumer<Diagnostic> report) {
    this.data = data;
    this.report = report;
  }

  /** The attributes the project's parts need, sorted by attribute then input. */
  public static List<NixPackage> map(
      NixpkgsData data,
      String projectPath,
      Optional<PythonProject> python,
      Optional<RustProject> rust,
      Optional<CMakeProject> cmake,
      List<String> otherBuilds,
      Optional<NativeBuild> nativeBuild,
      Consumer<Diagnostic> report) {
    NixNeeds n = new NixNeeds(data, report);
    python.ifPresent(
        p -> {
          n.file = join(projectPath, "pyproject.toml");
          n.python(p);
        });
    rust.ifPresent(
        r -> {
          n.file = join(projectPath, "Cargo.toml");
          n.rust(r);
        });
    cmake.ifPresent(
        c -> {
          n.file = join(projectPath, "CMakeLists.txt");
          n.cmake(c, projectPath);
        });
    n.file = projectPath;
    if (otherBuilds.contains("meson")) {
      n.tool("meson", "meson.build");
      n.tool("ninja", "meson.build");
      n.tool("pkg-config", "meson.build");
    }
    if (otherBuilds.contains("make")) {
      n.tool("gnumake", "Makefile");
    }
    nativeBuild.ifPresent(
        b -> {
          n.file = join(projectPath, b.system().equals("meson") ? "meson.build" : "Makefile");
          if (!b.dependencies().isEmpty()) {
            n.tool("pkg-config", b.system().equals("meson") ? "dependency()" : "pkg-config");
          }
          b.dependencies().forEach(n::pkgConfig);
        });
    return n.out.values().stream()
        .sorted(Comparator.comparing(NixPackage::attribute).thenComparing(NixPackage::input))
        .toList();
  }

  private void python(PythonProject p) {
    if (p.packageManager() != PythonProject.PackageManager.PIP) {
      tool(p.packageManager().id(), "package manager " + p.packageManager().id());
    }
    if (p.buildBackend() == PythonProject.BuildBackend.MATURIN) {
      tool("maturin", "build backend maturin");
    }
    if (p.nativeParts().contains("cmake")) {
      tool("cmake", "build backend " + p.buildBackend().id());
      tool("ninja", "build backend " + p.buildBackend().id());
    }
    if (p.nativeParts().contains("meson")) {
      tool("meson", "build backend mesonpy");
      tool("ninja", "build backend mesonpy");
      tool("pkg-config", "build backend mesonpy");
    }
    // Runtime and build requirements only, and only the libraries they link or load: the tools
    // that would build such a dependency from source (meson for numpy) are that dependency's
    // business. Development groups come as wheels in a dev shell and are left out.
    List<String> considered = new ArrayList<>();
    if (p.name() != null) {
      considered.add(
          p.name()); // A project that is itself a known binding (psycopg-c) needs its library.
    }
    p.dependencies().forEach(r -> considered.add(r.name()));
    p.buildRequires().forEach(r -> considered.add(r.name()));
    for (String name : considered) {
      data.forPypi(name)
          .ifPresent(
              pkgs ->
                  pkgs.stream()
                      .filter(pkg -> pkg.input().equals("buildInputs"))
                      .forEach(this::add));
    }
  }

  private void rust(RustProject r) {
    // Sets, not lists: a manifest may name a hundred thousand dependencies.
    Set<String> required = new HashSet<>();
    Set<String> crates = new TreeSet<>(r.sysCrates());
    crates.addAll(r.buildCrates());
    r.packages()
        .forEach(
            pkg -> {
              crates.addAll(pkg.dependencies());
              Set<String> optional = new HashSet<>(pkg.optionalDependencies());
              pkg.dependencies().stream().filter(d -> !optional.contains(d)).forEach(required::add);
            });
    for (String crate : crates) {
      Optional<List<NixPackage>> mapped = data.forCrate(crate);
      if (mapped.isPresent()) {
        mapped.get().forEach(this::add);
      } else if (required.contains(crate) && crate.endsWith("-sys")) {
        // Only direct, non-optional dependencies are worth a note; transitive -sys crates are
        // mostly pure Rust (linux-raw-sys, js-sys).
        report.accept(
            Diagnostic.info(
                file,
                1,
                1,
                "crate "
                    + crate
                    + " may need a system library that nixmigrate has no nixpkgs mapping"
                    + " for; if the build fails for lack of it, add the library to the dev shell"));
      }
    }
  }

  private void cmake(CMakeProject c, String path) {
    tool("cmake", "CMakeLists.txt");
    for (CMakeProject.FindPackage fp : c.packages()) {
      if (qt6(fp)) {
        continue;
      }
      Optional<List<NixPackage>> mapped = data.forFindPackage(fp.name());
      if (mapped.isPresent()) {
        mapped.get().forEach(this::add);
      } else if (!isProjectInternal(fp.name(), c)) {
        report.accept(
            Diagnostic.warning(
                fp.file(),
                fp.line(),
                1,
                "find_package("
                    + fp.name()
                    + ") has no known nixpkgs attribute; add the package to the dev shell by"
                    + " hand"));
      }
    }
    if (!c.pkgConfigModules().isEmpty()) {
      tool("pkg-config", "pkg_check_modules");
    }
    c.pkgConfigModules().forEach(this::pkgConfig);
    packageManagerDeps(c.vcpkgDependencies(), join(path, "vcpkg.json"), "vcpkg port");
    packageManagerDeps(c.conanRequires(), join(path, "conanfile.txt"), "conan package");
  }

  /**
   * {@code find_package(Qt6 COMPONENTS Widgets Svg)} or {@code find_package(Qt6Svg)}: qtbase and
   * the wrapper hook, as the table's Qt6 row says, and the qt6 module of each component. A
   * component the table does not know is a warning. False when {@code fp} is no Qt 6 package.
   */
  private boolean qt6(CMakeProject.FindPackage fp) {
    List<String> components;
    if (fp.name().equals("Qt6")) {
      components = fp.components();
    } else if (fp.name().startsWith("Qt6") && fp.name().length() > 3) {
      components = List.of(fp.name().substring(3));
    } else {
      return false;
    }
    data.forFindPackage("Qt6").ifPresent(list -> list.forEach(this::add));
    for (String component : components) {
      Optional<List<NixPackage>> module = data.forQt6Component(component);
      if (module.isPresent()) {
        module.get().forEach(this::add);
      } else {
        report.accept(
            Diagnostic.warning(
                fp.file(),
                fp.line(),
                1,
                "Qt 6 component "
                    + component
                    + " has no known qt6 module in nixpkgs; add the module (pkgs.qt6.<module>)"
                    + " to the dev shell by hand"));
      }
    }
    return true;
  }

  private void pkgConfig(String module) {
    Optional<List<NixPackage>> mapped = data.forPkgConfig(module);
    if (mapped.isPresent()) {
      mapped.get().forEach(this::add);
    } else {
      report.accept(
          Diagnostic.warning(
              file,
              1,
              1,
              "pkg-config module "
                  + module
                  + " has no known nixpkgs attribute; add the package to the dev shell by hand"));
    }
  }

  /** vcpkg and conan names usually match CMake's package names. */
  private void packageManagerDeps(List<String> deps, String manifest, String what) {
    for (String dep : deps) {
      Optional<List<NixPackage>> mapped = data.forFindPackage(dep);
      if (mapped.isPresent()) {
        mapped.get().forEach(this::add);
      } else {
        report.accept(
            Diagnostic.info(
                manifest,
                1,
                1,
                what
                    + " "
                    + dep
                    + " has no known nixpkgs attribute; add the package to the dev shell by hand"));
      }
    }
  }

  /** Packages the project builds itself (found via FetchContent, or its own config). */
  private static boolean isProjectInternal(String name, CMakeProject c) {
    return c.fetchContent().stream().anyMatch(f -> f.name().equalsIgnoreCase(name))
        || (c.name() != null && c.name().equalsIgnoreCase(name));
  }

  private static String join(String dir, String name) {
    return dir.equals(".") ? name : dir + "/" + name;
  }

  private void tool(String attr, String reason) {
    add(new NixPackage(attr, "nativeBuildInputs", reason));
  }

  private void add(NixPackage p) {
    if (!data.isKnownAttribute(p.attribute())) {
      // Every emitted attribute must be on the checked allow-list; say so rather than guess.
      report.accept(
          Diagnostic.info(
              file,
              1,
              1,
              p.reason()
                  + " maps to nixpkgs attribute "
                  + p.attribute()
                  + ", which is not on nixmigrate's checked list; it is left out"));
      return;
    }
    out.putIfAbsent(p.attribute() + "\u0000" + p.input(), p);
  }
}
