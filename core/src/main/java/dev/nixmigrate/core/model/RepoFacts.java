package dev.nixmigrate.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything detection learned about a repository: its projects, what it already has for each
 * migration step, diagnostics for whatever could not be read, and the folders with manifests that
 * are not projects (examples, fixtures, benchmarks, vendored code).
 */
public record RepoFacts(
    Path root,
    List<Project> projects,
    ExistingSetup existing,
    List<Diagnostic> diagnostics,
    List<LeftOut> leftOut) {

  public RepoFacts {
    projects = List.copyOf(projects);
    diagnostics = List.copyOf(diagnostics);
    leftOut = List.copyOf(leftOut);
  }

  /** Facts where no folder was left out. */
  public RepoFacts(
      Path root, List<Project> projects, ExistingSetup existing, List<Diagnostic> diagnostics) {
    this(root, projects, existing, diagnostics, List.of());
  }

  /** True when some manifest could not be read. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** These facts with {@code more} diagnostics, in the order diagnostics are shown. */
  public RepoFacts withDiagnostics(List<Diagnostic> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
    all.addAll(more);
    all.sort(Diagnostic.ORDER);
    return new RepoFacts(root, projects, existing, all, leftOut);
  }
}
