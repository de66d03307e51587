package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injections reproduced against earlier versions, each from a real manifest through the CLI:
 * refused at the manifest's line with exit 2, nothing written, nothing run.
 */
class HostileManifestTest {
  @TempDir Path temp;

  static final String EXPR = "${{ github.event.issue.title }}";

  static Stream<Arguments> cases() {
    String crate = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    return Stream.of(
        Arguments.of(
            "a toolchain channel with a line break",
            List.of(
                "Cargo.toml",
                crate,
                "rust-toolchain.toml",
                "[toolchain]\nchannel = \"stable\\n      - run: touch MARKER\"\n"),
            "rust-toolchain.toml:2:"),
        Arguments.of(
            "a toolchain channel with an expression",
            List.of(
                "Cargo.toml",
                crate,
                "rust-toolchain.toml",
                "[toolchain]\nchannel = \"" + EXPR + "\"\n"),
            "rust-toolchain.toml:2:"),
        Arguments.of(
            "a rust-version with a command",
            List.of(
                "Cargo.toml", crate + "rust-version = \"1.74 check; touch MARKER; cargo +1.74\"\n"),
            "Cargo.toml:5:"),
        Arguments.of(
            "a crate name with an expression",
            List.of(
                "Cargo.toml",
                "[package]\nname = \"" + EXPR + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
            "Cargo.toml:2:"),
        Arguments.of(
            "a binary name with an expression",
            List.of(
                "Cargo.toml",
                crate + "\n[[bin]]\nname = \"" + EXPR + "\"\npath = \"src/main.rs\"\n"),
            "Cargo.toml:7:"),
        Arguments.of(
            "a FetchContent name with a line break",
            List.of(
                "CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.20)\nproject(demo CXX)\ninclude(FetchContent)\n"
                    + "FetchContent_Declare(\"fmt\n  ] ++ [ (throw \\\"x\\\") ]; z = [\"\n"
                    + "  URL https://example.org/fmt.tar.gz)\nFetchContent_MakeAvailable(fmt)\n"),
            "CMakeLists.txt:4:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAtItsLine(String what, List<String> files, String where) throws Exception {
    Path dir = temp.resolve("repo");
    TestRepo repo = TestRepo.in(dir).file("src/lib.rs", "").file("src/main.rs", "fn main() {}\n");
    for (int i = 0; i < files.size(); i += 2) {
      repo.file(files.get(i), files.get(i + 1));
    }
    TestRepo.commitAll(dir, "start");
    List<String> before = listing(dir);
    CliTest.Run r = CliTest.run("step", "5", dir.toString());
    assertEquals(2, r.code(), what + ": " + r.out() + r.err());
    assertTrue(r.err().contains(where), what + ": " + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(before, listing(dir), "nothing is written");
    assertFalse(Files.exists(dir.resolve("MARKER")));
  }

  /** A checkout folder with spaces, quotes and a command substitution in its name. */
  @Test
  void aStrangeCheckoutFolderNameReachesNoFileUnescaped() throws Exception {
    Path dir = temp.resolve("my repo $(touch MARKER) 'x\"");
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(${NAME} CXX)\nadd_executable(x x.cc)\n")
        .file("x.cc", "int main() {}\n");
    TestRepo.commitAll(dir, "start");
    CliTest.Run r = CliTest.run("step", "5", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(Files.exists(temp.resolve("MARKER")));
    assertFalse(Files.readString(dir.resolve("flake.nix")).contains("$(touch"));
    if (Tools.find("nix-instantiate").isPresent() || Tools.required()) {
      Processes.Result parsed =
          Processes.run(dir, "nix-instantiate", "--parse", dir.resolve("flake.nix").toString());
      assertTrue(parsed.ok(), parsed.output());
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.toString().contains("/.git/"))
          .map(p -> dir.relativize(p) + ":" + p.toFile().length())
          .sorted()
          .toList();
    }
  }
}
