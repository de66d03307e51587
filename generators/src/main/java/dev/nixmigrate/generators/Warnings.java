package dev.nixmigrate.generators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Things generation could not do as asked, said with the file they concern. */
public final class Warnings {
  /** A set: a manifest with a hundred thousand dependencies may warn about each. */
  private final Set<String> items = new LinkedHashSet<>();

  public void add(String file, String message) {
    items.add(file + ": " + message);
  }

  public List<String> all() {
    return List.copyOf(items);
  }
}
