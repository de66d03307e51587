package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.NativeBuild;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What meson.build trees and Makefiles say about building and testing. */
class NativeBuildReaderTest {
  @TempDir Path dir;

  private static NativeBuild only(RepoFacts facts) {
    assertEquals(1, facts.projects().size(), facts.projects().toString());
    return facts.projects().get(0).nativeBuild().orElseThrow();
  }

  @Test
  void mesonVersionDependenciesAndTestsAcrossSubfolders() {
    TestRepo.in(dir)
        .file(
            "meson.build",
            "project('fb', 'c',\n  license: 'LGPL',\n  version : '1.0.8', # the release\n)\n"
                + "zlib = dependency('zlib')\nthreads = dependency('threads')\nsubdir('lib')\n")
        .file("lib/meson.build", "glib = dependency( 'glib-2.0', version: '>=2.60')\n")
        .file("lib/x.c", "int x;\n")
        .file("test/meson.build", "foreach t : tests\n  test(t, exe)\nendforeach\n")
        .file("subprojects/dep/meson.build", "project('dep', 'c')\nd = dependency('libfoo')\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertEquals("1.0.8", b.version());
    assertEquals("meson test", b.testCommand());
    assertEquals(List.of("glib-2.0", "zlib"), b.dependencies(), "threads is meson's own");
    assertFalse(b.installs(), "nothing is declared for installing");
    List<String> attrs =
        RepoScanner.scan(dir).projects().get(0).nixPackages().stream()
            .map(NixPackage::attribute)
            .toList();
    assertTrue(attrs.contains("zlib") && attrs.contains("glib"), attrs.toString());
  }

  @Test
  void mesonWithoutTestsHasNoTestCommand() {
    TestRepo.in(dir)
        .file("meson.build", "project('x', 'c')\nexecutable('x', 'x.c')\nfoo.test()\n")
        .file("x.c", "int main(void){return 0;}\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertNull(b.testCommand());
    assertNull(b.version());
  }

  @Test
  void aDelegatingMakefileClaimsTheMakefilesBelowIt() {
    TestRepo.in(dir)
        .file(
            "Makefile",
            "all:\n\t$(MAKE) -C lib\n\t$(MAKE) -C programs\n\ntest:\n\t$(MAKE) -C tests\n")
        .file("lib/Makefile", "liblz.a: lz.o\n\tar rcs $@ $^\n")
        .file("lib/lz.c", "int lz;\n")
        .file(
            "programs/Makefile",
            "lz: main.c\n\t$(CC) -o lz main.c $(shell pkg-config --cflags --libs libzstd)\n")
        .file("programs/main.c", "int main(void){return 0;}\n")
        .file("tests/Makefile", "test:\n\t./run\n")
        .file("tests/t.c", "int t;\n");
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(List.of("."), facts.projects().stream().map(Project::path).toList());
    NativeBuild b = only(facts);
    assertEquals("make test", b.testCommand());
    assertFalse(b.installs(), "no install target");
    assertTrue(FactsJson.detect(facts).contains("\"testCommand\": \"make test\""));
  }

  @Test
  void aMakefileNamesItsPkgConfigModulesAndCheckTarget() {
    TestRepo.in(dir)
        .file(
            "Makefile",
            "CFLAGS := $(shell pkg-config --cflags libpng zlib)\nVERSION := 1\n"
                + "prog: prog.c\n\t$(CC) $(CFLAGS) -o $@ $<\n\ncheck test-all: prog\n\t./prog\n")
        .file("prog.c", "int main(void){return 0;}\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertEquals("make check", b.testCommand());
    assertEquals(List.of("libpng", "zlib"), b.dependencies());
  }

  @Test
  void mesonInstallsWhatATargetOrAnInstallFunctionDeclares() {
    TestRepo.in(dir)
        .file("meson.build", "project('x', 'c')\nsubdir('lib')\n")
        .file("lib/meson.build", "library('x', 'x.c', install_dir: 'lib', install : true)\n")
        .file("lib/x.c", "int x;\n");
    assertTrue(only(RepoScanner.scan(dir)).installs());
    TestRepo.in(dir).file("lib/meson.build", "library('x', 'x.c', install: false)\n");
    assertFalse(only(RepoScanner.scan(dir)).installs());
    TestRepo.in(dir).file("lib/meson.build", "install_headers('x.h', subdir: 'x')\n");
    assertTrue(only(RepoScanner.scan(dir)).installs());
  }

  @Test
  void aMesonBuildThatReadsAboveItsFolderSaysWhere() {
    TestRepo.in(dir)
        .file("lib/lz.c", "int lz;\n")
        .file("contrib/meson/meson.build", "project('lz', 'c')\nsubdir('meson')\n")
        .file(
            "contrib/meson/meson/meson.build",
            "inc = '../include'\nroot = '../../..'\nlibrary('lz', root / 'lib/lz.c')\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertEquals("'../../..'", b.readsAbove(), "'../include' stays inside contrib/meson");
    TestRepo.in(dir).file("contrib/meson/meson/meson.build", "inc = '../include'\n");
    assertNull(only(RepoScanner.scan(dir)).readsAbove());
  }

  @Test
  void aMakefilesInstallTargetAndPrefixVariable() {
    TestRepo.in(dir)
        .file(
            "Makefile",
            "PREFIX=/usr/local\nall: prog\nprog: prog.c\n\tcc -o prog prog.c\n"
                + "install: prog\n\tcp -f prog $(PREFIX)/bin/prog\n")
        .file("prog.c", "int main(void){return 0;}\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertTrue(b.installs());
    assertEquals(List.of("PREFIX"), b.prefixVariables());
    String json = FactsJson.detect(RepoScanner.scan(dir));
    assertTrue(json.contains("\"installs\": true") && json.contains("\"prefixVariables\""), json);
  }

  @Test
  void aDelegatingMakefilesPrefixVariablesComeFromTheMakefilesBelowIt() {
    TestRepo.in(dir)
        .file("Makefile", "all:\n\t$(MAKE) -C lib\n\ninstall uninstall:\n\t$(MAKE) -C lib $@\n")
        .file(
            "lib/Makefile",
            "PREFIX ?= /usr/local\nprefix ?= $(PREFIX)\nall:\n\tcc -c lz.c\n"
                + "install:\n\tcp lz.o $(DESTDIR)${prefix}/lib\n")
        .file("lib/lz.c", "int lz;\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertTrue(b.installs(), "install uninstall: names the install target");
    assertEquals(List.of("PREFIX", "prefix"), b.prefixVariables());
  }

  @Test
  void aDelegatingMakefilesLibrariesComeFromTheMakefileThatBuilds() {
    TestRepo.in(dir)
        .file("Makefile", "all:\n\t$(MAKE) -C src\n\ntest:\n\t$(MAKE) -C src test\n")
        .file(
            "src/Makefile",
            "CFLAGS += $(shell pkg-config --cflags libcurl)\n"
                + "LDLIBS += $(shell pkg-config --libs libcurl zlib)\n"
                + "tool: main.o\n\t$(CC) -o $@ $^ $(LDLIBS)\n"
                + "test: tool\n\t./tool --self-test\n")
        .file("src/main.c", "int main(void) { return 0; }\n");
    NativeBuild b = only(RepoScanner.scan(dir));
    assertEquals("test", b.testTarget());
    assertEquals(List.of("libcurl", "zlib"), b.dependencies());
    List<String> attrs =
        RepoScanner.scan(dir).projects().get(0).nixPackages().stream()
            .map(dev.nixmigrate.core.model.NixPackage::attribute)
            .toList();
    assertTrue(attrs.contains("curl") && attrs.contains("zlib"), attrs.toString());
  }

  @Test
  void aMakefileBesideAnotherBuildIsNotAProjectOfItsOwn() {
    TestRepo.in(dir)
        .file("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(c C)\n")
        .file("Makefile", "all:\n\tcc -o x x.c\n")
        .file("x.c", "int main(void){return 0;}\n");
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(1, facts.projects().size());
    assertTrue(facts.projects().get(0).nativeBuild().isEmpty());
  }

  /** newsboat's shape: the Makefile builds a C++ program beside the Cargo workspace it links. */
  @Test
  void aMakefileThatCompilesCppBesideACargoWorkspaceIsABuildOfItsOwn() {
    String cargo = "[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
    TestRepo.in(dir)
        .file("Cargo.toml", cargo)
        .file("src/lib.rs", "")
        .file("Makefile", "CXX?=c++\nall: app\napp: main.o\n\t$(CXX) -o app main.o\n")
        .file("main.cpp", "int main() { return 0; }\n");
    Project p = RepoScanner.scan(dir).projects().get(0);
    assertEquals(List.of("make"), p.otherBuilds());
    assertEquals(List.of(Language.RUST, Language.CPP), p.languages());
    assertTrue(p.nativeBuild().isEmpty(), "cargo's project, with a build beside it");

    // A Makefile that only drives cargo compiles no C: the project stays cargo's alone.
    TestRepo.in(dir).file("Makefile", "all:\n\tcargo build\n");
    Project cargoOnly = RepoScanner.scan(dir).projects().get(0);
    assertEquals(List.of(), cargoOnly.otherBuilds());
    assertEquals(List.of(Language.RUST), cargoOnly.languages());
  }

  @Test
  void aMesonProjectInASubfolderReadsOnlyItsOwnTree() {
    TestRepo.in(dir)
        .file("Makefile", "all:\n\t$(MAKE) -C lib\n")
        .file("lib/Makefile", "lib.a: l.o\n")
        .file("lib/l.c", "int l;\n")
        .file("contrib/meson/meson.build", "project('lz', 'c', version: '1.9')\n")
        .file("contrib/meson/x.c", "int x;\n")
        .file("meson-tests/meson.build", "test('t', exe)\n");
    RepoFacts facts = RepoScanner.scan(dir);
    Project meson =
        facts.projects().stream()
            .filter(p -> p.path().equals("contrib/meson"))
            .findFirst()
            .orElseThrow();
    assertEquals("1.9", meson.nativeBuild().orElseThrow().version());
    assertNull(
        meson.nativeBuild().orElseThrow().testCommand(), "another folder's test() is not its");
  }
}
