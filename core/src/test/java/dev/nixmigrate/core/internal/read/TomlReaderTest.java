package dev.nixmigrate.core.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TomlReaderTest {
  private static Diagnostic error(String text) {
    return assertThrows(ManifestException.class, () -> TomlReader.parse(text, "x.toml"))
        .diagnostic();
  }

  @Test
  void bareCarriageReturnIsLocatedEvenInAComment() {
    // This input also trips an internal assertion of the parser when assertions are on.
    Diagnostic d = error("a = 1\n[infa#\r\\u[[1979-05-27]\"'");
    assertEquals(2, d.line());
    assertEquals(7, d.column());
    assertTrue(d.message().contains("carriage return"));
  }

  @Test
  void crlfFilesAreFine() throws Exception {
    TomlDoc doc = TomlReader.parse("[package]\r\nname = \"x\" # c\r\n", "x.toml");
    assertEquals("x", doc.string("package", "name"));
  }

  @Test
  void bracketsInsideStringsAndCommentsDoNotCountAsNesting() throws Exception {
    String deep = "[".repeat(500);
    TomlDoc doc =
        TomlReader.parse(
            "a = \"" + deep + "\"\nb = '''\n" + deep + "'''\n# " + deep + "\n", "x.toml");
    assertEquals(deep, doc.string("a"));
  }

  @Test
  void decodingReportsTheLineAndColumnOfTheBadByte() {
    byte[] bytes = "ok\nab\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    Diagnostic d =
        assertThrows(ManifestException.class, () -> ManifestText.decode(bytes, "f")).diagnostic();
    assertEquals(2, d.line());
    assertEquals(3, d.column());
  }

  @Test
  void keysWithDotsAreReadBySegments() throws Exception {
    TomlDoc doc =
        TomlReader.parse(
            "[target.'cfg(target_os = \"linux\")'.dependencies]\nlibc = \"0.2\"\n", "x.toml");
    assertEquals("0.2", doc.string("target", "cfg(target_os = \"linux\")", "dependencies", "libc"));
    assertEquals(2, doc.line("target", "cfg(target_os = \"linux\")", "dependencies", "libc"));
  }
}
