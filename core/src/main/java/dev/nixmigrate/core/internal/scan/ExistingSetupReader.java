package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.internal.nix.NixTokens;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.core.internal.read.YamlReader.Leaf;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Evidence.Kind;
import dev.nixmigrate.core.model.ExistingSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what the repository already has toward the five steps: CI workflows and what they build and
 * cache, compiler-cache settings, Nix files, Nix in CI, binary caches and builders.
 */
final class ExistingSetupReader {
  private static final Pattern PYTHON_CMD =
      Pattern.compile(
          "\\b(pytest|tox|nox|uv (sync|run|build|pip)|pip3? install|poetry (install|run|build)|pdm (install|run|build|sync)|hatch (run|build|test)|python3? -m (build|pytest|pip|unittest)|maturin (build|develop))\\b");
  private static final Pattern RUST_CMD =
      Pattern.compile("\\bcargo (build|test|check|clippy|fmt|nextest|run|install)\\b");
  private static final Pattern C_CMD =
      Pattern.compile("\\b(cmake|ctest|meson (setup|compile|test)|ninja|make)\\b");

  /**
   * A line that installs packages: the names on it (cmake, ninja, make, meson) are tools being
   * installed, not a build.
   */
  private static final Pattern INSTALLS =
      Pattern.compile(
          "\\b((apt(-get)?|aptitude|brew|dnf|yum|zypper|choco|winget|scoop|pipx?|pip3|conda|mamba|micromamba|port|snap|pkg|nix-env|uv tool|uv pip) +(-[-\\w=]+ +)*(install|add)|apk +add|pacman +-S\\w*)\\b");

  private static final Pattern NIX_BUILD =
      Pattern.compile("\\b(nix (build|flake check|develop)|nix-build)\\b");
  private static final Pattern PUSH =
      Pattern.compile("\\b(cachix push|attic push|nix copy --to)\\b");

  private final RepoFiles files;
  private final List<Evidence> evidence = new ArrayList<>();

  private ExistingSetupReader(RepoFiles files) {
    this.files = files;
  }

  static ExistingSetup read(RepoFiles files, List<String> cmakeDirs) {
    ExistingSetupReader r = new ExistingSetupReader(files);
    r.workflows();
    r.gitlab();
    r.localFiles(cmakeDirs);
    return new ExistingSetup(r.evidence);
  }

  private void workflows() {
    String dir = ".github/workflows";
    if (!files.isDirectory(dir)) {
      return;
    }
    for (String name : files.list(dir)) {
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        String rel = dir + "/" + name;
        YamlReader.leaves(files, rel).ifPresent(leaves -> ci(rel, leaves));
      }
    }
  }

  /** GitLab reads at most 150 files of includes; a pipeline nested deeper is not followed. */
  private static final int MAX_INCLUDES = 150;

  /**
   * {@code .gitlab-ci.yml} and the files of this repository it includes ({@code include: path} or
   * {@code include: - local: path}), each read as a CI file of its own.
   */
  private void gitlab() {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(".gitlab-ci.yml"));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty() && seen.size() < MAX_INCLUDES) {
      String rel = todo.removeFirst();
      if (!seen.add(rel) || !files.isFile(rel)) {
        continue;
      }
      YamlReader.leaves(files, rel)
          .ifPresent(
              leaves -> {
                ci(rel, leaves);
                leaves.stream()
                    .map(ExistingSetupReader::localInclude)
                    .flatMap(java.util.Optional::stream)
                    .forEach(todo::addLast);
              });
    }
  }

  /** The repository path a leaf under {@code include:} names, when it is a local YAML file. */
  static java.util.Optional<String> localInclude(Leaf l) {
    List<String> p = l.path();
    boolean local =
        !p.isEmpty()
            && p.get(0).equals("include")
            && (l.key().equals("local") || l.key().equals("include"));
    String v = l.value().strip().replaceFirst("^/+", "");
    if (!local || !v.matches("[A-Za-z0-9._/-]+\\.ya?ml") || v.contains("..") || v.contains("//")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(v);
  }

  private void ci(String file, List<Leaf> leaves) {
    add(Kind.CI_WORKFLOW, file, 1, "CI workflow");
    if (file.startsWith(".github/")) {
      runnerLabels(file, leaves);
    }
    for (Leaf l : leaves) {
      String key = l.key();
      String v = l.value();
      String lower = v.toLowerCase(Locale.ROOT);
      if (l.path().contains("matrix")) {
        addOnce(Kind.CI_MATRIX, file, l.line(), "build matrix");
      }
      // A GitHub runner label (runs-on, or a matrix value it takes) or a GitLab runner tag.
      if ((l.path().contains("runs-on") || l.path().contains("matrix") || l.path().contains("tags"))
          && lower.strip().matches("windows(-[a-z0-9.-]+)?|saas-windows-[a-z0-9-]+")) {
        addOnce(Kind.CI_RUNS_ON_WINDOWS, file, l.line(), "runs on Windows (" + v.strip() + ")");
      }
      if (key.equals("enable-cache") && (lower.equals("true") || lower.equals("auto"))
          || key.equals("cache") && lower.matches("pip|poetry|pipenv")
          || (key.equals("path") || key.equals("paths"))
              && lower.matches("(?s).*(\\.cache/pip|\\.cache/uv|\\.cache/pdm|pypoetry).*")) {
        add(
            Kind.PYTHON_CACHE,
            file,
            l.line(),
            "Python dependency cache (" + key + ": " + v.strip() + ")");
      }
      if (key.equals("uses")) {
        uses(file, l, lower);
        continue;
      }
      if (key.equals("RUSTC_WRAPPER") && lower.contains("sccache")) {
        add(Kind.COMPILER_CACHE_RUST, file, l.line(), "RUSTC_WRAPPER=" + v);
      }
      if (key.matches("CMAKE_(C|CXX|CUDA)_COMPILER_LAUNCHER")
          && (lower.contains("ccache") || lower.contains("sccache"))) {
        add(Kind.COMPILER_CACHE_C, file, l.line(), key + "=" + v);
      }
      if (key.equals("run") || key.equals("script") || key.equals("before_script")) {
        commands(file, l, v);
      }
      // A GitLab job in Nix's own image (image: or image: name:).
      if ((key.equals("image") || key.equals("name") && l.path().contains("image"))
          && lower.strip().startsWith("nixos/nix")) {
        add(Kind.NIX_IN_CI, file, l.line(), "runs in the image " + v.strip());
      }
      if (key.equals("extra_nix_config") || key.equals("extra-conf") || key.equals("NIX_CONFIG")) {
        if (lower.contains("substituters")) {
          add(Kind.BINARY_CACHE_PULL, file, l.line(), "substituters in the Nix config of CI");
        }
        if (lower.contains("builders")) {
          add(Kind.REMOTE_BUILDERS, file, l.line(), "remote builders in the Nix config of CI");
        }
      }
    }
  }

  /**
   * A warning for each GitHub-hosted runner label that is retired or deprecated, where a job asks
   * for it in {@code runs-on} or in a matrix. A {@code runs-on} that also names {@code self-hosted}
   * is the user's own runner, whose labels are theirs.
   */
  private void runnerLabels(String file, List<Leaf> leaves) {
    java.util.Set<List<String>> selfHosted = new java.util.HashSet<>();
    for (Leaf l : leaves) {
      if (l.value().strip().equals("self-hosted")) {
        selfHosted.add(l.path());
      }
    }
    for (Leaf l : leaves) {
      boolean runsOn = l.path().contains("runs-on");
      if ((!runsOn && !l.path().contains("matrix")) || (runsOn && selfHosted.contains(l.path()))) {
        continue;
      }
      RunnerLabels.of(l.value())
          .ifPresent(
              label ->
                  files.report(
                      dev.nixmigrate.core.model.Diagnostic.warning(
                          file, l.line(), 1, label.message())));
    }
  }

  private void uses(String file, Leaf l, String lower) {
    String action = lower.split("@", 2)[0];
    int line = l.line();
    switch (action) {
      case "actions/setup-python", "astral-sh/setup-uv" ->
          add(Kind.CI_BUILDS_PYTHON, file, line, "uses " + action);
      case "dtolnay/rust-toolchain",
          "actions-rs/toolchain",
          "actions-rust-lang/setup-rust-toolchain" ->
          add(Kind.CI_BUILDS_RUST, file, line, "uses " + action);
      case "swatinem/rust-cache", "actions/cache" ->
          add(Kind.CI_DEPENDENCY_CACHE, file, line, "uses " + action);
      case "mozilla-actions/sccache-action" ->
          add(Kind.COMPILER_CACHE_RUST, file, line, "uses " + action);
      case "hendrikmuhs/ccache-action" -> add(Kind.COMPILER_CACHE_C, file, line, "uses " + action);
      case "cachix/install-nix-action",
          "determinatesystems/nix-installer-action",
          "determinatesystems/determinate-nix-action",
          "nixbuild/nix-quick-install-action" ->
          add(Kind.NIX_IN_CI, file, line, "uses " + action);
      case "cachix/cachix-action", "ryanccn/attic-action" -> {
        add(Kind.BINARY_CACHE_PULL, file, line, "uses " + action);
        add(Kind.BINARY_CACHE_PUSH, file, line, "uses " + action);
      }
      case "determinatesystems/magic-nix-cache-action", "nix-community/cache-nix-action" ->
          add(Kind.BINARY_CACHE_PULL, file, line, "uses " + action);
      default -> {}
    }
  }

  private void commands(String file, Leaf l, String v) {
    String[] lines = v.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String cmd = lines[i];
      if (cmd.strip().startsWith("#")) {
        continue; // a shell comment runs nothing
      }
      int line = l.line() + (l.value().contains("\n") ? i + 1 : 0);
      match(PYTHON_CMD, cmd, Kind.CI_BUILDS_PYTHON, file, line);
      match(RUST_CMD, cmd, Kind.CI_BUILDS_RUST, file, line);
      // Each command of the line on its own: `pip install cmake && cmake -B build` builds.
      for (String part : cmd.split("&&|\\|\\||;|\\|")) {
        if (!INSTALLS.matcher(part).find()) {
          match(C_CMD, part, Kind.CI_BUILDS_C, file, line);
        }
      }
      match(NIX_BUILD, cmd, Kind.NIX_BUILD_IN_CI, file, line);
      match(PUSH, cmd, Kind.BINARY_CACHE_PUSH, file, line);
      if (cmd.contains("COMPILER_LAUNCHER") && (cmd.contains("ccache"))) {
        add(Kind.COMPILER_CACHE_C, file, line, "compiler launcher on the cmake command line");
      }
      if (cmd.contains("RUSTC_WRAPPER") && cmd.contains("sccache")) {
        add(Kind.COMPILER_CACHE_RUST, file, line, "RUSTC_WRAPPER set to sccache");
      }
    }
  }

  private void match(Pattern p, String cmd, Kind kind, String file, int line) {
    Matcher m = p.matcher(cmd);
    if (m.find()) {
      add(kind, file, line, "runs `" + m.group().strip() + "`");
    }
  }

  private void localFiles(List<String> cmakeDirs) {
    for (String j : List.of("justfile", "Justfile", ".justfile")) {
      if (files.isFile(j)) {
        add(Kind.JUSTFILE, j, 1, "justfile");
      }
    }
    for (String cfg : List.of(".cargo/config.toml", ".cargo/config")) {
      if (files.isFile(cfg)) {
        files
            .text(cfg)
            .ifPresent(
                t ->
                    grep(
                        cfg,
                        t,
                        "rustc-wrapper\\s*=.*sccache|RUSTC_WRAPPER.*sccache",
                        Kind.COMPILER_CACHE_RUST,
                        "rustc-wrapper set to sccache"));
      }
    }
    for (String dir : cmakeDirs) {
      for (String f : List.of("CMakeLists.txt", "CMakePresets.json")) {
        String rel = RepoFiles.join(dir, f);
        if (files.isFile(rel)) {
          files
              .text(rel)
              .ifPresent(
                  t ->
                      grep(
                          rel,
                          t,
                          "CMAKE_(C|CXX)_COMPILER_LAUNCHER",
                          Kind.COMPILER_CACHE_C,
                          "compiler launcher configured"));
        }
      }
    }
    if (files.isFile("flake.nix")) {
      add(Kind.FLAKE, "flake.nix", 1, "flake.nix");
      files
          .text("flake.nix")
          .ifPresent(
              t -> {
                flake(t);
              });
    }
    for (String f : List.of("shell.nix", "default.nix", "devenv.nix")) {
      if (files.isFile(f)) {
        add(Kind.LEGACY_NIX, f, 1, f);
      }
    }
    if (files.isFile(".envrc")) {
      files
          .text(".envrc")
          .ifPresent(
              t ->
                  grep(".envrc", t, "^\\s*use (flake|nix|devenv)", Kind.ENVRC, "direnv loads Nix"));
    }
  }

  /**
   * What flake.nix defines, read from its tokens, so that a comment, a string or mkShell's {@code
   * packages = [ ... ]} list is not taken for an output.
   */
  private void flake(String text) {
    List<NixTokens.Token> tokens;
    try {
      tokens = NixTokens.scan(text);
    } catch (IllegalStateException e) {
      // An unclosed string or comment: Nix rejects the file, so it defines nothing.
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      NixTokens.Token t = tokens.get(i);
      if (!t.ident()) {
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
      String after = i + 2 < tokens.size() ? tokens.get(i + 2).text() : "";
      int line = lineOf(text, t.end());
      switch (t.text()) {
        case "devShells", "devShell" ->
            addOnce(Kind.FLAKE_DEV_SHELL, "flake.nix", line, "flake defines devShells");
        case "packages" -> {
          if (next.equals(".") || next.equals(")") || next.equals("=") && !after.equals("[")) {
            addOnce(Kind.FLAKE_PACKAGES, "flake.nix", line, "flake defines packages");
          }
        }
        case "defaultPackage" ->
            addOnce(Kind.FLAKE_PACKAGES, "flake.nix", line, "flake defines packages");
        case "checks" -> {
          if (next.equals(".") || next.equals("=")) {
            addOnce(Kind.FLAKE_CHECKS, "flake.nix", line, "flake defines checks");
          }
        }
        case "substituters", "extra-substituters" ->
            addOnce(
                Kind.BINARY_CACHE_PULL, "flake.nix", line, "flake nixConfig names substituters");
        default -> {}
      }
    }
  }

  /** The 1-based line of the character before {@code end}. */
  private static int lineOf(String text, int end) {
    int line = 1;
    for (int i = 0; i < Math.min(end, text.length()) - 1; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private void grep(String file, String text, String regex, Kind kind, String what) {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        add(kind, file, i + 1, what);
        return;
      }
    }
  }

  private void add(Kind kind, String file, int line, String what) {
    evidence.add(new Evidence(kind, file, line, what));
  }

  private void addOnce(Kind kind, String file, int line, String what) {
    if (evidence.stream().noneMatch(e -> e.kind() == kind && e.file().equals(file))) {
      add(kind, file, line, what);
    }
  }
}
