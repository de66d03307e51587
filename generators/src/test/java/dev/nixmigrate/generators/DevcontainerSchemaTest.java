package dev.nixmigrate.generators;

import static dev.nixmigrate.generators.PublishedSchemas.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .devcontainer/devcontainer.json} is valid against the dev container spec's schema, sets
 * only options the Nix feature declares, with their types, and its postCreateCommand passes
 * shellcheck; broken copies are rejected.
 */
class DevcontainerSchemaTest {
  static final String PATH = ".devcontainer/devcontainer.json";
  static final String BASE = "devContainer.base.schema.json";

  @TempDir Path temp;

  static Stream<Arguments> examples() {
    return Examples.NAMES.stream().flatMap(n -> Stream.of(3, 4, 5).map(s -> Arguments.of(n, s)));
  }

  private static String generated(String example, int step) {
    GeneratedFile f = Examples.generate(example, step).file(PATH);
    assertTrue(f != null, example + " step " + step + " has no " + PATH);
    return f.text();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void eachExampleFollowsTheSpecAndTheFeature(String example, int step) {
    String text = generated(example, step);
    assertEquals(List.of(), errors(BASE, PublishedSchemas.json(text)), text);
    assertEquals(List.of(), featureErrors(PublishedSchemas.json(text)), text);
  }

  /** Every corpus fixture's dev container, at step 3 and at step 5 with a binary cache. */
  @Test
  void eachCorpusFixtureFollowsTheSpec() throws Exception {
    List<Path> dirs = PublishedSchemas.corpusFixtures();
    Options cached =
        Options.defaults()
            .withBinaryCache(
                BinaryCache.parse("cachix:demo"), "demo.cachix.org-1:" + "C".repeat(43) + "=");
    for (Path dir : dirs) {
      for (Options o : List.of(Options.defaults(), cached)) {
        String text = Generators.generate(RepoScanner.scan(dir), o, 5).file(PATH).text();
        JsonNode doc = PublishedSchemas.json(text);
        assertEquals(List.of(), errors(BASE, doc), dir + "\n" + text);
        assertEquals(List.of(), featureErrors(doc), dir + "\n" + text);
      }
    }
  }

  @Test
  void theFeatureCopyFollowsTheFeatureSchema() {
    JsonNode feature =
        PublishedSchemas.json(PublishedSchemas.text("nix.devcontainer-feature.json"));
    assertEquals(List.of(), errors("devContainerFeature.schema.json", feature));
    ObjectNode broken = (ObjectNode) feature.deepCopy();
    broken.remove("id");
    assertFalse(errors("devContainerFeature.schema.json", broken).isEmpty(), "no id accepted");
  }

  @Test
  void brokenCopiesAreRejected() {
    String text = generated("polyglot", 3);
    ObjectNode unknownKey = (ObjectNode) PublishedSchemas.json(text);
    unknownKey.put("nixShell", true);
    assertFalse(errors(BASE, unknownKey).isEmpty(), "an unknown key: " + unknownKey);
    ObjectNode wrongType = (ObjectNode) PublishedSchemas.json(text);
    wrongType.put("postCreateCommand", 5);
    assertFalse(errors(BASE, wrongType).isEmpty(), "a number for a command: " + wrongType);
    ObjectNode badEnv = (ObjectNode) PublishedSchemas.json(text);
    ((ObjectNode) badEnv.get("remoteEnv")).put("CCACHE_DIR", 1);
    assertFalse(errors(BASE, badEnv).isEmpty(), "a number in remoteEnv: " + badEnv);

    ObjectNode invented = (ObjectNode) PublishedSchemas.json(text);
    ((ObjectNode) invented.get("features").get(feature())).put("flakes", true);
    assertFalse(featureErrors(invented).isEmpty(), "an option the feature lacks: " + invented);
    ObjectNode stringFlag = (ObjectNode) PublishedSchemas.json(text);
    ((ObjectNode) stringFlag.get("features").get(feature())).put("multiUser", "yes");
    assertFalse(featureErrors(stringFlag).isEmpty(), "a string for a boolean: " + stringFlag);
  }

  /** The feature reference the copy's id and version make: {@code ghcr.io/.../nix:1}. */
  private static String feature() {
    JsonNode f = PublishedSchemas.json(PublishedSchemas.text("nix.devcontainer-feature.json"));
    return "ghcr.io/devcontainers/features/"
        + f.get("id").asString()
        + ":"
        + f.get("version").asString().split("\\.")[0];
  }

  /** What is wrong with the Nix feature's entry: missing, or an option it lacks or mistypes. */
  static List<String> featureErrors(JsonNode doc) {
    JsonNode declared =
        PublishedSchemas.json(PublishedSchemas.text("nix.devcontainer-feature.json"))
            .get("options");
    List<String> out = new ArrayList<>();
    JsonNode set = doc.get("features") == null ? null : doc.get("features").get(feature());
    if (set == null) {
      return List.of("no " + feature() + " in features");
    }
    for (Map.Entry<String, JsonNode> e : set.properties()) {
      JsonNode option = declared.get(e.getKey());
      if (option == null) {
        out.add("the feature has no option " + e.getKey());
        continue;
      }
      String type = option.get("type").asString();
      boolean ok = type.equals("boolean") ? e.getValue().isBoolean() : e.getValue().isString();
      if (!ok) {
        out.add(e.getKey() + " must be a " + type);
      }
    }
    return out;
  }

  @Test
  void postCreateCommandPassesShellcheck() throws Exception {
    Path shellcheck = Tools.require("shellcheck");
    List<String> texts = List.of(generated("polyglot", 3), withUsersEnvrc());
    for (int i = 0; i < texts.size(); i++) {
      String cmd = PublishedSchemas.json(texts.get(i)).get("postCreateCommand").asString();
      Path script = temp.resolve("post-create-" + i + ".sh");
      Files.writeString(script, "#!/bin/sh\n" + cmd + "\n");
      Processes.Result r =
          Processes.run(temp, List.of(shellcheck.toString(), script.toString()), null, 60);
      assertTrue(r.ok(), cmd + "\n" + r.output());
    }
  }

  /** The dev container of a repository whose {@code .envrc} is the user's own. */
  private String withUsersEnvrc() throws Exception {
    Path repo = temp.resolve("repo");
    if (!Files.exists(repo)) {
      TreeCopy.copy(Examples.repo("python-uv"), repo);
      Files.writeString(repo.resolve(".envrc"), "use nix\n");
    }
    Selection s =
        new Selection(3, java.util.Set.of(1, 2, 3), java.util.Set.of(), java.util.Set.of(".envrc"));
    return Generators.generate(RepoScanner.scan(repo), Options.defaults(), s).file(PATH).text();
  }

  @Test
  void aUsersDirenvFileIsNotAllowedForThem() throws Exception {
    String text = withUsersEnvrc();
    assertFalse(text.contains("direnv allow"), text);
    assertTrue(text.contains("nix develop --command true"), text);
  }

  @Test
  void turnedOffItIsNotWritten() {
    var gen =
        Generators.generate(
            RepoScanner.scan(Examples.repo("cpp-cmake")),
            Options.defaults().withDevcontainer(false),
            3);
    assertNull(gen.file(PATH));
    assertTrue(gen.owned().contains(PATH), "a file written before is then removed");
    assertFalse(
        gen.file(".gitignore").text().contains(".devcontainer/"), gen.file(".gitignore").text());
  }
}
