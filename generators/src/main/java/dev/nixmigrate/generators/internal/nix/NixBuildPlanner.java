package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Requirement;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.Warnings;
import dev.nixmigrate.generators.internal.ci.CommandPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides the flake's packages (step 4): {@code buildPythonPackage} with {@code pyproject = true},
 * {@code rustPlatform.buildRustPackage} with {@code cargoLock.lockFile}, {@code
 * stdenv.mkDerivation} with cmake and ninja, with meson and ninja, or with make. No compiler cache
 * inside Nix builds: the sandbox starts clean every time, so a binary cache is the lever there
 * (step 5).
 */
public final class NixBuildPlanner {
  /** FetchContent names that stand for a find_package name nixpkgs can provide. */
  private static final Map<String, String> FETCH_AS_PACKAGE =
      Map.of(
          "googletest",
          "GTest",
          "gtest",
          "GTest",
          "catch2",
          "Catch2",
          "fmt",
          "fmt",
          "spdlog",
          "spdlog",
          "nlohmann_json",
          "nlohmann_json",
          "json",
          "nlohmann_json",
          "doctest",
          "doctest",
          "benchmark",
          "benchmark",
          "zstd",
          "zstd");

  private final NixpkgsData data;
  private final Warnings warnings;
  private final DevShellPlanner shell;
  private final String base;

  /**
   * HTTP clients: a build script that depends on one downloads at build time, which Nix's sandbox
   * (no network) refuses.
   */
  private static final java.util.Set<String> DOWNLOADERS =
      java.util.Set.of(
          "reqwest", "ureq", "curl", "attohttpc", "isahc", "minreq", "http_req", "hyper");

  /** A warning for each crate whose build script can download: the Nix build has no network. */
  private void downloadingBuildScripts(Project p, RustProject rs) {
    for (RustProject.CargoPackage c : rs.packages()) {
      List<String> clients =
          c.buildDependencies().stream().filter(DOWNLOADERS::contains).sorted().toList();
      if (c.buildScript() == null || clients.isEmpty()) {
        continue;
      }
      warnings.add(
          file(p, RepoFiles.join(c.path(), "Cargo.toml")),
          "the build script of "
              + (c.name() == null ? "this crate" : c.name())
              + " depends on "
              + String.join(" and ", clients)
              + ", so it may download while it builds; Nix builds in a sandbox with no network,"
              + " where such a download fails: vendor what it fetches, or hand it in through"
              + " the environment variable or feature the build script offers for that");
    }
  }

  /** The builder of a crate built with the flake's toolchain: see {@code outputs.ftl}. */
  public static final String TOOLCHAIN_BUILDER = "rustPlatform.buildRustPackage";

  public NixBuildPlanner(NixpkgsData data, Warnings warnings) {
    this(data, warnings, ".");
  }

  /** A planner for a Nix file in the folder {@code base} leads to from the root (see NixExpr). */
  public NixBuildPlanner(NixpkgsData data, Warnings warnings, String base) {
    this.data = data;
    this.warnings = warnings;
    this.base = base;
    this.shell = new DevShellPlanner(data, warnings, base);
  }

  public List<NixBuild> plan(RepoFacts facts) {
    List<NixBuild> out = new ArrayList<>();
    // `default` names the first package; a project called so gets another name.
    Set<String> attrs = new TreeSet<>(Set.of("default"));
    // The Python projects' names first: one may depend on another, which it then names.
    Map<Project, String> pythonAttrs = new java.util.LinkedHashMap<>();
    Map<String, PythonPackagePlanner.Sibling> siblings = new java.util.HashMap<>();
    for (Project p : facts.projects()) {
      p.python()
          .ifPresent(
              py -> {
                String name = py.name() == null ? p.name() : py.name();
                String attr = attr(name, attrs);
                pythonAttrs.put(p, attr);
                if (py.name() != null && PythonPackagePlanner.packaged(p, py)) {
                  siblings.putIfAbsent(
                      Requirement.normalize(py.name()),
                      new PythonPackagePlanner.Sibling(attr, shell.interpreter(py, p.path())));
                }
              });
    }
    for (Project p : facts.projects()) {
      if (p.python().isPresent()) {
        new PythonPackagePlanner(data, warnings, shell, base, siblings)
            .plan(p, p.python().get(), pythonAttrs.get(p), src(p))
            .ifPresent(out::add);
      } else if (p.rust().isPresent()) {
        rust(p, p.rust().get(), attrs, DevShellPlanner.toolchainFile(facts)).ifPresent(out::add);
      }
      if (p.cmake().isPresent()
          && !p.python().map(py -> py.nativeParts().contains("cmake")).orElse(false)) {
        out.add(cmake(p, p.cmake().get(), attrs));
      }
      p.nativeBuild()
          .flatMap(b -> new NativeBuildPlanner(data, warnings).plan(p, b, attrs, src(p)))
          .ifPresent(out::add);
    }
    return out;
  }

  static String attr(String name, Set<String> taken) {
    String a =
        name.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9_-]+", "-")
            .replaceAll("^[^a-z_]+", "");
    if (a.isEmpty()) {
      a = "package";
    }
    String candidate = a;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = a + "-" + i;
    }
    return candidate;
  }

  private String src(Project p) {
    return NixExpr.relativePath(base, p.path());
  }

  static String file(Project p, String name) {
    return p.path().equals(".") ? name : p.path() + "/" + name;
  }

  static String version(String v) {
    return Escape.nixString(v == null ? "0-unstable" : v);
  }

  private Optional<NixBuild> rust(
      Project p, RustProject rs, Set<String> attrs, Optional<String> flakeToolchain) {
    if (!rs.lockfile()) {
      warnings.add(
          file(p, "Cargo.lock"),
          "is missing, so the Nix package cannot vendor the crates;"
              + " run `cargo generate-lockfile`, commit Cargo.lock and run step 4 again");
      return Optional.empty();
    }
    TreeSet<String> nativeInputs = new TreeSet<>();
    TreeSet<String> buildInputs = new TreeSet<>();
    for (NixPackage n : p.nixPackages()) {
      if (!data.isKnownAttribute(n.attribute())) {
        continue;
      }
      (n.input().equals("buildInputs") ? buildInputs : nativeInputs)
          .add(NixExpr.pkg(n.attribute()));
    }
    List<DevShellPlan.EnvVar> env = new ArrayList<>();
    if (rs.sysCrates().contains("openssl-sys")) {
      env.add(new DevShellPlan.EnvVar("OPENSSL_NO_VENDOR", Escape.nixString("1")));
    }
    downloadingBuildScripts(p, rs);
    // A crate with a toolchain file builds with that toolchain (the flake's rustPlatform, made
    // with makeRustPlatform), not with nixpkgs' Rust, which may be older than it needs.
    List<String> notes = new ArrayList<>(gitNotes(rs));
    String builder = "pkgs.rustPlatform.buildRustPackage";
    if (rs.toolchain() != null && rs.toolchain().channel() != null) {
      if (flakeToolchain.isPresent() && flakeToolchain.get().equals(rs.toolchain().file())) {
        builder = TOOLCHAIN_BUILDER;
      } else {
        notes.add(
            "built with nixpkgs' Rust: the flake takes its toolchain from another crate's"
                + " rust-toolchain.toml");
      }
    }
    String name =
        rs.virtualWorkspace() || rs.packages().isEmpty() ? p.name() : rs.packages().get(0).name();
    String v =
        rs.virtualWorkspace() || rs.packages().isEmpty() ? null : rs.packages().get(0).version();
    return Optional.of(
        new NixBuild(
            "rust",
            attr(name, attrs),
            Escape.nixString(name),
            version(v),
            src(p),
            builder,
            List.of(),
            List.of(),
            List.of(),
            List.copyOf(nativeInputs),
            List.copyOf(buildInputs),
            List.of(),
            NixExpr.relativePath(base, file(p, "Cargo.lock")),
            List.of(),
            List.of(),
            null,
            List.of(),
            env,
            notes,
            true,
            !rs.gitPackages().isEmpty(),
            List.of()));
  }

  /**
   * What the package says of the crates Cargo.lock takes from git: nixpkgs' importCargoLock
   * (pkgs/build-support/rust/import-cargo-lock.nix) refuses each at evaluation unless it has a hash
   * in {@code outputHashes} or {@code allowBuiltinFetchGit} is set. nixmigrate computes no hash
   * (that needs the network), so it sets the latter.
   */
  static List<String> gitNotes(RustProject rs) {
    if (rs.gitPackages().isEmpty()) {
      return List.of();
    }
    List<String> shown = rs.gitPackages().stream().limit(3).toList();
    return List.of(
        "Cargo.lock takes "
            + String.join(", ", shown)
            + (rs.gitPackages().size() > shown.size() ? " and others" : "")
            + " from git: allowBuiltinFetchGit fetches them by their locked commit; for nixpkgs,"
            + " give cargoLock.outputHashes instead");
  }

  private NixBuild cmake(Project p, CMakeProject c, Set<String> attrs) {
    TreeSet<String> nativeInputs = new TreeSet<>(List.of("pkgs.cmake", "pkgs.ninja"));
    TreeSet<String> buildInputs = new TreeSet<>();
    for (NixPackage n : p.nixPackages()) {
      if (!data.isKnownAttribute(n.attribute()) || n.attribute().equals("cmake")) {
        continue;
      }
      (n.input().equals("buildInputs") ? buildInputs : nativeInputs)
          .add(NixExpr.pkg(n.attribute()));
    }
    List<String> flags = new ArrayList<>();
    if (c.testOption() != null) {
      // The tests are behind an option that is off by default; the check phase needs them built.
      flags.add(Escape.nixString("-D" + c.testOption() + "=ON"));
    }
    if (CommandPlanner.needsPolicyFloor(c.minimumVersion())) {
      // nixpkgs' cmake is CMake 4 (pkgs/by-name/cm/cmake/package.nix), which refuses a
      // cmake_minimum_required below 3.5 unless this floor is given.
      flags.add(Escape.nixString(CommandPlanner.POLICY_FLOOR));
    }
    List<String> notes = new ArrayList<>();
    if (!c.fetchContent().isEmpty()) {
      // The sandbox has no network: FetchContent must find the nixpkgs copy instead.
      flags.add(Escape.nixString("-DFETCHCONTENT_FULLY_DISCONNECTED=ON"));
      flags.add(Escape.nixString("-DFETCHCONTENT_TRY_FIND_PACKAGE_MODE=ALWAYS"));
      for (CMakeProject.FetchedDependency f : c.fetchContent()) {
        String pkg = FETCH_AS_PACKAGE.get(f.name().toLowerCase(java.util.Locale.ROOT));
        Optional<List<NixPackage>> mapped =
            pkg == null ? Optional.empty() : data.forFindPackage(pkg);
        if (mapped.isPresent() && !mapped.get().isEmpty()) {
          mapped.get().forEach(n -> buildInputs.add(NixExpr.pkg(n.attribute())));
        } else {
          notes.add(
              f.name() + " is downloaded by " + f.kind() + ", which the Nix sandbox cannot do");
          warnings.add(
              f.file() + ":" + f.line(),
              f.kind()
                  + " "
                  + f.name()
                  + " downloads at configure time, which a Nix build cannot; provide it from nixpkgs or vendor it");
        }
      }
    }
    String name = c.name() == null || c.name().contains("${") ? p.name() : c.name();
    return NixBuild.stdenv(
        "cmake",
        attr(name, attrs),
        Escape.nixString(name),
        version(c.version()),
        src(p),
        List.copyOf(nativeInputs),
        List.copyOf(buildInputs),
        flags,
        List.of(),
        null,
        List.of(),
        notes,
        c.tests());
  }
}
