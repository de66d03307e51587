package dev.nixmigrate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool for a test, with a time limit, capturing its output. */
public final class Processes {
  private Processes() {}

  /** Exit code and the merged stdout and stderr of one run. */
  public record Result(int code, String output) {
    public boolean ok() {
      return code == 0;
    }
  }

  public static Result run(Path dir, List<String> command, String stdin, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(dir, java.util.Map.of(), command, stdin, timeoutSeconds);
  }

  /** As {@link #run(Path, List, String, long)}, with variables added to the environment. */
  public static Result run(
      Path dir,
      java.util.Map<String, String> env,
      List<String> command,
      String stdin,
      long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    byte[][] out = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                out[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                out[0] = ("<output unreadable: " + e + ">").getBytes(StandardCharsets.UTF_8);
              }
            });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      return new Result(
          -1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
    }
    reader.join();
    return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
  }

  public static Result run(Path dir, String... command) throws IOException, InterruptedException {
    return run(dir, List.of(command), null, 300);
  }
}
