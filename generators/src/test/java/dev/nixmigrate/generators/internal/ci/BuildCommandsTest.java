package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nixmigrate.generators.internal.ci.BuildCommands.Tool;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which script lines compile: cargo's and CMake's commands that build, read through the wrappers CI
 * scripts put around them, and not the lines that install, query or format.
 */
class BuildCommandsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cargo build --locked",
        "cargo b --release",
        "cargo +nightly check --all-targets",
        "cargo -Z unstable-options --config net.retry=5 test --workspace",
        "cargo clippy --all-targets -- -D warnings",
        "cargo doc --no-deps",
        "cargo run --bin gen -- --check",
        "cargo bench --no-run",
        "cargo nextest run --profile ci",
        "cargo llvm-cov --lcov --output-path lcov.info",
        "cargo llvm-cov nextest --workspace",
        "cargo tarpaulin --out Xml",
        "cargo hack check --feature-powerset",
        "cargo install --path . --locked",
        "cargo install --path=crates/cli",
        "sudo -E cargo test",
        "env RUST_LOG=debug RUST_BACKTRACE=1 cargo test",
        "RUSTFLAGS=-Dwarnings cargo build",
        "time cargo build --release",
        "timeout 30m cargo test",
        "bash -c \"cargo test --all-features\"",
        "sh -ec 'cd crates/core && cargo test'",
        "if [ \"$RUNNER_OS\" = Linux ]; then cargo test; fi",
        "cargo fmt --check && cargo build",
        "~/.cargo/bin/cargo build",
        "cargo.exe build",
        "cargo build \\\n  --locked \\\n  --release",
        "echo start; (cd sub && cargo test)",
      })
  void cargoBuilds(String line) {
    assertEquals(Set.of(Tool.CARGO), BuildCommands.compiles(line), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release",
        "cmake -B build -G Ninja",
        "cmake -Bbuild -H.",
        "cmake ..",
        "cmake . -DBUILD_TESTING=ON",
        "cmake -DCMAKE_BUILD_TYPE=Debug -G \"Unix Makefiles\" ../src",
        "cmake -D BUILD_SHARED_LIBS=ON ..",
        "cmake --preset ci-linux",
        "cmake --preset=release",
        "cmake --build build --parallel",
        "cmake --build --preset ci",
        "cmake --workflow --preset ci",
        "mkdir build && cd build && cmake .. && make -j4",
        "sudo apt-get install -y ninja-build && cmake -B build -G Ninja",
        "/usr/local/bin/cmake --build build",
        "cmake.exe --build build --config Release",
        "CC=clang CXX=clang++ cmake -B build",
        "cmake -E env CC=gcc cmake -B build",
      })
  void cmakeBuilds(String line) {
    assertEquals(Set.of(Tool.CMAKE), BuildCommands.compiles(line), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sudo apt-get install -y cmake ninja-build",
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends cmake cargo",
        "apt install cmake",
        "brew install cmake ninja",
        "pip install cmake",
        "python -m pip install --upgrade cmake",
        "choco install cmake --installargs 'ADD_CMAKE_TO_PATH=System'",
        "winget install Kitware.CMake",
        "apk add cmake cargo",
        "dnf install -y cmake",
        "pacman -S --noconfirm mingw-w64-x86_64-cmake",
        "cmake --version",
        "cmake -E make_directory build",
        "cmake --install build --prefix dist",
        "cmake -P ci/check.cmake",
        "cmake --help",
        "cmake",
        "ctest --test-dir build --output-on-failure",
        "cargo install cargo-nextest --locked",
        "cargo install --git https://example.org/tool.git tool",
        "cargo binstall -y cargo-llvm-cov",
        "cargo fmt --all -- --check",
        "cargo --version",
        "cargo -V",
        "cargo metadata --format-version 1 --no-deps",
        "cargo publish --dry-run",
        "cargo publish --token \"$CARGO_REGISTRY_TOKEN\"",
        "cargo package --list",
        "cargo fetch --locked",
        "cargo update -p serde",
        "cargo tree --duplicates",
        "cargo deny check",
        "cargo llvm-cov report --lcov",
        "cargo xtask dist",
        "# cargo build --locked",
        "  # cmake -B build",
        "echo 'cargo build'",
        "echo \"then run cmake -B build\"",
        "command -v cargo",
        "which cmake",
        "rustup component add clippy",
        "cross build --target aarch64-unknown-linux-gnu",
        "make -j4",
        "git log -1 # cargo build",
      })
  void notABuild(String line) {
    assertEquals(Set.of(), BuildCommands.compiles(line), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cl /nologo /W4 main.c",
        "cl.exe /EHsc src\\main.cpp",
        "msbuild build\\project.sln /p:Configuration=Release",
        "cmake -B build -G \"Visual Studio 17 2022\" -A x64",
        "cmake -B build -A Win32",
        "cmake -G\"Visual Studio 16 2019\" ..",
      })
  void msvc(String line) {
    assertEquals(false, BuildCommands.msvc(line) == null, line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cmake -B build -G Ninja",
        "clang -c main.c",
        "echo cl",
        "# cl main.c",
        "cmake -B build -G \"MinGW Makefiles\""
      })
  void notMsvc(String line) {
    assertNull(BuildCommands.msvc(line), line);
  }

  @org.junit.jupiter.api.Test
  void aScriptOfSeveralLinesIsReadCommandByCommand() {
    String script =
        """
        # Install the tools first.
        sudo apt-get update
        sudo apt-get install -y cmake   # the build needs 3.20
        cargo install cargo-nextest --locked
        cmake -S . -B build
        cargo nextest run
        """;
    assertEquals(Set.of(Tool.CARGO, Tool.CMAKE), BuildCommands.compiles(script));
    assertEquals(
        List.of("cargo", "nextest", "run"),
        BuildCommands.commands(script).get(BuildCommands.commands(script).size() - 1));
  }
}
