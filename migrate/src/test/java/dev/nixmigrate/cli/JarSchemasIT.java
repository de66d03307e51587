package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built {@code nixmigrate.jar} carries docs/schema, byte for byte, and nothing more there. */
class JarSchemasIT {
  @Test
  void theJarCarriesDocsSchema() throws Exception {
    Path docs = Path.of(System.getProperty("nixmigrate.root")).resolve("docs/schema");
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(docs)) {
      for (Path f : files.toList()) {
        expected.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> shipped = new TreeMap<>();
    try (ZipFile jar = new ZipFile(System.getProperty("nixmigrate.jar"))) {
      for (ZipEntry e : jar.stream().toList()) {
        String name = e.getName();
        if (name.startsWith("dev/nixmigrate/schema/") && !e.isDirectory()) {
          try (InputStream in = jar.getInputStream(e)) {
            shipped.put(
                name.substring("dev/nixmigrate/schema/".length()),
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertEquals(expected, shipped);
  }
}
