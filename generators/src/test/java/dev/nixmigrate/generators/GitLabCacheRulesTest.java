package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of step 2's edit of a user's {@code .gitlab-ci.yml}: only jobs that really compile get
 * a cache; a job whose image is not known to install the tool with apt-get, or that runs on a
 * Windows or macOS runner, in MSYS2 or with MSVC, is left with a warning at its line; comments
 * above a key stay above it.
 */
class GitLabCacheRulesTest {
  @TempDir Path repo;

  private Generators.Generation run(String pipeline) throws Exception {
    return GitLabCiEditTest.generate(repo, pipeline, 2, Set.of(2));
  }

  private static String at(String pipeline, String job) {
    return ".gitlab-ci.yml:" + (pipeline.lines().toList().indexOf(job + ":") + 1);
  }

  private static void assertLeft(Generators.Generation gen, String where, String... fragments) {
    assertTrue(
        gen.warnings().stream()
            .anyMatch(
                w ->
                    where.equals(w.file())
                        && Stream.of(fragments).allMatch(f -> w.message().contains(f))
                        && w.message().contains("by hand")),
        where + " " + List.of(fragments) + " in " + gen.warnings());
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rust:1-alpine",
        "rust:alpine3.20",
        "registry.example.com/team/rust-ci:2024-06",
        "$CI_REGISTRY_IMAGE/build:latest",
        "fedora:40",
        "mcr.microsoft.com/windows/servercore:ltsc2022"
      })
  void aJobInAnImageNotKnownToInstallTheToolIsLeft(String image) throws Exception {
    String pipeline =
        "test:\n  image: " + image + "\n  script:\n    - cargo test --workspace --locked\n";
    Generators.Generation gen = run(pipeline);
    assertNull(gen.file(".gitlab-ci.yml"));
    assertLeft(
        gen, ".gitlab-ci.yml:1", "job 'test' gets no compiler cache", "image `" + image + "`");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image: rust:1.80-slim-bookworm",
        "image: docker.io/library/rust:1",
        "image:\n    name: gcc:14\n    entrypoint: [\"\"]",
        "image: python:3.12-bookworm",
        "extends: .rust",
        ""
      })
  void aJobInADebianImageOrTheRunnersDefaultIsWired(String image) throws Exception {
    String pipeline =
        ".rust:\n  image: rust:1\n\ntest:\n  "
            + image
            + "\n  script:\n    - cargo test --workspace --locked\n";
    GeneratedFile edit = run(pipeline).file(".gitlab-ci.yml");
    assertNotNull(edit, image);
    assertTrue(edit.text().contains("apt-get install"), edit.text());
    assertEquals(List.of(), GitLabSchema.errors(edit.text()));
  }

  @Test
  void theImageComesFromExtendsThenDefaultThenTheGlobalKey() throws Exception {
    String defaults =
        """
        default:
          image: alpine:3.20
        .debian:
          image: debian:bookworm
        test:
          extends: [.debian]
          script:
            - cargo test
        build:
          script:
            - cargo build --release
        """;
    Generators.Generation gen = run(defaults);
    assertTrue(gen.file(".gitlab-ci.yml").text().contains("key: compiler-"), "test is wired");
    assertLeft(gen, at(defaults, "build"), "job 'build'", "image `alpine:3.20`");
    String global = "image: alpine:3.20\n\nbuild:\n  script:\n    - cmake -B build\n";
    Generators.Generation g = run(global);
    assertNull(g.file(".gitlab-ci.yml"));
    assertLeft(g, at(global, "build"), "image `alpine:3.20`");
  }

  @Test
  void aWindowsOrMacosRunnerIsLeft() throws Exception {
    String pipeline =
        """
        windows:
          tags: [saas-windows-medium-amd64]
          script:
            - cargo build --locked
        macos:
          image: macos-14-xcode-15
          tags:
            - saas-macos-medium-m1
          script:
            - cmake -B build
            - cmake --build build
        """;
    Generators.Generation gen = run(pipeline);
    assertNull(gen.file(".gitlab-ci.yml"));
    assertLeft(gen, at(pipeline, "windows"), "on a Windows runner (tags: saas-windows");
    assertLeft(gen, at(pipeline, "macos"), "on a macOS runner (tags: saas-macos-medium-m1)");
  }

  @Test
  void msvcAndMsys2OnASelfHostedRunnerAreLeft() throws Exception {
    String pipeline =
        """
        vs:
          tags: [vs2022]
          script:
            - cmake -B build -G "Visual Studio 17 2022" -A x64
            - cmake --build build --config Release
        mingw:
          tags: [build-box]
          script:
            - C:\\msys64\\usr\\bin\\bash.exe -lc "cmake -B build -G Ninja && cmake --build build"
        """;
    Generators.Generation gen = run(pipeline);
    assertNull(gen.file(".gitlab-ci.yml"));
    assertLeft(gen, at(pipeline, "vs"), "builds with MSVC", "Visual Studio 17 2022");
    assertLeft(gen, at(pipeline, "mingw"), "MSYS2 shell");
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
