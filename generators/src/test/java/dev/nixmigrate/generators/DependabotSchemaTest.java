package dev.nixmigrate.generators;

import static dev.nixmigrate.generators.PublishedSchemas.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.TreeCopy;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .github/dependabot.yml} is valid against SchemaStore's dependabot-2.0 schema, names the
 * ecosystems the repository has, and is not written where Renovate or the user's own file is.
 */
class DependabotSchemaTest {
  static final String PATH = ".github/dependabot.yml";
  static final String SCHEMA = "dependabot-2.0.json";

  @TempDir Path temp;

  static Stream<Arguments> examples() {
    return Examples.NAMES.stream()
        .flatMap(n -> Examples.STEPS.stream().map(s -> Arguments.of(n, s)));
  }

  private static List<String> ecosystems(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.get("updates").forEach(u -> out.add(u.get("package-ecosystem").asString()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("examples")
  void eachExampleFollowsTheSchema(String example, int step) {
    Generators.Generation gen = Examples.generate(example, step);
    if (!Examples.GITHUB.contains(example)) {
      // GitLab has no Dependabot: its example gets none.
      assertEquals(null, gen.file(PATH), example);
      return;
    }
    String text = gen.file(PATH).text();
    JsonNode doc = PublishedSchemas.yaml(text);
    assertEquals(List.of(), errors(SCHEMA, doc), text);
    List<String> eco = ecosystems(doc);
    assertTrue(eco.contains("github-actions"), text);
    assertEquals(step >= 3, eco.contains("nix"), "flake.lock from step 3: " + text);
    assertEquals(step >= 3, eco.contains("devcontainers"), "the dev container's: " + text);
  }

  @Test
  void theEcosystemsAreThoseOfTheManifests() {
    assertEquals(
        List.of("github-actions", "uv"),
        ecosystems(PublishedSchemas.yaml(Examples.generate("python-uv", 1).file(PATH).text())));
    assertEquals(
        List.of("cargo", "devcontainers", "github-actions", "nix", "pip"),
        ecosystems(PublishedSchemas.yaml(Examples.generate("polyglot", 3).file(PATH).text())));
  }

  @Test
  void eachCorpusFixtureFollowsTheSchema() throws Exception {
    List<Path> dirs = PublishedSchemas.corpusFixtures();
    for (Path dir : dirs) {
      GeneratedFile f =
          Generators.generate(RepoScanner.scan(dir), Options.defaults(), 3).file(PATH);
      if (f == null) {
        continue; // a fixture with Renovate's configuration or a GitLab-only CI
      }
      assertEquals(
          List.of(), errors(SCHEMA, PublishedSchemas.yaml(f.text())), dir + "\n" + f.text());
    }
  }

  @Test
  void brokenCopiesAreRejected() {
    String text = Examples.generate("polyglot", 3).file(PATH).text();
    ObjectNode invented = (ObjectNode) PublishedSchemas.yaml(text);
    ((ObjectNode) invented.get("updates").get(0)).put("package-ecosystem", "nixpkgs");
    assertFalse(errors(SCHEMA, invented).isEmpty(), "an invented ecosystem: " + invented);
    ObjectNode noSchedule = (ObjectNode) PublishedSchemas.yaml(text);
    ((ObjectNode) noSchedule.get("updates").get(0)).remove("schedule");
    assertFalse(errors(SCHEMA, noSchedule).isEmpty(), "no schedule: " + noSchedule);
    ObjectNode version1 = (ObjectNode) PublishedSchemas.yaml(text);
    version1.put("version", 1);
    assertFalse(errors(SCHEMA, version1).isEmpty(), "version 1: " + version1);
  }

  private Path copy(String example) throws Exception {
    Path repo = temp.resolve(example);
    TreeCopy.copy(Examples.repo(example), repo);
    return repo;
  }

  @ParameterizedTest
  @ValueSource(strings = {"renovate.json", ".github/renovate.json5", ".renovaterc"})
  void renovateIsLeftInCharge(String config) throws Exception {
    Path repo = copy("rust-workspace");
    Files.createDirectories(repo.resolve(config).getParent());
    Files.writeString(repo.resolve(config), "{}\n");
    var gen = Generators.generate(RepoScanner.scan(repo), Options.defaults(), 3);
    assertNull(gen.file(PATH));
    // A JSON configuration gets the edit that turns on the nix manager; JSON5 a warning.
    if (config.endsWith(".json5")) {
      assertTrue(
          gen.warnings().stream()
              .anyMatch(w -> config.equals(w.file()) && w.message().contains("Renovate")),
          gen.warnings().toString());
    } else {
      assertEquals(GeneratedFile.Mode.EDIT, gen.file(config).mode());
    }
  }

  @Test
  void aUsersYamlSpellingIsLeftAlone() throws Exception {
    Path repo = copy("python-uv");
    Files.createDirectories(repo.resolve(".github"));
    Files.writeString(repo.resolve(".github/dependabot.yaml"), "version: 2\nupdates: []\n");
    var gen = Generators.generate(RepoScanner.scan(repo), Options.defaults(), 1);
    assertNull(gen.file(PATH));
    assertTrue(
        gen.warnings().stream().anyMatch(w -> ".github/dependabot.yaml".equals(w.file())),
        gen.warnings().toString());
  }

  @Test
  void gitLabOnlyAndTurnedOffGetNone() throws Exception {
    Path repo = copy("cpp-cmake");
    Files.writeString(repo.resolve(".gitlab-ci.yml"), "test:\n  script: [ctest]\n");
    assertNull(Generators.generate(RepoScanner.scan(repo), Options.defaults(), 1).file(PATH));
    assertNull(
        Generators.generate(
                RepoScanner.scan(Examples.repo("cpp-cmake")),
                Options.defaults().withDependabot(false),
                1)
            .file(PATH));
  }
}
