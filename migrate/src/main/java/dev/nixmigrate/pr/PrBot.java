package dev.nixmigrate.pr;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.model.Vocabulary;
import dev.nixmigrate.core.steps.MigrationStep;
import dev.nixmigrate.core.steps.Steps;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.StepCatalog;
import dev.nixmigrate.generators.TemplateEngine;
import dev.nixmigrate.migrate.Conflict;
import dev.nixmigrate.migrate.ConflictException;
import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.migrate.NixMigrate;
import dev.nixmigrate.migrate.Plan;
import dev.nixmigrate.migrate.RunMode;
import dev.nixmigrate.migrate.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Opens, and keeps up to date, one pull request per repository, base branch and step: it plans the
 * step against the remote's base branch in a folder of its own, commits the result on {@code
 * nixmigrate/step-N} without touching the user's checkout, pushes with a lease, and finds or opens
 * the pull request. A branch someone else has pushed to is left alone.
 */
public final class PrBot {
  /** The trailer that marks the bot's own commits (with its committer address). */
  static final String TRAILER = "Nixmigrate-Step: ";

  /**
   * What to do.
   *
   * @param dir a folder of the local clone
   * @param step 1 to 5
   * @param base the base branch, or null for the remote's default branch
   * @param remote the git remote's name
   * @param forge "github", "gitlab" or null to infer it from the remote's address
   * @param apiUrl the REST API's base address, or null to infer it
   * @param repo {@code OWNER/NAME}, or null to infer it
   * @param tokenEnv the environment variable holding the token, or null for GITHUB_TOKEN /
   *     GITLAB_TOKEN
   * @param draft open the pull request as a draft
   * @param dryRun decide and show, push and call nothing
   * @param identity the author and committer of the bot's commits
   * @param options the generation options, given the base branch's nixmigrate.toml
   */
  public record Request(
      Path dir,
      int step,
      String base,
      String remote,
      String forge,
      String apiUrl,
      String repo,
      String tokenEnv,
      boolean draft,
      boolean dryRun,
      PersonIdent identity,
      Function<Optional<Settings>, Options> options) {
    /** A request for step {@code step} with every default: origin, the default branch, inferred. */
    public static Request of(Path dir, int step, PersonIdent identity) {
      return new Request(
          dir,
          step,
          null,
          "origin",
          null,
          null,
          null,
          null,
          false,
          false,
          identity,
          saved -> saved.map(Settings::options).orElse(Options.defaults()));
    }

    public Request withBase(String b) {
      return new Request(
          dir, step, b, remote, forge, apiUrl, repo, tokenEnv, draft, dryRun, identity, options);
    }

    public Request withForge(String f, String api, String r) {
      return new Request(
          dir, step, base, remote, f, api, r, tokenEnv, draft, dryRun, identity, options);
    }

    public Request withTokenEnv(String v) {
      return new Request(
          dir, step, base, remote, forge, apiUrl, repo, v, draft, dryRun, identity, options);
    }

    public Request withDraft(boolean d) {
      return new Request(
          dir, step, base, remote, forge, apiUrl, repo, tokenEnv, d, dryRun, identity, options);
    }

    public Request withDryRun(boolean d) {
      return new Request(
          dir, step, base, remote, forge, apiUrl, repo, tokenEnv, draft, d, identity, options);
    }
  }

  /** What a run of the bot came to. */
  public enum Result implements Vocabulary {
    /** A pull request was opened. */
    CREATED,
    /** The branch or the pull request changed. */
    UPDATED,
    /** The branch and the pull request were already right. */
    UNCHANGED,
    /** The base branch has what the step writes; no pull request is needed. */
    NOTHING_TO_DO,
    /** The pull request the bot opened is no longer needed, and was closed. */
    CLOSED,
    /** The branch holds someone else's commit, so the bot left it alone. */
    FOREIGN,
    /** A dry run: decided and shown, nothing pushed or called. */
    PLANNED;
  }

  /**
   * What happened.
   *
   * @param status what the run came to
   * @param url the pull request's address, or empty
   * @param branch the bot's branch
   * @param notes what the user should know, one line each
   * @param plan the changes the branch carries relative to the base
   * @param title the pull request's title, or empty where there is none to open
   * @param body the pull request's description (Markdown), or empty where there is none to open
   */
  public record Outcome(
      Result status,
      String url,
      String branch,
      List<String> notes,
      List<FileChange> plan,
      String title,
      String body) {
    Outcome(Result status, String url, String branch, List<String> notes, List<FileChange> plan) {
      this(status, url, branch, notes, plan, "", "");
    }

    /**
     * {@link #status}'s name: created, updated, unchanged, nothing-to-do, closed, foreign or
     * planned.
     */
    public String result() {
      return status.id();
    }
  }

  private final Map<String, String> env;
  private final Clock clock;
  private final ForgeHttp.Sleeper sleeper;
  private final ForgeHttp.Policy policy;

  /** Where the bot says what it waits for; nowhere unless {@link #progress} sets it. */
  private java.util.function.Consumer<String> progress = line -> {};

  /**
   * This bot, telling {@code sink} each time it waits for the forge and why (a line each; no line
   * holds a token).
   */
  public PrBot progress(java.util.function.Consumer<String> sink) {
    this.progress = java.util.Objects.requireNonNull(sink);
    return this;
  }

  /** A bot that reads tokens from {@code env} and waits for real. */
  public PrBot(Map<String, String> env) {
    this(env, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), ForgeHttp.Policy.DEFAULT);
  }

  PrBot(Map<String, String> env, Clock clock, ForgeHttp.Sleeper sleeper, ForgeHttp.Policy policy) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.sleeper = sleeper;
    this.policy = policy;
  }

  public Outcome run(Request r) {
    if (!Steps.STANDARD.has(r.step())) {
      throw bad("step must be " + Steps.STANDARD.range() + ", not " + r.step());
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(r.dir().toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw bad(r.dir() + " is not in a git repository; the bot works on a clone");
    }
    try (Repository repo = builder.build()) {
      String url = repo.getConfig().getString("remote", r.remote(), "url");
      if (url == null) {
        throw bad("no git remote named " + r.remote() + "; pass --remote NAME");
      }
      ForgeTarget target;
      List<String> unresolved = new ArrayList<>();
      try {
        target = ForgeTarget.of(url, r.forge(), r.apiUrl(), r.repo());
      } catch (NixMigrateException e) {
        if (!r.dryRun()) {
          throw e;
        }
        // A dry run calls no API, so it needs no forge: it shows the change, and says what a
        // real run will need.
        target = null;
        unresolved.add("for a real run: " + e.getMessage());
      }
      String tokenVar =
          r.tokenEnv() != null
              ? r.tokenEnv()
              : target == null || target.kind().equals("github") ? "GITHUB_TOKEN" : "GITLAB_TOKEN";
      String tokenValue = env.get(tokenVar);
      Secret token = tokenValue == null || tokenValue.isBlank() ? null : new Secret(tokenValue);
      if (token == null && !r.dryRun()) {
        throw bad(
            "no token: set "
                + tokenVar
                + (r.tokenEnv() == null ? " (or name another variable with --token-env)" : ""));
      }
      Forge forge = token == null || target == null ? null : forge(target, token);
      boolean http = url.startsWith("http://") || url.startsWith("https://");
      CredentialsProvider creds =
          token != null && http
              ? new UsernamePasswordCredentialsProvider(forge.gitUser(), token.reveal())
              : null;
      GitSide git = new GitSide(repo, r.remote(), creds, token);
      try {
        return run(
            r,
            repo,
            git,
            forge,
            token,
            tokenVar,
            unresolved,
            target == null ? null : target.kind());
      } catch (IOException e) {
        throw new ForgeException(
            0, "git: " + (token == null ? e.getMessage() : token.redact(e.getMessage())));
      } catch (RuntimeException e) {
        if (token != null && e.getMessage() != null && e.getMessage().contains(token.reveal())) {
          throw new ForgeException(0, token.redact(e.getMessage()));
        }
        throw e;
      }
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL, "cannot open the git repository: " + e.getMessage());
    }
  }

  private Forge forge(ForgeTarget t, Secret token) {
    Random random = new Random();
    if (t.kind().equals("github")) {
      return new GitHub(
          t.apiUrl(),
          t.repo(),
          new ForgeHttp(
              "GitHub", GitHub.headers(token), token, policy, sleeper, clock, random, progress),
          token);
    }
    return new GitLab(
        t.apiUrl(),
        t.repo(),
        new ForgeHttp(
            "GitLab", GitLab.headers(token), token, policy, sleeper, clock, random, progress),
        token);
  }

  private static NixMigrateException bad(String message) {
    return new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, message);
  }

  /** The files the branch carries (null content: deleted), and the plan they come from. */
  private record Change(
      Map<String, byte[]> files,
      Plan plan,
      boolean hasFlake,
      boolean hasJustfile,
      List<MigrationStep> brought,
      boolean refresh) {
    /**
     * The pinned actions this change moves, as "action: old → new" (a refresh names what moved in
     * nixmigrate's knowledge).
     */
    List<String> moves() {
      List<String> out = new ArrayList<>();
      for (FileChange c : plan.changes()) {
        if (c.before() != null && c.after() != null && c.path().startsWith(".github/")) {
          out.addAll(
              dev.nixmigrate.generators.internal.ci.PinDrift.moves(
                  c.before(), c.after(), c.path()));
        }
      }
      return out.stream().distinct().toList();
    }
  }

  /** Whether {@code path} is there once {@code plan} is applied to the checkout {@code work}. */
  private static boolean exists(Path work, Plan plan, String path) {
    return plan.changes().stream()
        .filter(c -> c.path().equals(path))
        .findFirst()
        .map(c -> c.after() != null)
        .orElse(Files.isRegularFile(work.resolve(path), LinkOption.NOFOLLOW_LINKS));
  }

  private Outcome run(
      Request r,
      Repository repo,
      GitSide git,
      Forge forge,
      Secret token,
      String tokenVar,
      List<String> unresolved,
      String forgeKind)
      throws IOException {
    MigrationStep step = Steps.STANDARD.get(r.step());
    // A dry run asks the forge nothing: the remote's HEAD names the default branch.
    String defaultBranch =
        forge != null && !r.dryRun() ? forge.defaultBranch() : git.remoteDefaultBranch();
    for (int round = 1; ; round++) {
      Map<String, ObjectId> remote = git.branches();
      String base = r.base() != null ? r.base() : defaultBranch;
      if (base == null) {
        throw bad("the remote does not say its default branch; pass --base BRANCH");
      }
      String branch =
          base.equals(defaultBranch)
              ? "nixmigrate/step-" + r.step()
              : "nixmigrate/" + base + "/step-" + r.step();
      ObjectId baseTip = remote.get(base);
      if (baseTip == null) {
        throw bad("the remote " + r.remote() + " has no branch " + base + "; pass --base BRANCH");
      }
      ObjectId botTip = remote.get(branch);
      dev.nixmigrate.core.Progress.report("pr: fetching " + base);
      git.fetch(botTip == null ? List.of(base) : List.of(base, branch));
      dev.nixmigrate.core.Progress.report("pr: planning step " + r.step() + " on " + base);

      Change change = change(r, git, baseTip, forgeKind);
      String marker = "<!-- nixmigrate:pr step=" + r.step() + " base=" + base + " -->";
      if (change.files().isEmpty()) {
        return nothingToDo(r, forge, branch, base, marker);
      }
      String title = title(step, change);
      String body = body(step, change, branch, marker, tokenVar, r);
      if (r.dryRun()) {
        return new Outcome(
            Result.PLANNED, "", branch, unresolved, change.plan().changes(), title, body);
      }

      ObjectId tree = git.tree(baseTip, change.files());
      boolean pushed = false;
      if (botTip != null) {
        List<RevCommit> ahead = git.ahead(botTip, baseTip);
        Optional<RevCommit> foreign =
            ahead.stream().filter(c -> !ownCommit(c, r.identity())).findFirst();
        if (foreign.isPresent()) {
          return foreign(forge, branch, base, botTip, foreign.get());
        }
        if (!git.treeOf(botTip).equals(tree)) {
          ObjectId commit = git.commit(baseTip, tree, stamp(r.identity()), message(step, change));
          dev.nixmigrate.core.Progress.report("pr: pushing " + branch);
          if (!git.push(commit, branch, botTip)) {
            if (round < 3) {
              continue; // someone pushed meanwhile: look again
            }
            throw new ForgeException(0, "git: " + branch + " kept moving while the bot pushed");
          }
          pushed = true;
        }
      } else {
        ObjectId commit = git.commit(baseTip, tree, stamp(r.identity()), message(step, change));
        dev.nixmigrate.core.Progress.report("pr: pushing " + branch);
        if (!git.push(commit, branch, null)) {
          if (round < 3) {
            continue;
          }
          throw new ForgeException(0, "git: " + branch + " kept moving while the bot pushed");
        }
        pushed = true;
      }
      return pullRequest(forge, branch, base, title, body, r.draft(), pushed, change.plan());
    }
  }

  private Outcome pullRequest(
      Forge forge,
      String branch,
      String base,
      String title,
      String body,
      boolean draft,
      boolean pushed,
      Plan planned) {
    List<FileChange> plan = planned.changes();
    dev.nixmigrate.core.Progress.report("pr: asking " + forge.name() + " for the pull request");
    Optional<PullRequest> open = forge.findOpen(branch, base);
    if (open.isEmpty()) {
      Optional<PullRequest> made = forge.create(branch, base, title, body, draft);
      if (made.isPresent()) {
        return new Outcome(Result.CREATED, made.get().url(), branch, List.of(), plan, title, body);
      }
      // Another run opened it meanwhile: find it and keep it.
      open = forge.findOpen(branch, base);
      if (open.isEmpty()) {
        throw new ForgeException(
            0,
            forge.name()
                + " says a pull request for "
                + branch
                + " exists but lists none open; look for a closed one and reopen or delete it");
      }
    }
    PullRequest pr = open.get();
    boolean edited = false;
    if (!forge.says(pr, title, body)) {
      forge.update(pr, title, body);
      edited = true;
    }
    return new Outcome(
        pushed || edited ? Result.UPDATED : Result.UNCHANGED,
        pr.url(),
        branch,
        List.of(),
        plan,
        title,
        body);
  }

  private Outcome nothingToDo(Request r, Forge forge, String branch, String base, String marker) {
    if (forge != null && !r.dryRun()) {
      Optional<PullRequest> open = forge.findOpen(branch, base);
      if (open.isPresent() && open.get().body().contains(marker)) {
        forge.comment(
            open.get(),
            "The base branch "
                + base
                + " already has what step "
                + r.step()
                + " writes, so this pull request is no longer needed. Closing it.");
        forge.close(open.get());
        return new Outcome(Result.CLOSED, open.get().url(), branch, List.of(), List.of());
      }
    }
    return new Outcome(
        Result.NOTHING_TO_DO,
        "",
        branch,
        List.of(base + " already has what step " + r.step() + " writes"),
        List.of());
  }

  private Outcome foreign(Forge forge, String branch, String base, ObjectId tip, RevCommit commit) {
    String note =
        "someone else pushed to "
            + branch
            + " (commit "
            + commit.abbreviate(10).name()
            + " by "
            + commit.getAuthorIdent().getName()
            + "), so nixmigrate leaves the branch alone. Merge or close the pull request; once the"
            + " branch is deleted, nixmigrate starts it again.";
    Optional<PullRequest> open = forge.findOpen(branch, base);
    if (open.isPresent()) {
      String tag = "<!-- nixmigrate:foreign " + tip.name() + " -->";
      if (forge.comments(open.get()).stream().noneMatch(c -> c.contains(tag))) {
        forge.comment(open.get(), tag + "\nnixmigrate: " + note);
      }
    }
    return new Outcome(
        Result.FOREIGN, open.map(PullRequest::url).orElse(""), branch, List.of(note), List.of());
  }

  /** A bot commit: its committer address and the step trailer. */
  static boolean ownCommit(RevCommit c, PersonIdent identity) {
    return c.getCommitterIdent().getEmailAddress().equals(identity.getEmailAddress())
        && c.getFullMessage().contains("\n" + TRAILER);
  }

  private PersonIdent stamp(PersonIdent who) {
    return new PersonIdent(who.getName(), who.getEmailAddress(), clock.instant(), ZoneOffset.UTC);
  }

  /** The step, run in a folder holding the base branch's files: what it would change. */
  private Change change(Request r, GitSide git, ObjectId baseTip, String forgeKind)
      throws IOException {
    Path work = Files.createTempDirectory("nixmigrate-pr-");
    try {
      git.checkout(baseTip, work);
      Optional<Settings> saved = Settings.read(work);
      // The base branch is not the operator's: its templates would run as the bot, with its
      // token at hand. Only a template folder named on the bot's own command line is used.
      Options options = r.options().apply(saved.map(Settings::withoutTemplates));
      if (options.templateDir() == null
          && saved.map(s -> s.options().templateDir() != null).orElse(false)) {
        throw new NixMigrateException(
            NixMigrateException.Kind.REFUSED,
            "the base branch's "
                + Settings.PATH
                + " names a template folder; the bot runs no template from the branch it"
                + " migrates. Pass --templates DIR to use a folder you have checked, or remove"
                + " the templates key");
      }
      // The bot's folder has no git remote to tell the CI service by: a repository on GitLab with
      // no CI of either kind yet gets GitLab's jobs, as nixmigrate run in its clone would give.
      if (options.ci() == null
          && "gitlab".equals(forgeKind)
          && !Files.exists(work.resolve(".gitlab-ci.yml"), LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(work.resolve(".github/workflows"), LinkOption.NOFOLLOW_LINKS)) {
        options = options.withCi(dev.nixmigrate.generators.CiService.GITLAB);
      }
      // The commit is the plan's changes, exactly: nothing is written and read back.
      Plan plan = NixMigrate.plan(work, options, r.step(), new RunMode(false, true, true, false));
      if (!plan.conflicts().isEmpty()) {
        List<String> paths = plan.conflicts().stream().map(Conflict::path).toList();
        throw new ConflictException(
            paths,
            "the step's output clashes with edits on the base branch in "
                + String.join(", ", paths)
                + "; run nixmigrate step "
                + r.step()
                + " locally, resolve them and commit");
      }
      // Only nixmigrate's bookkeeping changed: nothing worth a pull request.
      if (plan.fileChanges().isEmpty()) {
        return new Change(Map.of(), plan, false, false, List.of(), false);
      }
      Map<String, byte[]> files = new TreeMap<>();
      for (FileChange c : plan.changes()) {
        files.put(
            c.path(),
            c.after() == null ? null : c.after().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return new Change(
          files,
          plan,
          exists(work, plan, "flake.nix"),
          exists(work, plan, "justfile"),
          brought(r.step(), NixMigrate.finishes(StepCatalog.STANDARD, work, plan)),
          refreshes(work, plan, r.step()));
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Whether the plan only refreshes files nixmigrate wrote: the base has taken the step, and every
   * file the plan changes is one the base's state records as nixmigrate's, changed, not new. A
   * repository whose own files do the step, and that gets nixmigrate's files for the first time, is
   * a step pull request, not a refresh.
   */
  private static boolean refreshes(Path work, Plan plan, int step) {
    boolean taken =
        NixMigrate.status(StepCatalog.STANDARD, work).stream()
            .anyMatch(
                s ->
                    s.number() == step
                        && s.state() == dev.nixmigrate.core.model.StepStatus.State.DONE);
    if (!taken) {
      return false;
    }
    java.util.Map<String, dev.nixmigrate.migrate.State.Entry> written =
        dev.nixmigrate.migrate.State.read(work).files();
    return plan.fileChanges().stream()
        .allMatch(c -> c.before() != null && c.after() != null && written.containsKey(c.path()));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind does no harm.
    }
  }

  private static String title(MigrationStep step, Change change) {
    return change.refresh()
        ? "nixmigrate: refresh the files of step " + step.number() + ", " + step.name()
        : "nixmigrate: step " + step.number() + ", " + step.name();
  }

  private static String message(MigrationStep step, Change change) {
    StringBuilder b = new StringBuilder();
    b.append(title(step, change));
    b.append("\n\n");
    if (change.refresh()) {
      b.append(REFRESH).append("\n\n");
      change.moves().forEach(m -> b.append("- ").append(m).append('\n'));
      b.append('\n');
    } else {
      for (MigrationStep s : change.brought()) {
        b.append(s.description()).append("\n\n");
      }
    }
    for (FileChange c : change.plan().changes()) {
      b.append("- ").append(c.path()).append(": ").append(c.reason()).append('\n');
    }
    b.append('\n').append(TRAILER).append(step.number()).append('\n');
    return b.toString();
  }

  /** What a refresh is, for its commit message and pull request. */
  private static final String REFRESH =
      "The base branch has taken this step already. What nixmigrate knows has moved since it"
          + " wrote these files (the actions it pins, the runner labels it uses, the names of"
          + " nixpkgs' packages), so it writes them anew. Only files nixmigrate wrote and nobody"
          + " edited change; edited ones are merged or left alone, as a local run does.";

  private String body(
      MigrationStep step, Change change, String branch, String marker, String tokenVar, Request r) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("refresh", change.refresh());
    model.put("refreshText", REFRESH);
    model.put("moves", change.moves());
    model.put("marker", marker);
    model.put("step", step);
    model.put("stepCount", Steps.STANDARD.size());
    // A step's pull request also brings the earlier steps the base branch lacks: it describes
    // and prices each of them, not only the one it is named after.
    model.put("brought", change.brought());
    List<String> earlier =
        change.brought().stream()
            .filter(s -> s.number() < step.number())
            .map(s -> Integer.toString(s.number()))
            .toList();
    model.put(
        "earlier",
        earlier.size() == 1
            ? "step " + earlier.get(0)
            : "steps "
                + String.join(", ", earlier.subList(0, Math.max(0, earlier.size() - 1)))
                + " and "
                + (earlier.isEmpty() ? "" : earlier.get(earlier.size() - 1)));
    List<Map<String, String>> changes = new ArrayList<>();
    for (FileChange c : change.plan().changes()) {
      changes.add(Map.of("path", c.path(), "reason", cell(c.reason())));
    }
    model.put("changes", changes);
    model.put("left", change.plan().left().stream().map(l -> line(l.toString())).toList());
    model.put("warnings", change.plan().warnings().stream().map(w -> line(w.toString())).toList());
    model.put("branch", branch);
    model.put("hasFlake", change.hasFlake());
    model.put("hasJustfile", change.hasJustfile());
    model.put(
        "workflowToken",
        tokenVar.equals("GITHUB_TOKEN") && "true".equals(env.get("GITHUB_ACTIONS")));
    model.put(
        "touchesWorkflows",
        change.plan().changes().stream().anyMatch(c -> c.path().startsWith(".github/workflows/")));
    return new TemplateEngine(null).render("bot/pr-body.md.ftl", model);
  }

  /**
   * The steps a pull request for step {@code step} brings: the earlier steps it finishes (the base
   * branch lacked them), then {@code step} itself.
   */
  static List<MigrationStep> brought(int step, List<Integer> finished) {
    List<MigrationStep> out = new ArrayList<>();
    finished.stream().filter(n -> n < step).forEach(n -> out.add(Steps.STANDARD.get(n)));
    out.add(Steps.STANDARD.get(step));
    return out;
  }

  private static String cell(String s) {
    return line(s).replace("|", "\\|");
  }

  private static String line(String s) {
    return s.replace('\n', ' ').replace("\r", "");
  }
}
