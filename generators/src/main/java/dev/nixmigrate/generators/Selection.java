package dev.nixmigrate.generators;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which steps a run carries out, and which files nixmigrate already manages.
 *
 * @param target the step the repository is brought to (from 1)
 * @param steps the steps whose work this run does: the target, and earlier steps not already done
 *     by the repository's own files
 * @param managed repository-relative paths nixmigrate wrote before; they are kept in step with the
 *     target even when their step is not in {@code steps}
 * @param userFiles paths that exist and that nixmigrate did not write; a generator adapts to them
 *     (edits or hooks into them) instead of writing its own file in their place
 */
public record Selection(
    int target, Set<Integer> steps, Set<String> managed, Set<String> userFiles) {
  public Selection {
    if (target < 1) {
      throw new IllegalArgumentException("a step's number is at least 1, not " + target);
    }
    steps = Set.copyOf(new TreeSet<>(steps));
    managed = Set.copyOf(managed);
    userFiles = Set.copyOf(userFiles);
  }

  /** Every step up to {@code target}, in a repository nixmigrate has not touched. */
  public static Selection upTo(int target) {
    return new Selection(
        target,
        IntStream.rangeClosed(1, target).boxed().collect(Collectors.toSet()),
        Set.of(),
        Set.of());
  }

  public boolean includes(int step) {
    return steps.contains(step);
  }

  public boolean managed(String path) {
    return managed.contains(path);
  }

  /** True when {@code path} exists and is the user's own, not nixmigrate's. */
  public boolean usersOwn(String path) {
    return userFiles.contains(path);
  }
}
