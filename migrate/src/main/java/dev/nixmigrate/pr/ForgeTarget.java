package dev.nixmigrate.pr;

import dev.nixmigrate.core.NixMigrateException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which forge, API address and repository a remote belongs to, inferred from its URL ({@code
 * https://github.com/o/r.git}, {@code git@gitlab.com:group/sub/r.git}, {@code ssh://git@host/o/r})
 * unless given.
 *
 * @param kind "github" or "gitlab"
 * @param apiUrl the REST API's base address
 * @param repo {@code OWNER/NAME} (GitLab: the full project path)
 */
public record ForgeTarget(String kind, String apiUrl, String repo) {
  private static final Pattern SCP = Pattern.compile("^[\\w.-]+@([\\w.-]+):(.+)$");

  /** The host and path of a remote URL, without user, password or {@code .git}. */
  record HostPath(String host, String path) {}

  static HostPath parse(String url) {
    Matcher scp = SCP.matcher(url);
    String host;
    String path;
    if (scp.matches() && !url.contains("://")) {
      host = scp.group(1);
      path = scp.group(2);
    } else {
      try {
        URI u = URI.create(url);
        host = u.getHost();
        path = u.getPath();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (host == null || path == null) {
      return null;
    }
    path = path.replaceAll("^/+", "").replaceAll("/+$", "").replaceAll("\\.git$", "");
    return path.contains("/") ? new HostPath(host.toLowerCase(Locale.ROOT), path) : null;
  }

  /**
   * The target: each of {@code forge}, {@code apiUrl} and {@code repo} as given, else inferred from
   * {@code remoteUrl}; what cannot be inferred is a bad-input error that names the option.
   */
  public static ForgeTarget of(String remoteUrl, String forge, String apiUrl, String repo) {
    HostPath hp = remoteUrl == null ? null : parse(remoteUrl);
    String kind = forge;
    if (kind == null && hp != null) {
      if (hp.host().equals("github.com") || hp.host().contains("github")) {
        kind = "github";
      } else if (hp.host().contains("gitlab")) {
        kind = "gitlab";
      }
    }
    if (kind == null) {
      throw bad(
          "cannot tell the forge from the remote's address; pass --forge github or --forge gitlab");
    }
    kind = kind.toLowerCase(Locale.ROOT);
    if (!kind.equals("github") && !kind.equals("gitlab")) {
      throw bad("--forge must be github or gitlab, not " + forge);
    }
    String r = repo != null ? repo : hp == null ? null : hp.path();
    if (r == null
        || !r.matches("[\\w.-]+(/[\\w.-]+)+")
        || (kind.equals("github") && r.split("/").length != 2)) {
      throw bad("cannot tell the repository from the remote's address; pass --repo OWNER/NAME");
    }
    String api = apiUrl;
    if (api == null) {
      if (hp == null) {
        throw bad("pass --api-url: the remote's address names no host");
      }
      api =
          kind.equals("github")
              ? hp.host().equals("github.com")
                  ? "https://api.github.com"
                  : "https://" + hp.host() + "/api/v3"
              : "https://" + hp.host() + "/api/v4";
    }
    return new ForgeTarget(kind, api, r);
  }

  private static NixMigrateException bad(String message) {
    return new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, message);
  }
}
