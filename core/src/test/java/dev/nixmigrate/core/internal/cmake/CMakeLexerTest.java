package dev.nixmigrate.core.internal.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nixmigrate.core.internal.cmake.CMakeLexer.Arg;
import dev.nixmigrate.core.internal.cmake.CMakeLexer.ArgKind;
import dev.nixmigrate.core.internal.cmake.CMakeLexer.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class CMakeLexerTest {
  private static List<String> values(Command c) {
    return c.args().stream().map(Arg::value).toList();
  }

  @Test
  void commandNamesAreCaseInsensitive() throws Exception {
    List<Command> cmds = CMakeLexer.tokenize("PROJECT(a)\nFind_Package(Foo REQUIRED)\n");
    assertEquals(List.of("project", "find_package"), cmds.stream().map(Command::name).toList());
    assertEquals(2, cmds.get(1).line());
  }

  @Test
  void skipsLineAndBracketComments() throws Exception {
    String text =
        "# set(NOT_THIS 1)\n#[[ set(NOR_THIS 1)\n ]] set(A 1) #[==[ )( ]==]\nset(B 2) # trailing\n";
    List<Command> cmds = CMakeLexer.tokenize(text);
    assertEquals(2, cmds.size());
    assertEquals(List.of("A", "1"), values(cmds.get(0)));
    assertEquals(3, cmds.get(0).line());
  }

  @Test
  void readsBracketArgumentsVerbatim() throws Exception {
    Command c = CMakeLexer.tokenize("message([=[\n${not_expanded} ]] \"q\" ]=])").get(0);
    assertEquals(ArgKind.BRACKET, c.args().get(0).kind());
    assertEquals("${not_expanded} ]] \"q\" ", c.args().get(0).value());
  }

  @Test
  void quotedArgumentsKeepSpacesAndJoinContinuations() throws Exception {
    Command c = CMakeLexer.tokenize("set(X \"a b\\\n c\\\"d\\n\")").get(0);
    assertEquals(List.of("X", "a b c\"d\n"), values(c));
    assertEquals(ArgKind.QUOTED, c.args().get(1).kind());
  }

  @Test
  void unquotedArgumentsSpanNestedParentheses() throws Exception {
    Command c = CMakeLexer.tokenize("if((A AND B) OR NOT C)").get(0);
    assertEquals(List.of("(", "A", "AND", "B", ")", "OR", "NOT", "C"), values(c));
  }

  @Test
  void legacyUnquotedArgumentsMayEmbedQuotesWithEscapes() throws Exception {
    // As in git's contrib/buildsystems/CMakeLists.txt, which cmake accepts.
    Command c =
        CMakeLexer.tokenize("add_custom_command(COMMAND x -DV=\"\\\\\\\"${V}.GIT\\\\\\\"\" -i y)")
            .get(0);
    assertEquals(List.of("COMMAND", "x", "-DV=\"\\\\\\\"${V}.GIT\\\\\\\"\"", "-i", "y"), values(c));
  }

  @Test
  void keepsEscapedSemicolonsEscaped() throws Exception {
    assertEquals(List.of("L", "a\\;b"), values(CMakeLexer.tokenize("set(L a\\;b)").get(0)));
  }

  @Test
  void reportsWhereTheSyntaxBreaks() {
    CMakeLexer.SyntaxException unclosed =
        assertThrows(
            CMakeLexer.SyntaxException.class, () -> CMakeLexer.tokenize("project(a)\nset(X 1\n"));
    assertEquals(2, unclosed.line());
    assertEquals(1, unclosed.column());
    CMakeLexer.SyntaxException quote =
        assertThrows(
            CMakeLexer.SyntaxException.class, () -> CMakeLexer.tokenize("set(X \"open)\n"));
    assertEquals(1, quote.line());
    assertEquals(7, quote.column());
    CMakeLexer.SyntaxException noParen =
        assertThrows(
            CMakeLexer.SyntaxException.class, () -> CMakeLexer.tokenize("\n  project a\n"));
    assertEquals(2, noParen.line());
    CMakeLexer.SyntaxException bracket =
        assertThrows(
            CMakeLexer.SyntaxException.class,
            () -> CMakeLexer.tokenize("set(X [==[ never closed ]=])"));
    assertEquals(7, bracket.column());
  }
}
