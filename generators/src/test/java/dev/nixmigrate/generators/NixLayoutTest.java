package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated Nix keeps the layout nixfmt writes where it can be checked without nixfmt: no two blank
 * lines in a row, no trailing white space, one final newline. A file the formatter would change
 * turns `nix fmt` into a merge conflict at the next step.
 */
class NixLayoutTest {
  static List<String> examples() {
    return Examples.NAMES;
  }

  @ParameterizedTest
  @MethodSource("examples")
  void nixFilesHaveNixfmtsBlankLinesAndEndings(String example) {
    for (int step : Examples.STEPS) {
      for (GeneratedFile f :
          Generators.generate(
                  RepoScanner.scan(Examples.repo(example)), Examples.options(example), step)
              .files()) {
        if (!f.path().endsWith(".nix")) {
          continue;
        }
        List<Integer> bad = new ArrayList<>();
        String[] lines = f.text().split("\n", -1);
        for (int i = 1; i < lines.length - 1; i++) {
          if (lines[i].isEmpty() && lines[i - 1].isEmpty()) {
            bad.add(i + 1);
          }
          if (!lines[i].equals(lines[i].stripTrailing())) {
            bad.add(i + 1);
          }
        }
        assertEquals(List.of(), bad, example + " step " + step + " " + f.path());
        assertTrue(f.text().endsWith("\n") && !f.text().endsWith("\n\n"), f.path());
      }
    }
  }
}
