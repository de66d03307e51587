package dev.nixmigrate.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/** Three-way merge of the user's edits with new output, with git's conflict markers. */
final class Merge {
  private Merge() {}

  record Result(String text, boolean conflicts) {}

  /** True when {@code text} holds a whole set of git's conflict markers. */
  static boolean hasMarkers(String text) {
    boolean open = false;
    boolean middle = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("<<<<<<< ") || line.equals("<<<<<<<")) {
        open = true;
        middle = false;
      } else if (open && line.equals("=======")) {
        middle = true;
      } else if (open && middle && (line.startsWith(">>>>>>> ") || line.equals(">>>>>>>"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Merges {@code yours} (the file now) and {@code theirs} (new output) over {@code base} (last
   * output).
   */
  static Result merge(String base, String yours, String theirs) {
    RawText b = text(base);
    RawText y = text(yours);
    RawText t = text(theirs);
    MergeResult<RawText> r =
        new MergeAlgorithm(new HistogramDiff()).merge(RawTextComparator.DEFAULT, b, y, t);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new MergeFormatter()
          .formatMerge(
              out,
              r,
              List.of("last nixmigrate output", "your edits", "new nixmigrate output"),
              StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(out.toString(StandardCharsets.UTF_8), r.containsConflicts());
  }

  private static RawText text(String s) {
    return new RawText(s.getBytes(StandardCharsets.UTF_8));
  }
}
