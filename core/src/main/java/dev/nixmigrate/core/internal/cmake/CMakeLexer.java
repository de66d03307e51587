package dev.nixmigrate.core.internal.cmake;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes CMake's language (cmake-language(7)): command invocations with bracket, quoted and
 * unquoted arguments, line and bracket comments, escapes and quoted-argument line continuations.
 * Command names are case-insensitive and returned in lower case.
 */
public final class CMakeLexer {
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private CMakeLexer(String text) {
    this.text = text;
  }

  /** A syntax error at a 1-based line and column. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    SyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /**
   * How an argument was written; only unquoted arguments are split on {@code ;} after expansion.
   */
  public enum ArgKind {
    BRACKET,
    QUOTED,
    UNQUOTED
  }

  /** An argument with its escapes decoded but variable references left in place. */
  public record Arg(String value, ArgKind kind, int line, int column) {}

  /** A command invocation: lower-case name, arguments, and where the name starts. */
  public record Command(String name, List<Arg> args, int line, int column) {}

  public static List<Command> tokenize(String text) throws SyntaxException {
    return new CMakeLexer(text).file();
  }

  private List<Command> file() throws SyntaxException {
    List<Command> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments(true);
      if (pos >= text.length()) {
        return out;
      }
      char c = text.charAt(pos);
      if (!(Character.isLetter(c) && c < 128) && c != '_') {
        throw error("expected a command name, found '" + printable(c) + "'");
      }
      int nameLine = line;
      int nameCol = column();
      int start = pos;
      while (pos < text.length() && isIdentChar(text.charAt(pos))) {
        pos++;
      }
      String name = text.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
      while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
        pos++;
      }
      if (pos >= text.length() || text.charAt(pos) != '(') {
        throw error("expected '(' after command name '" + name + "'");
      }
      pos++;
      out.add(new Command(name, arguments(nameLine, nameCol), nameLine, nameCol));
    }
  }

  private List<Arg> arguments(int openLine, int openCol) throws SyntaxException {
    List<Arg> args = new ArrayList<>();
    int depth = 0;
    while (true) {
      skipSpaceAndComments(false);
      if (pos >= text.length()) {
        throw new SyntaxException(
            "unclosed '(' of the command here; add the missing ')'", openLine, openCol);
      }
      char c = text.charAt(pos);
      int argLine = line;
      int argCol = column();
      if (c == ')') {
        pos++;
        if (depth == 0) {
          return args;
        }
        depth--;
        args.add(new Arg(")", ArgKind.UNQUOTED, argLine, argCol));
      } else if (c == '(') {
        pos++;
        depth++;
        args.add(new Arg("(", ArgKind.UNQUOTED, argLine, argCol));
      } else if (c == '[' && bracketLevel(pos) >= 0) {
        args.add(new Arg(bracket(), ArgKind.BRACKET, argLine, argCol));
      } else if (c == '"') {
        args.add(new Arg(quoted(), ArgKind.QUOTED, argLine, argCol));
      } else {
        args.add(new Arg(unquoted(), ArgKind.UNQUOTED, argLine, argCol));
      }
    }
  }

  /**
   * Skips blanks, newlines (when allowed between commands or always inside arguments) and comments.
   */
  private void skipSpaceAndComments(boolean topLevel) throws SyntaxException {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        newline();
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        pos++;
        if (pos < text.length() && text.charAt(pos) == '[' && bracketLevel(pos) >= 0) {
          bracket();
        } else {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
          }
        }
      } else {
        return;
      }
    }
  }

  /** The number of '=' of a bracket opening at {@code at}, or -1 when it is not one. */
  private int bracketLevel(int at) {
    int i = at + 1;
    int level = 0;
    while (i < text.length() && text.charAt(i) == '=') {
      level++;
      i++;
    }
    return i < text.length() && text.charAt(i) == '[' ? level : -1;
  }

  private String bracket() throws SyntaxException {
    int startLine = line;
    int startCol = column();
    int level = bracketLevel(pos);
    pos += level + 2;
    String close = "]" + "=".repeat(level) + "]";
    int end = text.indexOf(close, pos);
    if (end < 0) {
      throw new SyntaxException(
          "unterminated bracket '[" + "=".repeat(level) + "['; add '" + close + "'",
          startLine,
          startCol);
    }
    // A newline right after the opening bracket is not part of the content.
    int contentStart = pos;
    if (text.startsWith("\r\n", contentStart)) {
      contentStart += 2;
    } else if (contentStart < text.length() && text.charAt(contentStart) == '\n') {
      contentStart++;
    }
    String content = contentStart <= end ? text.substring(contentStart, end) : "";
    for (int i = pos; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = end + close.length();
    return content;
  }

  private String quoted() throws SyntaxException {
    int startLine = line;
    int startCol = column();
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new SyntaxException(
            "unterminated quoted argument; add the closing '\"'", startLine, startCol);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return b.toString();
      }
      if (c == '\\') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
          pos++;
          newline();
          continue;
        }
        if (pos + 2 < text.length()
            && text.charAt(pos + 1) == '\r'
            && text.charAt(pos + 2) == '\n') {
          pos += 2;
          newline();
          continue;
        }
        b.append(escape());
        continue;
      }
      if (c == '\n') {
        b.append('\n');
        newline();
        continue;
      }
      b.append(c);
      pos++;
    }
  }

  private String unquoted() throws SyntaxException {
    StringBuilder b = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '#') {
        break;
      }
      if (c == '"') {
        // Legacy unquoted arguments may embed quoted text, escapes included: -Da="b \"c\"".
        int end = pos + 1;
        while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= text.length() || text.charAt(end) != '"') {
          throw error("unterminated quote inside an unquoted argument");
        }
        b.append(text, pos, end + 1);
        pos = end + 1;
        continue;
      }
      if (c == '\\') {
        b.append(escape());
        continue;
      }
      b.append(c);
      pos++;
    }
    return b.toString();
  }

  /** Decodes an escape sequence at {@code pos}; {@code \;} stays escaped so lists are not split. */
  private String escape() throws SyntaxException {
    if (pos + 1 >= text.length()) {
      throw error("a '\\' ends the file");
    }
    char e = text.charAt(pos + 1);
    pos += 2;
    return switch (e) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '0' -> "";
      case ';' -> "\\;";
      default -> {
        if (Character.isLetterOrDigit(e)) {
          pos -= 2;
          throw error("invalid escape sequence '\\" + e + "'");
        }
        yield String.valueOf(e);
      }
    };
  }

  private void newline() {
    pos++;
    line++;
    lineStart = pos;
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private SyntaxException error(String message) {
    return new SyntaxException(message, line, column());
  }

  private static boolean isIdentChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || c == '_';
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
