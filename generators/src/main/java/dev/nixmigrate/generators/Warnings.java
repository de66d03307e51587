package dev.nixmigrate.generators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Things generation could not do as asked, said with the file they concern. */
public final class Warnings {
  /** A set: a manifest with a hundred thousand dependencies may warn about each. */
  private final Set<Warning> items = new LinkedHashSet<>();

  public void add(String file, String message) {
    items.add(new Warning(file, message));
  }

  public List<Warning> all() {
    return List.copyOf(items);
  }
}
