package dev.nixmigrate.migrate;

import java.util.List;

/**
 * What bringing a repository to a step would do, as {@code step} decides it: the files it would
 * write, the files it would leave alone (and why), the merges that would clash, and what generation
 * could not do as asked.
 */
public record Plan(
    int step,
    List<FileChange> changes,
    List<String> left,
    List<String> conflicts,
    List<String> warnings) {
  public Plan {
    changes = List.copyOf(changes);
    left = List.copyOf(left);
    conflicts = List.copyOf(conflicts);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The unified diff of every change, in path order: a patch {@code git apply} takes. */
  public String diff() {
    StringBuilder b = new StringBuilder();
    changes.forEach(c -> b.append(c.diff()));
    return b.toString();
  }
}
