package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.StepCatalog;
import dev.nixmigrate.generators.TemplateEngine;
import dev.nixmigrate.generators.Warning;
import dev.nixmigrate.generators.Warnings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the workflow edit: the comments above a key or a step stay above it. */
class WorkflowCacheRulesTest {
  /** Comments above every key and step the edit inserts before. */
  private static final String COMMENTED =
      """
        name: ci
        on: [push]
        permissions: {}
        jobs:
          # The tests, on Linux.
          test:
            # A small runner is enough.
            runs-on: ubuntu-latest
            # For every step.
            env:
              # Backtraces when a test panics.
              RUST_BACKTRACE: "1"
            # What the job does.
            steps:
              # Fetch the code.
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
              - run: |
                  echo prepare
                  # not a comment: the script's own line
              # Build before testing.
              - run: cargo build --locked
          build:
            runs-on: ubuntu-latest
            # Steps, with no env block before them.
            steps:
              # The first step compiles.
              - run: cmake -B build
        """;

  /** The result of one edit: the edited text or null, and the warnings. */
  private record Result(String text, List<Warning> warnings) {}

  private static Result edit(String workflow) {
    Generator.Context ctx =
        new Generator.Context(
            new TemplateEngine(null), new Warnings(), Selection.upTo(2), StepCatalog.STANDARD);
    WorkflowCacheEditor.Edit e =
        WorkflowCacheEditor.edit(workflow, "ci.yml", CompilerCache.CCACHE, CacheStorage.CI, ctx);
    return new Result(e == null ? null : e.text(), ctx.warnings().all());
  }

  @Test
  void commentsStayDirectlyAboveTheKeysAndStepsTheyDescribe() {
    String before = COMMENTED;
    String after = edit(before).text();
    assertEquals(
        """
        name: ci
        on: [push]
        permissions: {}
        jobs:
          # The tests, on Linux.
          test:
            # A small runner is enough.
            runs-on: ubuntu-latest
            # For every step.
            env:
              # Compiler cache (added by nixmigrate, step 2)
              RUSTC_WRAPPER: sccache
              CARGO_INCREMENTAL: '0'
              SCCACHE_GHA_ENABLED: 'true'
              SCCACHE_GHA_RW_MODE: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch && 'READ_WRITE' || 'READ_ONLY' }}
              # Backtraces when a test panics.
              RUST_BACKTRACE: "1"
            # What the job does.
            steps:
              # Fetch the code.
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
              - run: |
                  echo prepare
                  # not a comment: the script's own line
              - name: Set up sccache
                uses: %s
              # Build before testing.
              - run: cargo build --locked
          build:
            runs-on: ubuntu-latest
            env:
              # Compiler cache (added by nixmigrate, step 2)
              CCACHE_BASEDIR: ${{ github.workspace }}
              CCACHE_NOHASHDIR: 'true'
              CMAKE_C_COMPILER_LAUNCHER: ccache
              CMAKE_CXX_COMPILER_LAUNCHER: ccache
            # Steps, with no env block before them.
            steps:
              - name: Set up ccache
                uses: %s
                with:
                  key: 'build-${{ runner.os }}-${{ strategy.job-index }}'
                  save: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}
              # The first step compiles.
              - run: cmake -B build
        """
            .formatted(
                ActionPins.uses("mozilla-actions/sccache-action"),
                ActionPins.uses("hendrikmuhs/ccache-action")),
        after);
    // The property itself: each comment line is followed by the line it was followed by before.
    List<String> was = before.lines().toList();
    List<String> now = after.lines().toList();
    for (int i = 0; i + 1 < was.size(); i++) {
      if (was.get(i).strip().startsWith("#") && !was.get(i).contains("not a comment")) {
        assertEquals(was.get(i + 1), now.get(now.indexOf(was.get(i)) + 1), was.get(i));
      }
    }
  }
}
