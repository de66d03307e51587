package dev.nixmigrate.cli;

import dev.nixmigrate.migrate.FileChange;
import dev.nixmigrate.pr.BotWorkflow;
import dev.nixmigrate.pr.PrBot;
import dev.nixmigrate.pr.Release;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nixmigrate pr --step N}: opens or updates the pull request that takes a step. */
@Command(
    name = "pr",
    mixinStandardHelpOptions = true,
    versionProvider = NixMigrateCommand.Version.class,
    description =
        "Opens, or brings up to date, the one pull request (GitLab: merge request) that takes the remote's base branch to step N. Works from a clone without touching its checkout.",
    footer = {
      "%nExamples:",
      "  GITHUB_TOKEN=... nixmigrate pr --step 1",
      "  nixmigrate pr --step 3 --dry-run --base main",
      "  nixmigrate pr --step 2 --forge gitlab --api-url https://git.example/api/v4 --token-env CI_BOT_TOKEN",
      "  nixmigrate pr --install-bot",
      "%n" + ExitCode.TABLE
    })
final class PrCommand implements Callable<Integer> {
  /** The version of the shape of {@code --json} ({@code docs/schema/pr.schema.json}). */
  static final int SCHEMA_VERSION = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--step",
      paramLabel = "N",
      description = "The step the pull request takes, 1 to 5.")
  Integer step;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "A folder of the clone (default: the current directory).")
  Path dir;

  @Option(
      names = "--base",
      paramLabel = "BRANCH",
      description = "The branch the pull request goes into (default: the remote's default branch).")
  String base;

  @Option(
      names = "--remote",
      paramLabel = "NAME",
      defaultValue = "origin",
      description = "The git remote to push to (default: origin).")
  String remote;

  @Option(
      names = "--forge",
      paramLabel = "FORGE",
      description = "github or gitlab (default: from the remote's address).")
  String forge;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "The forge's REST API, for GitHub Enterprise or a self-hosted GitLab. Example: --api-url https://github.example/api/v3")
  String apiUrl;

  @Option(
      names = "--repo",
      paramLabel = "OWNER/NAME",
      description = "The repository on the forge (default: from the remote's address).")
  String repo;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      description =
          "The environment variable holding the token (default: GITHUB_TOKEN or GITLAB_TOKEN). Example: --token-env NIXMIGRATE_TOKEN")
  String tokenEnv;

  @Option(names = "--draft", description = "Open the pull request as a draft.")
  boolean draft;

  @Option(
      names = "--dry-run",
      description =
          "Show the change and the pull request's title and description; push nothing, call no API.")
  boolean dryRun;

  @Option(
      names = "--author",
      paramLabel = "'NAME <EMAIL>'",
      defaultValue = "nixmigrate <nixmigrate@noreply.invalid>",
      description =
          "Author and committer of the bot's commits; the bot knows its commits by this address (default: ${DEFAULT-VALUE}).")
  String author;

  @Option(
      names = "--install-bot",
      description =
          "Write .github/workflows/nixmigrate.yml, which runs this bot weekly and on demand with a GitHub App token.")
  boolean installBot;

  @Option(names = "--json", description = "Print the outcome as JSON.")
  boolean json;

  @Option(
      names = "--quiet",
      description =
          "Do not say on stderr when and why the bot waits for the forge and tries again, and show no progress line.")
  boolean quiet;

  @Mixin GenerationOptions generation;

  private static final Pattern IDENT =
      Pattern.compile("^\\s*(.+?)\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*$");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (installBot) {
      Release release = Release.current();
      var r = BotWorkflow.install(dir, release);
      r.written().forEach(c -> out.println((c.creates() ? "created " : "updated ") + c.path()));
      r.left().forEach(l -> out.println("left alone: " + l));
      if (r.written().isEmpty() && r.left().isEmpty()) {
        out.println(BotWorkflow.PATH + " is up to date.");
      }
      out.println(BotWorkflow.setup(release));
      out.flush();
      return ExitCode.OK;
    }
    if (step == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--step=N'");
    }
    Matcher m = IDENT.matcher(author);
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(), "--author must look like 'Name <address@example.org>'");
    }
    PrBot.Outcome o =
        new PrBot(System.getenv())
            .progress(quiet ? line -> {} : line -> spec.commandLine().getErr().println(line))
            .run(
                new PrBot.Request(
                    dir,
                    step,
                    base,
                    remote,
                    forge,
                    apiUrl,
                    repo,
                    tokenEnv,
                    draft,
                    dryRun,
                    new PersonIdent(m.group(1), m.group(2)),
                    generation::toOptions));
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("schemaVersion", SCHEMA_VERSION);
      j.put("result", o.result());
      // The outcome's url is "" where there is no pull request (a dry run, nothing to do).
      j.put("url", o.url().isEmpty() ? null : o.url());
      j.put("branch", o.branch());
      j.put("notes", o.notes());
      j.put("files", o.plan().stream().map(FileChange::path).toList());
      j.put("title", o.title().isEmpty() ? null : o.title());
      j.put("body", o.body().isEmpty() ? null : o.body());
      out.print(dev.nixmigrate.core.json.JsonWriter.write(j));
    } else {
      if (dryRun) {
        o.plan().forEach(c -> out.print(c.diff()));
      }
      out.println(
          switch (o.status()) {
            case CREATED -> "opened " + o.url();
            case UPDATED -> "updated " + o.url();
            case UNCHANGED -> "up to date: " + o.url();
            case CLOSED -> "closed " + o.url() + ": it is no longer needed";
            case PLANNED -> "would push " + o.branch() + " and open this pull request:";
            case NOTHING_TO_DO, FOREIGN -> o.result() + (o.url().isEmpty() ? "" : ": " + o.url());
          });
      if (o.status() == PrBot.Result.PLANNED) {
        out.println();
        out.println("# " + o.title());
        out.println();
        out.print(o.body().endsWith("\n") ? o.body() : o.body() + "\n");
        if (!o.notes().isEmpty()) {
          out.println();
        }
      }
      o.notes().forEach(out::println);
    }
    out.flush();
    return o.status() == PrBot.Result.FOREIGN ? ExitCode.REFUSED : ExitCode.OK;
  }
}
