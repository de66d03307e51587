package dev.nixmigrate.core.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nixmigrate.core.model.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep508Test {
  @Test
  void readsNameExtrasSpecifierAndMarker() throws Exception {
    Requirement r =
        Pep508.parse("Requests[socks, security] >= 2.31 , <3 ; python_version < '3.13'");
    assertEquals("Requests", r.name());
    assertEquals("requests", r.normalizedName());
    assertEquals(List.of("socks", "security"), r.extras());
    assertEquals(">=2.31,<3", r.specifier());
    assertEquals("python_version < \"3.13\"", r.marker().toString());
    assertEquals("", r.url());
  }

  @Test
  void readsDirectReferences() throws Exception {
    Requirement r =
        Pep508.parse(
            "pip @ https://github.com/pypa/pip/archive/1.3.1.zip ; sys_platform == 'linux'");
    assertEquals("pip", r.name());
    assertEquals("https://github.com/pypa/pip/archive/1.3.1.zip", r.url());
    assertEquals("sys_platform == \"linux\"", r.marker().toString());
  }

  @Test
  void readsParenthesisedAndWildcardSpecifiers() throws Exception {
    assertEquals(">=1.0,<2", Pep508.parse("name (>=1.0, <2)").specifier());
    assertEquals("==1.*", Pep508.parse("httpcore==1.*").specifier());
    assertEquals("~=0.18.0", Pep508.parse("zstandard~=0.18.0").specifier());
  }

  @ParameterizedTest
  @CsvSource({
    "Foo.Bar_baz, foo-bar-baz",
    "a__b--c, a-b-c",
    "ruamel.yaml, ruamel-yaml",
    "PyYAML, pyyaml"
  })
  void normalisesNamesAsPep503Says(String name, String normalized) {
    assertEquals(normalized, Requirement.normalize(name));
  }

  @Test
  void rejectsBrokenSpecifiersWithAnOffset() {
    Pep508.SyntaxException e =
        assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("foo >> 1"));
    assertEquals(4, e.offset());
    assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("[extra]"));
    assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("foo[bar"));
    assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("foo ; "));
    assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("foo >="));
  }

  @Test
  void aMarkerThatDoesNotParseIsASyntaxErrorWhereItGoesWrong() {
    Pep508.SyntaxException e =
        assertThrows(
            Pep508.SyntaxException.class, () -> Pep508.parse("foo; python_version < '3.11' an"));
    assertEquals(29, e.offset());
    e = assertThrows(Pep508.SyntaxException.class, () -> Pep508.parse("foo ; "));
    assertEquals(6, e.offset());
  }

  @Test
  void writesItselfBackInPep508Form() throws Exception {
    assertEquals(
        "httpx[socks]<1,>0.20; python_version < \"3.11\"",
        Pep508.parse("httpx[socks] <1,>0.20 ; python_version<'3.11'").toString());
  }
}
