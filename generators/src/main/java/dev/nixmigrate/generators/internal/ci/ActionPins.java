package dev.nixmigrate.generators.internal.ci;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions pinned to full commit SHAs, from the bundled pins table (copied from the shared
 * data by {@code scripts/refresh-data}). A workflow says {@code uses: owner/repo@SHA # tag}.
 */
public final class ActionPins {
  private static final Map<String, String[]> PINS = load();

  private ActionPins() {}

  /**
   * The {@code uses:} value with its tag comment, e.g. {@code actions/checkout@3d3c... # v7.0.1}.
   */
  public static String uses(String action) {
    String[] row = PINS.get(action.toLowerCase(Locale.ROOT));
    if (row == null) {
      throw new IllegalStateException("no pin for " + action + " in the bundled pins table");
    }
    return row[0] + "@" + row[2] + " # " + row[1];
  }

  /**
   * A pinned release.
   *
   * @param action {@code owner/repo} as the table spells it
   * @param tag the release tag, e.g. {@code v7.0.1}
   * @param sha its commit
   */
  public record Pin(String action, String tag, String sha) {}

  /** The pin of {@code action} ({@code owner/repo}, any case), or empty when the table has none. */
  public static java.util.Optional<Pin> pin(String action) {
    String[] row = PINS.get(action.toLowerCase(Locale.ROOT));
    return row == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Pin(row[0], row[1], row[2]));
  }

  private static Map<String, String[]> load() {
    Map<String, String[]> out = new HashMap<>();
    try (InputStream in =
        ActionPins.class.getResourceAsStream(
            "/dev/nixmigrate/generators/github-actions-pins.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] cols = line.split("\t", -1);
        if (cols.length > 2 && cols[2].matches("[0-9a-f]{40}")) {
          out.put(cols[0].toLowerCase(Locale.ROOT), cols);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
