package dev.nixmigrate.core.internal.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub-hosted runner labels that are retired or deprecated, from {@code
 * github-runner-labels.tsv}: a job on a retired label no longer runs at all.
 */
final class RunnerLabels {
  /**
   * One label's state.
   *
   * @param label the {@code runs-on} label
   * @param retired true when jobs on it no longer run; false when deprecated, still running
   * @param date when it was (or will be) retired, {@code YYYY-MM-DD}, or null when not recorded
   * @param instead what to use instead
   * @param announcement the actions/runner-images issue that says so, or null
   */
  record Label(String label, boolean retired, String date, String instead, String announcement) {
    /** What status says of a job that asks for it. */
    String message() {
      String when = date == null ? "" : " on " + date;
      String source = announcement == null ? "" : " (" + announcement + ")";
      return retired
          ? "the runner label "
              + label
              + " was retired"
              + when
              + ", so jobs that ask for it no longer run; use "
              + instead
              + source
          : "the runner label "
              + label
              + " is deprecated and will be retired"
              + when
              + ", with brownouts before; move to "
              + instead
              + source;
    }
  }

  private static final Map<String, Label> TABLE = load();

  private RunnerLabels() {}

  /** The state of {@code label} (matched exactly, as GitHub does), or empty for a current one. */
  static Optional<Label> of(String label) {
    return Optional.ofNullable(TABLE.get(label.strip()));
  }

  private static Map<String, Label> load() {
    Map<String, Label> out = new LinkedHashMap<>();
    try (InputStream in =
        RunnerLabels.class.getResourceAsStream("/dev/nixmigrate/core/github-runner-labels.tsv")) {
      if (in == null) {
        throw new IllegalStateException("github-runner-labels.tsv is missing from the jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 5 || !(f[1].equals("retired") || f[1].equals("deprecated"))) {
          throw new IllegalStateException("github-runner-labels.tsv: bad row: " + line);
        }
        out.put(
            f[0],
            new Label(
                f[0],
                f[1].equals("retired"),
                f[2].equals("-") ? null : f[2],
                f[3],
                f[4].equals("-") ? null : f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
