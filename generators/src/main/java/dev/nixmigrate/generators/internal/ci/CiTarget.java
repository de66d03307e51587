package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.internal.scan.RepoName;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which CI service a run writes for: the one {@code nixmigrate.toml} or {@code --ci} names, else
 * the one the repository shows. Nothing is run to find out: the files are read as data.
 */
public final class CiTarget {
  public static final String GITLAB_CI = ".gitlab-ci.yml";
  static final String WORKFLOWS = ".github/workflows/";

  /** {@code git@host:path} (scp-like), the form git accepts besides URLs. */
  private static final Pattern SCP_LIKE = Pattern.compile("^[^@/]+@([^:/]+):.*$");

  private CiTarget() {}

  /** The service for {@code facts}' repository under {@code options}. */
  public static CiService of(RepoFacts facts, Options options) {
    if (options.ci() != null) {
      return options.ci();
    }
    boolean gitlabCi =
        Files.isRegularFile(facts.root().resolve(GITLAB_CI), LinkOption.NOFOLLOW_LINKS);
    boolean workflows =
        Files.isDirectory(facts.root().resolve(WORKFLOWS), LinkOption.NOFOLLOW_LINKS);
    if (gitlabCi != workflows) {
      return gitlabCi ? CiService.GITLAB : CiService.GITHUB;
    }
    if (!gitlabCi && remoteHost(facts).map(CiTarget::isGitLabHost).orElse(false)) {
      return CiService.GITLAB;
    }
    return CiService.GITHUB;
  }

  static boolean isGitLabHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("gitlab.com") || h.contains("gitlab");
  }

  /** The host of the repository's remote (origin first), read from git's config as text. */
  static Optional<String> remoteHost(RepoFacts facts) {
    return RepoName.remoteUrl(facts.root()).flatMap(CiTarget::host);
  }

  static Optional<String> host(String url) {
    Matcher scp = SCP_LIKE.matcher(url);
    if (!url.contains("://") && scp.matches()) {
      return Optional.of(scp.group(1));
    }
    try {
      return Optional.ofNullable(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The project kinds ("python", "rust", "cmake") that CI files of the user's, other than {@code
   * own}, already build, each with the first such file; a warning from {@code own} says so for
   * each. The jobs nixmigrate writes leave these kinds out.
   */
  static Map<String, String> builtElsewhere(
      RepoFacts facts, Generator.Context ctx, String own, String noun) {
    Map<String, String> built = new TreeMap<>();
    Map<Evidence.Kind, String> kinds =
        Map.of(
            Evidence.Kind.CI_BUILDS_PYTHON, "python",
            Evidence.Kind.CI_BUILDS_RUST, "rust",
            Evidence.Kind.CI_BUILDS_C, "cmake");
    kinds.forEach(
        (kind, name) ->
            facts.existing().of(kind).stream()
                .filter(e -> !e.file().equals(own) && !ctx.selection().managed(e.file()))
                .findFirst()
                .ifPresent(e -> built.put(name, e.file())));
    built.forEach(
        (name, file) ->
            ctx.warnings()
                .add(
                    own,
                    "your "
                        + noun
                        + " "
                        + file
                        + " already builds the "
                        + name
                        + " projects, so this "
                        + noun
                        + " leaves them out"));
    return built;
  }
}
