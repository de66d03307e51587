package dev.nixmigrate.core.internal.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tokenizer reads every module CMake itself ships: about a thousand real-world files. */
class CMakeModulesTest {
  @Test
  void tokenizesEveryModuleOfTheInstalledCMake() throws IOException {
    Path cmake = Tools.require("cmake").toRealPath();
    Path share = cmake.getParent().getParent().resolve("share");
    List<Path> roots;
    try (Stream<Path> s = Files.list(share)) {
      roots = s.filter(p -> p.getFileName().toString().startsWith("cmake-")).toList();
    }
    assertTrue(!roots.isEmpty(), "no cmake-* folder under " + share);
    List<String> rejected = new ArrayList<>();
    int read = 0;
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".cmake")).toList()) {
          String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
          if (text.lines().anyMatch(l -> l.startsWith("@"))) {
            continue; // configure_file() templates are not CMake until configured.
          }
          read++;
          try {
            CMakeLexer.tokenize(text);
          } catch (CMakeLexer.SyntaxException e) {
            rejected.add(f + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
          }
        }
      }
    }
    assertTrue(read > 100, "only " + read + " modules found");
    assertEquals(List.of(), rejected);
  }
}
