package dev.nixmigrate.core.internal.scan;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.ExistingSetup;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a scan: walk, read manifests into projects, read the existing setup. */
public final class Scan {
  private Scan() {}

  /**
   * {@code facts} as they would be with {@code changed} written (path to new text, or null for a
   * deleted file): what the repository already has is read again; the projects are kept, since
   * nixmigrate's files are not manifests.
   */
  public static RepoFacts after(RepoFacts facts, Map<String, String> changed) {
    RepoFiles files = new RepoFiles(facts.root(), changed);
    ExistingSetup existing = ExistingSetupReader.read(files, cmakeDirs(facts.projects()));
    return new RepoFacts(
        facts.root(), facts.projects(), existing, facts.diagnostics(), facts.leftOut());
  }

  private static List<String> cmakeDirs(List<Project> projects) {
    return projects.stream().filter(p -> p.cmake().isPresent()).map(Project::path).toList();
  }

  public static RepoFacts run(Path root) {
    if (!Files.isDirectory(root)) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          root + ": no such directory; pass the repository's root folder");
    }
    RepoFiles files = new RepoFiles(root);
    GitLink.check(files);
    dev.nixmigrate.core.Progress.report("scanning the repository");
    Map<String, List<String>> tree = RepoWalker.walk(files);
    dev.nixmigrate.core.Progress.report("reading manifests in " + tree.size() + " folders");
    List<Project> projects = new ProjectAssembler(files, tree, NixpkgsData.bundled()).assemble();
    dev.nixmigrate.core.Progress.report("reading the CI and build setup");
    ExistingSetup existing = ExistingSetupReader.read(files, cmakeDirs(projects));
    List<Diagnostic> diagnostics =
        files.diagnostics().stream().distinct().sorted(Diagnostic.ORDER).toList();
    return ProjectRoles.classify(
        new RepoFacts(files.root(), projects, existing, diagnostics), files);
  }
}
