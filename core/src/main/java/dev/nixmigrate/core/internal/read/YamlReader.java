package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML (CI workflows) with snakeyaml-engine, YAML 1.2, so {@code on:} stays a string key.
 * Duplicate keys are rejected and aliases limited; the result is the document's scalar leaves with
 * their key paths and lines, which is what detection needs.
 */
public final class YamlReader {
  private YamlReader() {}

  /** A scalar at a key path ({@code jobs/build/steps/[]/run}) and its 1-based line. */
  public record Leaf(List<String> path, String value, int line) {
    public Leaf {
      path = List.copyOf(path);
    }

    /** The key this scalar is the value of, or the key of the list it is in. */
    public String key() {
      for (int i = path.size() - 1; i >= 0; i--) {
        if (!path.get(i).equals("[]")) {
          return path.get(i);
        }
      }
      return "";
    }
  }

  /** The leaves of {@code rel}, or empty (with a diagnostic) when it is not valid YAML. */
  public static Optional<List<Leaf>> leaves(RepoFiles files, String rel) {
    Optional<String> text = files.text(rel);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(leaves(text.get(), rel));
    } catch (ManifestException e) {
      files.report(e.diagnostic());
      return Optional.empty();
    }
  }

  public static List<Leaf> leaves(String text, String file) throws ManifestException {
    List<Leaf> out = new ArrayList<>();
    for (Node doc : compose(text, file)) {
      try {
        walk(doc, new ArrayList<>(), out, file, 0);
      } catch (StackOverflowError e) {
        throw new ManifestException(Diagnostic.error(file, 1, 1, "YAML nested too deeply to read"));
      }
    }
    return out;
  }

  /**
   * The documents of {@code text} as nodes, with their positions: for edits that keep the rest of
   * the file byte for byte.
   */
  public static List<Node> compose(String text, String file) throws ManifestException {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit((int) ManifestText.MAX_BYTES)
            .setLabel(file)
            .build();
    List<Node> out = new ArrayList<>();
    try {
      new Compose(settings).composeAllFromString(text).forEach(out::add);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
      throw new ManifestException(
          Diagnostic.error(
              file,
              m == null ? 1 : m.getLine() + 1,
              m == null ? 1 : m.getColumn() + 1,
              "invalid YAML: " + oneLine(e.getProblem()) + "; fix the file and run again"));
    } catch (YamlEngineException e) {
      throw new ManifestException(
          Diagnostic.error(file, 1, 1, "invalid YAML: " + oneLine(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new ManifestException(Diagnostic.error(file, 1, 1, "YAML nested too deeply to read"));
    }
    return out;
  }

  private static void walk(Node node, List<String> path, List<Leaf> out, String file, int depth)
      throws ManifestException {
    if (depth > 200) {
      throw new ManifestException(
          Diagnostic.error(file, line(node), 1, "YAML nested more than 200 deep"));
    }
    if (node instanceof ScalarNode s) {
      out.add(new Leaf(path, s.getValue(), line(node)));
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        path.add("[]");
        walk(item, path, out, file, depth + 1);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof MappingNode map) {
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        if (!seen.add(key)) {
          throw new ManifestException(
              Diagnostic.error(
                  file,
                  line(t.getKeyNode()),
                  1,
                  "duplicate key '"
                      + dev.nixmigrate.core.internal.text.Printable.of(key)
                      + "'; YAML readers disagree on which one wins, remove one"));
        }
        path.add(key);
        walk(t.getValueNode(), path, out, file, depth + 1);
        path.remove(path.size() - 1);
      }
    }
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static String oneLine(String s) {
    return s == null ? "syntax error" : s.replace('\n', ' ').strip();
  }
}
