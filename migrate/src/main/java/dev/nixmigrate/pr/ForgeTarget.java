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
    if (kind != null) {
      kind = kind.toLowerCase(Locale.ROOT);
      if (!kind.equals("github") && !kind.equals("gitlab")) {
        throw bad("--forge must be github or gitlab, not " + forge);
      }
    }
    // What cannot be inferred is asked for all at once, not one option per run.
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (kind == null) {
      missing.add("--forge github (or gitlab)");
    }
    String r = repo != null ? repo : hp == null ? null : hp.path();
    if (r == null
        || !r.matches("[\\w.-]+(/[\\w.-]+)+")
        || ("github".equals(kind) && r.split("/").length != 2)) {
      missing.add("--repo OWNER/NAME");
    }
    if (apiUrl == null && (hp == null || kind == null)) {
      missing.add("--api-url URL");
    }
    if (!missing.isEmpty()) {
      throw bad(
          "cannot tell where to open the pull request from the remote's address; pass "
              + String.join(" ", missing));
    }
    String api = apiUrl;
    if (api == null) {
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
