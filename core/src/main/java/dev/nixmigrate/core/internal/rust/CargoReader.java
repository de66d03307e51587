package dev.nixmigrate.core.internal.rust;

import dev.nixmigrate.core.internal.read.FieldRule;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.TomlDoc;
import dev.nixmigrate.core.internal.read.TomlFields;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.core.model.RustProject.CargoPackage;
import dev.nixmigrate.core.model.RustProject.RustToolchain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * Groups every Cargo.toml in the repository into projects: a workspace (members from globs, minus
 * excludes, plus path dependencies inside it) is one project; a crate outside any workspace is its
 * own.
 */
public final class CargoReader {
  private static final List<String> DEPENDENCY_KINDS =
      List.of("dependencies", "dev-dependencies", "build-dependencies");

  private final RepoFiles files;
  private final TomlFields fields;
  private final Predicate<String> isSysCrate;
  private final Predicate<String> needsNixpkgs;
  private final Map<String, TomlDoc> manifests = new LinkedHashMap<>();

  /** Every directory holding a Cargo.toml, readable or not. */
  private final Set<String> crateDirs = new TreeSet<>();

  private CargoReader(
      RepoFiles files, Predicate<String> isSysCrate, Predicate<String> needsNixpkgs) {
    this.files = files;
    this.fields = new TomlFields(files);
    this.isSysCrate = isSysCrate;
    this.needsNixpkgs = needsNixpkgs;
  }

  /**
   * Reads the Cargo manifests in {@code dirs} (directories holding a Cargo.toml) and returns the
   * projects, keyed by project directory, in directory order.
   */
  public static Map<String, RustProject> read(
      RepoFiles files,
      List<String> dirs,
      Predicate<String> isSysCrate,
      Predicate<String> needsNixpkgs) {
    return new CargoReader(files, isSysCrate, needsNixpkgs).readAll(dirs);
  }

  private Map<String, RustProject> readAll(List<String> dirs) {
    crateDirs.addAll(dirs);
    for (String dir : dirs) {
      files.toml(RepoFiles.join(dir, "Cargo.toml")).ifPresent(doc -> manifests.put(dir, doc));
    }
    Map<String, List<String>> projects = new LinkedHashMap<>();
    Set<String> claimed = new TreeSet<>();
    // Workspace roots first, outermost first, so a nested workspace root stays its own project.
    for (String dir : manifests.keySet()) {
      if (manifests.get(dir).table("workspace") != null && !claimed.contains(dir)) {
        List<String> members = members(dir);
        members.removeIf(claimed::contains);
        claimed.addAll(members);
        claimed.add(dir);
        projects.put(dir, members);
      }
    }
    for (String dir : manifests.keySet()) {
      if (!claimed.contains(dir) && manifests.get(dir).table("package") != null) {
        projects.put(dir, new ArrayList<>(List.of(dir)));
      }
    }
    Map<String, RustProject> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : projects.entrySet()) {
      out.put(e.getKey(), project(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Package directories of the workspace rooted at {@code root}, root package first. */
  private List<String> members(String root) {
    TomlDoc doc = manifests.get(root);
    TomlDoc ws = doc.table("workspace");
    Set<String> excluded = new TreeSet<>();
    for (TomlDoc.Item ex : fields.strings(ws, false, "exclude")) {
      excluded.add(RepoFiles.normalize(RepoFiles.join(root, ex.value())));
    }
    LinkedHashSet<String> members = new LinkedHashSet<>();
    if (doc.table("package") != null) {
      members.add(root);
    }
    List<String> unmatched = new ArrayList<>();
    for (TomlDoc.Item member : fields.strings(ws, true, "members")) {
      String pattern = member.value();
      List<String> matched;
      try {
        matched = Globs.expand(crateDirs, root, pattern);
      } catch (PatternSyntaxException e) {
        files.report(
            Diagnostic.error(
                doc.file(),
                member.line(),
                member.column(),
                "workspace member "
                    + FieldRule.printable(pattern)
                    + " is not a valid glob ("
                    + e.getDescription()
                    + "); cargo would refuse it too"));
        continue;
      }
      boolean glob = Globs.isGlob(pattern);
      if (matched.isEmpty()) {
        unmatched.add(pattern);
        String declared = RepoFiles.normalize(RepoFiles.join(root, pattern));
        if (!glob && declared != null && !excluded.contains(declared)) {
          members.add(declared); // Listed by the manifest; cargo will fail until it exists.
        }
      }
      for (String m : matched) {
        if (!excluded.contains(m) && manifests.containsKey(m)) {
          members.add(m);
        }
      }
    }
    if (!unmatched.isEmpty()) {
      files.report(
          Diagnostic.warning(
              doc.file(),
              ws.line("members"),
              ws.column("members"),
              "workspace members "
                  + String.join(", ", unmatched)
                  + " have no Cargo.toml in this checkout; cargo will refuse to build until they"
                  + " exist (check out submodules?)"));
    }
    // Path dependencies inside the workspace root join it implicitly.
    Deque<String> queue = new ArrayDeque<>(members);
    while (!queue.isEmpty()) {
      String m = queue.pop();
      if (!manifests.containsKey(m)) {
        continue;
      }
      for (String dep : pathDependencies(m)) {
        if (within(dep, root)
            && manifests.containsKey(dep)
            && !excluded.contains(dep)
            && manifests.get(dep).table("workspace") == null
            && members.add(dep)) {
          queue.add(dep);
        }
      }
    }
    return new ArrayList<>(members);
  }

  private List<String> pathDependencies(String dir) {
    List<String> out = new ArrayList<>();
    TomlDoc doc = manifests.get(dir);
    for (TomlDoc table : dependencyTables(doc)) {
      for (String key : table.keys()) {
        TomlDoc dep = table.table(key);
        if (dep != null && dep.string("path") != null) {
          String p = RepoFiles.normalize(RepoFiles.join(dir, dep.string("path")));
          if (p != null) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  private RustProject project(String root, List<String> memberDirs) {
    TomlDoc rootDoc = manifests.get(root);
    TomlDoc ws = rootDoc.table("workspace");
    TomlDoc wsPackage = ws == null ? null : ws.table("package");
    TomlDoc wsDeps = ws == null ? null : ws.table("dependencies");
    List<CargoPackage> packages = new ArrayList<>();
    for (String dir : memberDirs) {
      packages.add(cargoPackage(root, dir, wsPackage, wsDeps));
    }
    String edition = null;
    String rustVersion = null;
    for (CargoPackage p : packages) {
      edition = max(edition, p.edition());
      rustVersion = max(rustVersion, p.rustVersion());
    }
    if (packages.isEmpty() && wsPackage != null) {
      edition = checked(wsPackage, FieldRule.CARGO_EDITION, wsPackage.string("edition"), "edition");
      rustVersion =
          checked(
              wsPackage, FieldRule.RUST_VERSION, wsPackage.string("rust-version"), "rust-version");
    }
    boolean virtual = rootDoc.table("package") == null;
    List<String> features;
    if (!virtual && !packages.isEmpty()) {
      features = packages.get(0).features();
    } else {
      TreeSet<String> all = new TreeSet<>();
      packages.forEach(p -> all.addAll(p.features()));
      features = List.copyOf(all);
    }
    TreeSet<String> direct = new TreeSet<>();
    packages.forEach(p -> direct.addAll(p.dependencies()));
    boolean lockfile = files.isFile(RepoFiles.join(root, "Cargo.lock"));
    TreeSet<String> reachable = new TreeSet<>(direct);
    List<String> gitPackages = new ArrayList<>();
    if (lockfile) {
      files
          .toml(RepoFiles.join(root, "Cargo.lock"))
          .ifPresent(
              lock -> {
                reachable.addAll(LockGraph.reachable(lock, direct, fields));
                gitPackages.addAll(LockGraph.gitPackages(lock, fields));
              });
    }
    TreeSet<String> sys = new TreeSet<>();
    reachable.stream().filter(isSysCrate).forEach(sys::add);
    TreeSet<String> build = new TreeSet<>();
    reachable.stream().filter(c -> !sys.contains(c) && needsNixpkgs.test(c)).forEach(build::add);
    List<String> members = memberDirs.stream().map(d -> relative(d, root)).sorted().toList();
    List<String> excludes = ws == null ? List.of() : ws.strings("exclude");
    return new RustProject(
        ws != null,
        ws != null && virtual,
        members,
        excludes,
        edition,
        rustVersion,
        toolchain(root),
        features,
        packages,
        lockfile,
        buildTarget(root),
        List.copyOf(sys),
        List.copyOf(build),
        memberDirs.stream().anyMatch(this::benchesNeedNightly),
        gitPackages);
  }

  /** Whether a {@code benches/*.rs} of the crate at {@code dir} enables unstable features. */
  private boolean benchesNeedNightly(String dir) {
    String benches = RepoFiles.join(dir, "benches");
    if (!files.isDirectory(benches)) {
      return false;
    }
    for (String name : files.list(benches)) {
      String rel = RepoFiles.join(benches, name);
      if (name.endsWith(".rs")
          && files.isFile(rel)
          && files.text(rel).map(t -> t.contains("#![feature(")).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private CargoPackage cargoPackage(String root, String dir, TomlDoc wsPackage, TomlDoc wsDeps) {
    TomlDoc doc = manifests.get(dir);
    TomlDoc pkg = doc == null ? null : doc.table("package");
    if (pkg == null) {
      return new CargoPackage(
          relative(dir, root),
          null,
          null,
          null,
          null,
          List.of(),
          false,
          List.of(),
          null,
          List.of(),
          List.of(),
          List.of(),
          false);
    }
    String name =
        checked(pkg, FieldRule.CARGO_PACKAGE_NAME, fields.string(pkg, true, "name"), "name");
    String version = inherited(pkg, "version", wsPackage, doc, FieldRule.CARGO_VERSION);
    String edition = inherited(pkg, "edition", wsPackage, doc, FieldRule.CARGO_EDITION);
    if (edition == null) {
      edition = "2015"; // Cargo's default when a package names none.
    }
    String rustVersion = inherited(pkg, "rust-version", wsPackage, doc, FieldRule.RUST_VERSION);
    TreeSet<String> featureNames = new TreeSet<>();
    TomlDoc featureTable = fields.table(doc, true, "features");
    if (featureTable != null) {
      for (String f : featureTable.keys()) {
        if (checked(featureTable, FieldRule.CARGO_FEATURE, f, f) != null) {
          featureNames.add(f);
        }
      }
    }
    List<String> features = List.copyOf(featureNames);
    boolean lib = doc.table("lib") != null || files.isFile(RepoFiles.join(dir, "src/lib.rs"));
    List<String> bins = new ArrayList<>();
    for (TomlDoc bin : doc.tables("bin")) {
      String binName =
          checked(bin, FieldRule.CARGO_BIN_NAME, fields.string(bin, true, "name"), "name");
      if (binName != null) {
        bins.add(binName);
      }
    }
    // The implicit binary takes the package's name; a refused name (reported) gives none.
    if (bins.isEmpty() && name != null && files.isFile(RepoFiles.join(dir, "src/main.rs"))) {
      bins.add(name);
    }
    String build = null;
    Object b = pkg.value("build");
    if (b instanceof String s) {
      build = s;
    } else if (!(b instanceof Boolean) && files.isFile(RepoFiles.join(dir, "build.rs"))) {
      build = "build.rs";
    }
    TreeSet<String> deps = new TreeSet<>();
    TreeSet<String> optional = new TreeSet<>();
    for (String kind : DEPENDENCY_KINDS) {
      fields.table(doc, true, kind);
    }
    TreeSet<String> buildDeps = new TreeSet<>();
    List<TomlDoc> buildTables = dependencyTables(doc, List.of("build-dependencies"));
    for (TomlDoc table : dependencyTables(doc)) {
      for (String key : table.keys()) {
        if (table.string(key) == null && table.table(key) == null) {
          fields.wrongType(table, true, "a version string or a table", key);
          continue;
        }
        String real = realName(key, table, wsDeps);
        deps.add(real);
        if (table.table(key) != null && table.table(key).flag("optional")) {
          optional.add(real);
        }
      }
    }
    for (TomlDoc table : buildTables) {
      for (String key : table.keys()) {
        if (table.string(key) != null || table.table(key) != null) {
          buildDeps.add(realName(key, table, wsDeps));
        }
      }
    }
    return new CargoPackage(
        relative(dir, root),
        name,
        version,
        edition,
        rustVersion,
        features,
        lib,
        bins,
        build,
        List.copyOf(deps),
        List.copyOf(optional),
        List.copyOf(buildDeps),
        extensionModule(doc, wsDeps));
  }

  /** A {@code key.workspace = true} field takes its value from {@code [workspace.package]}. */
  private String inherited(
      TomlDoc pkg, String key, TomlDoc wsPackage, TomlDoc doc, FieldRule rule) {
    if (pkg.string(key) != null) {
      return checked(pkg, rule, pkg.string(key), key);
    }
    TomlDoc field = pkg.table(key);
    if (pkg.has(key) && (field == null || !field.flag("workspace"))) {
      fields.wrongType(pkg, true, "a string or { workspace = true }", key);
      return null;
    }
    if (field != null && field.flag("workspace")) {
      if (wsPackage == null || wsPackage.string(key) == null) {
        files.report(
            Diagnostic.warning(
                doc.file(),
                pkg.line(key),
                pkg.column(key),
                "package."
                    + key
                    + " is inherited from the workspace, but no [workspace.package] "
                    + key
                    + " was found"));
        return null;
      }
      return checked(wsPackage, rule, wsPackage.string(key), key);
    }
    return null;
  }

  /** The value when {@code rule} accepts it; else null, with an ERROR at {@code key}. */
  private String checked(TomlDoc table, FieldRule rule, String value, String key) {
    return rule.check(
        files, value, table.file(), table.line(key), table.column(key), table.key(key));
  }

  /**
   * The crate a dependency key stands for: {@code ffi = { package = "openssl-sys" }} is
   * openssl-sys.
   */
  /**
   * Whether the crate turns on pyo3's {@code extension-module} feature itself: in its pyo3
   * dependency (or the workspace's, which a {@code workspace = true} entry adds to), or through a
   * default feature. Such a crate leaves Python's symbols for the interpreter to supply, so a test
   * binary of it does not link: it is tested through Python.
   */
  private static boolean extensionModule(TomlDoc doc, TomlDoc wsDeps) {
    for (TomlDoc table : dependencyTables(doc, List.of("dependencies"))) {
      for (String key : table.keys()) {
        TomlDoc dep = table.table(key);
        if (dep == null || !realName(key, table, wsDeps).equals("pyo3") || dep.flag("optional")) {
          continue;
        }
        List<String> features = new ArrayList<>(dep.strings("features"));
        if (dep.flag("workspace") && wsDeps != null && wsDeps.table(key) != null) {
          features.addAll(wsDeps.table(key).strings("features"));
        }
        if (features.contains("extension-module")) {
          return true;
        }
      }
    }
    TomlDoc featureTable = doc.table("features");
    if (featureTable == null) {
      return false;
    }
    // The default features and those they enable, one level down.
    List<String> on = new ArrayList<>(featureTable.strings("default"));
    for (String f : List.copyOf(on)) {
      on.addAll(featureTable.strings(f));
    }
    return on.contains("pyo3/extension-module") || on.contains("pyo3?/extension-module");
  }

  private static String realName(String key, TomlDoc table, TomlDoc wsDeps) {
    TomlDoc dep = table.table(key);
    if (dep != null && dep.string("package") != null) {
      return dep.string("package");
    }
    if (dep != null && dep.flag("workspace") && wsDeps != null) {
      TomlDoc wsDep = wsDeps.table(key);
      if (wsDep != null && wsDep.string("package") != null) {
        return wsDep.string("package");
      }
    }
    return key;
  }

  /**
   * Every dependency table of a manifest, target-specific ones included, except targets that can
   * never be active on the Linux and macOS machines Nix builds for.
   */
  static List<TomlDoc> dependencyTables(TomlDoc doc) {
    return dependencyTables(doc, DEPENDENCY_KINDS);
  }

  /** The tables of {@code kinds} of dependencies, top-level and per target that can apply. */
  static List<TomlDoc> dependencyTables(TomlDoc doc, List<String> kinds) {
    List<TomlDoc> out = new ArrayList<>();
    for (String kind : kinds) {
      if (doc.table(kind) != null) {
        out.add(doc.table(kind));
      }
    }
    TomlDoc target = doc.table("target");
    if (target != null) {
      for (String spec : target.keys()) {
        if (neverActive(spec)) {
          continue;
        }
        for (String kind : kinds) {
          if (target.table(spec, kind) != null) {
            out.add(target.table(spec, kind));
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code cfg(any())} is false by definition; Windows- and musl-only targets do not apply under
   * Nix.
   */
  static boolean neverActive(String spec) {
    String s = spec.replace(" ", "");
    if (s.equals("cfg(any())")) {
      return true;
    }
    if (s.contains("not(")) {
      return false;
    }
    // Nix builds for glibc Linux and macOS: Windows- and musl-only dependencies never apply.
    return s.equals("cfg(windows)")
        || s.contains("target_os=\"windows\"")
        || s.matches("[a-z0-9_]+-pc-windows-[a-z]+")
        || s.contains("target_env=\"msvc\"")
        || s.contains("target_env=\"musl\"")
        || s.matches("[a-z0-9_]+-unknown-linux-musl[a-z]*");
  }

  private RustToolchain toolchain(String dir) {
    String d = dir;
    while (d != null) {
      String plain = RepoFiles.join(d, "rust-toolchain");
      String toml = RepoFiles.join(d, "rust-toolchain.toml");
      // rustup prefers the legacy name when both exist.
      if (files.isFile(plain)) {
        return readToolchain(plain);
      }
      if (files.isFile(toml)) {
        return readToolchain(toml);
      }
      d = parent(d);
    }
    return null;
  }

  private RustToolchain readToolchain(String file) {
    String text = files.text(file).orElse("");
    String trimmed = text.strip();
    if (!trimmed.isEmpty()
        && !trimmed.contains("[")
        && !trimmed.contains("=")
        && trimmed.lines().count() == 1) {
      int line = (int) text.substring(0, text.indexOf(trimmed)).lines().count() + 1;
      String channel = FieldRule.RUST_CHANNEL.check(files, trimmed, file, line, 1, "the channel");
      return new RustToolchain(file, channel, List.of(), List.of());
    }
    return files
        .toml(file)
        .map(
            doc -> {
              TomlDoc t = fields.table(doc, false, "toolchain");
              if (t == null && doc.has("toolchain")) {
                return new RustToolchain(file, null, List.of(), List.of());
              }
              if (t == null) {
                files.report(
                    Diagnostic.warning(
                        file, 1, 1, "no [toolchain] table; rustup ignores this file"));
                return new RustToolchain(file, null, List.of(), List.of());
              }
              return new RustToolchain(
                  file,
                  checked(t, FieldRule.RUST_CHANNEL, fields.string(t, true, "channel"), "channel"),
                  targets(t, "components"),
                  targets(t, "targets"));
            })
        .orElse(null);
  }

  private List<String> targets(TomlDoc toolchain, String key) {
    List<String> out = new ArrayList<>();
    for (TomlDoc.Item item : fields.strings(toolchain, true, key)) {
      String v =
          FieldRule.RUST_TARGET.check(
              files,
              item.value(),
              toolchain.file(),
              item.line(),
              item.column(),
              toolchain.key(key) + "[" + item.index() + "]");
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** {@code [build] target} from the nearest .cargo/config.toml at or above the project. */
  private String buildTarget(String dir) {
    String d = dir;
    while (d != null) {
      for (String name : List.of(".cargo/config.toml", ".cargo/config")) {
        String f = RepoFiles.join(d, name);
        if (files.isFile(f)) {
          String target = files.toml(f).map(doc -> doc.string("build", "target")).orElse(null);
          if (target != null) {
            return target;
          }
        }
      }
      d = parent(d);
    }
    return null;
  }

  private static String parent(String dir) {
    if (dir.equals(".")) {
      return null;
    }
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "." : dir.substring(0, slash);
  }

  private static boolean within(String dir, String root) {
    return root.equals(".") || dir.equals(root) || dir.startsWith(root + "/");
  }

  private static String relative(String dir, String root) {
    if (dir.equals(root)) {
      return ".";
    }
    return root.equals(".") ? dir : dir.substring(root.length() + 1);
  }

  /** Compares editions and versions numerically, component by component. */
  static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long xi = i < x.length ? number(x[i]) : 0;
      long yi = i < y.length ? number(y[i]) : 0;
      if (xi != yi) {
        return xi > yi ? a : b;
      }
    }
    return a;
  }

  private static long number(String s) {
    String d = s.replaceAll("[^0-9].*$", "");
    return d.isEmpty() || d.length() > 12 ? 0 : Long.parseLong(d);
  }
}
