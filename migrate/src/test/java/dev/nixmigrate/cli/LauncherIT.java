package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/nixmigrate}, the launcher: runs the built jar from any folder, through a link, with a
 * class-data sharing archive made on the first run and used after; refuses a Java older than 17;
 * installs completion.
 */
class LauncherIT {
  private static final Path ROOT = ProjectRoot.path();
  private static final Path LAUNCHER = ROOT.resolve("bin/nixmigrate");

  @TempDir Path temp;
  private Path repo;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    repo = temp.resolve("some where/repo");
    Files.createDirectories(repo);
    Files.writeString(
        repo.resolve("pyproject.toml"),
        "[project]\nname = \"hello\"\nversion = \"1.0\"\nrequires-python = \">=3.11\"\n");
    TestRepo.commitAll(repo, "initial");
    env = new HashMap<>();
    env.put("NIXMIGRATE_JAR", System.getProperty("nixmigrate.jar"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
    env.put("XDG_DATA_HOME", temp.resolve("data").toString());
  }

  private Processes.Result run(Path launcher, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    return Processes.run(repo, env, cmd, null, 180);
  }

  private List<Path> archives() throws Exception {
    Path dir = temp.resolve("cache/nixmigrate");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void statusFromAnotherFolderMakesTheArchiveOnceAndUsesIt() throws Exception {
    Processes.Result first = run(LAUNCHER, "status");
    assertEquals(0, first.code(), first.output());
    assertTrue(first.output().contains("hello (python)"), first.output());
    List<Path> made = archives();
    assertEquals(1, made.size(), "one archive after the first run: " + made);
    long size = Files.size(made.get(0));
    assertTrue(size > 100_000, "the archive holds classes: " + size + " bytes");
    long modified = Files.getLastModifiedTime(made.get(0)).toMillis();

    env.put("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
    Processes.Result second = run(LAUNCHER, "status");
    assertEquals(0, second.code(), second.output());
    // -Xshare:on makes the JVM stop when the archive cannot be mapped; the class log says the
    // jar's own classes came from it.
    assertTrue(
        second.output().contains("dev.nixmigrate.cli.Main source: shared objects file"),
        second.output().lines().filter(l -> l.contains("dev.nixmigrate.cli.Main")).toList() + "");
    assertEquals(List.of(made.get(0)), archives());
    assertEquals(modified, Files.getLastModifiedTime(made.get(0)).toMillis(), "not rewritten");
  }

  @Test
  void aLinkToTheLauncherFindsTheJarAndInstallsCompletionThatCompletes() throws Exception {
    env.remove("NIXMIGRATE_JAR");
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    Path link = Files.createSymbolicLink(bin.resolve("nixmigrate"), LAUNCHER);
    Processes.Result r = run(link, "--version");
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().startsWith("nixmigrate "), r.output());

    Path bash = temp.resolve("data/bash-completion/completions/nixmigrate");
    assertEquals("status steps step", complete("bash", "source '" + bash + "'", "st"));
    assertEquals("--install-bot", complete("bash", "source '" + bash + "'", "pr --inst"));
  }

  @Test
  void zshAutoloadsTheCompletionFunctionTheLauncherInstalled() throws Exception {
    Path zsh = Tools.require("zsh");
    assertEquals(0, run(LAUNCHER, "--version").code());
    Path dir = temp.resolve("cache/nixmigrate/zsh");
    assertTrue(Files.isRegularFile(dir.resolve("_nixmigrate")));
    // compinit reads #compdef from fpath; running the function body hands nixmigrate to the
    // bash-style completer, which then completes like bash.
    String script =
        "fpath=('"
            + dir
            + "' $fpath); autoload -U compinit && compinit -u -d '"
            + temp.resolve("zcompdump")
            + "'; print -r -- \"autoload:$_comps[nixmigrate]\";"
            + " autoload +X _nixmigrate; _nixmigrate 2>/dev/null;"
            + " print -r -- \"after:$_comps[nixmigrate]\"";
    Processes.Result r = Processes.run(temp, List.of(zsh.toString(), "-f", "-c", script), null, 60);
    assertTrue(r.output().contains("autoload:_nixmigrate\n"), r.output());
    assertTrue(r.output().contains("after:_bash_complete -F _complete_nixmigrate"), r.output());
  }

  /** The words bash's completion function offers after {@code nixmigrate LINE}. */
  private String complete(String shell, String load, String line) throws Exception {
    String script =
        load
            + "; COMP_LINE='nixmigrate "
            + line
            + "'; read -r -a COMP_WORDS <<< \"$COMP_LINE\"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
            + " COMP_POINT=${#COMP_LINE}; _complete_nixmigrate; echo \"${COMPREPLY[*]}\"";
    Processes.Result r = Processes.run(temp, List.of(shell, "-c", script), null, 60);
    assertEquals(0, r.code(), r.output());
    // compopt complains outside a real completion; the answer is the last line.
    List<String> lines = r.output().strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Test
  void aJavaOlderThan17IsRefusedByName() throws Exception {
    Path fake = temp.resolve("old-java/bin/java");
    Files.createDirectories(fake.getParent());
    Files.writeString(
        fake, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 0\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("JAVA_HOME", fake.getParent().getParent().toString());
    Processes.Result r = run(LAUNCHER, "status");
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("is Java 11; nixmigrate needs Java 17 or newer"), r.output());
    assertTrue(archives().isEmpty());
  }

  @Test
  void aMissingJarSaysHowToBuildIt() throws Exception {
    env.put("NIXMIGRATE_JAR", temp.resolve("none.jar").toString());
    Processes.Result r = run(LAUNCHER, "status");
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("none.jar: no such file (NIXMIGRATE_JAR)"), r.output());
  }

  @Test
  void theLauncherPassesShellcheckAsPosixSh() throws Exception {
    Path shellcheck = Tools.require("shellcheck");
    Processes.Result r =
        Processes.run(
            temp, List.of(shellcheck.toString(), "--shell=sh", LAUNCHER.toString()), null, 60);
    assertTrue(r.ok(), r.output());
    assertFalse(Files.readString(LAUNCHER).contains("[["), "no bash tests in a sh script");
  }
}
