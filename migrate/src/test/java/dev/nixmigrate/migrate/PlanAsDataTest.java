package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plan is every change a run makes, bookkeeping included; applying it does exactly that; files no
 * longer generated go, unless the user edited them; a saved plan refuses a moved repository.
 */
class PlanAsDataTest {
  @TempDir Path temp;

  private static final Options BUILDERS =
      Options.defaults()
          .withBinaryCache(BinaryCache.parse("cachix:example"), null)
          .withBuilders(List.of("ssh-ng://nix@big.example x86_64-linux - 8 1 big-parallel"));

  private static final Options NO_BUILDERS = BUILDERS.withBuilders(List.of());

  private static FileChange change(Plan p, String path) {
    return p.changes().stream().filter(c -> c.path().equals(path)).findFirst().orElse(null);
  }

  @Test
  void theSettingsFileIsAChangeOfThePlanAndKeepsTheUsersLines() throws Exception {
    Path dir = ExampleRepo.copy(temp, "cpp-cmake");
    NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT);
    Path toml = dir.resolve(Settings.PATH);
    String mine =
        Files.readString(toml)
            .replace("os = ", "# Two runners are enough for us.\nos = ")
            .replace("nix-installer = \"cachix\"", "nix-installer = \"cachix\"  # the default");
    Files.writeString(toml, mine);
    TestRepo.commitAll(dir, "step 1, with notes");

    Options sccache =
        Options.defaults().withCCompilerCache(dev.nixmigrate.generators.CompilerCache.SCCACHE);
    Plan plan = NixMigrate.plan(dir, sccache, 2, RunMode.DEFAULT);
    FileChange settings = change(plan, Settings.PATH);
    assertEquals(FileChange.Kind.EDIT, settings.kind());
    assertEquals(mine, settings.before());
    String after = settings.after();
    assertTrue(after.contains("# Two runners are enough for us.\nos = "), after);
    assertTrue(after.contains("nix-installer = \"cachix\"  # the default"), after);
    assertTrue(after.contains("step = 2\n") && after.contains("compiler-cache = \"sccache\"\n"));
    // The dry run shows the same change and writes nothing.
    StepResult dry = NixMigrate.step(dir, sccache, 2, RunMode.DEFAULT.dryRun(true));
    assertTrue(dry.written().contains(settings), dry.written().toString());
    assertEquals(mine, Files.readString(toml));

    NixMigrate.step(dir, sccache, 2, RunMode.DEFAULT);
    assertEquals(after, Files.readString(toml));
  }

  @Test
  void aFileNoLongerGeneratedIsDeletedAndCheckAgrees() throws Exception {
    Path dir = ExampleRepo.copy(temp, "cpp-cmake");
    NixMigrate.step(dir, BUILDERS, 5, RunMode.DEFAULT);
    assertTrue(Files.exists(dir.resolve("nix/machines")));
    TestRepo.commitAll(dir, "step 5 with a builder");

    Plan plan = NixMigrate.plan(dir, NO_BUILDERS, 5, RunMode.DEFAULT);
    FileChange gone = change(plan, "nix/machines");
    assertEquals(FileChange.Kind.DELETE, gone.kind());
    assertNull(gone.after());
    assertTrue(gone.diff().contains("+++ /dev/null"), gone.diff());

    NixMigrate.step(dir, NO_BUILDERS, 5, RunMode.DEFAULT);
    assertFalse(Files.exists(dir.resolve("nix/machines")));
    assertNull(State.read(dir).get("nix/machines"));
    assertTrue(Files.isRegularFile(dir.resolve("nix/nix.conf")), "the folder's other file stays");
    assertEquals(List.of(), NixMigrate.check(dir, NO_BUILDERS, 5));
  }

  @Test
  void aFileNoLongerGeneratedThatTheUserEditedIsKeptAsTheirs() throws Exception {
    Path dir = ExampleRepo.copy(temp, "cpp-cmake");
    NixMigrate.step(dir, BUILDERS, 5, RunMode.DEFAULT);
    Path machines = dir.resolve("nix/machines");
    String edited = Files.readString(machines) + "ssh-ng://nix@other.example x86_64-linux\n";
    Files.writeString(machines, edited);
    TestRepo.commitAll(dir, "step 5 with two builders");

    Plan plan = NixMigrate.plan(dir, NO_BUILDERS, 5, RunMode.DEFAULT);
    assertEquals(plan, Plan.fromJson(plan.toJson(), "step5.plan"), "left alone survives saving");
    StepResult r = NixMigrate.step(dir, NO_BUILDERS, 5, RunMode.DEFAULT);
    assertEquals(edited, Files.readString(machines));
    assertTrue(
        r.left().stream()
            .anyMatch(l -> l.path().equals("nix/machines") && l.why().contains("edited")),
        r.left().toString());
    assertNull(State.read(dir).get("nix/machines"), "it is the user's now");
  }

  @Test
  void aSavedPlanIsAppliedExactlyAndRefusedOnceTheRepositoryMoved() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    Plan plan = NixMigrate.plan(dir, Options.defaults(), 3, RunMode.DEFAULT);
    Plan saved = Plan.fromJson(plan.toJson(), "step3.plan");
    assertEquals(plan, saved);

    Files.writeString(dir.resolve("flake.nix"), "{ outputs = _: { }; }\n");
    StalePlanException e =
        assertThrows(StalePlanException.class, () -> NixMigrate.apply(dir, saved, true));
    assertEquals(List.of("flake.nix"), e.paths());
    assertTrue(
        e.getMessage().contains("changed since the plan was made, in flake.nix"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(".envrc")), "nothing is written");

    Files.delete(dir.resolve("flake.nix"));
    StepResult r = NixMigrate.apply(dir, saved, false);
    assertEquals(plan.changes(), r.written());
    for (FileChange c : plan.changes()) {
      assertEquals(c.after(), Files.readString(dir.resolve(c.path())), c.path());
    }
    TestRepo.commitAll(dir, "step 3");
    assertTrue(NixMigrate.plan(dir, Options.defaults(), 3, RunMode.DEFAULT).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside", ".git/hooks/post-checkout", "sub/.GIT/config"})
  void aSavedPlanThatLeadsOutsideTheRepositoryOrIntoGitIsRefused(String path) {
    String hostile =
        "{\"schemaVersion\": "
            + Plan.SCHEMA_VERSION
            + ", \"nixmigratePlan\": true, \"step\": 1, \"changes\": [{\"kind\":"
            + " \"create\", \"path\": \""
            + path
            + "\", \"step\": 1, \"reason\": \"x\", \"before\":"
            + " null, \"after\": \"x\"}], \"left\": [], \"conflicts\": [], \"warnings\": []}";
    NixMigrateException e =
        assertThrows(NixMigrateException.class, () -> Plan.fromJson(hostile, "evil.plan"));
    assertEquals(NixMigrateException.Kind.REFUSED, e.kind());
    assertTrue(
        e.getMessage().contains("evil.plan") && e.getMessage().contains(path), e.getMessage());
  }
}
