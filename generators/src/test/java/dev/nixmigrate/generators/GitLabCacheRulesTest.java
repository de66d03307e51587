package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of step 2's edit of a user's {@code .gitlab-ci.yml}: only jobs that really compile get
 * a cache; comments above a key stay above it.
 */
class GitLabCacheRulesTest {
  @TempDir Path repo;

  private Generators.Generation run(String pipeline) throws Exception {
    return GitLabCiEditTest.generate(repo, pipeline, 2, Set.of(2));
  }

  @Test
  void jobsThatCompileNothingAreNotEdited() throws Exception {
    String pipeline =
        """
        stages: [lint, test]

        fmt:
          stage: lint
          image: rust:1
          script:
            - rustup component add rustfmt
            - cargo fmt --all -- --check

        audit:
          stage: lint
          image: rust:1
          script:
            - cargo install cargo-audit --locked
            - cargo audit

        tools:
          stage: test
          image: ubuntu:24.04
          script:
            - apt-get update && apt-get install -y --no-install-recommends cmake ninja-build
            - cmake --version
            # cmake -B build runs in the nightly pipeline
        """;
    Generators.Generation gen = run(pipeline);
    assertNull(gen.file(".gitlab-ci.yml"));
    assertTrue(
        gen.warnings().stream().noneMatch(w -> String.valueOf(w.file()).startsWith(".gitlab-ci")),
        gen.warnings().toString());
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
