package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Nix reads back exactly what the escaper was given, for 10,000 adversarial strings. The strings
 * are collected during the property and evaluated by {@code nix-instantiate --eval --json} in one
 * batch afterwards, since starting Nix per case would take minutes.
 */
class NixEscapeProperties {
  private final List<String> inputs = new ArrayList<>();

  @Provide
  Arbitrary<String> adversarial() {
    Arbitrary<String> pieces =
        Arbitraries.of(
                "${",
                "$${",
                "$",
                "''",
                "'''",
                "''${",
                "\\",
                "\\\\",
                "\"",
                "\r",
                "\n",
                "\r\n",
                "\t",
                "\u001b",
                "\u2028",
                "\u2029",
                "\uFEFF",
                "\uD83D\uDE00",
                "\u00e9",
                "{",
                "}",
                "#",
                "/*",
                "*/",
                "a",
                " ",
                "\\n",
                "\\$",
                "x${y}",
                "\u0001",
                "\u007f")
            .list()
            .ofMaxSize(12)
            .map(l -> String.join("", l));
    Arbitrary<String> unicode =
        Arbitraries.strings()
            .all()
            .ofMaxLength(20)
            .filter(s -> s.indexOf('\0') < 0 && !hasLoneSurrogate(s));
    return Arbitraries.frequencyOf(Tuple.of(3, pieces), Tuple.of(1, unicode));
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  @BeforeProperty
  void needsNix() {
    Tools.require("nix-instantiate");
  }

  @Property(tries = 10_000)
  void nixReadsBackTheInput(@ForAll("adversarial") String s) {
    String literal = Escape.nixString(s);
    assertTrue(literal.startsWith("\"") && literal.endsWith("\""));
    inputs.add(s);
  }

  @AfterProperty
  void evaluateTheBatch() throws Exception {
    if (inputs.isEmpty()) {
      return;
    }
    StringBuilder nix = new StringBuilder("[\n");
    for (String s : inputs) {
      nix.append("  ").append(Escape.nixString(s)).append('\n');
    }
    nix.append("]\n");
    Path file = Files.createTempFile("nixmigrate-escape", ".nix");
    try {
      Files.writeString(file, nix.toString(), StandardCharsets.UTF_8);
      Processes.Result r =
          Processes.run(
              null,
              List.of("nix-instantiate", "--eval", "--strict", "--json", file.toString()),
              null,
              300);
      assertTrue(r.ok(), r.output());
      List<?> back = (List<?>) Json.parse(r.output().strip(), "nix output");
      assertEquals(inputs.size(), back.size());
      for (int i = 0; i < inputs.size(); i++) {
        assertEquals(
            inputs.get(i), back.get(i), "case " + i + ": " + Escape.nixString(inputs.get(i)));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
