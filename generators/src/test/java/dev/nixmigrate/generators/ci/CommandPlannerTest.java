package dev.nixmigrate.generators.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands CI and the justfile run, decided from what the manifests say. */
class CommandPlannerTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "2.8.12, true",
    "3.0, true",
    "3.4.3, true",
    "3.5, false",
    "3.10, false",
    "3.5...3.28, false",
    "2.8...3.20, true",
    "4.0, false"
  })
  void oldMinimumVersionsGetCMakesPolicyFloor(String minimum, boolean floor) throws Exception {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION "
                + minimum
                + ")\nproject(x CXX)\nenable_testing()\nadd_executable(x x.cc)\nadd_test(NAME x COMMAND x)\n")
        .file("x.cc", "int main() {}\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertEquals(
        floor, c.build().get(0).endsWith(" " + CommandPlanner.POLICY_FLOOR), c.build().toString());
    assertEquals(
        floor, c.lint().get(0).endsWith(" " + CommandPlanner.POLICY_FLOOR), c.lint().toString());
    assertEquals(List.of("ctest --test-dir build --output-on-failure --no-tests=error"), c.test());
  }

  @Test
  void uvInstallsTheTestGroupBesidesTheDefaultOne() throws Exception {
    TestRepo.in(dir)
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\nversion = \"1\"\nrequires-python = \">=3.11\"\n\n"
                + "[dependency-groups]\ndev = [\"ruff\"]\ntest = [\"pytest\"]\ndocs = [\"sphinx\"]\n\n"
                + "[tool.uv]\n\n[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n")
        .file("uv.lock", "version = 1\n")
        .file("tests/test_x.py", "def test_x():\n    pass\n");
    ProjectCommands c = CommandPlanner.plan(RepoScanner.scan(dir)).get(0);
    assertTrue(c.setup().contains("uv sync --all-extras --group test"), c.setup().toString());
    assertFalse(String.join(" ", c.setup()).contains("docs"), c.setup().toString());
  }
}
