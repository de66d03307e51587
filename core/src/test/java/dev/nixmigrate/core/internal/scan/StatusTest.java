package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.StepStatus;
import dev.nixmigrate.core.model.StepStatus.State;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTest {
  @TempDir Path dir;

  private static final String CRATE =
      "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  private List<StepStatus> status() {
    RepoFacts facts = RepoScanner.scan(dir);
    return RepoScanner.status(facts);
  }

  private static List<State> states(List<StepStatus> s) {
    return s.stream().map(StepStatus::state).toList();
  }

  @Test
  void bareRepositoryHasTakenNoStep() {
    TestRepo.in(dir).file("Cargo.toml", CRATE);
    List<StepStatus> s = status();
    assertEquals(
        List.of(State.MISSING, State.MISSING, State.MISSING, State.MISSING, State.MISSING),
        states(s));
    assertEquals(0, RepoScanner.currentStep(s));
    assertEquals("no CI workflow builds the repository", s.get(0).missing());
    assertEquals(
        List.of(Evidence.Kind.CI_WORKFLOW, Evidence.Kind.CI_BUILDS_RUST), s.get(0).absent());
    assertEquals(List.of(Evidence.Kind.BINARY_CACHE_PUSH), s.get(4).absent());
  }

  @Test
  void userCiThatBuildsEveryLanguageIsStepOneWithEvidence() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(
            ".github/workflows/ci.yml",
            "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      RUSTC_WRAPPER: sccache\n"
                + "    steps:\n      - uses: actions/checkout@v4\n      - uses: mozilla-actions/sccache-action@v0.0.9\n"
                + "      - run: |\n          cargo build\n          cargo test\n");
    List<StepStatus> s = status();
    assertEquals(
        List.of(State.DONE, State.DONE, State.MISSING, State.MISSING, State.MISSING), states(s));
    assertEquals(2, RepoScanner.currentStep(s));
    Evidence builds =
        s.get(0).evidence().stream()
            .filter(e -> e.kind() == Evidence.Kind.CI_BUILDS_RUST)
            .findFirst()
            .orElseThrow();
    assertEquals(".github/workflows/ci.yml", builds.file());
    assertEquals(11, builds.line());
    assertTrue(
        s.get(1).evidence().stream()
            .anyMatch(e -> e.line() == 6 && e.what().contains("RUSTC_WRAPPER")));
  }

  @Test
  void ciThatBuildsOnlySomeLanguagesIsPartial() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("py/pyproject.toml", "[project]\nname = \"p\"\nversion = \"1\"\n")
        .file(".gitlab-ci.yml", "test:\n  script:\n    - cargo test\n");
    StepStatus one = status().get(0);
    assertEquals(State.PARTIAL, one.state());
    assertEquals("no CI job builds the Python code", one.missing());
    assertEquals(List.of(Evidence.Kind.CI_BUILDS_PYTHON), one.absent());
  }

  /**
   * A GitLab pipeline is judged with the files of the repository it includes (a string, or {@code
   * local:}); an include that leads out of the repository or is not a YAML path is not read.
   */
  @Test
  void aGitLabPipelineIsJudgedWithItsLocalIncludes() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("flake.nix", "{ outputs = { self }: { packages = {}; devShells = {}; }; }\n")
        .file(".envrc", "use flake\n")
        .file(
            ".gitlab-ci.yml",
            "include:\n  - local: /ci/build.yml\n  - ci/nix.yml\n  - local: ../outside.yml\n"
                + "  - remote: https://example.org/x.yml\n")
        .file(
            "ci/build.yml",
            "test:\n  image: rust:1\n  variables:\n    RUSTC_WRAPPER: sccache\n"
                + "  script:\n    - cargo test --locked\n")
        .file(
            "ci/nix.yml",
            "nix:\n  image: nixos/nix:latest\n  variables:\n    NIX_CONFIG: |\n"
                + "      extra-substituters = https://x.cachix.org\n  script:\n"
                + "    - nix flake check -L\n    - nix shell nixpkgs#cachix --command cachix push x"
                + " ./result\n");
    List<StepStatus> s = status();
    assertEquals(
        List.of(State.DONE, State.DONE, State.DONE, State.DONE, State.DONE),
        states(s),
        s.toString());
    List<String> files =
        s.stream().flatMap(st -> st.evidence().stream()).map(Evidence::file).toList();
    assertTrue(files.contains("ci/build.yml") && files.contains("ci/nix.yml"), files.toString());
    assertTrue(
        s.get(3).evidence().stream()
            .anyMatch(e -> e.kind() == Evidence.Kind.NIX_IN_CI && e.line() == 2),
        s.get(3).evidence().toString());
    assertEquals(
        java.util.Optional.empty(),
        ExistingSetupReader.localInclude(
            new dev.nixmigrate.core.internal.read.YamlReader.Leaf(
                List.of("include", "[]", "local"), "../outside.yml", 4)));
  }

  @Test
  void retiredAndDeprecatedRunnerLabelsAreFlaggedWhereTheyAre() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(
            ".github/workflows/ci.yml",
            "on: [push]\njobs:\n"
                + "  mac:\n    runs-on: macos-13\n    steps:\n      - run: cargo test\n"
                + "  matrix:\n    strategy:\n      matrix:\n        os: [ubuntu-20.04, ubuntu-latest]\n"
                + "    runs-on: ${{ matrix.os }}\n    steps:\n      - run: cargo test\n"
                + "  old:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: cargo test\n"
                + "  own:\n    runs-on: [self-hosted, ubuntu-20.04]\n    steps:\n      - run: cargo test\n");
    List<dev.nixmigrate.core.model.Diagnostic> flagged =
        RepoScanner.scan(dir).diagnostics().stream()
            .filter(d -> d.message().startsWith("the runner label"))
            .toList();
    assertEquals(3, flagged.size(), flagged.toString());
    assertEquals(4, flagged.get(0).line(), flagged.toString());
    assertTrue(
        flagged.get(0).message().contains("macos-13 was retired on 2025-12-04"),
        flagged.toString());
    assertTrue(
        flagged.get(0).message().contains("jobs that ask for it no longer run"),
        flagged.toString());
    assertEquals(10, flagged.get(1).line(), flagged.toString());
    assertTrue(flagged.get(1).message().contains("ubuntu-20.04 was retired"), flagged.toString());
    assertTrue(
        flagged
            .get(2)
            .message()
            .contains("ubuntu-22.04 is deprecated and will be retired on 2027-04-17"),
        flagged.toString());
    assertTrue(
        flagged.stream().allMatch(d -> d.file().equals(".github/workflows/ci.yml")),
        flagged.toString());
  }

  @Test
  void installingBuildToolsIsNotBuildingC() {
    TestRepo.in(dir)
        .file("CMakeLists.txt", "cmake_minimum_required(VERSION 3.16)\nproject(p C)\n")
        .file("p.c", "int main(void) { return 0; }\n")
        .file(
            ".github/workflows/ci.yml",
            "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: |\n"
                + "          sudo apt-get install -y --no-install-recommends cmake ninja-build\n"
                + "          brew install meson ninja\n"
                + "          pipx install meson\n"
                + "          # cmake --build build\n"
                + "          echo done\n");
    StepStatus one = status().get(0);
    assertEquals(State.PARTIAL, one.state(), one.evidence().toString());
    assertEquals("no CI job builds the C/C++ code", one.missing());

    // The same tools installed, and a build on the same line after them.
    TestRepo.in(dir)
        .file(
            ".github/workflows/ci.yml",
            "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: pip install cmake && cmake -S . -B build\n");
    StepStatus built = status().get(0);
    assertEquals(State.DONE, built.state(), built.evidence().toString());
    assertTrue(
        built.evidence().stream().anyMatch(e -> e.what().equals("runs `cmake`")),
        built.evidence().toString());
  }

  @Test
  void nixFilesAndCachesAdvanceLaterSteps() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(".cargo/config.toml", "[build]\nrustc-wrapper = \"sccache\"\n")
        .file(
            "flake.nix",
            "{\n  outputs = { self, nixpkgs }: {\n    devShells.x86_64-linux.default = 1;\n"
                + "    packages.x86_64-linux.default = 2;\n  };\n}\n")
        .file(".envrc", "use flake\n")
        .file(
            ".github/workflows/nix.yml",
            "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - uses: cachix/install-nix-action@v31\n      - uses: cachix/cachix-action@v16\n"
                + "      - run: nix build -L\n      - run: cargo test\n");
    List<StepStatus> s = status();
    assertEquals(List.of(State.DONE, State.DONE, State.DONE, State.DONE, State.DONE), states(s));
    assertEquals(5, RepoScanner.currentStep(s));
    assertTrue(s.stream().allMatch(x -> x.missing().isEmpty() && x.absent().isEmpty()));
    assertTrue(
        s.get(2).evidence().stream().anyMatch(e -> e.file().equals("flake.nix") && e.line() == 3));
  }

  @Test
  void aDevShellsPackageListIsNotFlakePackages() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(
            "flake.nix",
            "{\n  outputs = { self, nixpkgs }: {\n    devShells.x86_64-linux.default ="
                + " pkgs.mkShell {\n      packages = [ pkgs.cargo ];\n    };\n  };\n}\n");
    List<StepStatus> s = status();
    assertTrue(
        s.stream()
            .flatMap(st -> st.evidence().stream())
            .noneMatch(e -> e.kind() == Evidence.Kind.FLAKE_PACKAGES),
        s.toString());
    assertEquals(State.MISSING, s.get(3).state());
  }

  @Test
  void commentsAndStringsThatNamePackagesOrChecksAreNotOutputs() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(
            "flake.nix",
            "{\n  # packages.default and checks = later\n  description = \"packages.x checks.y\";\n"
                + "  /* devShells = { }; */\n  outputs = { self, nixpkgs }: {\n"
                + "    apps = { x = ''\n      packages = 1; checks.z\n    ''; };\n  };\n}\n");
    List<StepStatus> s = status();
    assertTrue(
        s.stream()
            .flatMap(st -> st.evidence().stream())
            .noneMatch(
                e ->
                    e.kind() == Evidence.Kind.FLAKE_PACKAGES
                        || e.kind() == Evidence.Kind.FLAKE_CHECKS
                        || e.kind() == Evidence.Kind.FLAKE_DEV_SHELL),
        s.toString());
    TestRepo.in(dir)
        .file(
            "flake.nix",
            "{\n  outputs = { self, nixpkgs }: {\n    # outputs\n"
                + "    packages.x86_64-linux.default = self;\n    checks = { };\n  };\n}\n");
    List<StepStatus> real = status();
    assertTrue(
        real.get(3).evidence().stream()
            .anyMatch(e -> e.kind() == Evidence.Kind.FLAKE_PACKAGES && e.line() == 4),
        real.toString());
    assertTrue(
        real.get(3).evidence().stream()
            .anyMatch(e -> e.kind() == Evidence.Kind.FLAKE_CHECKS && e.line() == 5),
        real.toString());
  }

  @Test
  void aShellNixAloneIsAPartialDevShell() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("shell.nix", "{ pkgs ? import <nixpkgs> {} }: pkgs.mkShell {}\n");
    assertEquals(State.PARTIAL, status().get(2).state());
  }

  @Test
  void gitignoredManifestsAreNotProjects() {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file(".gitignore", "/vendor/\n*.generated/\n")
        .file("vendor/lib/Cargo.toml", CRATE)
        .file("x.generated/Cargo.toml", CRATE)
        .file("build/CMakeCache.txt", "")
        .file("build/CMakeLists.txt", "project(copy)\n")
        .file(".venv/pyvenv.cfg", "")
        .file(".venv/lib/pyproject.toml", "[project]\nname=\"v\"\n");
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(List.of("."), facts.projects().stream().map(p -> p.path()).toList());
  }
}
