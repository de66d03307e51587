package dev.nixmigrate.core.internal.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.CMakeProject.FindPackage;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CMakeReaderTest {
  @TempDir Path dir;

  private CMakeProject read(String top) {
    TestRepo.in(dir).file("CMakeLists.txt", top);
    RepoFiles files = new RepoFiles(dir);
    return CMakeReader.read(files, ".").orElseThrow().project();
  }

  @Test
  void readsProjectVersionLanguagesAndMinimum() {
    CMakeProject p =
        read(
            "cmake_minimum_required(VERSION 3.20 FATAL_ERROR)\n"
                + "set(V 1.2.3)\nproject(demo VERSION ${V} DESCRIPTION \"d\" LANGUAGES C CXX)\n");
    assertEquals("3.20", p.minimumVersion());
    assertEquals("demo", p.name());
    assertEquals("1.2.3", p.version());
    assertEquals(List.of("C", "CXX"), p.languages());
  }

  @Test
  void projectWithoutLanguagesEnablesCAndCxxAndNoneEnablesNothing() {
    assertEquals(List.of("C", "CXX"), read("project(x)").languages());
    assertEquals(List.of(), read("project(x LANGUAGES NONE)").languages());
    assertEquals(List.of("CXX", "C"), read("project(x CXX C)").languages());
  }

  @Test
  void keepsUnresolvedVariablesWritten() {
    assertEquals(
        "${SKBUILD_PROJECT_NAME}", read("project(${SKBUILD_PROJECT_NAME} LANGUAGES CXX)").name());
  }

  @Test
  void readsFindPackageArguments() {
    CMakeProject p =
        read(
            "project(x)\nfind_package(Boost 1.80 REQUIRED COMPONENTS system filesystem)\n"
                + "find_package(OpenSSL)\n");
    FindPackage boost = p.packages().get(0);
    assertEquals("Boost", boost.name());
    assertEquals("1.80", boost.version());
    assertTrue(boost.required());
    assertEquals(List.of("system", "filesystem"), boost.components());
    assertEquals(2, boost.line());
    assertFalse(p.packages().get(1).required());
  }

  @Test
  void optionsDecideBranchesForTheDefaultConfiguration() {
    CMakeProject p =
        read(
            "project(x)\noption(WITH_A \"\" ON)\noption(WITH_B \"\" OFF)\n"
                + "if(WITH_A)\n find_package(A REQUIRED)\nelseif(WITH_B)\n find_package(B)\nelse()\n find_package(C)\nendif()\n"
                + "if(NOT WITH_B)\n set(CMAKE_CXX_STANDARD 17)\nelse()\n set(CMAKE_CXX_STANDARD 23)\nendif()\n"
                + "if(SOME_PLATFORM_THING)\n find_package(D)\nendif()\n");
    assertEquals(List.of("A", "D"), p.packages().stream().map(FindPackage::name).toList());
    assertFalse(p.packages().get(0).conditional());
    assertTrue(p.packages().get(1).conditional());
    assertEquals(List.of("B", "C"), p.optionalPackages().stream().map(FindPackage::name).toList());
    assertEquals("17", p.cxxStandard());
  }

  @Test
  void windowsOnlyBranchesAreOptionalOnNixPlatforms() {
    CMakeProject p =
        read(
            "project(x)\nif(WIN32)\n find_package(WinThing)\nelse()\n find_package(Threads)\nendif()\n");
    assertEquals(List.of("Threads"), p.packages().stream().map(FindPackage::name).toList());
    assertEquals(
        List.of("WinThing"), p.optionalPackages().stream().map(FindPackage::name).toList());
  }

  @Test
  void installRulesAreSeenInSubdirectoriesAndNotBehindAnOffOption() {
    assertFalse(read("project(x)\nadd_executable(a a.c)\n").installs());
    assertFalse(
        read("project(x)\noption(X_INSTALL \"\" OFF)\nif(X_INSTALL)\n install(TARGETS a)\nendif()\n")
            .installs());
    TestRepo.in(dir).file("src/CMakeLists.txt", "add_library(a a.c)\ninstall(TARGETS a)\n");
    assertTrue(read("project(x)\nadd_subdirectory(src)\n").installs());
  }

  @Test
  void testsBehindAnOffOptionNameTheOptionThatTurnsThemOn() {
    TestRepo.in(dir)
        .file("tests/CMakeLists.txt", "add_executable(t t.cpp)\nadd_test(NAME t COMMAND t)\n");
    CMakeProject p =
        read(
            "project(x)\ninclude(CMakeDependentOption)\n"
                + "option(X_DEVELOPMENT_BUILD \"tests, warnings\" OFF)\n"
                + "cmake_dependent_option(X_BUILD_TESTING \"tests\" ON \"X_DEVELOPMENT_BUILD\" OFF)\n"
                + "if(X_BUILD_TESTING)\n enable_testing()\n add_subdirectory(tests)\nendif()\n");
    assertEquals("X_DEVELOPMENT_BUILD", p.testOption());
    assertTrue(p.tests());

    CMakeProject on =
        read(
            "project(x)\noption(X_BUILD_TESTS \"\" ON)\n"
                + "if(X_BUILD_TESTS)\n enable_testing()\n add_subdirectory(tests)\nendif()\n");
    assertEquals(null, on.testOption(), "on by default: no option needed");
    assertTrue(on.tests());

    CMakeProject none =
        read(
            "project(x)\noption(X_DOCS \"\" OFF)\nif(X_DOCS)\n add_subdirectory(tests)\nendif()\n");
    assertEquals(null, none.testOption(), "no option named for tests");
    assertFalse(none.tests());
  }

  @Test
  void takesTheNewestStandardByYear() {
    CMakeProject p =
        read(
            "project(x)\nset(CMAKE_C_STANDARD 99)\nadd_library(a a.c)\n"
                + "target_compile_features(a PUBLIC c_std_11 cxx_std_14)\n"
                + "set_target_properties(a PROPERTIES CXX_STANDARD 20)\n");
    assertEquals("11", p.cStandard());
    assertEquals("20", p.cxxStandard());
  }

  @Test
  void followsSubdirectoriesAndIncludes() {
    TestRepo.in(dir)
        .file("lib/CMakeLists.txt", "find_package(ZLIB REQUIRED)\nadd_subdirectory(inner)\n")
        .file(
            "lib/inner/CMakeLists.txt",
            "pkg_check_modules(GLIB REQUIRED IMPORTED_TARGET glib-2.0>=2.10)\n")
        .file(
            "cmake/deps.cmake",
            "include(FetchContent)\nFetchContent_Declare(googletest\n"
                + "  GIT_REPOSITORY https://github.com/google/googletest.git\n  GIT_TAG v1.15.2)\n");
    CMakeProject p =
        read("project(x)\nadd_subdirectory(lib)\ninclude(cmake/deps.cmake)\nenable_testing()\n");
    assertEquals(List.of("lib", "lib/inner"), p.subdirectories());
    assertEquals("ZLIB", p.packages().get(0).name());
    assertEquals("lib/CMakeLists.txt", p.packages().get(0).file());
    assertEquals(List.of("glib-2.0"), p.pkgConfigModules());
    assertEquals("googletest", p.fetchContent().get(0).name());
    assertEquals("https://github.com/google/googletest.git", p.fetchContent().get(0).source());
    assertTrue(p.tests());
  }

  @Test
  void doesNotLeaveTheRepository() {
    CMakeProject p = read("project(x)\nadd_subdirectory(../outside)\ninclude(/etc/passwd.cmake)\n");
    assertEquals(List.of(), p.subdirectories());
  }

  @Test
  void listAppendFeedsModulePathForFindModules() {
    TestRepo.in(dir)
        .file(
            "cmake/FindFoo.cmake",
            "if(NOT Foo_FOUND)\n FetchContent_Declare(Foo URL https://x/foo.tgz)\nendif()\n");
    CMakeProject p =
        read(
            "project(x)\nlist(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_SOURCE_DIR}/cmake)\nfind_package(Foo MODULE)\n");
    assertEquals(
        List.of("Foo"),
        p.fetchContent().stream().map(CMakeProject.FetchedDependency::name).toList());
  }

  @Test
  void aModuleIncludedByNameIsReadFromTheModulePath() {
    TestRepo.in(dir)
        .file(
            "cmake/Dependencies.cmake",
            "find_package(BZip2 REQUIRED)\ntarget_compile_features(app PRIVATE cxx_std_20)\n")
        .file("cmake/Warnings.cmake", "find_package(PNG REQUIRED)\n");
    CMakeProject p =
        read(
            "project(x CXX)\nlist(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_SOURCE_DIR}/cmake)\n"
                + "include(Dependencies)\ninclude(GNUInstallDirs)\ninclude(../Warnings)\n"
                + "add_executable(app main.cpp)\n");
    assertEquals(
        List.of("BZip2"), p.packages().stream().map(CMakeProject.FindPackage::name).toList());
    assertEquals("20", p.cxxStandard());
  }

  @Test
  void aFunctionOrMacroReadsItsBodyWhereItIsCalledWithTheCallsArguments() {
    TestRepo.in(dir)
        .file(
            "cmake/deps.cmake",
            "macro(need_package pkg)\n  find_package(${pkg} ${ARGN})\nendmacro()\n"
                + "function(need_modules)\n  find_package(PkgConfig REQUIRED)\n"
                + "  pkg_check_modules(DEPS REQUIRED ${ARGV})\n"
                + "  set(LOCAL_ONLY yes)\n  set(FROM_FUNCTION 20 PARENT_SCOPE)\nendfunction()\n");
    CMakeProject p =
        read(
            "project(x CXX)\ninclude(cmake/deps.cmake)\nneed_package(ZLIB REQUIRED)\n"
                + "need_modules(libzstd libpng)\nif(WIN32)\n  need_package(OpenSSL REQUIRED)\n"
                + "endif()\nif(LOCAL_ONLY)\n  find_package(Leaked REQUIRED)\nendif()\n"
                + "set(CMAKE_CXX_STANDARD ${FROM_FUNCTION})\n");
    FindPackage zlib = p.packages().get(0);
    assertEquals("ZLIB", zlib.name());
    assertTrue(zlib.required());
    assertFalse(zlib.conditional(), "called unconditionally: needed");
    assertEquals(
        List.of("ZLIB", "PkgConfig"),
        p.packages().stream().filter(f -> !f.conditional()).map(FindPackage::name).toList());
    assertEquals(List.of("libzstd", "libpng"), p.pkgConfigModules());
    assertTrue(
        p.packages().stream().noneMatch(f -> f.name().equals("OpenSSL") && !f.conditional()),
        "a call under if(WIN32) is not an unconditional need");
    assertTrue(
        p.packages().stream().noneMatch(f -> f.name().equals("Leaked") && !f.conditional()),
        "a function's own variables end with it");
    assertEquals("20", p.cxxStandard(), "PARENT_SCOPE reaches the caller");
  }

  @Test
  void aFunctionNeverCalledIsReadAsCodeThatMayRunAndRecursionEnds() {
    CMakeProject p =
        read(
            "project(x C)\nfunction(unused)\n  find_package(CURL REQUIRED)\nendfunction()\n"
                + "function(loop)\n  loop()\n  loop()\n  find_package(BZip2 REQUIRED)\n"
                + "endfunction()\nloop()\n");
    FindPackage curl =
        p.packages().stream().filter(f -> f.name().equals("CURL")).findFirst().orElseThrow();
    assertTrue(curl.conditional());
    assertTrue(p.packages().stream().anyMatch(f -> f.name().equals("BZip2")));
  }
}
