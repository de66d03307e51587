package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscapeTest {
  /** Values a YAML 1.1 or 1.2 reader could take for something other than a string. */
  static final List<String> TRICKY =
      List.of(
          "on",
          "off",
          "yes",
          "no",
          "y",
          "n",
          "ON",
          "Yes",
          "true",
          "False",
          "null",
          "~",
          "",
          " ",
          "1.10",
          "3.12",
          "0755",
          "0o17",
          "0x1F",
          "1e3",
          "+1",
          "-1",
          ".inf",
          "-.Inf",
          ".NaN",
          "2026-11-25",
          "2026-11-25T10:00:00Z",
          "12:30:00",
          "1_000",
          "a: b",
          "- item",
          "#comment",
          "x #y",
          "'quoted'",
          "\"dq\"",
          "[a]",
          "{a: 1}",
          "*alias",
          "&anchor",
          "!tag",
          "%dir",
          "@at",
          "`bt",
          "|",
          ">",
          "tab\there",
          "line\nbreak",
          "cr\rret",
          "\u2028",
          "\u00e9t\u00e9",
          "\uD83D\uDE00",
          "back\\slash",
          "trailing ",
          " leading",
          "ubuntu-latest",
          "x86_64-linux",
          "3.11-dev",
          "--flag",
          "a,b",
          "?q",
          ":c",
          "c:");

  @Test
  void yamlScalarsReadBackAsTheSameStringInYaml12() throws Exception {
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < TRICKY.size(); i++) {
      doc.append("k").append(i).append(": ").append(Escape.yamlScalar(TRICKY.get(i))).append('\n');
    }
    List<YamlReader.Leaf> leaves = YamlReader.leaves(doc.toString(), "test.yml");
    for (int i = 0; i < TRICKY.size(); i++) {
      assertEquals(TRICKY.get(i), leaves.get(i).value(), doc.toString());
    }
  }

  @Test
  void yamlScalarsReadBackAsTheSameStringInYaml11() throws Exception {
    Tools.require("python3");
    Processes.Result probe = Processes.run(null, "python3", "-c", "import yaml");
    if (!probe.ok()) {
      Tools.require("python3-yaml (PyYAML, a YAML 1.1 reader)");
    }
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < TRICKY.size(); i++) {
      doc.append("k").append(i).append(": ").append(Escape.yamlScalar(TRICKY.get(i))).append('\n');
    }
    String py =
        "import sys, yaml, json\n"
            + "d = yaml.safe_load(sys.stdin.read())\n"
            + "print(json.dumps({k: [type(v).__name__, v if isinstance(v, str) else repr(v)] for k, v in d.items()}))\n";
    Processes.Result r = Processes.run(null, List.of("python3", "-c", py), doc.toString(), 60);
    assertTrue(r.ok(), r.output());
    Map<?, ?> read = (Map<?, ?>) Json.parse(r.output().strip(), "python");
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < TRICKY.size(); i++) {
      List<?> typeAndValue = (List<?>) read.get("k" + i);
      if (!typeAndValue.get(0).equals("str") || !typeAndValue.get(1).equals(TRICKY.get(i))) {
        wrong.add(TRICKY.get(i) + " -> " + typeAndValue);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void plainYamlWhereItIsSafe() {
    assertEquals("ubuntu-latest", Escape.yamlScalar("ubuntu-latest"));
    assertEquals("'on'", Escape.yamlScalar("on"));
    assertEquals("'3.10'", Escape.yamlScalar("3.10"));
    assertEquals("'it''s'", Escape.yamlScalar("it's"));
    assertEquals("\"a\\nb\"", Escape.yamlScalar("a\nb"));
  }

  @Test
  void shellWordsReadBackThroughARealShell() throws Exception {
    Tools.require("sh");
    List<String> words = new ArrayList<>(TRICKY);
    words.addAll(
        List.of("$(rm -rf /)", "`id`", "a'b", "'", "\\", "$HOME", "*", "a b", "x;y", "!!"));
    StringBuilder script = new StringBuilder();
    for (String w : words) {
      script.append("printf '%s\\0' ").append(Escape.shellWord(w)).append('\n');
    }
    Processes.Result r = Processes.run(null, List.of("sh", "-c", script.toString()), null, 60);
    assertTrue(r.ok(), r.output());
    String[] back = r.output().split("\0", -1);
    for (int i = 0; i < words.size(); i++) {
      assertEquals(words.get(i), back[i]);
    }
  }

  @Test
  void tomlStringsReadBackThroughTheTomlParser() throws Exception {
    StringBuilder doc = new StringBuilder();
    List<String> values = new ArrayList<>(TRICKY);
    values.addAll(List.of("\u0001", "\u007f", "a\"b", "c:\\path", "\uD83D\uDE00"));
    for (int i = 0; i < values.size(); i++) {
      doc.append("k").append(i).append(" = ").append(Escape.tomlString(values.get(i))).append('\n');
    }
    var parsed = dev.nixmigrate.core.internal.read.TomlReader.parse(doc.toString(), "test.toml");
    for (int i = 0; i < values.size(); i++) {
      assertEquals(values.get(i), parsed.string("k" + i), doc.toString());
    }
  }

  @Test
  void nulCannotReachANixFile() {
    NixMigrateException e = assertThrows(NixMigrateException.class, () -> Escape.nixString("a\0b"));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
  }
}
