package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of docs/schema, as the jar ships them ({@code dev/nixmigrate/schema/}), loaded
 * into a real validator: each schema's {@code $id} and relative {@code $ref}s resolve to the
 * shipped files, never to the network.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  /** Where the schemas say they live; their {@code $id}s start with it. */
  static final String BASE = "https://github.com/nixmigrate/nixmigrate/raw/main/docs/schema/";

  /** The folder of the schemas among the jar's resources. */
  static final String RESOURCES = "/dev/nixmigrate/schema/";

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemas(
                  iri -> iri.startsWith(BASE) ? resource(iri.substring(BASE.length())) : null));

  /** The shipped text of {@code name} ({@code status.schema.json}), or null when there is none. */
  static String resource(String name) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema schema(String name) {
    return REGISTRY.getSchema(SchemaLocation.of(BASE + name));
  }

  /** What {@code name} finds wrong with {@code json}; empty when it is valid. */
  static List<String> errors(String name, JsonNode json) {
    return schema(name).validate(json).stream().map(Error::toString).toList();
  }

  /** What {@code name} finds wrong with the document {@code json}. */
  static List<String> errors(String name, String json) {
    return errors(name, MAPPER.readTree(json));
  }

  static void assertValid(String name, String json) {
    assertEquals(List.of(), errors(name, json), name + " rejects:\n" + json);
  }

  /** What the 2020-12 meta-schema finds wrong with the schema {@code name}. */
  static List<String> metaErrors(String name) {
    Schema meta =
        REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    return meta.validate(MAPPER.readTree(resource(name))).stream().map(Error::toString).toList();
  }
}
