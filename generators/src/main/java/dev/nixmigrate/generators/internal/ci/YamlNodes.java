package dev.nixmigrate.generators.internal.ci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What the minimal edits of a user's CI file share: finding keys in the composed YAML, where nodes
 * start and end, and inserting whole lines so that every other byte stays as it was.
 */
final class YamlNodes {
  private YamlNodes() {}

  /** One block of lines to insert before a 0-based line of the original file. */
  record Insertion(int beforeLine, List<String> lines) {
    /** {@code text} with {@code insertions}, each line ending as the file's lines do. */
    static String apply(String text, List<Insertion> insertions) {
      List<Insertion> sorted = new ArrayList<>(insertions);
      sorted.sort(Comparator.comparingInt(Insertion::beforeLine).reversed());
      List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
      String eol = text.contains("\r\n") ? "\r" : "";
      for (Insertion ins : sorted) {
        out.addAll(ins.beforeLine(), ins.lines().stream().map(l -> l + eol).toList());
      }
      return String.join("\n", out);
    }
  }

  /** A job laid out in a way a line-based insertion could break. */
  static final class UnusualLayout extends Exception {
    private static final long serialVersionUID = 1L;

    UnusualLayout() {
      this(null);
    }

    /** With what makes it unusual, in words, or null. */
    UnusualLayout(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Where lines inserted before the key or item on 0-based {@code line} go so that the comment
   * lines directly above it stay directly above it: the first of those comments, none before {@code
   * floor} (the first line past what comes before, which may be a block scalar whose text looks
   * like a comment).
   */
  static int aboveComments(String[] lines, int line, int floor) {
    int at = line;
    while (at > floor && lines[at - 1].stripLeading().startsWith("#")) {
      at--;
    }
    return at;
  }

  /**
   * Where lines inserted before {@code t}'s key in {@code map} go: above the comments directly
   * above the key, below the entry before it (or from {@code start} for the first entry).
   */
  static int keyAbove(MappingNode map, NodeTuple t, String[] lines, int start) {
    int i = map.getValue().indexOf(t);
    int floor = i == 0 ? start : lineAfter(map.getValue().get(i - 1).getValueNode());
    return aboveComments(lines, line(t.getKeyNode()), floor);
  }

  /** The first line after {@code n}'s own text: its last scalar's end, not trailing comments. */
  static int lineAfter(Node n) {
    if (n instanceof MappingNode m
        && m.getFlowStyle() == FlowStyle.BLOCK
        && !m.getValue().isEmpty()) {
      return lineAfter(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (n instanceof SequenceNode s
        && s.getFlowStyle() == FlowStyle.BLOCK
        && !s.getValue().isEmpty()) {
      return lineAfter(s.getValue().get(s.getValue().size() - 1));
    }
    Mark end = n.getEndMark().orElseThrow();
    return end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
  }

  /** The lines of {@code lines} that {@code n} spans, in lower case. */
  static String lowerText(Node n, String[] lines) {
    return String.join(
            "\n", List.of(lines).subList(line(n), Math.min(lines.length, endLine(n) + 1)))
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code s} with only printable ASCII, for a message or a cache key. */
  static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  static NodeTuple tuple(MappingNode map, String key) {
    return map.getValue().stream().filter(t -> key(t).equals(key)).findFirst().orElse(null);
  }

  static Node value(MappingNode map, String key) {
    NodeTuple t = tuple(map, key);
    return t == null ? null : t.getValueNode();
  }

  static String key(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
  }

  /** The 0-based line a node starts on. */
  static int line(Node n) {
    return n.getStartMark().orElseThrow().getLine();
  }

  static int column(Node n) {
    return n.getStartMark().orElseThrow().getColumn();
  }

  static int endLine(Node n) {
    return n.getEndMark().orElseThrow().getLine();
  }
}
