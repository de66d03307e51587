package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.read.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimal edits of a user's own {@code .gitlab-ci.yml}: step 2's compiler cache in each job
 * that compiles, step 4's include of nixmigrate's job files; every other byte kept, the result
 * valid against GitLab's schema, a second run with nothing to add, and a refusal with a reason
 * where the file cannot be edited safely.
 */
class GitLabCiEditTest {
  @TempDir Path repo;

  private Generators.Generation run(String pipeline, int step, Set<Integer> steps)
      throws Exception {
    return generate(repo, pipeline, step, steps);
  }

  /** Steps up to {@code step} in {@code repo}, a Rust crate whose pipeline is {@code pipeline}. */
  static Generators.Generation generate(Path repo, String pipeline, int step, Set<Integer> steps)
      throws Exception {
    Files.writeString(
        repo.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n");
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/lib.rs"), "");
    Files.writeString(repo.resolve(".gitlab-ci.yml"), pipeline);
    return Generators.generate(
        RepoScanner.scan(repo),
        Options.defaults(),
        new Selection(step, steps, Set.of(), Set.of(".gitlab-ci.yml")));
  }

  private static final String PIPELINE =
      """
      # our pipeline
      test:
        image: rust:1
        variables:
          RUST_BACKTRACE: "1"
        script:
          # the tests
          - cargo test --locked
      docs:
        script: [echo docs]
      """;

  @Test
  void stepTwoWiresTheCompilingJobAndKeepsEveryOtherByte() throws Exception {
    GeneratedFile edit = run(PIPELINE, 2, Set.of(2)).file(".gitlab-ci.yml");
    assertEquals(GeneratedFile.Mode.EDIT, edit.mode());
    assertEquals(
        """
        # our pipeline
        test:
          image: rust:1
          variables:
            # Added by nixmigrate (step 2)
            RUSTC_WRAPPER: sccache
            CARGO_INCREMENTAL: '0'
            SCCACHE_DIR: $CI_PROJECT_DIR/.cache/sccache
            CACHE_POLICY: pull
            RUST_BACKTRACE: "1"
          # Added by nixmigrate (step 2): the compiler cache, written from the default branch only.
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
              variables:
                CACHE_POLICY: pull-push
            - when: on_success
          cache:
            - key: compiler-9f86d081884c
              paths:
                - .cache/sccache
              policy: $CACHE_POLICY
          script:
            - 'command -v sccache >/dev/null || { apt-get update && apt-get install --yes --no-install-recommends sccache; }'
            # the tests
            - cargo test --locked
        docs:
          script: [echo docs]
        """,
        edit.text());
    assertEquals(List.of(), GitLabSchema.errors(edit.text()));
    // Run again on the edited file: nothing left to add.
    assertNull(run(edit.text(), 2, Set.of(2)).file(".gitlab-ci.yml"));
  }

  @Test
  void stepFourIncludesTheNixJobsOnceInAListOrANewKey() throws Exception {
    String listed = "include:\n  - local: ci/lint.yml\n" + PIPELINE;
    GeneratedFile edit = run(listed, 4, Set.of(3, 4)).file(".gitlab-ci.yml");
    assertTrue(
        edit.text()
            .startsWith(
                "include:\n  - local: ci/lint.yml\n"
                    + "  - local: .gitlab/ci/nix.yml  # Added by nixmigrate\n# our pipeline\n"),
        "<" + edit.text() + ">");
    assertEquals(List.of(), GitLabSchema.errors(edit.text()));
    GeneratedFile added = run(PIPELINE, 4, Set.of(3, 4)).file(".gitlab-ci.yml");
    assertEquals(
        PIPELINE
            + "\n# Added by nixmigrate: its CI jobs, in files of its own.\ninclude:\n"
            + "  - local: .gitlab/ci/nix.yml\n",
        added.text());
    assertNull(run(added.text(), 4, Set.of(3, 4)).file(".gitlab-ci.yml"));
  }

  @Test
  void aJobThatDecidesWhenItRunsIsLeftWithAReason() throws Exception {
    String ruled =
        PIPELINE.replace("  image: rust:1\n", "  image: rust:1\n  rules:\n    - when: manual\n");
    Generators.Generation gen = run(ruled, 2, Set.of(2));
    assertNull(gen.file(".gitlab-ci.yml"));
    assertTrue(
        gen.warnings().stream()
            .anyMatch(
                w ->
                    w.file().equals(".gitlab-ci.yml:2")
                        && w.message().contains("decides when it runs (rules:)")
                        && w.message().contains("by hand")),
        gen.warnings().toString());
  }

  @Test
  void aPipelineWithASpecHeaderIsLeftAloneAndOnlyWarnedOfWhenItNeedsAnEdit() throws Exception {
    String spec = "spec:\n  inputs:\n    stage:\n      default: test\n---\n" + PIPELINE;
    // Step 1 on a pipeline that builds everything: nothing to include, so nothing to say.
    Generators.Generation one = run(spec, 1, Set.of(1));
    assertNull(one.file(".gitlab-ci.yml"));
    assertTrue(one.warnings().stream().noneMatch(w -> w.file().startsWith(".gitlab-ci.yml")));
    Generators.Generation four = run(spec, 4, Set.of(3, 4));
    assertNull(four.file(".gitlab-ci.yml"));
    assertTrue(
        four.warnings().stream().anyMatch(w -> w.message().contains("spec: header")),
        four.warnings().toString());
  }

  @Test
  void anIncludeThatIsNotABlockListIsLeftWithTheLineToAdd() throws Exception {
    Generators.Generation gen = run("include: ci/lint.yml\n" + PIPELINE, 4, Set.of(3, 4));
    assertNull(gen.file(".gitlab-ci.yml"));
    assertTrue(
        gen.warnings().stream()
            .anyMatch(w -> w.message().contains("`- local: .gitlab/ci/nix.yml`")),
        gen.warnings().toString());
  }

  /**
   * A hostile pipeline: a job name and values made to break out of a YAML scalar or a comment. The
   * edit adds only nixmigrate's own text; nothing of the file's reaches a new line but its bytes
   * where they were.
   */
  @Test
  void aHostilePipelineInjectsNothing() throws Exception {
    String hostile =
        "\"x: {a: 1}\\n  evil: [\\\"${{ secrets.T }}\\\"] #\":\n"
            + "  script:\n"
            + "    - \"cargo build\\nrm -rf / # ${{ github.token }}\"\n";
    GeneratedFile edit = run(hostile, 2, Set.of(2)).file(".gitlab-ci.yml");
    List<String> added = edit.text().lines().filter(l -> !hostile.contains(l)).toList();
    for (String line : added) {
      assertTrue(
          line.matches("[ A-Za-z0-9_:'$=./{}|&;>!-]*( #.*)?|\\s*# Added by nixmigrate.*"),
          "an added line holds the file's text: " + line);
      assertTrue(!line.contains("evil") && !line.contains("${{"), line);
    }
    // Still one job with the file's own name and script, plus the wiring.
    List<YamlReader.Leaf> leaves = YamlReader.leaves(edit.text(), ".gitlab-ci.yml");
    assertTrue(
        leaves.stream().anyMatch(l -> l.value().startsWith("cargo build\nrm -rf /")),
        leaves.toString());
    assertTrue(leaves.stream().allMatch(l -> l.path().size() > 1), leaves.toString());
    assertEquals(List.of(), GitLabSchema.errors(edit.text()));
  }
}
