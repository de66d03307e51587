package dev.nixmigrate.pr;

import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.json.JsonWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the two forges' clients share: JSON in and out, and errors that say what to do. */
abstract class ForgeApi implements Forge {
  final String api;
  final ForgeHttp http;
  final Secret token;

  ForgeApi(String api, ForgeHttp http, Secret token) {
    this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    this.http = http;
    this.token = token;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The API path of a pull request's comments (GitLab: notes). */
  abstract String commentsPath(PullRequest pr);

  /** "pull request #N" or "merge request !N", for messages. */
  abstract String label(PullRequest pr);

  @Override
  public List<String> comments(PullRequest pr) {
    return list(ok(call("GET", commentsPath(pr) + "?per_page=100", null), "reading the comments"))
        .stream()
        .map(m -> str(m, "body"))
        .toList();
  }

  @Override
  public void comment(PullRequest pr, String body) {
    ok(call("POST", commentsPath(pr), Map.of("body", body)), "commenting on " + label(pr));
  }

  ForgeHttp.Response call(String method, String path, Map<String, Object> body) {
    return http.send(method, URI.create(api + path), body == null ? null : JsonWriter.write(body));
  }

  /** The parsed body of a successful answer; any other answer is an error that says why. */
  Object ok(ForgeHttp.Response r, String what) {
    if (!r.ok()) {
      throw failure(r, what);
    }
    try {
      return Json.parse(r.body(), name() + " " + what);
    } catch (ManifestException e) {
      throw new ForgeException(r.status(), name() + ": " + what + ": the answer is not JSON");
    }
  }

  ForgeException failure(ForgeHttp.Response r, String what) {
    String hint =
        switch (r.status()) {
          case 401 -> "the token is not valid (expired or mistyped)";
          case 403 -> "the token lacks a permission this needs";
          case 404 -> "no such repository, or the token cannot see it";
          case 409, 422 -> "the forge refused the request as it stands";
          default -> "the forge failed";
        };
    String message = "";
    try {
      if (Json.parse(r.body(), "answer") instanceof Map<?, ?> m && m.get("message") != null) {
        message = ": " + m.get("message");
      }
    } catch (ManifestException e) {
      // Not JSON: the status says enough.
    }
    return new ForgeException(
        r.status(),
        token.redact(
            name() + ": " + what + " answered " + r.status() + message + " (" + hint + ")"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : v.toString();
  }

  static long num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }
}
