package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonVersionsTest {
  private static final List<String> NIXPKGS = List.of("3.11", "3.12", "3.13", "3.14", "3.15");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | 3.11 3.12 3.13 3.14 3.15",
        ">=3.9 | 3.11 3.12 3.13 3.14 3.15",
        ">=3.12 | 3.12 3.13 3.14 3.15",
        ">=3.9,<3.13 | 3.11 3.12",
        ">=3.9,<4.0 | 3.11 3.12 3.13 3.14 3.15",
        "<3.12.4 | 3.11 3.12",
        "==3.12.* | 3.12",
        "~=3.11 | 3.11 3.12 3.13 3.14 3.15",
        "~=3.12.1 | 3.12",
        "!=3.13.* | 3.11 3.12 3.14 3.15",
        ">3.13 | 3.13 3.14 3.15",
        "<=3.12 | 3.11 3.12",
        "<3.10 | ''"
      })
  void allowsTheMinorVersionsASpecifierAdmits(String spec, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
    assertEquals(want, PythonVersions.allowed(spec, NIXPKGS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {">=3.9,<3.14 | 3.13", ">=3.9 | 3.15"})
  void picksTheNewestAllowed(String spec, String newest) {
    assertEquals(Optional.of(newest), PythonVersions.newestAllowed(spec, NIXPKGS));
  }
}
