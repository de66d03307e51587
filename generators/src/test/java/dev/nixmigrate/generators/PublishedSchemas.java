package dev.nixmigrate.generators;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.nixmigrate.testing.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published schemas copied under {@code schemas/} (see its README for their origin), loaded
 * into a real validator that resolves them from the copies only.
 */
final class PublishedSchemas {
  private PublishedSchemas() {}

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Where each copy says, or is taken to, live. */
  private static final Map<String, String> IRIS =
      Map.of(
          "devContainer.base.schema.json",
          "https://raw.githubusercontent.com/devcontainers/spec/main/schemas/devContainer.base.schema.json",
          "devContainerFeature.schema.json",
          "https://raw.githubusercontent.com/devcontainers/spec/main/schemas/devContainerFeature.schema.json",
          "dependabot-2.0.json",
          "https://json.schemastore.org/dependabot-2.0.json");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          b ->
              b.schemas(
                  iri ->
                      IRIS.entrySet().stream()
                          .filter(e -> e.getValue().equals(iri))
                          .map(e -> text(e.getKey()))
                          .findFirst()
                          .orElse(null)));

  /** The copy named {@code name}. */
  static String text(String name) {
    try (InputStream in = PublishedSchemas.class.getResourceAsStream("/schemas/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no copy of " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema {@code name} finds wrong with {@code doc}; empty when it is valid. */
  static List<String> errors(String name, JsonNode doc) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(IRIS.get(name)));
    return schema.validate(doc).stream().map(Error::toString).toList();
  }

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  /** The corpus's fixtures: real-world manifests, with more corners than the examples. */
  static List<Path> corpusFixtures() throws IOException {
    Path fixtures = ProjectRoot.path().resolve("core/src/test/resources/corpus/fixtures");
    try (Stream<Path> s = Files.list(fixtures)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      if (dirs.isEmpty()) {
        throw new IllegalStateException("no fixtures under " + fixtures);
      }
      return dirs;
    }
  }

  /** A YAML document as the JSON the schema is written for (YAML 1.2: {@code 2} is a number). */
  static JsonNode yaml(String text) {
    Object loaded =
        new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
    return MAPPER.valueToTree(loaded);
  }
}
