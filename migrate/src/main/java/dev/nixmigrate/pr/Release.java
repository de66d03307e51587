package dev.nixmigrate.pr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Which nixmigrate this is, as the build recorded it: the version, the repository releases come
 * from, and, for a release build, the commit it was built from (which pins the GitHub Action).
 */
public record Release(String repository, String version, String commit) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  public Release {
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("not OWNER/NAME: " + repository);
    }
    if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?")) {
      throw new IllegalArgumentException("not a version: " + version);
    }
    commit = commit == null || !SHA.matcher(commit).matches() ? "" : commit;
  }

  /** The build's own, from the properties Maven wrote into the jar. */
  public static Release current() {
    Properties p = buildProperties();
    return new Release(
        p.getProperty("repository", "nixmigrate/nixmigrate"),
        p.getProperty("version", "0.0.0-SNAPSHOT"),
        p.getProperty("commit", ""));
  }

  /** What Maven wrote into the jar at build time: version, repository and commit. */
  public static Properties buildProperties() {
    Properties p = new Properties();
    try (InputStream in =
        Release.class.getResourceAsStream("/dev/nixmigrate/cli/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The release number without {@code -SNAPSHOT}. */
  public String releaseVersion() {
    return version.replace("-SNAPSHOT", "");
  }

  /** A build made by the release workflow, which knows its commit. */
  public boolean isRelease() {
    return !commit.isEmpty() && !version.endsWith("-SNAPSHOT");
  }

  /** What a workflow's {@code uses:} says to run this release's Action, pinned when it can be. */
  public String actionUses() {
    return isRelease()
        ? repository + "@" + commit + " # v" + releaseVersion()
        : repository + "@v" + releaseVersion();
  }
}
