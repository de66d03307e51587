package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM applying a step is killed with SIGKILL at 50 random points. Afterwards every file
 * holds either its old or its new content, whole, and a re-run completes the migration exactly as
 * an uninterrupted run does.
 */
class FaultInjectionTest {
  private static final int KILLS = 50;
  private static final long WRITE_DELAY_MILLIS = 15;

  @TempDir Path temp;

  private static Path example() {
    return ProjectRoot.path().resolve("examples/polyglot/repo");
  }

  /**
   * The example at step 1, so that step 3 both changes files nixmigrate wrote and adds new ones.
   */
  private Path prepared(String name) throws IOException {
    Path dir = temp.resolve(name);
    TreeCopy.copy(example(), dir);
    NixMigrate.step(
        dir, Options.defaults(), 1, RunMode.DEFAULT.allowDirty(true).editExisting(true));
    return dir;
  }

  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private Process child(Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Dnixmigrate.test.writeDelayMillis=" + WRITE_DELAY_MILLIS,
            "-cp",
            System.getProperty("java.class.path"),
            StepChild.class.getName(),
            dir.toString(),
            "3")
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child.log").toFile())
        .start();
  }

  @Test
  void killedAtRandomPointsItLeavesWholeFilesAndARerunFinishes() throws Exception {
    Path reference = prepared("reference");
    Map<String, String> old = files(reference);
    long start = System.nanoTime();
    Process p = child(reference);
    assertTrue(
        p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0,
        Files.readString(temp.resolve("child.log")));
    long fullRunMillis = (System.nanoTime() - start) / 1_000_000;
    Map<String, String> done = files(reference);

    Random random = new Random(20261125);
    int interrupted = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Path dir = prepared("run-" + i);
      Process c = child(dir);
      long at = (long) (random.nextDouble() * fullRunMillis);
      if (!c.waitFor(at, TimeUnit.MILLISECONDS)) {
        c.destroyForcibly(); // SIGKILL on Linux and macOS
        interrupted++;
      }
      c.waitFor(30, TimeUnit.SECONDS);
      for (Map.Entry<String, String> e : files(dir).entrySet()) {
        String path = e.getKey();
        if (path.contains(".nixmigrate-") && path.endsWith(".tmp")) {
          continue; // a temporary file the kill left; the re-run removes it
        }
        if (path.equals(State.PENDING)) {
          // The journal of the killed run: it must be whole, since the re-run reads it.
          dev.nixmigrate.core.internal.read.Json.parse(e.getValue(), path);
          continue;
        }
        boolean whole = e.getValue().equals(old.get(path)) || e.getValue().equals(done.get(path));
        if (!whole) {
          failures.add("kill " + i + " at " + at + " ms: " + path + " is neither old nor new");
        }
      }
      StepResult rerun =
          NixMigrate.step(
              dir, Options.defaults(), 3, RunMode.DEFAULT.allowDirty(true).editExisting(true));
      assertEquals(List.of(), rerun.conflicts(), "kill " + i);
      Map<String, String> after = files(dir);
      after.keySet().removeIf(k -> k.equals(State.PENDING));
      if (!after.equals(done)) {
        failures.add(
            "kill "
                + i
                + " at "
                + at
                + " ms: the re-run did not finish the migration: "
                + diffKeys(after, done));
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(
        interrupted >= KILLS / 2, "most kills must land before the run ends: " + interrupted);
  }

  private static String diffKeys(Map<String, String> a, Map<String, String> b) {
    List<String> out = new ArrayList<>();
    for (String k : new java.util.TreeSet<>(List.copyOf(a.keySet()))) {
      if (!a.get(k).equals(b.get(k))) {
        out.add(k);
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        out.add("missing " + k);
      }
    }
    return String.join(", ", out);
  }
}
