package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nixmigrate.core.model.Marker;
import dev.nixmigrate.core.model.Marker.Environment;
import dev.nixmigrate.core.model.Marker.Variable;
import dev.nixmigrate.core.model.Tri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerTest {
  private static final Environment LINUX_312 =
      Environment.unknown()
          .with(Variable.PYTHON_VERSION, "3.12")
          .with(Variable.SYS_PLATFORM, "linux")
          .with(Variable.PLATFORM_SYSTEM, "Linux")
          .with(Variable.OS_NAME, "posix")
          .with(Variable.EXTRA, "");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "python_version<'3.11' | python_version < \"3.11\"",
        "sys_platform  ==  \"win32\" | sys_platform == \"win32\"",
        "os.name == 'nt' | os_name == \"nt\"",
        "python_implementation == 'PyPy' | platform_python_implementation == \"PyPy\"",
        "'linux' in sys_platform | \"linux\" in sys_platform",
        "platform_machine not  in 'x86_64 arm64' | platform_machine not in \"x86_64 arm64\"",
        "a_b == 'x' or 1 | ''",
        "(os_name == 'nt' or sys_platform == 'cygwin') and python_version >= '3.8'"
            + " | (os_name == \"nt\" or sys_platform == \"cygwin\") and python_version >= \"3.8\"",
        "(python_version < '3.8') | python_version < \"3.8\"",
        "extra == 'say \"hi\"' | extra == 'say \"hi\"'",
        "python_version >= '3' and (sys_platform == 'linux' and os_name == 'posix')"
            + " | python_version >= \"3\" and sys_platform == \"linux\" and os_name == \"posix\""
      })
  void writesMarkersBackNormalized(String text, String normalized) throws Exception {
    if (normalized.isEmpty()) {
      assertThrows(Pep508.SyntaxException.class, () -> Pep508.parseMarker(text));
    } else {
      assertEquals(normalized, Pep508.parseMarker(text).toString());
      assertEquals(normalized, Pep508.parseMarker(normalized).toString());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "python_version < '3.11' and | 27",
        "python_version <> '3.11' | 15",
        "python_version < 3.11 | 17",
        "platform == 'linux' | 0",
        "sys_platform == 'linux | 16",
        "(os_name == 'nt' | 16",
        "os_name not 'nt' | 12",
        "os_name == 'nt' xor 1 | 16"
      })
  void rejectsBrokenMarkersWithTheOffsetOfTheFault(String text, int offset) {
    Pep508.SyntaxException e =
        assertThrows(Pep508.SyntaxException.class, () -> Pep508.parseMarker(text));
    assertEquals(offset, e.offset(), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "python_version >= '3.10' | TRUE",
        "python_version >= '3.13' | FALSE",
        "python_version > '3.9' | TRUE",
        "python_version < '3.11' | FALSE",
        "python_version ~= '3.8' | TRUE",
        "python_version == '3.12.*' | TRUE",
        "python_version != '3.12' | FALSE",
        "python_version === '3.12' | TRUE",
        "sys_platform == 'win32' | FALSE",
        "sys_platform != 'win32' | TRUE",
        "platform_system == 'Windows' or os_name == 'nt' | FALSE",
        "'linux' in sys_platform | TRUE",
        "sys_platform in 'linux darwin' | TRUE",
        "sys_platform not in 'win32 cygwin' | TRUE",
        "'lin' not in sys_platform | FALSE",
        "platform_machine == 'x86_64' | UNKNOWN",
        "platform_machine == 'x86_64' and sys_platform == 'win32' | FALSE",
        "platform_machine == 'x86_64' or sys_platform == 'linux' | TRUE",
        "platform_machine == 'x86_64' or sys_platform == 'win32' | UNKNOWN",
        "implementation_name == 'pypy' | UNKNOWN",
        "extra == 'Test_Utils' | FALSE",
        "python_full_version < '3.11.4' | FALSE",
        "python_full_version >= '3.12.0' | TRUE",
        "python_full_version >= '3.12.2' | UNKNOWN",
        "'3.13' > python_full_version | TRUE",
        "python_full_version == '3.12.1' | UNKNOWN"
      })
  void evaluatesInThreeValues(String text, Tri expected) throws Exception {
    assertEquals(expected, Pep508.parseMarker(text).evaluate(LINUX_312), text);
  }

  @Test
  void comparesVersionsAsPep440AndOtherStringsAsPython() throws Exception {
    Environment env =
        Environment.unknown()
            .with(Variable.PYTHON_VERSION, "3.9")
            .with(Variable.PLATFORM_RELEASE, "5.15.0-1034-azure");
    assertEquals(Tri.FALSE, Pep508.parseMarker("python_version >= '3.10'").evaluate(env));
    assertEquals(Tri.TRUE, Pep508.parseMarker("python_version < '3.10'").evaluate(env));
    assertEquals(Tri.TRUE, Pep508.parseMarker("platform_release >= '5.1'").evaluate(env));
    assertEquals(Tri.TRUE, Pep508.parseMarker("platform_release < '6'").evaluate(env));
    assertEquals(Tri.UNKNOWN, Pep508.parseMarker("platform_release ~= '5'").evaluate(env));
  }

  @Test
  void anEmptyMarkerAlwaysHoldsAndAnAndOfItIsTheOther() throws Exception {
    Marker m = Pep508.parseMarker("os_name == 'nt'");
    assertEquals(Tri.TRUE, Marker.always().evaluate(Environment.unknown()));
    assertEquals(m, Marker.and(Marker.always(), m));
    assertEquals(
        "(os_name == \"nt\" or os_name == \"posix\") and python_version >= \"3.9\"",
        Marker.and(
                Pep508.parseMarker("os_name == 'nt' or os_name == 'posix'"),
                PoetryConstraints.pythonMarker(">=3.9"))
            .toString());
  }
}
