package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot against a real git server ({@code git http-backend} behind HTTP authentication) and a
 * local server playing GitHub's or GitLab's REST API. A canary token is checked for after every
 * test: it must appear in no output, message, {@code .git/config}, commit or request other than the
 * authentication headers.
 */
class PrBotTest {
  @TempDir Path temp;

  static final PersonIdent BOT = new PersonIdent("nixmigrate", "nixmigrate@noreply.invalid");
  final String canary = "canary-" + UUID.randomUUID();
  GitHttpServer git;
  FakeForge forge;
  Path bare;
  Path clone;
  final List<String> said = Collections.synchronizedList(new ArrayList<>());
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  /** A clock that moves only when the bot waits. */
  final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-25T06:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final TestClock clock = new TestClock();

  @BeforeEach
  void servers() throws Exception {
    Tools.require("git");
    bare = BotFixture.seed(temp);
    git = new GitHttpServer(temp.resolve("srv"), "x-access-token", canary);
    clone = cloneOf("clone", "x-access-token");
  }

  private Path cloneOf(String name, String user) throws Exception {
    return BotFixture.cloneOf(git, temp.resolve(name), canary);
  }

  @AfterEach
  void noCanaryAnywhere() throws Exception {
    try {
      List<String> places = new ArrayList<>(said);
      if (clone != null) {
        places.add(Files.readString(clone.resolve(".git/config")));
        places.add(allObjects(clone));
      }
      if (bare != null) {
        places.add(allObjects(bare));
      }
      if (git != null) {
        synchronized (git.requests) {
          git.requests.forEach(r -> places.add(r.uri()));
        }
      }
      if (forge != null) {
        synchronized (forge.requests) {
          for (FakeForge.Request r : forge.requests) {
            places.add(r.path());
            places.add(r.body());
            r.headers()
                .forEach(
                    (k, v) -> {
                      if (!k.equals("authorization") && !k.equals("private-token")) {
                        places.add(k + ": " + v);
                      }
                    });
          }
        }
        assertEquals(List.of(), forge.unexpected, "requests no endpoint expects");
      }
      assertNoCanary(places, canary);
    } finally {
      if (git != null) {
        git.close();
      }
      if (forge != null) {
        forge.close();
      }
    }
  }

  static void assertNoCanary(List<String> places, String canary) {
    for (String p : places) {
      assertFalse(p.contains(canary), "the token leaked into: " + p);
    }
  }

  @Test
  void theLeakCheckCatchesALeak() {
    assertThrows(
        org.opentest4j.AssertionFailedError.class,
        () -> assertNoCanary(List.of("fine", "Authorization: Bearer " + canary), canary));
  }

  /** Every object of a repository, as git prints it. */
  private static String allObjects(Path repo) throws Exception {
    Processes.Result r =
        Processes.run(repo, List.of("git", "cat-file", "--batch-all-objects", "--batch"), null, 60);
    assertTrue(r.ok(), r.output());
    return r.output();
  }

  private FakeForge github() throws Exception {
    forge = new FakeForge(false, "o/r", canary);
    return forge;
  }

  private static final ForgeHttp.Policy FAST =
      new ForgeHttp.Policy(
          5,
          Duration.ofMinutes(5),
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2));

  private PrBot bot(ForgeHttp.Policy policy) {
    return new PrBot(
        Map.of("GITHUB_TOKEN", canary, "GITLAB_TOKEN", canary),
        clock,
        d -> {
          waits.add(d);
          clock.now = clock.now.plus(d);
        },
        policy);
  }

  private PrBot.Request request(Path dir, int step, String forgeKind) {
    return PrBot.Request.of(dir, step, BOT).withForge(forgeKind, forge.api(), "o/r");
  }

  private PrBot.Outcome run(Path dir, int step) {
    return run(dir, step, FAST);
  }

  private PrBot.Outcome run(Path dir, int step, ForgeHttp.Policy policy) {
    try {
      PrBot.Outcome o = bot(policy).run(request(dir, step, forge.gitlab ? "gitlab" : "github"));
      said.add(o.toString());
      return o;
    } catch (RuntimeException e) {
      said.add(String.valueOf(e.getMessage()));
      said.add(e.toString());
      throw e;
    }
  }

  private ObjectId remoteTip(String branch) throws Exception {
    try (Repository r = Git.open(bare.toFile()).getRepository()) {
      Ref ref = r.exactRef("refs/heads/" + branch);
      return ref == null ? null : ref.getObjectId();
    }
  }

  /** What must not change in the user's clone: branches, HEAD, config, index and files. */
  private String localState() throws Exception {
    StringBuilder b = new StringBuilder();
    try (Git g = Git.open(clone.toFile())) {
      for (Ref r : g.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/")) {
        b.append(r.getName()).append(' ').append(r.getObjectId().name()).append('\n');
      }
      b.append("HEAD ").append(g.getRepository().getFullBranch()).append('\n');
      b.append("clean ").append(g.status().call().isClean()).append('\n');
    }
    b.append(Files.readString(clone.resolve(".git/config")));
    b.append(UUID.nameUUIDFromBytes(Files.readAllBytes(clone.resolve(".git/index"))));
    return b.toString();
  }

  @Test
  void opensOnePullRequestAndASecondRunChangesNothing() throws Exception {
    github();
    String before = localState();
    PrBot.Outcome first = run(clone, 1);
    assertEquals("created", first.result(), first.toString());
    assertEquals("nixmigrate/step-1", first.branch());
    assertEquals(before, localState(), "the user's checkout is untouched");

    ObjectId tip = remoteTip("nixmigrate/step-1");
    try (Repository r = Git.open(bare.toFile()).getRepository();
        RevWalk rw = new RevWalk(r)) {
      RevCommit c = rw.parseCommit(tip);
      assertEquals(remoteTip("main"), c.getParent(0).getId(), "made on the base branch");
      assertEquals(BOT.getEmailAddress(), c.getCommitterIdent().getEmailAddress());
      assertTrue(c.getFullMessage().contains(PrBot.TRAILER + "1"), c.getFullMessage());
      for (String f :
          List.of(
              ".github/workflows/ci.yml",
              "justfile",
              ".nixmigrate/state.json",
              "nixmigrate.toml")) {
        assertTrue(
            org.eclipse.jgit.treewalk.TreeWalk.forPath(r, f, c.getTree()) != null,
            f + " is committed");
      }
    }
    assertEquals(1, forge.prs.size());
    FakeForge.Pr pr = forge.prs.get(0);
    assertEquals("nixmigrate/step-1", pr.head);
    assertEquals("main", pr.base);
    assertTrue(pr.body.contains("`.github/workflows/ci.yml`"), pr.body);
    assertTrue(
        pr.body.contains("changes files under `.github/workflows/`")
            && pr.body.contains("permission"),
        "it touches workflows: " + pr.body);
    assertTrue(pr.body.contains("just test"), pr.body);
    assertTrue(pr.body.contains("CI minutes"), "the step's cost: " + pr.body);
    assertEquals(
        List.of(
            "GET /api/v3/repos/o/r",
            "GET /api/v3/repos/o/r/pulls?state=open&head=o%3Anixmigrate%2Fstep-1&base=main",
            "POST /api/v3/repos/o/r/pulls"),
        forge.calls());
    long pushes = git.pushes();
    assertEquals(1, pushes);

    forge.requests.clear();
    PrBot.Outcome second = run(clone, 1);
    assertEquals("unchanged", second.result(), second.toString());
    assertEquals(first.url(), second.url());
    assertEquals(tip, remoteTip("nixmigrate/step-1"));
    assertEquals(pushes, git.pushes(), "the second run pushes nothing");
    assertEquals(
        List.of(
            "GET /api/v3/repos/o/r",
            "GET /api/v3/repos/o/r/pulls?state=open&head=o%3Anixmigrate%2Fstep-1&base=main"),
        forge.calls());
    assertEquals(1, forge.openPrs().size());
  }

  /** Commits everything staged as a developer and pushes the branch. */
  private void commitAndPush(Git g, String message) throws Exception {
    PersonIdent dev = new PersonIdent("Dev", "dev@example.org");
    g.commit().setMessage(message).setAuthor(dev).setCommitter(dev).call();
    g.push()
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", canary))
        .call();
  }

  /** Pushes a change to main from another clone, as a developer would. */
  private void developerPushes(String file, String content) throws Exception {
    Path dev = cloneOf("dev-" + UUID.randomUUID(), "x-access-token");
    Files.writeString(dev.resolve(file), content);
    try (Git g = Git.open(dev.toFile())) {
      g.add().addFilepattern(".").call();
      commitAndPush(g, "change " + file);
    }
  }

  @Test
  void aBaseBranchsTemplatesNeverRunAsTheBot() throws Exception {
    github();
    Path hostile = cloneOf("dev-hostile", "x-access-token");
    Files.createDirectories(hostile.resolve("tpl/step1"));
    // Harmless text: the bot must refuse the folder itself, not just what a template tries.
    Files.writeString(hostile.resolve("tpl/step1/justfile.ftl"), "# from the base branch\n");
    Files.writeString(hostile.resolve("nixmigrate.toml"), "templates = \"tpl\"\n");
    try (Git g = Git.open(hostile.toFile())) {
      g.add().addFilepattern(".").call();
      commitAndPush(g, "templates");
    }
    dev.nixmigrate.core.NixMigrateException e =
        assertThrows(dev.nixmigrate.core.NixMigrateException.class, () -> run(clone, 1));
    assertEquals(dev.nixmigrate.core.NixMigrateException.Kind.REFUSED, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("--templates"), e.getMessage());
    assertEquals(null, remoteTip("nixmigrate/step-1"), "nothing pushed");
    assertEquals(0, forge.prs.size());
  }

  @Test
  void theWorkflowsOwnTokenIsCalledOutInTheBody() throws Exception {
    github();
    PrBot inActions =
        new PrBot(Map.of("GITHUB_TOKEN", canary, "GITHUB_ACTIONS", "true"), clock, d -> {}, FAST);
    PrBot.Outcome o = inActions.run(request(clone, 1, "github"));
    said.add(o.toString());
    String body = forge.prs.get(0).body;
    assertTrue(body.contains("opened with the workflow's `GITHUB_TOKEN`"), body);
    assertTrue(body.contains("start no workflows"), body);
    // With another token (an App's, in NIXMIGRATE_TOKEN), no such warning.
    PrBot app =
        new PrBot(
            Map.of("NIXMIGRATE_TOKEN", canary, "GITHUB_ACTIONS", "true"), clock, d -> {}, FAST);
    PrBot.Request r = request(clone, 1, "github");
    app.run(r.withTokenEnv("NIXMIGRATE_TOKEN"));
    assertFalse(
        forge.prs.get(0).body.contains("opened with the workflow's"), forge.prs.get(0).body);
  }

  @Test
  void aManifestChangeUpdatesTheSamePullRequest() throws Exception {
    github();
    PrBot.Outcome first = run(clone, 1);
    ObjectId tip = remoteTip("nixmigrate/step-1");
    String pyproject = Files.readString(clone.resolve("pyproject.toml"));
    assertTrue(pyproject.contains("requires-python = \">=3.11\""));
    developerPushes(
        "pyproject.toml",
        pyproject.replace("requires-python = \">=3.11\"", "requires-python = \">=3.12\""));
    PrBot.Outcome second = run(clone, 1);
    assertEquals("updated", second.result(), second.toString());
    assertEquals(first.url(), second.url());
    assertEquals(1, forge.prs.size());
    assertNotEquals(tip, remoteTip("nixmigrate/step-1"));
    try (Repository r = Git.open(bare.toFile()).getRepository();
        RevWalk rw = new RevWalk(r)) {
      assertEquals(
          remoteTip("main"), rw.parseCommit(remoteTip("nixmigrate/step-1")).getParent(0).getId());
    }
  }

  @Test
  void aBranchSomeoneElsePushedToIsLeftAloneAndThePullRequestSaysSoOnce() throws Exception {
    github();
    run(clone, 1);
    Path dev = cloneOf("dev", "x-access-token");
    try (Git g = Git.open(dev.toFile())) {
      g.fetch()
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", canary))
          .call();
      g.checkout()
          .setCreateBranch(true)
          .setName("nixmigrate/step-1")
          .setStartPoint("origin/nixmigrate/step-1")
          .call();
      Files.writeString(
          dev.resolve("justfile"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
      g.add().addFilepattern(".").call();
      commitAndPush(g, "tweak");
    }
    ObjectId theirs = remoteTip("nixmigrate/step-1");
    PrBot.Outcome o = run(clone, 1);
    assertEquals("foreign", o.result());
    assertEquals(theirs, remoteTip("nixmigrate/step-1"), "their commit stays");
    assertEquals(1, forge.prs.get(0).comments.size());
    assertTrue(forge.prs.get(0).comments.get(0).contains("leaves the branch alone"));
    run(clone, 1);
    assertEquals(1, forge.prs.get(0).comments.size(), "said once");
  }

  @Test
  void theCommitIsThePlanAndDeletesAFileNoLongerGenerated() throws Exception {
    github();
    // A developer took the repository to step 5 with a remote builder, then dropped the builder.
    Path developer = cloneOf("dev-builders", "x-access-token");
    dev.nixmigrate.generators.Options builders =
        dev.nixmigrate.generators.Options.defaults()
            .withBinaryCache(dev.nixmigrate.generators.BinaryCache.parse("cachix:demo"), null)
            .withBuilders(List.of("ssh-ng://nix@big.example x86_64-linux - 8 1 big-parallel"));
    dev.nixmigrate.migrate.NixMigrate.step(
        developer, builders, 5, dev.nixmigrate.migrate.RunMode.DEFAULT.allowDirty(true));
    assertTrue(Files.isRegularFile(developer.resolve("nix/machines")));
    Path toml = developer.resolve("nixmigrate.toml");
    Files.writeString(
        toml, Files.readString(toml).replaceAll("(?m)^builders = .*$", "builders = []"));
    try (Git g = Git.open(developer.toFile())) {
      g.add().addFilepattern(".").call();
      commitAndPush(g, "step 5, then no builder");
    }

    PrBot.Outcome o = run(clone, 5);
    assertEquals("created", o.result(), o.toString());
    try (Repository r = Git.open(bare.toFile()).getRepository();
        RevWalk rw = new RevWalk(r)) {
      RevCommit c = rw.parseCommit(remoteTip("nixmigrate/step-5"));
      assertNull(
          org.eclipse.jgit.treewalk.TreeWalk.forPath(r, "nix/machines", c.getTree()),
          "the pull request deletes the file no step generates now");
      assertTrue(
          org.eclipse.jgit.treewalk.TreeWalk.forPath(r, "nix/nix.conf", c.getTree()) != null);
      assertTrue(c.getFullMessage().contains("- nix/machines: "), c.getFullMessage());
    }
    assertTrue(forge.prs.get(0).body.contains("`nix/machines`"), forge.prs.get(0).body);
  }

  @Test
  void aPullRequestNoLongerNeededIsClosed() throws Exception {
    github();
    run(clone, 1);
    // The pull request is merged by pushing its commit to main.
    try (Git g = Git.open(clone.toFile())) {
      g.fetch()
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", canary))
          .call();
      g.push()
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", canary))
          .setRefSpecs(
              new org.eclipse.jgit.transport.RefSpec(
                  "refs/remotes/origin/nixmigrate/step-1:refs/heads/main"))
          .call();
    }
    PrBot.Outcome o = run(clone, 1);
    assertEquals("closed", o.result(), o.toString());
    assertEquals("closed", forge.prs.get(0).state);
    assertEquals(0, forge.openPrs().size());
  }

  @Test
  void aDryRunPushesNothingAndCallsNoApi() throws Exception {
    github();
    PrBot bot = bot(FAST);
    PrBot.Outcome o = bot.run(request(clone, 1, "github").withBase("main").withDryRun(true));
    said.add(o.toString());
    assertEquals("planned", o.result());
    assertEquals("nixmigrate/step-1", o.branch());
    assertTrue(o.plan().stream().anyMatch(c -> c.path().equals(".github/workflows/ci.yml")));
    assertEquals(0, git.pushes());
    assertEquals(List.of(), forge.calls());

    assertEquals("nixmigrate: step 1, CI-defined builds", o.title());
    assertTrue(o.body().contains("`.github/workflows/ci.yml`"), o.body());

    // Without --base, the remote's HEAD names the default branch.
    PrBot.Outcome guessed = bot.run(request(clone, 1, "github").withDryRun(true));
    assertEquals("nixmigrate/step-1", guessed.branch());
    assertEquals(List.of(), forge.calls());

    // A remote whose HEAD names no branch: the one branch at HEAD's commit is the default.
    Files.writeString(bare.resolve("HEAD"), remoteTip("main").name() + "\n");
    PrBot.Outcome detached = bot.run(request(clone, 1, "github").withDryRun(true));
    assertEquals("nixmigrate/step-1", detached.branch(), detached.toString());
  }

  @Test
  void aLaterStepsPullRequestDescribesAndPricesTheStepsItBrings() throws Exception {
    github();
    PrBot.Outcome o = bot(FAST).run(request(clone, 3, "github").withDryRun(true));
    said.add(o.toString());
    assertEquals("planned", o.result());
    String body = o.body();
    // The base branch has none of the steps: step 3 brings step 1 (and step 2 where it does
    // something) with it, and the body says what each is and costs.
    assertTrue(body.contains("The base branch has not taken step"), body);
    for (int n : List.of(1, 3)) {
      dev.nixmigrate.core.steps.MigrationStep s = dev.nixmigrate.core.steps.Steps.STANDARD.get(n);
      assertTrue(body.contains("### Step " + n + ": " + s.name()), n + ": " + body);
      assertTrue(body.contains(s.description()), n + ": " + body);
      assertTrue(body.contains("- Costs: " + s.costs()), n + ": " + body);
    }
    assertFalse(body.contains("### Step 4"), body);

    // Once the base branch has step 1, step 3's pull request is about step 3 alone.
    PrBot.Outcome one = run(clone, 1);
    assertEquals("created", one.result());
    // The pull request is merged: main fast-forwards to the bot's branch.
    try (Repository r = Git.open(bare.toFile()).getRepository()) {
      org.eclipse.jgit.lib.RefUpdate u = r.updateRef("refs/heads/main");
      u.setNewObjectId(remoteTip("nixmigrate/step-1"));
      assertEquals(org.eclipse.jgit.lib.RefUpdate.Result.FAST_FORWARD, u.update());
    }
    PrBot.Outcome three = bot(FAST).run(request(clone, 3, "github").withDryRun(true));
    assertFalse(three.body().contains("The base branch has not taken step 1"), three.body());
    assertFalse(three.body().contains("### Step 1"), three.body());
  }

  /** The pinned checkout line nixmigrate writes, and the same line as an older release wrote it. */
  private static final java.util.regex.Pattern CHECKOUT_PIN =
      java.util.regex.Pattern.compile("actions/checkout@[0-9a-f]{40} # v[0-9.]+");

  private static final String OLD_CHECKOUT = "actions/checkout@" + "0".repeat(40) + " # v3.0.0";

  /**
   * Commits to {@code branch} of the served repository the workflow an older nixmigrate wrote: its
   * checkout pinned at v3.0.0, and the state saying nixmigrate wrote it so, as an older release's
   * run would have left it. {@code asBot}: committed as the bot, with its trailer.
   */
  private void olderPinOn(String branch, boolean asBot) throws Exception {
    Path work = temp.resolve("older-" + branch.replace('/', '-'));
    try (Git g =
        Git.cloneRepository()
            .setURI(bare.toUri().toString())
            .setDirectory(work.toFile())
            .setBranch(branch)
            .call()) {
      Path ci = work.resolve(".github/workflows/ci.yml");
      String text = Files.readString(ci);
      assertTrue(CHECKOUT_PIN.matcher(text).find(), text);
      String older = CHECKOUT_PIN.matcher(text).replaceAll(OLD_CHECKOUT);
      Files.writeString(ci, older);
      dev.nixmigrate.migrate.State state = dev.nixmigrate.migrate.State.read(work);
      Files.writeString(
          work.resolve(dev.nixmigrate.migrate.State.PATH),
          state.with(".github/workflows/ci.yml", 1, older).toJson());
      g.add().addFilepattern(".").call();
      PersonIdent who = asBot ? BOT : new PersonIdent("Dev", "dev@example.org");
      g.commit()
          .setMessage("an older nixmigrate's pins\n\n" + (asBot ? PrBot.TRAILER + "1\n" : ""))
          .setAuthor(who)
          .setCommitter(who)
          .call();
      g.push().setRemote("origin").add(branch).call();
    }
  }

  private void mergeIntoMain(String branch) throws Exception {
    try (Repository r = Git.open(bare.toFile()).getRepository()) {
      org.eclipse.jgit.lib.RefUpdate u = r.updateRef("refs/heads/main");
      u.setNewObjectId(remoteTip(branch));
      assertEquals(org.eclipse.jgit.lib.RefUpdate.Result.FAST_FORWARD, u.update());
    }
  }

  /**
   * When the pins nixmigrate knows move, its open pull request is brought up to date on its own
   * branch; once a step is merged, a run for it opens a pull request that refreshes the step's
   * files and says which pins move.
   */
  @Test
  void movedPinsUpdateTheOpenPullRequestAndRefreshAMergedStep() throws Exception {
    github();
    assertEquals("created", run(clone, 1).result());
    // An older release opened the pull request: its branch holds the older pin.
    olderPinOn("nixmigrate/step-1", true);
    ObjectId older = remoteTip("nixmigrate/step-1");
    PrBot.Outcome again = run(clone, 1);
    assertEquals("updated", again.result(), again.toString());
    assertEquals(1, forge.prs.size(), "the same pull request");
    assertNotEquals(older, remoteTip("nixmigrate/step-1"));
    String ci = branchFile("nixmigrate/step-1", ".github/workflows/ci.yml");
    assertFalse(ci.contains(OLD_CHECKOUT), ci);
    assertTrue(CHECKOUT_PIN.matcher(ci).find(), ci);

    // Merged, and later the older pin is what main has, as an older release wrote it.
    mergeIntoMain("nixmigrate/step-1");
    forge.prs.get(0).state = "closed";
    olderPinOn("main", false);
    PrBot.Outcome refresh = run(clone, 1);
    assertEquals("created", refresh.result(), refresh.toString());
    assertEquals(
        "nixmigrate: refresh the files of step 1, CI-defined builds",
        forge.prs.get(1).title,
        forge.prs.get(1).body);
    String body = forge.prs.get(1).body;
    assertTrue(body.contains("refreshes the files of **step 1"), body);
    assertTrue(body.contains("- actions/checkout: v3.0.0 → v"), body);
    assertFalse(body.contains("## What it costs"), "a refresh costs nothing new: " + body);
    assertTrue(body.contains("| `.github/workflows/ci.yml` |"), body);
    // Only the workflow moved: the justfile and the settings are as main has them.
    assertEquals(
        List.of(".github/workflows/ci.yml", ".nixmigrate/state.json"),
        refresh.plan().stream().map(dev.nixmigrate.migrate.FileChange::path).sorted().toList());
    // A step's own pull request is still named for the step.
    assertEquals("nixmigrate: step 1, CI-defined builds", forge.prs.get(0).title);
  }

  /**
   * A repository whose own CI does step 1 and that never ran nixmigrate gets a step pull request
   * for nixmigrate's files, not a "refresh": nothing of nixmigrate's is there to refresh.
   */
  @Test
  void aRepositoryWhoseOwnFilesDoTheStepGetsAStepPullRequestNotARefresh() throws Exception {
    github();
    Path work = temp.resolve("own-ci");
    try (Git g =
        Git.cloneRepository()
            .setURI(bare.toUri().toString())
            .setDirectory(work.toFile())
            .setBranch("main")
            .call()) {
      Files.createDirectories(work.resolve(".github/workflows"));
      Files.writeString(
          work.resolve(".github/workflows/test.yml"),
          "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
              + "      - uses: actions/checkout@v4\n      - run: uv sync\n      - run: uv build\n"
              + "      - run: uv run pytest\n");
      g.add().addFilepattern(".").call();
      PersonIdent dev = new PersonIdent("Dev", "dev@example.org");
      g.commit().setMessage("our CI").setAuthor(dev).setCommitter(dev).call();
      g.push().setRemote("origin").add("main").call();
    }
    assertEquals(
        dev.nixmigrate.core.model.StepStatus.State.DONE,
        dev.nixmigrate.migrate.NixMigrate.status(
                dev.nixmigrate.generators.StepCatalog.STANDARD, work)
            .get(0)
            .state(),
        "the repository's own CI does step 1");
    PrBot.Outcome o = bot(FAST).run(request(clone, 1, "github").withDryRun(true));
    said.add(o.toString());
    assertEquals("planned", o.result(), o.toString());
    assertEquals("nixmigrate: step 1, CI-defined builds", o.title(), o.body());
    assertFalse(o.body().contains("refreshes"), o.body());
  }

  private String branchFile(String branch, String path) throws Exception {
    Processes.Result r = Processes.run(bare, List.of("git", "show", branch + ":" + path), null, 60);
    assertTrue(r.ok(), r.output());
    return r.output();
  }

  @Test
  void transientFaultsAreRetriedAsTheForgeAsks() throws Exception {
    github();
    forge.fault("GET", "/pulls", 502, Map.of(), "{\"message\": \"Bad Gateway\"}");
    forge.delay("GET", "/repos/o/r$", 4000);
    forge.fault("POST", "/pulls", 429, Map.of("Retry-After", "7"), "{\"message\": \"slow down\"}");
    forge.fault(
        "GET",
        "/pulls",
        403,
        Map.of(),
        "{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes.\"}");
    PrBot.Outcome o = run(clone, 1);
    assertEquals("created", o.result(), o.toString());
    assertEquals(1, forge.prs.size());
    // The timeout and the 502 back off with jitter; 429 waits what Retry-After says; the
    // secondary rate limit waits at least a minute.
    assertEquals(4, waits.size(), waits.toString());
    assertTrue(waits.contains(Duration.ofSeconds(7)), waits.toString());
    assertTrue(
        waits.stream().anyMatch(w -> w.compareTo(Duration.ofMinutes(1)) >= 0), waits.toString());
    assertTrue(
        waits.stream()
            .filter(w -> w.compareTo(Duration.ofSeconds(7)) < 0)
            .allMatch(w -> w.toMillis() >= 1000 && w.toMillis() <= 3000),
        "first backoffs are 2 s ± 50%: " + waits);
  }

  @Test
  void anExhaustedRateLimitWaitsUntilItsReset() throws Exception {
    github();
    long reset = clock.now.getEpochSecond() + 42;
    forge.fault(
        "GET",
        "/repos/o/r$",
        403,
        Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(reset)),
        "{\"message\": \"API rate limit exceeded\"}");
    assertEquals("created", run(clone, 1).result());
    assertEquals(List.of(Duration.ofSeconds(42)), waits);
  }

  @Test
  void aForgeThatKeepsFailingIsGivenUpOnWithinBounds() throws Exception {
    github();
    for (int i = 0; i < 5; i++) {
      forge.fault("GET", "/repos/o/r$", 502, Map.of(), "{\"message\": \"Bad Gateway\"}");
    }
    String before = localState();
    ForgeException e = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertTrue(e.getMessage().contains("failed 5 times"), e.getMessage());
    assertEquals(5, forge.calls().size(), "five attempts, no more");
    assertEquals(4, waits.size());
    assertEquals(before, localState());
    assertEquals(0, git.pushes());

    // A wait longer than the bot may wait stops at once, saying when to come back.
    forge.requests.clear();
    waits.clear();
    forge.fault("GET", "/repos/o/r$", 429, Map.of("Retry-After", "3600"), "{}");
    ForgeException late = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertTrue(late.getMessage().contains("run it again later"), late.getMessage());
    assertEquals(1, forge.calls().size());
    assertTrue(waits.isEmpty());
  }

  @Test
  void aMissingRepositoryIsNotRetried() throws Exception {
    github();
    forge.fault("GET", "/repos/o/r$", 404, Map.of(), "{\"message\": \"Not Found\"}");
    ForgeException e = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertEquals(404, e.status());
    assertTrue(e.getMessage().contains("no such repository"), e.getMessage());
    assertEquals(1, forge.calls().size());
  }

  @Test
  void aBadTokenIsNotRetriedAndLeavesTheCloneAsItWas() throws Exception {
    github();
    forge.fault("GET", "/repos/o/r$", 401, Map.of(), "{\"message\": \"Bad credentials\"}");
    String before = localState();
    ForgeException e = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertEquals(401, e.status());
    assertTrue(e.getMessage().contains("token is not valid"), e.getMessage());
    assertEquals(List.of("GET /api/v3/repos/o/r"), forge.calls(), "401 is never retried");
    assertEquals(before, localState());
    assertEquals(0, git.pushes());
  }

  @Test
  void aPermissionErrorAndAValidationErrorAreNotRetried() throws Exception {
    github();
    forge.fault(
        "POST",
        "/pulls",
        403,
        Map.of(),
        "{\"message\": \"Resource not accessible by integration\"}");
    String before = localState();
    ForgeException e = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("lacks a permission"), e.getMessage());
    assertEquals(1, forge.calls().stream().filter(c -> c.startsWith("POST")).count());
    assertEquals(before, localState());

    forge.requests.clear();
    forge.fault(
        "POST", "/pulls", 422, Map.of(), "{\"message\": \"Validation Failed: base is invalid\"}");
    ForgeException v = assertThrows(ForgeException.class, () -> run(clone, 1));
    assertEquals(422, v.status());
    assertEquals(1, forge.calls().stream().filter(c -> c.startsWith("POST")).count());
    assertTrue(waits.isEmpty(), "nothing was waited for: " + waits);
  }

  @Test
  void aPullRequestThatAnotherRunOpenedIsReused() throws Exception {
    github();
    forge.open("nixmigrate/step-1", "main", "opened by another run", "old body");
    // The first listing misses it (the other run was a moment late), so create says 422.
    forge.fault("GET", "/pulls", 200, Map.of(), "[]");
    PrBot.Outcome o = run(clone, 1);
    assertEquals("updated", o.result(), o.toString());
    assertEquals(1, forge.prs.size());
    assertTrue(forge.calls().contains("POST /api/v3/repos/o/r/pulls"));
    assertTrue(forge.prs.get(0).body.contains("nixmigrate:pr step=1"), "brought up to date");
  }

  @Test
  void theServersRefuseAWrongToken() throws Exception {
    github();
    PrBot wrong =
        new PrBot(Map.of("GITHUB_TOKEN", "wrong-" + canary.substring(7)), clock, d -> {}, FAST);
    String before = localState();
    ForgeException e =
        assertThrows(ForgeException.class, () -> wrong.run(request(clone, 1, "github")));
    said.add(e.getMessage());
    assertEquals(before, localState());
    assertEquals(0, git.pushes());
  }

  @Test
  void twentyConcurrentRunsOpenOnePullRequest() throws Exception {
    github();
    List<Path> clones = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clones.add(cloneOf("c" + i, "x-access-token"));
    }
    ForgeHttp.Policy patient =
        new ForgeHttp.Policy(
            5,
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(2),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<PrBot.Outcome>> runs = new ArrayList<>();
    for (Path c : clones) {
      runs.add(
          pool.submit(
              () -> {
                go.await();
                return run(c, 1, patient);
              }));
    }
    go.countDown();
    List<String> results = new ArrayList<>();
    for (Future<PrBot.Outcome> f : runs) {
      results.add(f.get().result());
    }
    pool.shutdown();
    assertEquals(1, forge.prs.size(), results.toString());
    assertEquals(1, results.stream().filter(r -> r.equals("created")).count(), results.toString());
    assertTrue(
        results.stream().allMatch(r -> List.of("created", "updated", "unchanged").contains(r)),
        results.toString());
    assertEquals(1, forge.openPrs().size());
  }

  @Test
  void gitlabMergeRequestsWorkTheSameWay() throws Exception {
    forge = new FakeForge(true, "o/r", canary);
    PrBot.Outcome first = run(clone, 1);
    assertEquals("created", first.result(), first.toString());
    // A repository on GitLab with no CI yet gets GitLab's jobs, not GitHub's workflows.
    List<String> files =
        List.of(
            Processes.run(
                    bare,
                    List.of("git", "ls-tree", "-r", "--name-only", "nixmigrate/step-1"),
                    null,
                    60)
                .output()
                .strip()
                .split("\n"));
    assertTrue(files.contains(".gitlab-ci.yml"), files.toString());
    assertFalse(files.stream().anyMatch(f -> f.startsWith(".github/")), files.toString());
    assertEquals(
        List.of(
            "GET /api/v4/projects/o%2Fr",
            "GET /api/v4/projects/o%2Fr/merge_requests?state=opened&source_branch=nixmigrate%2Fstep-1&target_branch=main",
            "POST /api/v4/projects/o%2Fr/merge_requests"),
        forge.calls());
    assertTrue(forge.requests.get(2).body().contains("\"description\""));
    PrBot.Outcome second = run(clone, 1);
    assertEquals("unchanged", second.result());
    // Another run's merge request, missed by the listing: GitLab answers 409 and it is reused.
    forge.prs.get(0).body = "stale";
    forge.fault("GET", "/merge_requests", 200, Map.of(), "[]");
    PrBot.Outcome third = run(clone, 1);
    assertEquals("updated", third.result());
    assertEquals(1, forge.prs.size());
    assertTrue(forge.calls().stream().anyMatch(c -> c.startsWith("PUT ")));
  }

  /**
   * With the GitLab target chosen ({@code --ci gitlab}), the bot opens one merge request a step on
   * GitLab, each on its own branch with GitLab's CI files and no GitHub workflow.
   */
  @Test
  void withTheGitLabTargetEachStepIsAMergeRequestOfGitLabFiles() throws Exception {
    forge = new FakeForge(true, "o/r", canary);
    for (int step : List.of(1, 2, 4, 5)) {
      PrBot.Request r =
          new PrBot.Request(
              clone,
              step,
              null,
              "origin",
              "gitlab",
              forge.api(),
              "o/r",
              null,
              false,
              false,
              BOT,
              saved ->
                  dev.nixmigrate.generators.Options.defaults()
                      .withCi(dev.nixmigrate.generators.CiService.GITLAB)
                      .withBinaryCache(
                          dev.nixmigrate.generators.BinaryCache.parse("cachix:greeting"), null));
      PrBot.Outcome o = bot(FAST).run(r);
      said.add(o.toString());
      assertEquals("created", o.result(), o.toString());
      Processes.Result tree =
          Processes.run(
              bare,
              List.of("git", "ls-tree", "-r", "--name-only", "nixmigrate/step-" + step),
              null,
              60);
      assertTrue(tree.ok(), tree.output());
      List<String> files = List.of(tree.output().strip().split("\n"));
      assertTrue(files.contains(".gitlab-ci.yml"), step + ": " + files);
      assertTrue(files.contains(".gitlab/ci/build.yml"), step + ": " + files);
      assertEquals(step >= 4, files.contains(".gitlab/ci/nix.yml"), step + ": " + files);
      assertFalse(files.stream().anyMatch(f -> f.startsWith(".github/")), step + ": " + files);
    }
    assertEquals(
        List.of("nixmigrate/step-1", "nixmigrate/step-2", "nixmigrate/step-4", "nixmigrate/step-5"),
        forge.prs.stream().map(p -> p.head).toList());
    String pipeline =
        Processes.run(
                bare, List.of("git", "show", "nixmigrate/step-5:.gitlab/ci/nix.yml"), null, 60)
            .output();
    assertTrue(pipeline.contains("cachix push greeting"), pipeline);
  }

  @Test
  void draftsAreDraftsOnBothForges() throws Exception {
    github();
    bot(FAST).run(request(clone, 1, "github").withDraft(true));
    assertTrue(
        forge.requests.get(2).body().contains("\"draft\": true"), forge.requests.get(2).body());
    forge.requests.forEach(r -> said.add(r.path() + " " + r.body()));
    forge.close();
    forge = new FakeForge(true, "o/r", canary);
    PrBot.Outcome o = bot(FAST).run(request(clone, 2, "gitlab").withDraft(true));
    said.add(o.toString());
    assertTrue(
        forge.prs.get(0).title.startsWith("Draft: nixmigrate: step 2"), forge.prs.get(0).title);
    // Kept a draft when the bot brings it up to date, and not edited when it says the same.
    assertEquals("unchanged", run(clone, 2).result());
    assertTrue(forge.prs.get(0).title.startsWith("Draft: "));
  }

  @Test
  void whatCannotBeInferredIsBadInputThatNamesTheOption() throws Exception {
    github();
    dev.nixmigrate.core.NixMigrateException e =
        assertThrows(
            dev.nixmigrate.core.NixMigrateException.class,
            () -> bot(FAST).run(PrBot.Request.of(clone, 1, BOT)));
    assertTrue(e.getMessage().contains("--forge"), e.getMessage());
    dev.nixmigrate.core.NixMigrateException noToken =
        assertThrows(
            dev.nixmigrate.core.NixMigrateException.class,
            () -> new PrBot(Map.of(), clock, d -> {}, FAST).run(request(clone, 1, "github")));
    assertTrue(noToken.getMessage().contains("GITHUB_TOKEN"), noToken.getMessage());
    assertEquals(List.of(), forge.calls());
    assertTrue(
        new String(Files.readAllBytes(clone.resolve(".git/config")), StandardCharsets.UTF_8)
            .contains("url = http"));
  }
}
