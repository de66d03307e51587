package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440VersionTest {
  @Test
  void ordersAsPep440Does() {
    List<String> ordered =
        List.of(
            "1.0.dev0",
            "1.0a1",
            "1.0a2.dev1",
            "1.0a2",
            "1.0b1",
            "1.0rc1",
            "1.0",
            "1.0.post1.dev0",
            "1.0.post1",
            "1.1",
            "1.10",
            "2!0.1");
    for (int i = 0; i + 1 < ordered.size(); i++) {
      Pep440Version a = Pep440Version.parse(ordered.get(i)).orElseThrow();
      Pep440Version b = Pep440Version.parse(ordered.get(i + 1)).orElseThrow();
      assertTrue(a.compareTo(b) < 0, ordered.get(i) + " < " + ordered.get(i + 1));
    }
    assertEquals(Pep440Version.parse("1.0"), Pep440Version.parse("1.0.0"));
    assertEquals(Pep440Version.parse("1.0rc1"), Pep440Version.parse("1.0-c1"));
  }

  @Test
  void refusesWhatIsNotAVersion() {
    assertEquals(Optional.empty(), Pep440Version.parse("linux"));
    assertEquals(Optional.empty(), Pep440Version.parse("5.15.0-1034-azure"));
  }

  @ParameterizedTest
  @CsvSource({
    "3.10, >=, 3.9, true",
    "3.9, >=, 3.10, false",
    "3.12.1, ==, 3.12.*, true",
    "3.12.1, !=, 3.12.*, false",
    "3.12.1+local, ==, 3.12.1, true",
    "3.12.1, ==, 3.12.1+local, false",
    "2.2.1, ~=, 2.2, true",
    "3.0, ~=, 2.2, false",
    "1.4.5, ~=, 1.4.2, true",
    "1.5, ~=, 1.4.2, false"
  })
  void decidesSpecifierClauses(String version, String op, String target, boolean expected) {
    assertEquals(
        Optional.of(expected),
        Pep440Version.parse(version).orElseThrow().satisfies(op, target),
        version + " " + op + " " + target);
  }

  @Test
  void aClauseItCannotReadIsUndecided() {
    Pep440Version v = Pep440Version.parse("3.12").orElseThrow();
    assertEquals(Optional.empty(), v.satisfies("~=", "3"));
    assertEquals(Optional.empty(), v.satisfies("<", "3.*"));
    assertEquals(Optional.empty(), v.satisfies(">=", "win32"));
  }
}
