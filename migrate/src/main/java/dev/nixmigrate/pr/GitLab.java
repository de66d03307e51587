package dev.nixmigrate.pr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GitLab's REST API v4 (gitlab.com or self-hosted): merge requests. */
final class GitLab extends ForgeApi {
  private final String project;

  GitLab(String api, String repo, ForgeHttp http, Secret token) {
    super(api, http, token);
    this.project = "/projects/" + enc(repo);
  }

  static Map<String, String> headers(Secret token) {
    return Map.of("PRIVATE-TOKEN", token.reveal(), "User-Agent", "nixmigrate");
  }

  @Override
  public String name() {
    return "GitLab";
  }

  @Override
  public String gitUser() {
    return "oauth2";
  }

  @Override
  public String defaultBranch() {
    return str(map(ok(call("GET", project, null), "reading the project")), "default_branch");
  }

  @Override
  public Optional<PullRequest> findOpen(String head, String base) {
    String q = "?state=opened&source_branch=" + enc(head) + "&target_branch=" + enc(base);
    return list(ok(call("GET", project + "/merge_requests" + q, null), "listing merge requests"))
        .stream()
        .findFirst()
        .map(GitLab::mr);
  }

  private static PullRequest mr(Map<String, Object> m) {
    return new PullRequest(
        num(m, "iid"), str(m, "web_url"), str(m, "title"), str(m, "description"));
  }

  @Override
  public Optional<PullRequest> create(
      String head, String base, String title, String body, boolean draft) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("source_branch", head);
    req.put("target_branch", base);
    req.put("title", draft ? "Draft: " + title : title);
    req.put("description", body);
    req.put("remove_source_branch", true);
    ForgeHttp.Response r = call("POST", project + "/merge_requests", req);
    if (r.status() == 409) {
      return Optional.empty();
    }
    return Optional.of(mr(map(ok(r, "opening the merge request"))));
  }

  @Override
  public void update(PullRequest pr, String title, String body) {
    String keep = pr.title().startsWith("Draft: ") ? "Draft: " + title : title;
    ok(
        call(
            "PUT",
            project + "/merge_requests/" + pr.number(),
            Map.of("title", keep, "description", body)),
        "updating merge request !" + pr.number());
  }

  @Override
  public boolean says(PullRequest pr, String title, String body) {
    String t = pr.title().startsWith("Draft: ") ? pr.title().substring(7) : pr.title();
    return t.equals(title) && pr.body().strip().equals(body.strip());
  }

  @Override
  String commentsPath(PullRequest pr) {
    return project + "/merge_requests/" + pr.number() + "/notes";
  }

  @Override
  String label(PullRequest pr) {
    return "merge request !" + pr.number();
  }

  @Override
  public void close(PullRequest pr) {
    ok(
        call("PUT", project + "/merge_requests/" + pr.number(), Map.of("state_event", "close")),
        "closing merge request !" + pr.number());
  }
}
