package dev.nixmigrate.core.internal.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** Cargo's glob semantics for workspace members. */
class GlobsTest {
  private static final List<String> CRATES =
      List.of(".", "crates/a", "crates/b", "crates/t", "crates/x/deep", "tools/ax", "tools/bx");

  @Test
  void negatedClass() {
    assertEquals(List.of("crates/a", "crates/b"), Globs.expand(CRATES, ".", "crates/[!tx]*"));
  }

  @Test
  void doubleStarCrossesDirectories() {
    assertEquals(
        List.of("crates/a", "crates/b", "crates/t", "crates/x/deep"),
        Globs.expand(CRATES, ".", "crates/**"));
  }

  @Test
  void starAndQuestionMarkStayInOneDirectory() {
    assertEquals(
        List.of("crates/a", "crates/b", "crates/t"), Globs.expand(CRATES, ".", "crates/*"));
    assertEquals(List.of("tools/ax", "tools/bx"), Globs.expand(CRATES, ".", "tools/?x"));
  }

  @Test
  void relativeToTheWorkspaceRoot() {
    assertEquals(List.of("crates/x/deep"), Globs.expand(CRATES, "crates", "x/*"));
    assertEquals(List.of("tools/ax"), Globs.expand(CRATES, "crates", "../tools/a*"));
  }

  @Test
  void bracesAreLiteral() {
    assertEquals(List.of(), Globs.expand(CRATES, ".", "crates/{a,b}*"));
  }

  @Test
  void unclosedClassIsAnError() {
    assertThrows(PatternSyntaxException.class, () -> Globs.expand(CRATES, ".", "crates/[a"));
  }
}
