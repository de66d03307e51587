package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file the scan reads refuses bytes that are not UTF-8 with the line and column. */
class Utf8EverywhereTest {
  @TempDir Path dir;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("requirements.txt", "requests\ncaf\u00e9\n", "main.py", ""),
        Arguments.of("requirements-dev.txt", "requests\ncaf\u00e9\n", "main.py", ""),
        Arguments.of("setup.cfg", "[metadata]\nname = caf\u00e9\n", "a.py", ""),
        Arguments.of("setup.py", "import x\n# caf\u00e9\n", "a.py", ""),
        Arguments.of("CMakeLists.txt", "project(a)\n# caf\u00e9\n", "a.c", ""),
        Arguments.of(
            "cmake/extra.cmake",
            "x\n# caf\u00e9\n",
            "CMakeLists.txt",
            "project(a)\ninclude(cmake/extra.cmake)\n"),
        Arguments.of(
            "conanfile.txt", "[requires]\ncaf\u00e9/1\n", "CMakeLists.txt", "project(a)\n"),
        Arguments.of("vcpkg.json", "{\n\"name\": \"caf\u00e9\"}", "CMakeLists.txt", "project(a)\n"),
        Arguments.of("meson.build", "project('a')\n# caf\u00e9\n", "a.c", ""),
        Arguments.of(".github/workflows/ci.yml", "on: push\n# caf\u00e9\n", "a.c", ""),
        Arguments.of(".gitlab-ci.yml", "job:\n  script: caf\u00e9\n", "a.c", ""),
        Arguments.of(
            "rust-toolchain",
            "stable\n# caf\u00e9\n",
            "Cargo.toml",
            "[package]\nname = \"a\"\nversion = \"0.1.0\"\n"),
        Arguments.of(
            ".cargo/config.toml",
            "[build]\n# caf\u00e9\n",
            "Cargo.toml",
            "[package]\nname = \"a\"\nversion = \"0.1.0\"\n"),
        Arguments.of("flake.nix", "{\n# caf\u00e9\n}\n", "a.c", ""),
        Arguments.of(".envrc", "use flake\n# caf\u00e9\n", "a.c", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void locatedError(String file, String latin1, String other, String otherText) {
    TestRepo.in(dir)
        .bytes(file, latin1.getBytes(StandardCharsets.ISO_8859_1))
        .file(other, otherText);
    Diagnostic d =
        RepoScanner.scan(dir).diagnostics().stream()
            .filter(x -> x.severity() == Severity.ERROR)
            .findFirst()
            .orElseThrow(() -> new AssertionError(file + " was read without a diagnostic"));
    assertTrue(d.file().equals(file) && d.line() == 2, d.toString());
    assertTrue(d.message().contains("invalid UTF-8"), d.message());
  }
}
