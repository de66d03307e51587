package dev.nixmigrate.generators;

import java.util.ArrayList;
import java.util.List;

/** Things generation could not do as asked, said with the file they concern. */
public final class Warnings {
  private final List<String> items = new ArrayList<>();

  public void add(String file, String message) {
    String w = file + ": " + message;
    if (!items.contains(w)) {
      items.add(w);
    }
  }

  public List<String> all() {
    return List.copyOf(items);
  }
}
