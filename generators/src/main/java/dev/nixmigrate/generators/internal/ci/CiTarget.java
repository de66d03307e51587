package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Warnings;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

/**
 * Where the repository's CI runs. nixmigrate writes GitHub Actions workflows only; a repository
 * whose CI is GitLab's is told so, plainly, in every plan that writes or edits one.
 */
public final class CiTarget {
  static final String GITLAB_CI = ".gitlab-ci.yml";
  static final String WORKFLOWS = ".github/workflows/";

  private CiTarget() {}

  /** Whether the repository's CI is GitLab's alone: a .gitlab-ci.yml and no GitHub workflows. */
  static boolean gitLabOnly(RepoFacts facts) {
    return Files.isRegularFile(facts.root().resolve(GITLAB_CI), LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(facts.root().resolve(WORKFLOWS), LinkOption.NOFOLLOW_LINKS);
  }

  /** Warns, once, when {@code files} holds GitHub workflows for a GitLab-only repository. */
  public static void check(RepoFacts facts, List<GeneratedFile> files, Warnings warnings) {
    if (files.stream().anyMatch(f -> f.path().startsWith(WORKFLOWS))) {
      warnIfGitLab(facts, warnings);
    }
  }

  /** Warns, once, when the repository's CI is GitLab's alone. */
  static void warnIfGitLab(RepoFacts facts, Warnings warnings) {
    if (gitLabOnly(facts)) {
      warnings.add(
          GITLAB_CI,
          "this repository's CI is GitLab's, and nixmigrate writes GitHub Actions workflows"
              + " only: GitLab does not run the files under .github/workflows/, and steps 2 and 5"
              + " do not edit .gitlab-ci.yml. The justfile, flake.nix, .envrc and nix/ work as"
              + " they are; run their commands (just test, nix flake check) from your"
              + " .gitlab-ci.yml yourself");
    }
  }
}
