package dev.nixmigrate.pr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GitHub's REST API (also GitHub Enterprise Server, with its own API address). */
final class GitHub extends ForgeApi {
  private final String repo;
  private final String owner;

  GitHub(String api, String repo, ForgeHttp http, Secret token) {
    super(api, http, token);
    this.repo = "/repos/" + repo;
    this.owner = repo.substring(0, repo.indexOf('/'));
  }

  static Map<String, String> headers(Secret token) {
    return Map.of(
        "Accept", "application/vnd.github+json",
        "X-GitHub-Api-Version", "2022-11-28",
        "Authorization", "Bearer " + token.reveal(),
        "User-Agent", "nixmigrate");
  }

  @Override
  public String name() {
    return "GitHub";
  }

  @Override
  public String gitUser() {
    return "x-access-token";
  }

  @Override
  public String defaultBranch() {
    return str(map(ok(call("GET", repo, null), "reading the repository")), "default_branch");
  }

  @Override
  public Optional<PullRequest> findOpen(String head, String base) {
    String q = "?state=open&head=" + enc(owner + ":" + head) + "&base=" + enc(base);
    return list(ok(call("GET", repo + "/pulls" + q, null), "listing pull requests")).stream()
        .findFirst()
        .map(GitHub::pr);
  }

  private static PullRequest pr(Map<String, Object> m) {
    return new PullRequest(num(m, "number"), str(m, "html_url"), str(m, "title"), str(m, "body"));
  }

  @Override
  public Optional<PullRequest> create(
      String head, String base, String title, String body, boolean draft) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("title", title);
    req.put("head", head);
    req.put("base", base);
    req.put("body", body);
    req.put("draft", draft);
    ForgeHttp.Response r = call("POST", repo + "/pulls", req);
    if (r.status() == 422 && r.body().contains("already exists")) {
      return Optional.empty();
    }
    return Optional.of(pr(map(ok(r, "opening the pull request"))));
  }

  @Override
  public void update(PullRequest pr, String title, String body) {
    ok(
        call("PATCH", repo + "/pulls/" + pr.number(), Map.of("title", title, "body", body)),
        "updating pull request #" + pr.number());
  }

  @Override
  String commentsPath(PullRequest pr) {
    return repo + "/issues/" + pr.number() + "/comments";
  }

  @Override
  String label(PullRequest pr) {
    return "pull request #" + pr.number();
  }

  @Override
  public void close(PullRequest pr) {
    ok(
        call("PATCH", repo + "/pulls/" + pr.number(), Map.of("state", "closed")),
        "closing pull request #" + pr.number());
  }
}
