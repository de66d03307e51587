package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Setting;
import dev.nixmigrate.generators.StepCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options are declared once: the README's table, the flags of every command that takes them and
 * each step's examples all come from {@link Setting}.
 */
class OptionsTableTest {
  private static final String BEGIN = "<!-- options:begin -->\n";
  private static final String END = "<!-- options:end -->";

  static String table() {
    StringBuilder b = new StringBuilder();
    b.append("| flag | `nixmigrate.toml` | step | what it sets | example |\n");
    b.append("|---|---|---|---|---|\n");
    for (Setting s : Setting.values()) {
      String flag =
          s.type() == Setting.Type.FLAG
              ? "--[no-]" + s.flag().substring(2)
              : s.flag() + " " + s.label();
      b.append("| `")
          .append(flag)
          .append("` | `")
          .append(s.key())
          .append("` | ")
          .append(s.step())
          .append(" | ")
          .append(s.description())
          .append(" | `")
          .append(s.example())
          .append("` |\n");
    }
    return b.toString();
  }

  @Test
  void theReadmeTableIsTheDeclarations() throws Exception {
    Path readme = Goldens.root().resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README.md has the options markers");
    String expected = text.substring(0, begin + BEGIN.length()) + table() + text.substring(end);
    if (Boolean.getBoolean("nixmigrate.updateGoldens")) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        expected,
        text,
        "README.md's options table differs from Setting; run: mvn -pl migrate -am test"
            + " -Dnixmigrate.updateGoldens=true");
  }

  @Test
  void everyCommandThatGeneratesHasEveryFlagAndEachStepItsExamples() {
    var cl = Main.commandLine();
    for (String command : List.of("plan", "step", "check", "pr")) {
      var spec = cl.getSubcommands().get(command).getCommandSpec();
      for (Setting s : Setting.values()) {
        assertTrue(spec.findOption(s.flag()) != null, command + " lacks " + s.flag());
      }
    }
    List<String> examples =
        StepCatalog.STANDARD.steps().all().stream()
            .flatMap(m -> StepCatalog.STANDARD.options(m.number()).stream())
            .sorted()
            .toList();
    assertEquals(Arrays.stream(Setting.values()).map(Setting::example).sorted().toList(), examples);
  }

  @Test
  void eachDeclarationReadsBackWhatItSets() {
    Options d = Options.defaults();
    assertEquals(
        List.of("aarch64-linux"),
        Setting.SYSTEMS.get(Setting.SYSTEMS.set(d, List.of("aarch64-linux"))));
    assertEquals("sccache", Setting.COMPILER_CACHE.get(Setting.COMPILER_CACHE.set(d, "sccache")));
    assertEquals(
        "cachix:my-project",
        Setting.BINARY_CACHE.get(Setting.BINARY_CACHE.set(d, "cachix:my-project")));
    assertEquals(true, Setting.FLAKE_NIX_CONFIG.get(Setting.FLAKE_NIX_CONFIG.set(d, true)));
  }
}
