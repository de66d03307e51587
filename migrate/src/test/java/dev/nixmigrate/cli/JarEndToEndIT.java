package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built {@code nixmigrate.jar}, run as a process, on a copy of each example in a fresh git
 * repository: step 3, a second run that changes nothing, check, and status agreeing that step 3 is
 * reached.
 */
class JarEndToEndIT {
  @TempDir Path temp;

  private static Processes.Result jar(Path dir, String... args) throws Exception {
    return JarRunner.run(dir, Map.of(), args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot"})
  void stepThreeEndToEnd(String example) throws Exception {
    Path root = Path.of(System.getProperty("nixmigrate.root")).toAbsolutePath();
    Path dir = temp.resolve(example);
    TreeCopy.copy(root.resolve("examples").resolve(example).resolve("repo"), dir);
    TestRepo.commitAll(dir, "initial");
    Processes.Result step = jar(dir, "step", "3", ".", "--edit-existing");
    assertEquals(0, step.code(), step.output());
    assertTrue(
        Files.exists(dir.resolve("flake.nix"))
            && Files.exists(dir.resolve(".nixmigrate/state.json")));
    TestRepo.commitAll(dir, "step 3");
    Processes.Result again = jar(dir, "step", "3", ".");
    assertEquals(0, again.code(), again.output());
    assertTrue(again.output().contains("Nothing to write"), again.output());
    assertEquals(0, jar(dir, "check", ".").code());
    Processes.Result status = jar(dir, "status", ".", "--json");
    assertEquals(0, status.code(), status.output());
    Map<?, ?> m =
        (Map<?, ?>) Json.parse(status.output().substring(status.output().indexOf('{')), "status");
    assertEquals(
        3,
        ((Number) m.get("currentStep")).intValue(),
        "status sees what step wrote: " + m.get("steps"));
    assertFalse(status.output().contains("Exception"));
  }
}
