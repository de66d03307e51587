package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of step 2's edit of a user's {@code .gitlab-ci.yml}: comments above a key stay above
 * it.
 */
class GitLabCacheRulesTest {
  @TempDir Path repo;

  private Generators.Generation run(String pipeline) throws Exception {
    return GitLabCiEditTest.generate(repo, pipeline, 2, Set.of(2));
  }

  @Test
  void commentsStayDirectlyAboveTheKeysAndItemsTheyDescribe() throws Exception {
    String before =
        """
        # The tests.
        test:
          # Debian-based, with rustup.
          image: rust:1
          variables:
            # Backtraces when a test panics.
            RUST_BACKTRACE: "1"
          # What the job runs.
          script:
            # The tests, with the lock as committed.
            - cargo test --locked
        """;
    GeneratedFile edit = run(before).file(".gitlab-ci.yml");
    List<String> was = before.lines().toList();
    List<String> now = edit.text().lines().toList();
    for (int i = 0; i + 1 < was.size(); i++) {
      if (was.get(i).strip().startsWith("#")) {
        assertEquals(was.get(i + 1), now.get(now.indexOf(was.get(i)) + 1), edit.text());
      }
    }
    assertEquals(List.of(), GitLabSchema.errors(edit.text()));
  }
}
