package dev.nixmigrate.core.model;

import java.util.List;

/** What the repository already has toward the five steps: CI, caches, Nix files, binary caches. */
public record ExistingSetup(List<Evidence> evidence) {

  public ExistingSetup {
    evidence = List.copyOf(evidence);
  }

  /** The evidence of one kind, in file order. */
  public List<Evidence> of(Evidence.Kind kind) {
    return evidence.stream().filter(e -> e.kind() == kind).toList();
  }

  public boolean has(Evidence.Kind kind) {
    return evidence.stream().anyMatch(e -> e.kind() == kind);
  }
}
