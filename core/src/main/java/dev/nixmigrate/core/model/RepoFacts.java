package dev.nixmigrate.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything detection learned about a repository: its projects, what it already has for each
 * migration step, and diagnostics for whatever could not be read.
 */
public record RepoFacts(
    Path root, List<Project> projects, ExistingSetup existing, List<Diagnostic> diagnostics) {

  public RepoFacts {
    projects = List.copyOf(projects);
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when some manifest could not be read. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
