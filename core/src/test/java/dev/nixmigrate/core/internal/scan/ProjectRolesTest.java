package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.LeftOut;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Examples, fixtures, benchmarks, vendored code and docs builds are not the repository's projects.
 */
class ProjectRolesTest {
  @TempDir Path dir;

  private static String py(String name) {
    return "[project]\nname = \"" + name + "\"\nversion = \"1\"\n";
  }

  private static final String CRATE =
      "[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  private TestRepo repo() {
    return TestRepo.in(dir)
        .file("pyproject.toml", py("main"))
        .file("examples/client/pyproject.toml", py("client"))
        .file("tests/fixtures/pkg/pyproject.toml", py("fixture"))
        .file("benches/speed/Cargo.toml", CRATE)
        .file("benches/speed/src/lib.rs", "")
        .file("fuzz/Cargo.toml", CRATE.replace("\"b\"", "\"b-fuzz\""))
        .file("fuzz/src/lib.rs", "")
        .file(
            "third_party/zlib/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.10)\nproject(z C)\n")
        .file("docs/pyproject.toml", py("docs"));
  }

  private static List<String> paths(RepoFacts f) {
    return f.projects().stream().map(Project::path).toList();
  }

  @Test
  void foldersWithRolesAreLeftOutWithTheirRole() {
    repo();
    RepoFacts f = RepoScanner.scan(dir);
    assertEquals(List.of("."), paths(f));
    assertEquals(
        List.of(
            "benches/speed benchmark",
            "docs docs",
            "examples/client example",
            "fuzz fuzz",
            "tests/fixtures/pkg fixture",
            "third_party/zlib vendored"),
        f.leftOut().stream().map(l -> l.path() + " " + l.role().id()).sorted().toList());
    LeftOut example =
        f.leftOut().stream().filter(l -> l.path().equals("examples/client")).findFirst().get();
    assertEquals("client", example.name());
    assertTrue(example.reason().contains("below examples/"), example.reason());
  }

  @Test
  void includeAndExcludeDecideFirst() {
    repo()
        .file("tools/gen/pyproject.toml", py("gen"))
        .file(
            "nixmigrate.toml",
            "include = [\"examples/*\"]\nexclude = [\"tools/**\", \"tools/*\"]\n");
    RepoFacts f = RepoScanner.scan(dir);
    assertEquals(List.of(".", "examples/client"), paths(f));
    assertTrue(
        f.leftOut().stream()
            .anyMatch(l -> l.path().equals("tools/gen") && l.role() == LeftOut.Role.EXCLUDED),
        f.leftOut().toString());
  }

  @Test
  void aCMakeProjectInsideAnotherThatDoesNotBuildItIsStandalone() {
    String top = "cmake_minimum_required(VERSION 3.10)\nproject(lib CXX)\nadd_subdirectory(src)\n";
    TestRepo.in(dir)
        .file("CMakeLists.txt", top)
        .file("src/CMakeLists.txt", "add_library(lib lib.cpp)\n")
        .file("src/lib.cpp", "int f() { return 1; }\n")
        .file(
            "tools/misc/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.10)\nproject(Helper CXX)\n"
                + "add_executable(helper helper.cpp)\n")
        .file("tools/misc/helper.cpp", "int main() { return 0; }\n")
        .file("bindings/pyproject.toml", py("bindings"));
    RepoFacts f = RepoScanner.scan(dir);
    assertEquals(List.of(".", "bindings"), paths(f), "a Python project inside stays");
    LeftOut helper = f.leftOut().get(0);
    assertEquals("tools/misc standalone", helper.path() + " " + helper.role().id());
    assertTrue(helper.reason().contains("inside the one at ."), helper.reason());

    // Reached by the outer project's add_subdirectory, the folder is part of it.
    TestRepo.in(dir).file("CMakeLists.txt", top + "add_subdirectory(tools/misc)\n");
    RepoFacts reached = RepoScanner.scan(dir);
    assertEquals(List.of(".", "bindings"), paths(reached));
    assertEquals(List.of(), reached.leftOut());

    // Named in include = [...], it is built.
    TestRepo.in(dir)
        .file("CMakeLists.txt", top)
        .file("nixmigrate.toml", "include = [\"tools/misc\"]\n");
    assertEquals(List.of(".", "bindings", "tools/misc"), paths(RepoScanner.scan(dir)));
  }

  /** lz4's shape: a Makefile project with CMake and meson builds of its sources in subfolders. */
  @Test
  void aBuildWhoseFolderHoldsNoSourceIsAnotherBuildOfTheEnclosingProject() {
    TestRepo.in(dir)
        .file("Makefile", "all:\n\t$(MAKE) -C lib\n")
        .file("lib/Makefile", "lib: lz.o\n\t$(CC) -c lz.c\n")
        .file("lib/lz.c", "int lz(void) { return 0; }\n")
        .file(
            "build/cmake/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.10)\nproject(LZ C)\n"
                + "set(TOP ${CMAKE_CURRENT_SOURCE_DIR}/../..)\nadd_library(lz ${TOP}/lib/lz.c)\n")
        .file("contrib/meson/meson.build", "project('lz', 'c')\nsubdir('meson')\n")
        .file("contrib/meson/meson/meson.build", "library('lz', '../../../lib/lz.c')\n")
        .file("tools/gen/CMakeLists.txt", "project(gen C)\nadd_executable(gen gen.c)\n")
        .file("tools/gen/src/gen.c", "int main(void) { return 0; }\n");
    RepoFacts f = RepoScanner.scan(dir);
    assertEquals(List.of(".", "tools/gen"), paths(f), "a build with sources of its own stays");
    assertEquals(
        List.of("build/cmake alternative", "contrib/meson alternative"),
        f.leftOut().stream().map(l -> l.path() + " " + l.role().id()).sorted().toList());
    assertTrue(f.leftOut().get(0).reason().contains("project at ."), f.leftOut().toString());
    TestRepo.in(dir).file("nixmigrate.toml", "include = [\"build/cmake\"]\n");
    assertEquals(List.of(".", "build/cmake", "tools/gen"), paths(RepoScanner.scan(dir)));
  }

  @Test
  void aRepositoryOfExamplesOnlyKeepsThem() {
    TestRepo.in(dir)
        .file("examples/a/pyproject.toml", py("a"))
        .file("examples/b/pyproject.toml", py("b"));
    RepoFacts f = RepoScanner.scan(dir);
    assertEquals(List.of("examples/a", "examples/b"), paths(f));
    assertEquals(List.of(), f.leftOut());
  }

  @Test
  void badGlobsAreLocatedErrors() {
    repo().file("nixmigrate.toml", "step = 1\ninclude = \"examples\"\n");
    List<Diagnostic> errors =
        RepoScanner.scan(dir).diagnostics().stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("nixmigrate.toml", errors.get(0).file());
    assertEquals(2, errors.get(0).line());
  }
}
