package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoetryConstraintsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "^3.9 | >=3.9,<4.0",
        "^1.2.3 | >=1.2.3,<2.0.0",
        "^0.2.3 | >=0.2.3,<0.3.0",
        "^0.0.3 | >=0.0.3,<0.0.4",
        "^4.4.0 | >=4.4.0,<5.0.0",
        "~1.2.3 | >=1.2.3,<1.3.0",
        "~1.2 | >=1.2,<1.3",
        "~1 | >=1,<2",
        ">=3.6.0,<5 | >=3.6.0,<5",
        "1.2.3 | ==1.2.3",
        ">=1.0 <2.0 | >=1.0,<2.0"
      })
  void translatesToPep440(String poetry, String pep440) {
    assertEquals(pep440, PoetryConstraints.toPep440(poetry));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"* | ''", "'' | ''"})
  void anyVersionIsNoConstraint(String poetry, String pep440) {
    assertEquals(pep440, PoetryConstraints.toPep440(poetry));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ">=3.10 | python_version >= \"3.10\"",
        "^3.10 | python_version >= \"3.10\" and python_version < \"4.0\""
      })
  void turnsPythonConstraintsIntoMarkers(String poetry, String marker) {
    assertEquals(marker, PoetryConstraints.pythonMarker(poetry).toString());
  }
}
