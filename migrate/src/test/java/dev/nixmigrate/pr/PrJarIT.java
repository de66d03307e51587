package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nixmigrate pr} from the built jar, as a scheduled job runs it: a token in the environment,
 * a real git server and a fake GitHub. Its output, in every outcome, holds no token.
 */
class PrJarIT {
  @TempDir Path temp;

  private static Processes.Result jar(Path dir, Map<String, String> env, String... args)
      throws Exception {
    return dev.nixmigrate.cli.JarRunner.run(dir, env, args);
  }

  @Test
  void thePrCommandOpensThenKeepsOnePullRequestAndNeverPrintsTheToken() throws Exception {
    Tools.require("git");
    String canary = "canary-" + UUID.randomUUID();
    BotFixture.seed(temp);
    try (GitHttpServer git = new GitHttpServer(temp.resolve("srv"), "x-access-token", canary);
        FakeForge forge = new FakeForge(false, "o/r", canary)) {
      Path clone = BotFixture.cloneOf(git, temp.resolve("clone"), canary);
      String[] args = {
        "pr", "--step", "1", "--forge", "github", "--api-url", forge.api(), "--repo", "o/r"
      };
      Map<String, String> env = Map.of("GITHUB_TOKEN", canary);

      Processes.Result first = jar(clone, env, args);
      assertEquals(0, first.code(), first.output());
      assertTrue(
          first.output().contains("opened https://github.example/o/r/pull/1"), first.output());
      Processes.Result second = jar(clone, env, args);
      assertEquals(0, second.code(), second.output());
      assertTrue(second.output().contains("up to date"), second.output());

      forge.fault("GET", "/repos/o/r$", 401, Map.of(), "{\"message\": \"Bad credentials\"}");
      Processes.Result denied = jar(clone, env, args);
      assertEquals(4, denied.code(), denied.output());
      assertTrue(denied.output().contains("token is not valid"), denied.output());
      assertFalse(denied.output().contains("Exception"), denied.output());

      Processes.Result noToken =
          jar(
              clone,
              Map.of(),
              "pr",
              "--step",
              "1",
              "--forge",
              "github",
              "--api-url",
              forge.api(),
              "--repo",
              "o/r",
              "--token-env",
              "NIXMIGRATE_NO_SUCH_VAR");
      assertEquals(2, noToken.code(), noToken.output());

      for (Processes.Result r : List.of(first, second, denied, noToken)) {
        assertFalse(r.output().contains(canary), "the token was printed: " + r.output());
      }
      assertFalse(Files.readString(clone.resolve(".git/config")).contains(canary));
      assertEquals(List.of(), forge.unexpected);
    }
  }
}
