package dev.nixmigrate.core.internal.python;

import dev.nixmigrate.core.model.Marker;
import dev.nixmigrate.core.model.Marker.Comparison;
import dev.nixmigrate.core.model.Marker.Literal;
import dev.nixmigrate.core.model.Marker.Op;
import dev.nixmigrate.core.model.Marker.Operand;
import dev.nixmigrate.core.model.Marker.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PEP 508's marker grammar: {@code marker_or}, {@code marker_and}, {@code marker_expr} with
 * parentheses, both quote styles. Offsets in its errors count from the start of the whole text.
 */
final class MarkerParser {
  private final String text;
  private int pos;

  private MarkerParser(String text, int start) {
    this.text = text;
    this.pos = start;
  }

  /** The marker from {@code start} to the end of {@code text}. */
  static Marker parse(String text, int start) throws Pep508.SyntaxException {
    MarkerParser p = new MarkerParser(text, start);
    p.ws();
    if (p.pos == text.length()) {
      throw new Pep508.SyntaxException("expected an environment marker", p.pos);
    }
    Marker m = p.or();
    p.ws();
    if (p.pos < text.length()) {
      throw new Pep508.SyntaxException(
          "expected 'and', 'or' or the end of the marker, found '" + text.charAt(p.pos) + "'",
          p.pos);
    }
    return m;
  }

  private Marker or() throws Pep508.SyntaxException {
    List<Marker> terms = new ArrayList<>(List.of(and()));
    while (keyword("or")) {
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Marker.Or(terms);
  }

  private Marker and() throws Pep508.SyntaxException {
    Marker m = expression();
    while (keyword("and")) {
      m = Marker.and(m, expression());
    }
    return m;
  }

  private Marker expression() throws Pep508.SyntaxException {
    ws();
    if (peek() == '(') {
      pos++;
      Marker inner = or();
      ws();
      if (peek() != ')') {
        throw new Pep508.SyntaxException("expected ')'", pos);
      }
      pos++;
      return inner;
    }
    Operand left = operand();
    Op op = operator();
    Operand right = operand();
    return new Comparison(left, op, right);
  }

  private Operand operand() throws Pep508.SyntaxException {
    ws();
    char quote = peek();
    if (quote == '"' || quote == '\'') {
      int start = pos;
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw new Pep508.SyntaxException("unterminated string", start);
      }
      pos = end + 1;
      return new Literal(text.substring(start + 1, end));
    }
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.isEmpty()) {
      throw new Pep508.SyntaxException("expected a marker variable or a quoted string", start);
    }
    Optional<Variable> v = Variable.named(name);
    if (v.isEmpty()) {
      throw new Pep508.SyntaxException("unknown marker variable '" + name + "'", start);
    }
    return v.get();
  }

  private Op operator() throws Pep508.SyntaxException {
    ws();
    int start = pos;
    if (keyword("in")) {
      return Op.IN;
    }
    if (keyword("not")) {
      if (keyword("in")) {
        return Op.NOT_IN;
      }
      ws();
      throw new Pep508.SyntaxException("expected 'in' after 'not'", pos);
    }
    while (pos < text.length() && "<>=!~".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    Optional<Op> op = Op.of(text.substring(start, pos));
    if (op.isEmpty()) {
      throw new Pep508.SyntaxException(
          pos == start
              ? "expected a marker operator"
              : "unknown marker operator '" + text.substring(start, pos) + "'",
          start);
    }
    return op.get();
  }

  /** Consumes {@code word} when it stands next, as a whole word. */
  private boolean keyword(String word) {
    int save = pos;
    ws();
    int end = pos + word.length();
    if (text.startsWith(word, pos) && (end == text.length() || !isNameChar(text.charAt(end)))) {
      pos = end;
      return true;
    }
    pos = save;
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void ws() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
