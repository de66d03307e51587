package dev.nixmigrate.core.internal.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the CMake reader's budgets stops a project that goes over it, where it goes over. */
class CMakeBudgetsTest {
  @TempDir Path dir;

  private static final CMakeReader.Budgets DEFAULT = CMakeReader.Budgets.DEFAULT;

  private Diagnostic overBudget(String cmake, CMakeReader.Budgets budgets) {
    TestRepo.in(dir).file("CMakeLists.txt", cmake);
    RepoFiles files = new RepoFiles(dir);
    assertTrue(CMakeReader.read(files, ".", budgets).isEmpty(), "the project is not read");
    assertEquals(1, files.diagnostics().size(), files.diagnostics().toString());
    Diagnostic d = files.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("CMakeLists.txt", d.file());
    return d;
  }

  @Test
  void valueLength() {
    Diagnostic d =
        overBudget(
            "project(a)\nset(A 0123456789)\nset(B ${A}${A})\n",
            new CMakeReader.Budgets(15, DEFAULT.expandedChars(), DEFAULT.expansions(), 60_000));
    assertEquals(3, d.line());
    assertTrue(d.message().contains("a variable expands to more than 15 characters"), d.message());
  }

  /** Inside a function's body, called or never called, the budget stops at the body's line. */
  @Test
  void valueLengthInAFunctionBody() {
    CMakeReader.Budgets small =
        new CMakeReader.Budgets(15, DEFAULT.expandedChars(), DEFAULT.expansions(), 60_000);
    String body = "function(grow)\n  set(A 0123456789)\n  set(B ${A}${A})\nendfunction()\n";
    assertEquals(4, overBudget("project(a)\n" + body + "grow()\n", small).line());
    assertEquals(4, overBudget("project(a)\n" + body, small).line());
  }

  @Test
  void expandedCharactersInAll() {
    Diagnostic d =
        overBudget(
            "project(a)\nset(A 0123456789)\nset(B ${A})\nset(C ${A})\nset(D ${A})\n",
            new CMakeReader.Budgets(DEFAULT.valueLength(), 25, DEFAULT.expansions(), 60_000));
    assertEquals(5, d.line());
    assertTrue(d.message().contains("in all"), d.message());
  }

  @Test
  void expansionCount() {
    Diagnostic d =
        overBudget(
            "project(a)\nset(A x)\nset(B ${A}${A})\nset(C ${A}${A})\n",
            new CMakeReader.Budgets(DEFAULT.valueLength(), DEFAULT.expandedChars(), 3, 60_000));
    assertEquals(4, d.line());
    assertTrue(d.message().contains("more than 3 variable references"), d.message());
  }

  @Test
  void time() {
    Diagnostic d =
        overBudget(
            "project(a)\n",
            new CMakeReader.Budgets(
                DEFAULT.valueLength(), DEFAULT.expandedChars(), DEFAULT.expansions(), 0));
    assertEquals(1, d.line());
    assertTrue(d.message().contains("took longer than"), d.message());
  }

  @Test
  void realProjectsStayWithinTheDefaults() {
    StringBuilder b = new StringBuilder("project(a)\nset(SRC)\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("list(APPEND SRC src/file").append(i).append(".c)\n");
    }
    b.append("add_library(a ${SRC})\nmessage(${SRC}${SRC}${SRC})\n");
    TestRepo.in(dir).file("CMakeLists.txt", b.toString());
    RepoFiles files = new RepoFiles(dir);
    assertTrue(CMakeReader.read(files, ".").isPresent());
    assertTrue(files.diagnostics().isEmpty(), files.diagnostics().toString());
  }
}
