package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which steps a run does: {@code --only} does step N's own work and refuses when what it builds on
 * is missing; without it, earlier steps the repository already did with its own files are skipped.
 */
class ScopeTest {
  @TempDir Path temp;

  private static List<String> paths(StepResult r) {
    return r.fileChanges().stream().map(FileChange::path).toList();
  }

  @Test
  void stepTwoAloneNeedsACiWorkflow() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.only(true)));
    assertEquals(NixMigrateException.Kind.REFUSED, e.kind());
    assertTrue(e.getMessage().contains("a CI workflow (step 1)"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(".nixmigrate")), "nothing written");
  }

  @Test
  void stepThreeAloneWritesOnlyTheDevShellAndStepFourAloneBuildsOnIt() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    StepResult three = NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.only(true));
    // The example's .gitignore is the user's: its lines need --edit-existing.
    assertEquals(List.of(".devcontainer/devcontainer.json", ".envrc", "flake.nix"), paths(three));
    TestRepo.commitAll(dir, "step 3");
    StepResult four = NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.only(true));
    assertEquals(List.of(".github/workflows/nix.yml", "flake.nix"), paths(four));
    assertFalse(Files.exists(dir.resolve(".github/workflows/ci.yml")));
    assertFalse(Files.exists(dir.resolve("justfile")));
    assertEquals(4, NixMigrate.stepReached(dir));
  }

  @Test
  void stepFourAloneNeedsAFlake() throws Exception {
    Path dir = ExampleRepo.copy(temp, "python-uv");
    MissingStepException e =
        assertThrows(
            MissingStepException.class,
            () -> NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.only(true)));
    assertEquals(4, e.step());
    assertEquals("a flake (step 3)", e.requires());
    assertTrue(e.getMessage().contains("a flake (step 3)"), e.getMessage());
  }

  @Test
  void stepTwoAloneOnNixmigratesWorkflowAddsTheCaches() throws Exception {
    Path dir = ExampleRepo.copy(temp, "cpp-cmake");
    NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT);
    TestRepo.commitAll(dir, "step 1");
    StepResult two = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.only(true));
    // The justfile renders step 2's settings too, so it is brought along, and check agrees.
    assertEquals(List.of(".github/workflows/ci.yml", "justfile"), paths(two));
    assertTrue(Files.readString(dir.resolve(".github/workflows/ci.yml")).contains("ccache"));
    assertTrue(Files.readString(dir.resolve("justfile")).contains("ccache"));
    assertEquals(List.of(), NixMigrate.check(dir, Options.defaults(), 2));
  }

  @Test
  void languagesTheUsersCiBuildsGetNoSecondSetOfJobs() throws Exception {
    Path dir = ExampleRepo.copy(temp, "polyglot");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/python.yml"),
        "name: python\non: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n      - uses: actions/setup-python@v5\n      - run: pytest\n");
    TestRepo.commitAll(dir, "their Python CI");
    StepResult r = NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT);
    String ci = Files.readString(dir.resolve(".github/workflows/ci.yml"));
    var jobs =
        dev.nixmigrate.core.internal.read.YamlReader.leaves(ci, "ci.yml").stream()
            .filter(l -> l.path().size() > 1 && l.path().get(0).equals("jobs"))
            .map(l -> l.path().get(1))
            .distinct()
            .toList();
    assertFalse(jobs.contains("python"), jobs.toString());
    assertTrue(jobs.contains("rust-test") && jobs.contains("cmake"), jobs.toString());
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.toString().contains(".github/workflows/python.yml")),
        r.warnings().toString());
  }

  @Test
  void theUsersFlakeGetsTheHookUpOnlyWhenAsked() throws Exception {
    Path dir = ExampleRepo.copy(temp, "python-uv");
    String theirs =
        "{\n  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-unstable\";\n"
            + "  outputs = { self, nixpkgs }: {\n    formatter = { };\n  };\n}\n";
    Files.writeString(dir.resolve("flake.nix"), theirs);
    TestRepo.commitAll(dir, "their flake");

    StepResult r = NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT);
    assertEquals(theirs, Files.readString(dir.resolve("flake.nix")));
    assertTrue(paths(r).contains("nix/nixmigrate.nix"), paths(r).toString());
    assertTrue(
        r.left().stream()
            .anyMatch(
                l -> l.toString().startsWith("flake.nix") && l.toString().contains("one line")),
        r.left().toString());
    TestRepo.commitAll(dir, "step 3");

    StepResult edit =
        NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.editExisting(true));
    assertEquals(List.of(".gitignore", "flake.nix"), paths(edit));
    assertTrue(
        Files.readString(dir.resolve("flake.nix"))
            .contains("}@inputs: import ./nix/nixmigrate.nix inputs {"));
    TestRepo.commitAll(dir, "hooked");

    // Step 4 brings packages into nixmigrate's file; their flake is not touched again.
    StepResult four =
        NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    assertTrue(paths(four).contains("nix/nixmigrate.nix"), paths(four).toString());
    assertFalse(paths(four).contains("flake.nix"));
    assertTrue(Files.readString(dir.resolve("nix/nixmigrate.nix")).contains("packages ="));
  }
}
