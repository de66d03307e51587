package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.Vocabulary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A place to develop the repository in, compared in the migration notes, with what it costs by
 * default. The defaults are list prices read in 2026 (GitHub's Codespaces billing; AWS on-demand
 * rates in us-east-1); {@code environment-costs} in nixmigrate.toml replaces any of them.
 */
public enum DevEnvironment implements Vocabulary {
  LOCAL(
      "Local shell",
      "nothing billed: your own machine, and disk space for the dev shell's tools in /nix"),
  CODESPACES(
      "GitHub Codespaces",
      "$0.18 an hour on 2 cores while it runs and $0.07 a GB-month while it exists (a codespace"
          + " has a 32 GB disk), after the 120 core-hours and 15 GB-months a personal account gets"
          + " free each month"),
  CLOUD_VM(
      "Cloud VM",
      "the provider's rate while it runs and its disk while it exists: about $0.08 an hour for 2"
          + " vCPUs and 8 GB on demand (AWS t3.large or m7g.large)"),
  DEVPOD(
      "DevPod",
      "nothing for DevPod itself (open source, it runs on your machine); you pay for the machine"
          + " its provider starts: nothing with local Docker, a cloud VM's rate with a cloud"
          + " provider");

  private final String title;
  private final String defaultCost;

  DevEnvironment(String title, String defaultCost) {
    this.title = title;
    this.defaultCost = defaultCost;
  }

  /** How the notes name it. */
  public String title() {
    return title;
  }

  /** What it costs when nixmigrate.toml says nothing. */
  public String defaultCost() {
    return defaultCost;
  }

  /**
   * A cost goes into a Markdown table cell: one line, no cell separator, no code span or HTML that
   * could reach past the cell.
   */
  private static final Pattern COST = Pattern.compile("[^|`<>\\\\\\p{Cntrl}]{1,200}");

  /**
   * The cost of each place: the defaults, with the {@code PLACE=TEXT} entries of {@code given} in
   * their stead.
   *
   * @throws IllegalArgumentException when an entry names no place or its text cannot go in the
   *     notes
   */
  public static Map<DevEnvironment, String> costs(List<String> given) {
    Map<DevEnvironment, String> out = new EnumMap<>(DevEnvironment.class);
    for (DevEnvironment e : values()) {
      out.put(e, e.defaultCost);
    }
    for (String entry : given) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "environment cost '" + entry + "' is not PLACE=COST, like 'devpod=nothing extra'");
      }
      DevEnvironment place;
      try {
        place = Vocabulary.of(DevEnvironment.class, entry.substring(0, eq).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("environment cost '" + entry + "': " + e.getMessage());
      }
      String text = entry.substring(eq + 1).strip();
      if (!COST.matcher(text).matches()) {
        throw new IllegalArgumentException(
            "the cost of "
                + place.id()
                + " must be one line of at most 200 characters without | ` < > or \\");
      }
      out.put(place, text);
    }
    return out;
  }
}
