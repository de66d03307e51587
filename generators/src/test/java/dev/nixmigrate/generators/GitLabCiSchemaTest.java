package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GitLab CI file nixmigrate writes or edits, for every example at every step, is valid
 * against GitLab's own CI schema: the pipeline and each file it includes (GitLab reads an included
 * file as a configuration of its own). The validator is shown to reject a broken file, so a pass
 * means something.
 */
class GitLabCiSchemaTest {
  static Stream<Arguments> cases() {
    return Examples.NAMES.stream()
        .flatMap(n -> Examples.STEPS.stream().map(s -> Arguments.of(n, s)));
  }

  static Options gitlab(String name) {
    return Examples.options(name).withCi(CiService.GITLAB);
  }

  /** The GitLab files of a generation, with the repository's own pipeline where it is kept. */
  static List<GeneratedFile> gitlabFiles(Generators.Generation gen) {
    return gen.files().stream()
        .filter(f -> f.path().equals(".gitlab-ci.yml") || f.path().startsWith(".gitlab/"))
        .toList();
  }

  static void assertValid(GeneratedFile f) {
    assertEquals(List.of(), GitLabSchema.errors(f.text()), f.path() + ":\n" + f.text());
  }

  @ParameterizedTest(name = "{0} step {1}")
  @MethodSource("cases")
  void everyGeneratedFileFollowsGitLabsSchema(String name, int step) {
    RepoFacts facts = RepoScanner.scan(Examples.repo(name));
    Generators.Generation gen = Generators.generate(facts, gitlab(name), step);
    List<GeneratedFile> files = gitlabFiles(gen);
    // A repository whose own pipeline builds it gets nixmigrate's GitLab files from step 4 on.
    boolean ownPipeline = Files.exists(Examples.repo(name).resolve(".gitlab-ci.yml"));
    assertEquals(
        !ownPipeline || step >= 4,
        !files.isEmpty(),
        name + " step " + step + ": " + files.stream().map(GeneratedFile::path).toList());
    files.forEach(GitLabCiSchemaTest::assertValid);
    // The pipeline includes every job file written beside it.
    String pipeline =
        files.stream()
            .filter(f -> f.path().equals(".gitlab-ci.yml"))
            .map(GeneratedFile::text)
            .findFirst()
            .orElse("");
    files.stream()
        .filter(f -> f.path().startsWith(".gitlab/"))
        .forEach(
            f ->
                assertTrue(
                    pipeline.contains("- local: " + f.path()),
                    ".gitlab-ci.yml does not include " + f.path() + ":\n" + pipeline));
  }

  /**
   * A repository whose own pipeline builds it, brought to each step as a run does it: the earlier
   * steps its files do are not redone, and its pipeline is edited (cache, includes), not replaced.
   */
  @ParameterizedTest(name = "rust-gitlab to step {0}")
  @MethodSource("steps")
  void theEditsOfTheUsersPipelineFollowGitLabsSchema(int step) {
    RepoFacts facts = RepoScanner.scan(Examples.repo("rust-gitlab"));
    Set<Integer> steps = new TreeSet<>();
    IntStream.rangeClosed(2, step).forEach(steps::add);
    Selection own = new Selection(step, steps, Set.of(), Set.of(".gitlab-ci.yml"));
    Generators.Generation gen = Generators.generate(facts, Examples.options("rust-gitlab"), own);
    for (GeneratedFile f : gitlabFiles(gen)) {
      assertValid(f);
    }
    GeneratedFile pipeline = gen.file(".gitlab-ci.yml");
    if (step >= 2) {
      assertEquals(GeneratedFile.Mode.EDIT, pipeline.mode());
      assertTrue(pipeline.text().contains("RUSTC_WRAPPER: sccache"), pipeline.text());
    }
    if (step >= 4) {
      assertTrue(pipeline.text().contains("- local: .gitlab/ci/nix.yml"), pipeline.text());
    }
  }

  static IntStream steps() {
    return IntStream.rangeClosed(2, 5);
  }

  /**
   * Each job's script, its lines run in one shell as GitLab's runner does, passes shellcheck
   * (warnings and errors; the runner's bash sources rustup's environment file, which shellcheck
   * cannot follow).
   */
  @ParameterizedTest(name = "{0} step {1}")
  @MethodSource("cases")
  void everyJobScriptPassesShellcheck(String name, int step) throws Exception {
    RepoFacts facts = RepoScanner.scan(Examples.repo(name));
    assertEquals(
        List.of(), scriptFindings(gitlabFiles(Generators.generate(facts, gitlab(name), step))));
  }

  /** shellcheck's findings in each job's script of the files, with the script. */
  static List<String> scriptFindings(List<GeneratedFile> files) throws Exception {
    Path shellcheck = dev.nixmigrate.testing.Tools.require("shellcheck");
    List<String> failures = new ArrayList<>();
    for (GeneratedFile f : files) {
      Object doc =
          new org.snakeyaml.engine.v2.api.Load(
                  org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
              .loadFromString(f.text());
      for (Object job : ((java.util.Map<?, ?>) doc).values()) {
        if (job instanceof java.util.Map<?, ?> m && m.get("script") instanceof List<?> lines) {
          String script = String.join("\n", lines.stream().map(String::valueOf).toList()) + "\n";
          dev.nixmigrate.testing.Processes.Result r =
              dev.nixmigrate.testing.Processes.run(
                  null,
                  List.of(shellcheck.toString(), "--shell=bash", "--severity=warning", "-"),
                  script,
                  60);
          if (!r.ok()) {
            failures.add(f.path() + ":\n" + script + r.output());
          }
        }
      }
    }
    return failures;
  }

  @Test
  void theValidatorRejectsABrokenFileAndAcceptsItsRepair() {
    String broken =
        "test:\n"
            + "  image: rust:1\n"
            + "  cache:\n"
            + "    - key: sccache\n"
            + "      paths: [.cache/sccache]\n"
            + "      policy: sometimes\n"
            + "  script: cargo test\n"
            + "  rules:\n"
            + "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
            + "      when: whenever\n";
    List<String> errors = GitLabSchema.errors(broken);
    assertFalse(errors.isEmpty(), "the schema accepted a cache policy and a rule it has not");
    String repaired = broken.replace("sometimes", "pull").replace("whenever", "on_success");
    assertEquals(List.of(), GitLabSchema.errors(repaired));
    // A job with no script and an unknown keyword is not a job.
    assertFalse(GitLabSchema.errors("build:\n  image: rust:1\n  runs-on: ubuntu\n").isEmpty());
  }

  @ParameterizedTest(name = "{0} step {1}")
  @MethodSource("cases")
  void theJustfileIsTheSameForEitherService(String name, int step) {
    RepoFacts facts = RepoScanner.scan(Examples.repo(name));
    GeneratedFile github =
        Generators.generate(facts, Examples.options(name).withCi(CiService.GITHUB), step)
            .file("justfile");
    GeneratedFile gitlab = Generators.generate(facts, gitlab(name), step).file("justfile");
    assertEquals(github.text(), gitlab.text());
  }

  @Test
  void aRepositoryWithNoCiGetsGitLabsFilesWhenItsRemoteIsOnGitLab() throws Exception {
    Path dir = Files.createTempDirectory("gitlab-remote");
    dev.nixmigrate.testing.TreeCopy.copy(Examples.repo("python-uv"), dir);
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(
        dir.resolve(".git/config"),
        "[remote \"origin\"]\n\turl = git@gitlab.example.org:team/greeting.git\n");
    RepoFacts facts = RepoScanner.scan(dir);
    List<String> paths = new ArrayList<>();
    Generators.generate(facts, Options.defaults(), 4).files().forEach(f -> paths.add(f.path()));
    assertTrue(paths.contains(".gitlab-ci.yml"), paths.toString());
    assertTrue(paths.contains(".gitlab/ci/build.yml"), paths.toString());
    assertTrue(paths.contains(".gitlab/ci/nix.yml"), paths.toString());
    assertFalse(paths.stream().anyMatch(p -> p.startsWith(".github/")), paths.toString());
    // --ci github wins over what the repository shows.
    List<String> github = new ArrayList<>();
    Generators.generate(facts, Options.defaults().withCi(CiService.GITHUB), 4)
        .files()
        .forEach(f -> github.add(f.path()));
    assertTrue(github.contains(".github/workflows/ci.yml"), github.toString());
    assertFalse(github.contains(".gitlab-ci.yml"), github.toString());
  }
}
