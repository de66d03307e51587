package dev.nixmigrate.cli;

import static dev.nixmigrate.cli.JsonSchemas.assertValid;
import static dev.nixmigrate.cli.JsonSchemas.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.json.FactsJson;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.migrate.Plan;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.TreeCopy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every command's {@code --json}, run on the examples, is valid against its schema in docs/schema;
 * the schemas are strict enough to reject a wrong type, a missing key and an unknown one; and the
 * jar ships docs/schema as it is.
 */
class JsonSchemaTest {
  @TempDir Path temp;

  /** Each schema and the constant that its {@code schemaVersion} must equal. */
  private static final Map<String, Integer> VERSIONS =
      Map.of(
          "detect.schema.json", FactsJson.SCHEMA_VERSION,
          "status.schema.json", FactsJson.SCHEMA_VERSION,
          "steps.schema.json", StepsCommand.SCHEMA_VERSION,
          "changes.schema.json", ChangesJson.SCHEMA_VERSION,
          "plan.schema.json", Plan.SCHEMA_VERSION,
          "verify.schema.json", VerifyCommand.SCHEMA_VERSION,
          "pr.schema.json", PrCommand.SCHEMA_VERSION);

  private static Path example(String name) {
    return Goldens.root().resolve("examples").resolve(name).resolve("repo");
  }

  private static Path docs() {
    return Goldens.root().resolve("docs/schema");
  }

  /** The output of a command that must exit with {@code code}. */
  private static String json(int code, Object... args) {
    CliTest.Run r = CliTest.run(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    assertEquals(code, r.code(), Arrays.toString(args) + "\n" + r.err() + r.out());
    return r.out();
  }

  private Path copy(String name) throws Exception {
    Path repo = temp.resolve(name);
    TreeCopy.copy(example(name), repo);
    TestRepo.commitAll(repo, "initial");
    return repo;
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot"})
  void detectAndStatusFollowTheirSchemas(String name) {
    assertValid("detect.schema.json", json(0, "detect", example(name), "--json"));
    String status = json(0, "status", example(name), "--json");
    assertValid("status.schema.json", status);
    assertFalse(
        errors("detect.schema.json", status).isEmpty(),
        "detect's shape is closed: status's steps are not part of it");
  }

  /** The corpus's real-world manifests: more of the shape's corners than the examples reach. */
  @Test
  void statusOfEachCorpusFixtureFollowsItsSchema() throws IOException {
    Path fixtures = Goldens.root().resolve("core/src/test/resources/corpus/fixtures");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(fixtures)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(dirs.isEmpty());
    for (Path dir : dirs) {
      CliTest.Run r = CliTest.run("status", dir.toString(), "--json");
      assertEquals(List.of(), errors("status.schema.json", r.out()), dir.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"python-uv", "rust-workspace", "cpp-cmake", "polyglot"})
  void planStepCheckAndASavedPlanFollowTheirSchemas(String name) throws Exception {
    Path repo = copy(name);
    assertValid("changes.schema.json", json(0, "check", repo, "--json"));
    Path saved = temp.resolve(name + ".plan.json");
    assertValid("changes.schema.json", json(0, "plan", 3, repo, "--json", "--out", saved));
    assertValid("plan.schema.json", Files.readString(saved, StandardCharsets.UTF_8));
    assertValid("changes.schema.json", json(0, "step", 3, repo, "--edit-existing", "--json"));
    assertValid("changes.schema.json", json(0, "check", repo, "--json"));
    assertValid(
        "changes.schema.json",
        json(ExitCode.FINDINGS, "check", repo, "--json", "--system", "x86_64-linux"));
    // Steps taken: evidence with kinds, and steps that lack nothing (missing is null).
    assertValid("status.schema.json", json(0, "status", repo, "--json"));
  }

  @Test
  void stepsFollowsItsSchema() {
    assertValid("steps.schema.json", json(0, "steps", "--json"));
  }

  @Test
  void verifyFollowsItsSchema() throws Exception {
    Path repo = copy("python-uv");
    assertValid("verify.schema.json", json(0, "verify", repo, "--json"));
    json(0, "step", 1, repo);
    String checks = json(0, "verify", repo, "--json");
    assertValid("verify.schema.json", checks);
    assertFalse(JsonSchemas.MAPPER.readTree(checks).get("checks").isEmpty(), checks);
  }

  @Test
  void aPullRequestDryRunFollowsItsSchema() throws Exception {
    Path origin = copy("python-uv");
    Path clone = temp.resolve("clone");
    Git.cloneRepository()
        .setURI(origin.toUri().toString())
        .setDirectory(clone.toFile())
        .call()
        .close();
    String out =
        json(
            0,
            "pr",
            "--step",
            1,
            clone,
            "--dry-run",
            "--json",
            "--forge",
            "github",
            "--repo",
            "o/r",
            "--api-url",
            "http://127.0.0.1:9");
    assertValid("pr.schema.json", out);
    JsonNode pr = JsonSchemas.MAPPER.readTree(out);
    assertEquals("planned", pr.get("result").asString());
    assertTrue(pr.get("url").isNull(), out);
    assertEquals("nixmigrate: step 1, CI-defined builds", pr.get("title").asString(), out);
    assertTrue(pr.get("body").asString().contains("## What changes"), out);
  }

  /** {@code doc} is valid, and {@code schema} rejects it once {@code breakIt} has changed it. */
  private static void rejects(
      String schema, String doc, String what, Consumer<ObjectNode> breakIt) {
    assertValid(schema, doc);
    ObjectNode broken = (ObjectNode) JsonSchemas.MAPPER.readTree(doc);
    breakIt.accept(broken);
    assertFalse(errors(schema, broken).isEmpty(), schema + " accepts " + what + ":\n" + broken);
  }

  private static ObjectNode python(ObjectNode facts) {
    return (ObjectNode) facts.get("projects").get(0).get("python");
  }

  private static ObjectNode firstStep(ObjectNode status) {
    return (ObjectNode) status.get("steps").get(0);
  }

  @Test
  void aWrongDocumentIsRejected() {
    String detect = json(0, "detect", example("polyglot"), "--json");
    String d = "detect.schema.json";
    rejects(d, detect, "a string schemaVersion", j -> j.put("schemaVersion", "2"));
    rejects(d, detect, "another schemaVersion", j -> j.put("schemaVersion", 1));
    rejects(d, detect, "no root", j -> j.remove("root"));
    rejects(d, detect, "an unknown key", j -> j.put("extra", true));
    rejects(d, detect, "an unknown key in python", j -> python(j).put("extra", true));
    rejects(d, detect, "a number for requiresPython", j -> python(j).put("requiresPython", 3));
    rejects(d, detect, "an empty string for null", j -> python(j).put("testScript", ""));
    rejects(d, detect, "an unknown build backend", j -> python(j).put("buildBackend", "scons"));

    String status = json(0, "status", example("python-uv"), "--json");
    String s = "status.schema.json";
    rejects(
        s,
        status,
        "missing as prose",
        j -> firstStep(j).put("missing", "no CI workflow builds the repository"));
    rejects(s, status, "missing as an empty string", j -> firstStep(j).put("missing", ""));
    rejects(
        s,
        status,
        "an unknown kind of evidence",
        j -> ((ObjectNode) firstStep(j).get("missing")).putArray("absent").add("ci-thing"));
    rejects(s, status, "no currentStep", j -> j.remove("currentStep"));
    rejects(s, status, "an unknown key beside steps", j -> j.put("extra", 1));

    String plan = json(0, "plan", 1, example("python-uv"), "--json");
    String c = "changes.schema.json";
    rejects(c, plan, "no schemaVersion", j -> j.remove("schemaVersion"));
    rejects(
        c,
        plan,
        "a string for creates",
        j -> ((ObjectNode) j.get("changes").get(0)).put("creates", "yes"));
    rejects(c, plan, "an unknown outcome", j -> j.put("outcome", "done"));
  }

  private static List<String> docsNames() throws IOException {
    try (Stream<Path> files = Files.list(docs())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theJarShipsDocsSchemaAsItIs() throws IOException, URISyntaxException {
    assertEquals(VERSIONS.keySet().stream().sorted().toList(), docsNames());
    Path shipped =
        Path.of(
            Objects.requireNonNull(JsonSchemas.class.getResource(JsonSchemas.RESOURCES)).toURI());
    try (Stream<Path> files = Files.list(shipped)) {
      assertEquals(docsNames(), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String name : docsNames()) {
      assertEquals(
          Files.readString(docs().resolve(name), StandardCharsets.UTF_8),
          JsonSchemas.resource(name),
          name);
    }
  }

  @Test
  void everySchemaIsDraft202012WithItsIdATitleAndDescriptions() throws IOException {
    for (String name : docsNames()) {
      assertEquals(List.of(), JsonSchemas.metaErrors(name), name);
      JsonNode schema = JsonSchemas.MAPPER.readTree(JsonSchemas.resource(name));
      assertEquals(
          "https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asString(), name);
      assertEquals(JsonSchemas.BASE + name, schema.get("$id").asString(), name);
      for (String key : List.of("title", "description")) {
        assertTrue(schema.has(key) && !schema.get(key).asString().isBlank(), name + ": " + key);
      }
      List<String> undescribed = new ArrayList<>();
      undescribed(schema, name, undescribed);
      assertEquals(List.of(), undescribed, "properties without a description");
    }
  }

  /** The properties under {@code node} that have neither a description nor a {@code $ref}. */
  private static void undescribed(JsonNode node, String where, List<String> out) {
    if (node.has("properties")) {
      node.get("properties")
          .properties()
          .forEach(
              e -> {
                if (!e.getValue().has("description") && !e.getValue().has("$ref")) {
                  out.add(where + "." + e.getKey());
                }
              });
    }
    if (node.isObject()) {
      node.properties().forEach(e -> undescribed(e.getValue(), where + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      node.forEach(n -> undescribed(n, where, out));
    }
  }

  @Test
  void eachSchemaVersionIsItsConstant() {
    VERSIONS.forEach(
        (name, version) -> {
          // status's schemaVersion is detect's: it takes detect's facts.
          String owner = name.equals("status.schema.json") ? "detect.schema.json" : name;
          JsonNode schema = JsonSchemas.MAPPER.readTree(JsonSchemas.resource(owner));
          JsonNode props =
              schema.has("properties")
                  ? schema.get("properties")
                  : schema.get("$defs").get("facts").get("properties");
          assertEquals(version.intValue(), props.get("schemaVersion").get("const").asInt(), name);
        });
  }

  @Test
  void theKindsOfEvidenceAreTheModels() {
    JsonNode kinds =
        JsonSchemas.MAPPER
            .readTree(JsonSchemas.resource("status.schema.json"))
            .get("$defs")
            .get("kind")
            .get("enum");
    List<String> inSchema = new ArrayList<>();
    kinds.forEach(k -> inSchema.add(k.asString()));
    assertEquals(Arrays.stream(Evidence.Kind.values()).map(Evidence.Kind::id).toList(), inSchema);
  }

  @Test
  void statusSaysNullWhereAStepLacksNothing() throws Exception {
    Path repo = copy("rust-workspace");
    json(0, "step", 1, repo);
    JsonNode first = JsonSchemas.MAPPER.readTree(json(0, "status", repo, "--json")).get("steps");
    assertEquals("done", first.get(0).get("state").asString());
    assertTrue(first.get(0).get("missing").isNull(), first.toString());
  }
}
