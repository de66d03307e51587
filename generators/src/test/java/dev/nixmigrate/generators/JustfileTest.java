package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.generators.internal.ci.WorkflowGenerator;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The justfile is valid for the real {@code just}, and its recipes are exactly CI's commands. */
class JustfileTest {
  @TempDir Path temp;

  static Stream<Arguments> cases() {
    return Examples.GITHUB.stream().flatMap(n -> Stream.of(1, 2).map(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void summaryAndADryRunOfEveryRecipe(String example, int step) throws Exception {
    Path just = Tools.require("just", Examples.npmBin());
    Path dir = Examples.materialize(example, step, temp);
    Processes.Result summary = Processes.run(dir, just.toString(), "--summary");
    assertTrue(summary.ok(), summary.output());
    List<String> recipes = List.of(summary.output().strip().split("\\s+"));
    assertTrue(
        recipes.contains("build") && recipes.contains("test") && recipes.contains("lint"),
        recipes.toString());
    for (String recipe : recipes) {
      Processes.Result dry = Processes.run(dir, just.toString(), "--dry-run", recipe);
      assertTrue(dry.ok(), recipe + ": " + dry.output());
    }
  }

  /**
   * The msrv recipe's script around CI's commands, which puts the developer's Cargo.lock back: CI's
   * checkout is its own.
   */
  private static final Set<String> KEEPS_THE_LOCK =
      Set.of(
          "#!/usr/bin/env bash",
          "set -euo pipefail",
          "# Your Cargo.lock, or its absence, is put back when the check ends.",
          "keep=\"$(mktemp -d)\"",
          "if [ -e Cargo.lock ]; then cp Cargo.lock \"$keep\"/; fi",
          "trap 'if [ -e \"$keep\"/Cargo.lock ]; then cp \"$keep\"/Cargo.lock .; else rm -f"
              + " Cargo.lock; fi; rm -r \"$keep\"' EXIT");

  @ParameterizedTest
  @MethodSource("cases")
  void recipesHoldExactlyTheCommandsCiRuns(String example, int step) throws Exception {
    Generators.Generation gen = Examples.generate(example, step);
    Set<String> ci = new TreeSet<>();
    for (YamlReader.Leaf l : YamlReader.leaves(gen.file(WorkflowGenerator.PATH).text(), "ci.yml")) {
      if (l.key().equals("run")) {
        for (String line : l.value().split("\n")) {
          // CI adds the feature variant of a test run; the command itself is the same.
          ci.add(line.replace(" ${FEATURES:+\"$FEATURES\"}", "").strip());
        }
      }
    }
    ci.removeIf(c -> c.startsWith("pipx install ")); // installs the tool the runner lacks
    // System libraries are the machine's setup, not a command of the project's.
    ci.removeIf(
        c ->
            c.startsWith("sudo apt-get ")
                || c.startsWith("brew install ")
                || c.endsWith(">> \"$GITHUB_ENV\""));
    Set<String> recipes = new TreeSet<>();
    Path dir = Examples.materialize(example, step, temp);
    String recipe = "";
    for (String line : Files.readAllLines(dir.resolve("justfile"))) {
      if (!line.startsWith(" ") && line.contains(":") && !line.startsWith("#")) {
        recipe = line.substring(0, line.indexOf(':'));
      }
      // Formatting recipes change files; CI checks formatting through lint instead.
      if (line.startsWith("    ")
          && !recipe.startsWith("fmt")
          && !line.strip().startsWith("just ")
          && !line.strip().startsWith("@just")
          && !KEEPS_THE_LOCK.contains(line.strip())
          && !line.strip().matches("cd \\S+")) {
        recipes.add(line.strip().replaceFirst("^cd \\S+ && ", ""));
      }
    }
    assertEquals(ci, recipes);
  }
}
