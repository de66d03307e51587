package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code step}: idempotent, keeps the user's edits, never writes over their work unasked. */
class StepTest {
  @TempDir Path temp;

  /** A copy of the example in a fresh git repository with one commit. */
  private Path repo(String name) throws Exception {
    return ExampleRepo.copy(temp, name);
  }

  private static void commitAll(Path dir) throws Exception {
    TestRepo.commitAll(dir, "change");
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p :
          s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).toList()) {
        FileTime t = Files.getLastModifiedTime(p);
        out.put(dir.relativize(p).toString(), Files.readString(p) + "@" + t.toMillis());
      }
    }
    return out;
  }

  /** A manifest change: python-uv gains a runtime dependency. */
  private static void addPyyaml(Path dir) throws IOException {
    Path pyproject = dir.resolve("pyproject.toml");
    String before = Files.readString(pyproject);
    String after = before.replace("\"click>=8.1\",", "\"click>=8.1\",\n  \"pyyaml>=6\",");
    assertFalse(before.equals(after), "the example's dependency list changed shape");
    Files.writeString(pyproject, after);
  }

  static Stream<Arguments> examplesAndSteps() {
    return Stream.of("python-uv", "rust-workspace", "cpp-cmake", "polyglot")
        .flatMap(n -> Stream.of(1, 2, 3, 4, 5).map(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest
  @MethodSource("examplesAndSteps")
  void aSecondRunChangesNothing(String example, int step) throws Exception {
    Path dir = repo(example);
    StepResult first =
        NixMigrate.step(dir, Options.defaults(), step, RunMode.DEFAULT.editExisting(true));
    assertFalse(first.written().isEmpty());
    commitAll(dir);
    Map<String, String> before = snapshot(dir);
    Thread.sleep(20);
    StepResult second =
        NixMigrate.step(dir, Options.defaults(), step, RunMode.DEFAULT.editExisting(true));
    assertEquals(0, second.written().size(), second.written().toString());
    assertEquals(before, snapshot(dir), "content and mtime unchanged");
  }

  @Test
  void anEditAwayFromTheChangeSurvivesAManifestChange() throws Exception {
    Path dir = repo("python-uv");
    NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    Path flake = dir.resolve("flake.nix");
    String edited =
        Files.readString(flake).replace("  inputs = {", "  # my own note\n  inputs = {");
    Files.writeString(flake, edited);
    addPyyaml(dir);
    commitAll(dir);
    StepResult r = NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    assertEquals(0, r.conflicts().size());
    String merged = Files.readString(flake);
    assertTrue(merged.contains("# my own note"), "the user's line is kept");
    assertTrue(merged.contains("ps.pyyaml"), "the new dependency is in: " + merged);
  }

  @Test
  void aConflictingEditGetsMarkersAndIsReported() throws Exception {
    Path dir = repo("python-uv");
    NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    Path flake = dir.resolve("flake.nix");
    Files.writeString(
        flake, Files.readString(flake).replace("ps.click", "ps.click # pinned by hand"));
    addPyyaml(dir);
    commitAll(dir);
    StepResult r = NixMigrate.step(dir, Options.defaults(), 4, RunMode.DEFAULT.editExisting(true));
    assertEquals(java.util.List.of(new Conflict("flake.nix", Conflict.Cause.MERGE)), r.conflicts());
    String text = Files.readString(flake);
    assertTrue(text.contains("<<<<<<< your edits") || text.contains("<<<<<<< "), text);
    assertTrue(text.contains(">>>>>>> "), text);
  }

  @Test
  void theUsersOwnWorkflowIsLeftAloneAndStepOneIsTheirs() throws Exception {
    Path dir = repo("rust-workspace");
    Files.createDirectories(dir.resolve(".github/workflows"));
    String mine =
        "name: mine\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n";
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), mine);
    commitAll(dir);
    StepResult r = NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT);
    assertEquals(mine, Files.readString(dir.resolve(".github/workflows/ci.yml")));
    assertTrue(
        r.left().stream().anyMatch(l -> l.toString().startsWith(".github/workflows/ci.yml")),
        r.left().toString());
    assertFalse(
        Files.exists(dir.resolve("justfile")), "their CI does step 1, so nixmigrate adds none");
  }

  @Test
  void uncommittedChangesStopTheStepUnlessAllowed() throws Exception {
    Path dir = repo("cpp-cmake");
    NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT.editExisting(true));
    commitAll(dir);
    Files.writeString(
        dir.resolve("justfile"), Files.readString(dir.resolve("justfile")) + "\n# wip\n");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> NixMigrate.step(dir, Options.defaults(), 2, RunMode.DEFAULT.editExisting(true)));
    assertEquals(NixMigrateException.Kind.REFUSED, e.kind());
    assertTrue(e.getMessage().contains("justfile"), e.getMessage());
    StepResult r =
        NixMigrate.step(
            dir, Options.defaults(), 2, RunMode.DEFAULT.allowDirty(true).editExisting(true));
    assertTrue(
        Files.readString(dir.resolve("justfile")).contains("# wip"), "allowed: edits merged, kept");
    assertTrue(
        Files.readString(dir.resolve("justfile")).contains("CCACHE_BASEDIR"),
        r.written().toString());
  }

  @Test
  void aDryRunWritesNothing() throws Exception {
    Path dir = repo("polyglot");
    Map<String, String> before = snapshot(dir);
    StepResult r =
        NixMigrate.step(
            dir, Options.defaults(), 5, RunMode.DEFAULT.dryRun(true).editExisting(true));
    assertFalse(r.written().isEmpty());
    assertEquals(before, snapshot(dir));
  }

  @Test
  void aFailedWriteLeavesEveryFileAsItWas() throws Exception {
    Path dir = repo("python-uv");
    // A file where the workflow's folder must go: .envrc is written first, then this fails.
    Files.writeString(dir.resolve(".github"), "not a folder\n");
    commitAll(dir);
    Map<String, String> before = snapshot(dir);
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.editExisting(true)));
    assertEquals(NixMigrateException.Kind.EXTERNAL, e.kind());
    assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    assertEquals(before, snapshot(dir), "all or nothing");
  }

  @Test
  void aSymlinkOutOfTheRepositoryIsRefused() throws Exception {
    Path dir = repo("python-uv");
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createSymbolicLink(dir.resolve(".github"), outside);
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () ->
                NixMigrate.step(
                    dir,
                    Options.defaults(),
                    1,
                    RunMode.DEFAULT.allowDirty(true).editExisting(true)));
    assertEquals(NixMigrateException.Kind.REFUSED, e.kind());
    assertTrue(e.getMessage().contains("outside the repository"), e.getMessage());
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count(), "nothing written outside");
    }
  }

  @Test
  void aStateFileNamingAPathOutsideIsRefused() throws Exception {
    Path dir = repo("python-uv");
    Files.createDirectories(dir.resolve(".nixmigrate"));
    Files.writeString(
        dir.resolve(".nixmigrate/state.json"),
        "{\"version\": 1, \"files\": {\"../x\": {\"step\": 1, \"sha256\": \"0\", \"content\": \"\"}}}");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () ->
                NixMigrate.step(
                    dir,
                    Options.defaults(),
                    1,
                    RunMode.DEFAULT.allowDirty(true).editExisting(true)));
    assertTrue(e.getMessage().contains("../x"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("x")));
  }

  @Test
  void anInterruptedRunsOutputIsNotMistakenForYourEdits() throws Exception {
    Path dir = repo("cpp-cmake");
    NixMigrate.step(dir, Options.defaults(), 1, RunMode.DEFAULT.editExisting(true));
    commitAll(dir);
    // A step-2 run wrote the justfile, then was killed before recording it: only its journal says
    // so.
    String killedRunOutput =
        NixMigrate.step(
                dir,
                Options.defaults(),
                2,
                RunMode.DEFAULT.dryRun(true).allowDirty(true).editExisting(true))
            .written()
            .stream()
            .filter(c -> c.path().equals("justfile"))
            .findFirst()
            .orElseThrow()
            .after();
    Files.writeString(dir.resolve("justfile"), killedRunOutput);
    Files.writeString(
        dir.resolve(State.PENDING), State.empty().with("justfile", 2, killedRunOutput).toJson());
    // The re-run uses another choice, so its justfile differs from the killed run's throughout.
    StepResult r =
        NixMigrate.step(
            dir,
            Options.defaults().withCCompilerCache(dev.nixmigrate.generators.CompilerCache.SCCACHE),
            2,
            RunMode.DEFAULT.allowDirty(true).editExisting(true));
    assertEquals(
        java.util.List.of(), r.conflicts(), "the killed run's output is nixmigrate's, not yours");
    String justfile = Files.readString(dir.resolve("justfile"));
    assertTrue(
        justfile.contains("command -v sccache") && !justfile.contains("CCACHE_BASEDIR"), justfile);
    assertFalse(Files.exists(dir.resolve(State.PENDING)), "the journal is gone once recovered");
  }

  @Test
  void checkFollowsTheManifests() throws Exception {
    Path dir = repo("python-uv");
    assertEquals(0, NixMigrate.stepReached(dir));
    NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.editExisting(true));
    assertEquals(3, NixMigrate.stepReached(dir));
    assertTrue(
        NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.dryRun(true).allowDirty(true))
            .written()
            .isEmpty());
    Path pyproject = dir.resolve("pyproject.toml");
    Files.writeString(pyproject, Files.readString(pyproject).replace(">=3.11", ">=3.11,<3.14"));
    assertFalse(
        NixMigrate.step(dir, Options.defaults(), 3, RunMode.DEFAULT.dryRun(true).allowDirty(true))
            .written()
            .isEmpty());
  }
}
