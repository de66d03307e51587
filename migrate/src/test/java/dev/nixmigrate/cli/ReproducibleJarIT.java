package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The built jar is reproducible: nixmigrate's own entries carry {@code
 * project.build.outputTimestamp} (the release workflow sets it to the tagged commit's time), and no
 * entry carries the time of the build.
 */
class ReproducibleJarIT {
  @Test
  void everyEntryCarriesTheOutputTimestamp() throws Exception {
    Path root = ProjectRoot.path();
    Matcher m =
        Pattern.compile("<project.build.outputTimestamp>([^<]+)</project.build.outputTimestamp>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    assertTrue(m.find(), "the root pom sets project.build.outputTimestamp");
    LocalDateTime stamp = LocalDateTime.ofInstant(Instant.parse(m.group(1)), ZoneOffset.UTC);
    List<String> wrong = new ArrayList<>();
    int n = 0;
    try (ZipFile jar = new ZipFile(System.getProperty("nixmigrate.jar"))) {
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        n++;
        // nixmigrate's own entries carry the stamp; those copied from a dependency's jar keep
        // that jar's fixed times. None carries the time of this build.
        boolean own =
            z.getName().startsWith("dev/nixmigrate/")
                || z.getName().equals("META-INF/MANIFEST.MF")
                || z.getName().startsWith("META-INF/maven/dev.nixmigrate/");
        boolean ok = own ? z.getTimeLocal().equals(stamp) : !z.getTimeLocal().isAfter(stamp);
        if (!ok && wrong.size() < 5) {
          wrong.add(z.getName() + " " + z.getTimeLocal());
        }
      }
    }
    assertTrue(n > 1000, n + " entries");
    assertEquals(List.of(), wrong, "entries not at " + stamp);
  }
}
