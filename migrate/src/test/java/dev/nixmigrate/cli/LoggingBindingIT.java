package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The command line's jar carries SLF4J's no-op binding (JGit logs through SLF4J), and the library's
 * published POM marks it optional, so a library user's own binding is not displaced.
 */
class LoggingBindingIT {
  @Test
  void theJarHasTheBindingAndThePublishedPomLeavesItToTheUser() throws Exception {
    try (ZipFile jar = new ZipFile(System.getProperty("nixmigrate.jar"))) {
      assertNotNull(
          jar.getEntry("org/slf4j/impl/StaticLoggerBinder.class"), "slf4j-nop is in the CLI jar");
      ZipEntry pom = jar.getEntry("META-INF/maven/dev.nixmigrate/nixmigrate-migrate/pom.xml");
      assertNotNull(pom, "the library's POM is in the jar");
      String text = new String(jar.getInputStream(pom).readAllBytes(), StandardCharsets.UTF_8);
      Matcher dep =
          Pattern.compile("(?s)<dependency>\\s*<groupId>org\\.slf4j</groupId>(.*?)</dependency>")
              .matcher(text);
      assertTrue(dep.find(), "the POM names slf4j");
      assertTrue(dep.group(1).contains("<artifactId>slf4j-nop</artifactId>"), dep.group(1));
      assertTrue(dep.group(1).contains("<optional>true</optional>"), dep.group(1));
    }
  }
}
