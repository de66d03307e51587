package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The scheduled {@code nix-flake-update} job of {@code .gitlab/ci/nix.yml}, run for real: its
 * script lines in one bash with {@code -e}, as GitLab's runner runs them, in a clone with the
 * variables GitLab sets. {@code nix} is a stand-in that moves (or keeps) {@code flake.lock}; the
 * remote is a bare repository reached through the URL the job builds (git's {@code insteadOf}),
 * whose pre-receive hook records the push options, as GitLab reads them to open the merge request.
 */
class GitLabFlakeUpdateJobTest {
  private static final String REMOTE_URL =
      "https://oauth2:glpat-test@gitlab.test:8443/team/app.git";

  @TempDir Path tmp;
  private Path clone;
  private Path bare;
  private Path bin;
  private Map<String, String> env;

  /** The job's script, as the step-4 GitLab file of the Python example writes it. */
  private static String script() {
    GeneratedFile nix =
        Generators.generate(
                RepoScanner.scan(Examples.repo("python-uv")),
                Examples.options("python-uv").withCi(CiService.GITLAB),
                4)
            .file(".gitlab/ci/nix.yml");
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(nix.text());
    Map<?, ?> job = (Map<?, ?>) doc.get("nix-flake-update");
    List<?> lines = (List<?>) job.get("script");
    Map<?, ?> rule = (Map<?, ?>) ((List<?>) job.get("rules")).get(0);
    assertEquals(
        "$CI_PIPELINE_SOURCE == \"schedule\" && $NIXMIGRATE_FLAKE_UPDATE == \"true\"",
        rule.get("if"));
    return String.join("\n", lines.stream().map(String::valueOf).toList()) + "\n";
  }

  private Processes.Result git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Processes.Result r = Processes.run(dir, env, cmd, null, 60);
    assertTrue(r.ok(), String.join(" ", cmd) + ": " + r.output());
    return r;
  }

  @BeforeEach
  void repositories() throws Exception {
    env = new HashMap<>();
    Path home = Files.createDirectories(tmp.resolve("home"));
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    bare = tmp.resolve("app.git");
    git(tmp, "init", "-q", "--bare", "-b", "main", bare.toString());
    git(bare, "config", "receive.advertisePushOptions", "true");
    Path hook = bare.resolve("hooks/pre-receive");
    Files.writeString(
        hook,
        "#!/bin/sh\ncat > /dev/null\n"
            + "i=0\nwhile [ \"$i\" -lt \"${GIT_PUSH_OPTION_COUNT:-0}\" ]; do\n"
            + "  eval \"printf '%s\\n' \\\"\\$GIT_PUSH_OPTION_$i\\\"\" >> \"$GIT_DIR/push-options\"\n"
            + "  i=$((i + 1))\ndone\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    // The job's push URL reaches the bare repository, as GitLab's does the project.
    git(home, "config", "--global", "url." + bare + ".insteadOf", REMOTE_URL);
    git(home, "config", "--global", "init.defaultBranch", "main");
    clone = tmp.resolve("clone");
    git(tmp, "init", "-q", clone.toString());
    Files.writeString(clone.resolve("flake.lock"), "{ \"version\": 7, \"rev\": \"old\" }\n");
    Files.writeString(clone.resolve("flake.nix"), "{ outputs = _: { }; }\n");
    git(clone, "add", "-A");
    git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start");
    git(clone, "push", "-q", bare.toString(), "HEAD:refs/heads/main");
    // GitLab checks out the pipeline's commit, detached.
    git(clone, "checkout", "-q", "--detach");
    bin = Files.createDirectories(tmp.resolve("bin"));
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("CI_SERVER_PROTOCOL", "https");
    env.put("CI_REPOSITORY_URL", "https://gitlab-ci-token:job-token@gitlab.test:8443/team/app.git");
    env.put("CI_DEFAULT_BRANCH", "main");
  }

  /** A stand-in {@code nix} whose {@code flake update} writes {@code lock} into flake.lock. */
  private void nix(String lock) throws Exception {
    Path nix = bin.resolve("nix");
    Files.writeString(
        nix,
        "#!/bin/sh\n[ \"$1 $2\" = \"flake update\" ] || exit 9\n"
            + (lock == null ? "" : "printf '%s\\n' '" + lock + "' > flake.lock\n"));
    Files.setPosixFilePermissions(nix, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Processes.Result runJob() throws Exception {
    return Processes.run(clone, env, List.of("bash", "-e", "-o", "pipefail"), script(), 60);
  }

  @Test
  void aMovedLockIsPushedToItsBranchWithTheOptionsThatOpenTheMergeRequest() throws Exception {
    nix("{ \"version\": 7, \"rev\": \"new\" }");
    env.put("NIXMIGRATE_FLAKE_UPDATE_TOKEN", "glpat-test");
    Processes.Result r = runJob();
    assertTrue(r.ok(), r.output());
    String lock = git(bare, "show", "nixmigrate/flake-update:flake.lock").output();
    assertTrue(lock.contains("\"new\""), lock);
    assertEquals(
        "flake.lock\n",
        git(bare, "diff", "--name-only", "main", "nixmigrate/flake-update").output());
    assertEquals(
        List.of(
            "merge_request.create",
            "merge_request.target=main",
            "merge_request.title=flake.lock: update the inputs",
            "merge_request.remove_source_branch"),
        Files.readAllLines(bare.resolve("push-options")));
    // A second week's update replaces the branch's commit, so the merge request stays one.
    nix("{ \"version\": 7, \"rev\": \"newer\" }");
    git(clone, "checkout", "-q", "--detach", "main");
    assertTrue(runJob().ok());
    assertEquals("1\n", git(bare, "rev-list", "--count", "main..nixmigrate/flake-update").output());
  }

  @Test
  void anUnchangedLockPushesNothing() throws Exception {
    nix(null);
    env.put("NIXMIGRATE_FLAKE_UPDATE_TOKEN", "glpat-test");
    Processes.Result r = runJob();
    assertTrue(r.ok(), r.output());
    assertTrue(r.output().contains("flake.lock is up to date"), r.output());
    assertFalse(
        Processes.run(
                bare,
                env,
                List.of("git", "rev-parse", "--verify", "-q", "nixmigrate/flake-update"),
                null,
                60)
            .ok());
  }

  @Test
  void withoutTheTokenTheJobFailsSayingWhatToSet() throws Exception {
    nix("{ \"version\": 7, \"rev\": \"new\" }");
    Processes.Result r = runJob();
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("set NIXMIGRATE_FLAKE_UPDATE_TOKEN"), r.output());
    assertTrue(git(clone, "status", "--porcelain").output().isEmpty(), "nothing ran");
  }

  /** A git that fails (a runner's "dubious ownership") fails the job; it is not "up to date". */
  @Test
  void aFailingGitFailsTheJob() throws Exception {
    nix("{ \"version\": 7, \"rev\": \"new\" }");
    env.put("NIXMIGRATE_FLAKE_UPDATE_TOKEN", "glpat-test");
    String realGit =
        Processes.run(null, List.of("sh", "-c", "command -v git"), null, 60).output().strip();
    Path git = bin.resolve("git");
    Files.writeString(
        git,
        "#!/bin/sh\nif [ \"$1\" = status ]; then echo 'fatal: detected dubious ownership' >&2; exit 128; fi\n"
            + "exec "
            + realGit
            + " \"$@\"\n");
    Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
    Processes.Result r = runJob();
    assertEquals(128, r.code(), r.output());
    assertFalse(r.output().contains("up to date"), r.output());
  }
}
