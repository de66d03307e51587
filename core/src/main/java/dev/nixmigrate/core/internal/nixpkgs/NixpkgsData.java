package dev.nixmigrate.core.internal.nixpkgs;

import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Requirement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nixpkgs attribute tables nixmigrate ships (copied from the shared data by {@code
 * scripts/refresh-data}; each row was checked against a nixpkgs file, see the README beside them).
 * Lookups return the attributes a need maps to; an unknown need is {@link Optional#empty()}, never
 * a guess.
 */
public final class NixpkgsData {
  private static final String BASE = "/dev/nixmigrate/core/nixpkgs/";
  private static final NixpkgsData INSTANCE = load();

  private final Map<String, List<NixPackage>> findPackage = new HashMap<>();
  private final Map<String, List<NixPackage>> findPackageLower = new HashMap<>();
  private final Map<String, List<NixPackage>> pkgConfig = new HashMap<>();
  private final Map<String, List<NixPackage>> crates = new HashMap<>();
  private final Map<String, List<NixPackage>> pypi = new HashMap<>();
  private final Map<String, String> attributeStatus = new LinkedHashMap<>();
  private final Set<String> python3Packages = new HashSet<>();
  private final Map<String, String> pythonAliases = new HashMap<>();
  private final Map<String, String> pythonInterpreters = new LinkedHashMap<>();
  private final Map<String, String> stablePythonInterpreters = new LinkedHashMap<>();

  /** Qt 6's CMake components ({@code Widgets}, {@code Svg}) to the qt6 module holding each. */
  private final Map<String, List<NixPackage>> qt6Components = new LinkedHashMap<>();

  private NixpkgsData() {}

  /**
   * Attributes nixpkgs builds for Linux (and BSDs) only, not for macOS, read from each package's
   * {@code meta.platforms} (or {@code meta.broken}) in nixpkgs: a flake that names one for every
   * system fails to evaluate on macOS.
   */
  private final java.util.Set<String> linuxOnly = new java.util.TreeSet<>();

  /** Whether nixpkgs builds {@code attribute} on Linux only among nixmigrate's systems. */
  public boolean linuxOnly(String attribute) {
    return linuxOnly.contains(attribute);
  }

  /** The qt6 module that provides a Qt 6 CMake component, if the table knows it. */
  public Optional<List<NixPackage>> forQt6Component(String component) {
    return Optional.ofNullable(qt6Components.get(component));
  }

  /** The tables bundled with nixmigrate. */
  public static NixpkgsData bundled() {
    return INSTANCE;
  }

  /** Attributes for {@code find_package(name)}: exact CMake name first, then case-insensitive. */
  public Optional<List<NixPackage>> forFindPackage(String name) {
    List<NixPackage> exact = findPackage.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    List<NixPackage> lower = findPackageLower.get(name.toLowerCase(Locale.ROOT));
    if (lower == null && CMAKE_DEPRECATED.containsKey(name.toLowerCase(Locale.ROOT))) {
      return forFindPackage(CMAKE_DEPRECATED.get(name.toLowerCase(Locale.ROOT)));
    }
    return Optional.ofNullable(lower);
  }

  /**
   * CMake's deprecated FindPythonInterp and FindPythonLibs modules find what FindPython's
   * Interpreter and Development components find (CMake's documentation of the three modules), so
   * they take the Python row of the table.
   */
  private static final Map<String, String> CMAKE_DEPRECATED =
      Map.of("pythoninterp", "Python", "pythonlibs", "Python");

  public Optional<List<NixPackage>> forPkgConfig(String module) {
    return Optional.ofNullable(pkgConfig.get(module));
  }

  /**
   * Attributes for a Rust crate that links or builds native code ({@code openssl-sys}, {@code
   * git2}).
   */
  public Optional<List<NixPackage>> forCrate(String crate) {
    return Optional.ofNullable(crates.get(crate));
  }

  /**
   * True for crates that link a system library: those the table maps to a library ({@code
   * buildInputs}), and other {@code -sys} crates except the ones that bind an operating system's
   * own interface or a JavaScript host, which no package provides. A crate the table maps only to
   * build tools ({@code cc}, {@code bindgen}, {@code pkg-config}) links nothing itself.
   */
  public boolean isSysCrate(String crate) {
    List<NixPackage> mapped = crates.get(crate);
    if (mapped != null) {
      return mapped.stream().anyMatch(p -> p.input().equals("buildInputs"));
    }
    return (crate.endsWith("-sys") || crate.endsWith("_sys")) && !OS_INTERFACE_SYS.contains(crate);
  }

  /** -sys crates for an operating system's or a JavaScript host's own interface. */
  private static final java.util.Set<String> OS_INTERFACE_SYS =
      java.util.Set.of(
          "windows-sys",
          "linux-raw-sys",
          "js-sys",
          "web-sys",
          "core-foundation-sys",
          "security-framework-sys",
          "system-configuration-sys",
          "io-kit-sys",
          "objc-sys",
          "wasi-sys",
          "redox_syscall");

  /** System attributes a PyPI distribution needs when built from source, by normalised name. */
  public Optional<List<NixPackage>> forPypi(String name) {
    return Optional.ofNullable(pypi.get(Requirement.normalize(name)));
  }

  /**
   * Whether {@code attr} is a checked nixpkgs attribute: present at top level, or a member of a
   * checked package set ({@code python3Packages.pybind11}, {@code qt6.qtbase}).
   */
  public boolean isKnownAttribute(String attr) {
    String status = attributeStatus.get(attr);
    if (status != null) {
      return status.startsWith("present");
    }
    int dot = attr.indexOf('.');
    if (dot > 0) {
      String set = attr.substring(0, dot);
      if (set.equals("python3Packages")) {
        return python3Packages.contains(attr.substring(dot + 1));
      }
      String setStatus = attributeStatus.get(set);
      return setStatus != null && setStatus.startsWith("present");
    }
    return false;
  }

  /**
   * The python3Packages attribute for a PyPI name (PEP 503-normalised): the name itself, or the
   * target of an alias in python-aliases.nix.
   */
  public Optional<String> python3Package(String normalizedName) {
    if (python3Packages.contains(normalizedName)) {
      return Optional.of(normalizedName);
    }
    String target = pythonAliases.get(normalizedName);
    return target != null && python3Packages.contains(target)
        ? Optional.of(target)
        : Optional.empty();
  }

  public boolean isPython3Package(String attr) {
    return python3Packages.contains(attr);
  }

  /** Released CPython interpreters (no pre-releases), as {@code 3.N -> python3N}. */
  public Map<String, String> stablePythonInterpreters() {
    return Map.copyOf(stablePythonInterpreters);
  }

  /** Every checked top-level attribute that nixpkgs has, and the python3Packages names. */
  public java.util.Set<String> knownTopLevelAttributes() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    attributeStatus.forEach(
        (k, v) -> {
          if (v.startsWith("present")) {
            out.add(k);
          }
        });
    return out;
  }

  /** Every attribute any mapping table can produce (some with a package-set prefix). */
  public java.util.Set<String> mappedAttributes() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Map<String, List<NixPackage>> table :
        List.of(findPackage, pkgConfig, crates, pypi, qt6Components)) {
      table.values().forEach(list -> list.forEach(p -> out.add(p.attribute())));
    }
    return out;
  }

  public java.util.Set<String> python3PackageNames() {
    return java.util.Collections.unmodifiableSet(python3Packages);
  }

  /** CPython interpreters nixpkgs has, as {@code 3.N -> python3N}, oldest first. */
  public Map<String, String> pythonInterpreters() {
    return Map.copyOf(pythonInterpreters);
  }

  private static NixpkgsData load() {
    NixpkgsData d = new NixpkgsData();
    for (String[] row : rows("toplevel-attrs-checked.tsv")) {
      d.attributeStatus.put(row[0], row[1]);
    }
    for (String[] row : rows("python3Packages.txt")) {
      if (!row[0].startsWith("#")) {
        d.python3Packages.add(row[0].strip());
      }
    }
    // python3Packages.txt is a 2024 snapshot; names added to nixpkgs since then, each checked in a
    // later nixpkgs file named in the table, live beside it (scripts/refresh-data leaves it alone).
    for (String[] row : rows("python3Packages-added.tsv")) {
      d.python3Packages.add(row[0].strip());
    }
    for (String[] row : rows("python3Packages-aliases.tsv")) {
      if (row.length > 2 && row[1].equals("alias")) {
        d.pythonAliases.put(row[0], row[2]);
      }
    }
    for (String[] row : rows("toolchains.tsv")) {
      if (row[2].startsWith("present")) {
        d.attributeStatus.putIfAbsent(row[1], row[2]);
      }
      if (row[0].matches("Python 3\\.\\d+") && row[2].startsWith("present")) {
        d.pythonInterpreters.put(row[0].substring("Python ".length()), row[1]);
        if (!row[2].contains("pre-release")) {
          d.stablePythonInterpreters.put(row[0].substring("Python ".length()), row[1]);
        }
      }
    }
    for (String[] row : rows("cmake-find-package.tsv")) {
      List<NixPackage> pkgs = packages(row[2], row[3]);
      for (String name : names(row[0])) {
        d.findPackage.putIfAbsent(name, withReason(pkgs, "find_package(" + name + ")"));
        d.findPackageLower.putIfAbsent(
            name.toLowerCase(Locale.ROOT), withReason(pkgs, "find_package(" + name + ")"));
      }
    }
    for (String[] row : rows("linux-only.tsv")) {
      d.linuxOnly.add(row[0].strip());
    }
    for (String[] row : rows("qt6-components.tsv")) {
      for (String component : row[0].split("\\s+")) {
        d.qt6Components.put(
            component,
            List.of(new NixPackage(row[1], "buildInputs", "find_package(Qt6 " + component + ")")));
      }
    }
    for (String[] row : rows("pkg-config.tsv")) {
      for (String module : row[0].split("\\s+")) {
        d.pkgConfig.putIfAbsent(
            module, withReason(packages(row[1], row[2]), "pkg-config module " + module));
      }
    }
    for (String[] row : rows("rust-sys-crates.tsv")) {
      List<NixPackage> pkgs = new ArrayList<>();
      attrs(row[1]).forEach(a -> pkgs.add(new NixPackage(a, "buildInputs", "")));
      attrs(row[2]).forEach(a -> pkgs.add(new NixPackage(a, "nativeBuildInputs", "")));
      for (String crate : crateNames(row[0])) {
        d.crates.putIfAbsent(crate, withReason(pkgs, "crate " + crate));
      }
    }
    for (String[] row : rows("pypi-system-libs.tsv")) {
      List<NixPackage> pkgs = new ArrayList<>();
      attrs(row[3]).forEach(a -> pkgs.add(new NixPackage(a, "buildInputs", "")));
      attrs(row[4]).forEach(a -> pkgs.add(new NixPackage(a, "nativeBuildInputs", "")));
      for (String name : names(row[0])) {
        d.pypi.putIfAbsent(Requirement.normalize(name), withReason(pkgs, "PyPI " + name));
      }
    }
    return d;
  }

  /** Attribute names in a cell: split on spaces, {@code +} and {@code /}; {@code -} means none. */
  static List<String> attrs(String cell) {
    List<String> out = new ArrayList<>();
    for (String t : cell.split("[\\s+/]+")) {
      if (!t.isEmpty()
          && !t.equals("-")
          && t.matches("[A-Za-z_][A-Za-z0-9_.+-]*")
          && !t.endsWith(".")) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Pairs a row's attributes with its input column: {@code buildInputs}, {@code nativeBuildInputs},
   * both, or a column that names which attributes go native in parentheses.
   */
  private static List<NixPackage> packages(String attrCell, String inputCell) {
    List<NixPackage> out = new ArrayList<>();
    String input = inputCell.strip();
    if (input.equals("none")) {
      return out;
    }
    String nativeList = "";
    int n = input.indexOf("nativeBuildInputs (");
    if (n >= 0) {
      int close = input.indexOf(')', n);
      nativeList = close > n ? input.substring(n, close) : "";
    }
    boolean allNative = input.startsWith("nativeBuildInputs");
    boolean both = input.equals("buildInputs + nativeBuildInputs");
    List<String> attrs = attrs(attrCell);
    for (String a : attrs) {
      boolean isNative = allNative || (!nativeList.isEmpty() && nativeList.contains(a));
      out.add(new NixPackage(a, isNative ? "nativeBuildInputs" : "buildInputs", ""));
      if (both && attrs.size() == 1) {
        out.add(new NixPackage(a, "nativeBuildInputs", ""));
      }
    }
    return out;
  }

  private static List<NixPackage> withReason(List<NixPackage> pkgs, String reason) {
    return pkgs.stream().map(p -> new NixPackage(p.attribute(), p.input(), reason)).toList();
  }

  /** Names in a first column: {@code "LZ4 / lz4"}, {@code "HarfBuzz (via pkg-config)"}. */
  static List<String> names(String cell) {
    String head = cell.contains(" (") ? cell.substring(0, cell.indexOf(" (")) : cell;
    List<String> out = new ArrayList<>();
    for (String t : head.split("\\s*/\\s*")) {
      String s = t.strip();
      if (s.matches("[A-Za-z0-9_.+-]+") && !s.contains("[")) {
        out.add(s);
      }
    }
    return out;
  }

  /** Crate names: the listed names plus one-word crates named in the parentheses. */
  static List<String> crateNames(String cell) {
    List<String> out = new ArrayList<>(names(cell));
    int open = cell.indexOf('(');
    int close = cell.lastIndexOf(')');
    if (open >= 0 && close > open) {
      for (String t : cell.substring(open + 1, close).split(",")) {
        String s = t.strip().replaceFirst("^also ", "").replaceFirst(" on [A-Za-z0-9]+$", "");
        if (s.matches("[a-z0-9_-]+") && !s.equals("crate")) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static List<String[]> rows(String file) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = NixpkgsData.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled table " + BASE + file);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine(); // header
      if (file.endsWith(".txt") && line != null && !line.startsWith("#")) {
        out.add(new String[] {line});
      }
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
