package dev.nixmigrate.cli;

import dev.nixmigrate.testing.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the built {@code nixmigrate.jar} as a process, for the end-to-end tests. */
public final class JarRunner {
  private JarRunner() {}

  public static Processes.Result run(Path dir, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("nixmigrate.jar")));
    cmd.addAll(List.of(args));
    return Processes.run(dir, env, cmd, null, 180);
  }
}
