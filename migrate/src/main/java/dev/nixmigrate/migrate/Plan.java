package dev.nixmigrate.migrate;

import java.util.List;

/** What bringing a repository to a step would change: the files, and what could not be done. */
public record Plan(int step, List<FileChange> changes, List<String> warnings) {
  public Plan {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The unified diff of every change, in path order. */
  public String diff() {
    StringBuilder b = new StringBuilder();
    changes.forEach(c -> b.append(c.diff()));
    return b.toString();
  }
}
