package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.cmake.CMakeLexer;
import dev.nixmigrate.core.internal.python.Pep508;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.TomlReader;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On arbitrary input the readers either succeed or fail with a located diagnostic: never another
 * exception, never a position outside the text.
 */
class ReaderProperties {

  private static Arbitrary<String> mix(List<String> fragments, String chars) {
    Arbitrary<String> pieces =
        Arbitraries.of(fragments).list().ofMaxSize(40).map(l -> String.join("", l));
    Arbitrary<String> raw = Arbitraries.strings().withChars(chars).ofMaxLength(120);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, pieces),
        net.jqwik.api.Tuple.of(3, raw),
        net.jqwik.api.Tuple.of(1, any));
  }

  @Provide
  Arbitrary<String> cmake() {
    return mix(
        List.of(
            "project(",
            "x",
            ")",
            "set(",
            "A",
            " ",
            "\n",
            "\"",
            "\\",
            "[[",
            "]]",
            "[=[",
            "]=]",
            "#",
            "#[[",
            "${",
            "}",
            ";",
            "if(",
            "endif()",
            "(",
            "\t",
            "add_subdirectory(",
            "include(",
            "find_package(",
            "REQUIRED",
            "\\\n",
            "$ENV{",
            "\r\n"),
        "()[]=#\"\\;${}\n\t ab_(");
  }

  @Provide
  Arbitrary<String> toml() {
    return mix(
        List.of(
            "[",
            "]",
            "[[",
            "]]",
            "a",
            "=",
            "\"",
            "'",
            "'''",
            "\"\"\"",
            "\n",
            " ",
            "{",
            "}",
            ",",
            "1",
            "1.5",
            "true",
            "#",
            "\\",
            "\\u",
            ".",
            "-",
            "1979-05-27",
            "T",
            "Z",
            "\r",
            "\t",
            "inf"),
        "[]{}=\"'.,\n#\\ a1");
  }

  @Provide
  Arbitrary<String> pep508() {
    return mix(
        List.of(
            "name",
            "[",
            "]",
            ",",
            ">=",
            "<",
            "==",
            "~=",
            "!=",
            "1.0",
            ";",
            "@",
            " ",
            "(",
            ")",
            "python_version",
            "'3.9'",
            "*",
            "-",
            "_",
            "."),
        "[](),;@<>=!~ a1.*");
  }

  @Provide
  Arbitrary<String> json() {
    return mix(
        List.of(
            "{", "}", "[", "]", "\"", "a", ":", ",", "1", "-", "e", ".", "true", "null", "\\",
            "\\u00", " ", "\n"),
        "{}[]\":,1-e. \\");
  }

  @Provide
  Arbitrary<String> yaml() {
    return mix(
        List.of(
            "on:", " push", "\n", "jobs:", "  ", "- ", "run: ", "uses: ", "&a", "*a", "<<: ", "[",
            "]", "{", "}", "\"", "'", "|", ">", "#", ":", "\t", "---", "!!str", "? "),
        "[]{}:-#'\"|>&*!\n\t ab");
  }

  private static void located(Diagnostic d, String text) {
    long lines = text.chars().filter(c -> c == '\n').count() + 2;
    assertTrue(d.line() >= 1 && d.line() <= lines, d + " in " + lines + " lines");
    assertTrue(d.column() >= 1, d.toString());
    assertTrue(!d.message().isBlank(), d.toString());
  }

  @Property(tries = 2000)
  void cmakeLexerFailsOnlyWithALocatedSyntaxError(@ForAll("cmake") String text) {
    try {
      CMakeLexer.tokenize(text);
    } catch (CMakeLexer.SyntaxException e) {
      located(Diagnostic.error("CMakeLists.txt", e.line(), e.column(), e.getMessage()), text);
    }
  }

  @Property(tries = 2000)
  void tomlReaderFailsOnlyWithALocatedDiagnostic(@ForAll("toml") String text) {
    try {
      TomlReader.parse(text, "Cargo.toml");
    } catch (ManifestException e) {
      located(e.diagnostic(), text);
    }
  }

  @Property(tries = 2000)
  void pep508FailsOnlyWithAnOffsetInsideTheText(@ForAll("pep508") String text) {
    try {
      Pep508.parse(text);
    } catch (Pep508.SyntaxException e) {
      assertTrue(
          e.offset() >= 0 && e.offset() <= text.length(), e.offset() + " in " + text.length());
    }
  }

  @Property(tries = 1000)
  void jsonReaderFailsOnlyWithALocatedDiagnostic(@ForAll("json") String text) {
    try {
      Json.parse(text, "vcpkg.json");
    } catch (ManifestException e) {
      located(e.diagnostic(), text);
    }
  }

  @Property(tries = 1000)
  void yamlReaderFailsOnlyWithALocatedDiagnostic(@ForAll("yaml") String text) {
    try {
      YamlReader.leaves(text, "ci.yml");
    } catch (ManifestException e) {
      located(e.diagnostic(), text);
    }
  }

  private static final Set<String> MANIFESTS =
      Set.of(
          "pyproject.toml",
          "Cargo.toml",
          "CMakeLists.txt",
          "requirements.txt",
          ".github/workflows/ci.yml",
          "setup.cfg",
          "Cargo.lock",
          "rust-toolchain.toml",
          "vcpkg.json",
          "CMakePresets.json",
          "flake.nix",
          ".cargo/config.toml");

  @Property(tries = 300)
  void wholeScanNeverThrowsAndLocatesEveryDiagnostic(
      @ForAll("toml") String pyproject,
      @ForAll("toml") String cargo,
      @ForAll("cmake") String cmake,
      @ForAll("pep508") String requirements,
      @ForAll("yaml") String workflow,
      @ForAll("json") String vcpkg)
      throws IOException {
    Path dir = Files.createTempDirectory("nixmigrate-prop");
    try {
      TestRepo.in(dir)
          .file("pyproject.toml", pyproject)
          .file("Cargo.toml", cargo)
          .file("CMakeLists.txt", cmake)
          .file("requirements.txt", requirements + "\n")
          .file(".github/workflows/ci.yml", workflow)
          .file("vcpkg.json", vcpkg)
          .file("Cargo.lock", cargo)
          .file("rust-toolchain.toml", pyproject)
          .file("setup.cfg", "[metadata]\nname = " + requirements + "\n");
      RepoFacts facts = RepoScanner.scan(dir);
      for (Diagnostic d : facts.diagnostics()) {
        assertTrue(d.line() >= 1 && d.column() >= 1, d.toString());
        assertTrue(MANIFESTS.contains(d.file()) || d.file().equals("."), d.toString());
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
