package dev.nixmigrate.generators;

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
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitLab's CI schema ({@code schema/gitlab-ci.json}, see the {@code .md} beside it) in a real
 * validator. A file is read as YAML 1.2, as GitLab reads it, and checked as the JSON it stands for.
 */
final class GitLabSchema {
  private GitLabSchema() {}

  /** The schema's {@code $id}; it is loaded from the test resources, never the network. */
  private static final String ID = "https://gitlab.com/.gitlab-ci.yml";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7, b -> b.schemas(iri -> iri.equals(ID) ? text() : null));

  private static final Schema SCHEMA = REGISTRY.getSchema(SchemaLocation.of(ID));

  private static String text() {
    try (InputStream in = GitLabSchema.class.getResourceAsStream("/schema/gitlab-ci.json")) {
      if (in == null) {
        throw new IllegalStateException("schema/gitlab-ci.json is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What GitLab's schema finds wrong with the CI file {@code yaml}; empty when it is valid. */
  static List<String> errors(String yaml) {
    Object doc =
        new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
    return SCHEMA.validate(MAPPER.valueToTree(doc)).stream().map(Error::toString).toList();
  }
}
