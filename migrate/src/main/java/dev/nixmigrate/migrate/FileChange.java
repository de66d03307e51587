package dev.nixmigrate.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * One file a plan would write: its content before (null when it does not exist) and after, the step
 * that needs it and why.
 */
public record FileChange(String path, String before, String after, int step, String reason) {

  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(after, "after");
  }

  public boolean creates() {
    return before == null;
  }

  /** A unified diff ({@code --- a/path}, {@code +++ b/path}) with three lines of context. */
  public String diff() {
    RawText a = new RawText(before == null ? new byte[0] : before.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    DiffAlgorithm algorithm = new HistogramDiff();
    EditList edits = algorithm.diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(
          ("--- " + (before == null ? "/dev/null" : "a/" + path) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(("+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
      DiffFormatter f = new DiffFormatter(out);
      f.setContext(3);
      f.format(edits, a, b);
      f.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
