package dev.nixmigrate.pr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nixmigrate.core.internal.read.Json;
import dev.nixmigrate.core.json.JsonWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server that plays the GitHub or GitLab REST endpoints the bot uses, with their state
 * (pull requests, comments) and their answers (422 or 409 on a duplicate, 401 on a bad token).
 * Every request is recorded; a request no endpoint expects is answered 599 and recorded in {@link
 * #unexpected}, which tests assert is empty. Faults can be queued for the next matching request.
 */
final class FakeForge implements AutoCloseable {
  record Request(String method, String path, Map<String, String> headers, String body) {}

  /** A canned answer for the next request matching method and path pattern. */
  record Fault(
      String method,
      Pattern path,
      int status,
      Map<String, String> headers,
      String body,
      long delayMillis) {}

  /** A pull or merge request as the fake keeps it. */
  static final class Pr {
    final long number;
    final String head;
    final String base;
    String title;
    String body;
    String state = "open";
    final List<String> comments = new ArrayList<>();

    Pr(long number, String head, String base, String title, String body) {
      this.number = number;
      this.head = head;
      this.base = base;
      this.title = title;
      this.body = body;
    }
  }

  final boolean gitlab;
  final String repo;
  private final String token;
  private final HttpServer server;
  private final ExecutorService pool;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  final List<Pr> prs = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  String defaultBranch = "main";

  FakeForge(boolean gitlab, String repo, String token) throws IOException {
    this.gitlab = gitlab;
    this.repo = repo;
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    pool = Executors.newFixedThreadPool(8);
    server.setExecutor(pool);
    server.start();
  }

  String api() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (gitlab ? "/api/v4" : "/api/v3");
  }

  synchronized void fault(
      String method, String pathRegex, int status, Map<String, String> headers, String body) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), status, headers, body, 0));
  }

  synchronized void delay(String method, String pathRegex, long millis) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), 0, Map.of(), "", millis));
  }

  synchronized Pr open(String head, String base, String title, String body) {
    Pr pr = new Pr(prs.size() + 1, head, base, title, body);
    prs.add(pr);
    return pr;
  }

  synchronized List<Pr> openPrs() {
    return prs.stream().filter(p -> p.state.equals("open")).toList();
  }

  /** The requests as "METHOD path", in order. */
  List<String> calls() {
    synchronized (requests) {
      return requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }
  }

  private synchronized Fault takeFault(String method, String path) {
    for (Fault f : faults) {
      if (f.method().equals(method) && f.path().matcher(path).find()) {
        faults.remove(f);
        return f;
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path =
          ex.getRequestURI().getRawPath()
              + (ex.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + ex.getRequestURI().getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(method, path, headers, body));
      Fault f = takeFault(method, path);
      if (f != null && f.delayMillis() > 0) {
        try {
          Thread.sleep(f.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        f = null; // a slow answer, then the real one
      }
      if (f != null) {
        f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, f.status(), f.body());
        return;
      }
      boolean authorized =
          gitlab
              ? token.equals(headers.get("private-token"))
              : ("Bearer " + token).equals(headers.get("authorization"));
      if (!authorized) {
        send(ex, 401, "{\"message\": \"Bad credentials\"}");
        return;
      }
      Object answer;
      synchronized (this) {
        answer = gitlab ? gitlab(method, path, body, ex) : github(method, path, body, ex);
      }
      if (answer == null) {
        unexpected.add(method + " " + path);
        send(ex, 599, "{\"message\": \"unexpected request\"}");
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
  }

  private static Map<String, String> query(String path) {
    Map<String, String> q = new LinkedHashMap<>();
    int i = path.indexOf('?');
    if (i >= 0) {
      for (String kv : path.substring(i + 1).split("&")) {
        String[] p = kv.split("=", 2);
        q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
      }
    }
    return q;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    try {
      return (Map<String, Object>) Json.parse(body, "request");
    } catch (Exception e) {
      throw new IllegalStateException("request body is not JSON: " + body, e);
    }
  }

  private Object done(HttpExchange ex, int status, Object answer) throws IOException {
    send(ex, status, JsonWriter.write(answer));
    return answer;
  }

  private Map<String, Object> githubPr(Pr p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", p.number);
    m.put("html_url", "https://github.example/" + repo + "/pull/" + p.number);
    m.put("title", p.title);
    m.put("body", p.body);
    m.put("state", p.state);
    return m;
  }

  private Object github(String method, String path, String body, HttpExchange ex)
      throws IOException {
    String base = "/api/v3/repos/" + repo;
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Map<String, String> q = query(path);
    if (method.equals("GET") && p.equals(base)) {
      return done(ex, 200, Map.of("default_branch", defaultBranch, "full_name", repo));
    }
    if (method.equals("GET") && p.equals(base + "/pulls")) {
      String owner = repo.substring(0, repo.indexOf('/'));
      return done(
          ex,
          200,
          prs.stream()
              .filter(x -> x.state.equals(q.getOrDefault("state", "open")))
              .filter(x -> (owner + ":" + x.head).equals(q.get("head")))
              .filter(x -> x.base.equals(q.get("base")))
              .map(this::githubPr)
              .toList());
    }
    if (method.equals("POST") && p.equals(base + "/pulls")) {
      Map<String, Object> req = json(body);
      String head = (String) req.get("head");
      String b = (String) req.get("base");
      if (prs.stream()
          .anyMatch(x -> x.state.equals("open") && x.head.equals(head) && x.base.equals(b))) {
        return done(
            ex,
            422,
            Map.of(
                "message",
                "Validation Failed",
                "errors",
                List.of(Map.of("message", "A pull request already exists for " + head + "."))));
      }
      Pr pr = open(head, b, (String) req.get("title"), (String) req.get("body"));
      return done(ex, 201, githubPr(pr));
    }
    Matcher m =
        Pattern.compile(Pattern.quote(base) + "/(pulls|issues)/(\\d+)(/comments)?").matcher(p);
    if (m.matches()) {
      Pr pr = prs.get(Integer.parseInt(m.group(2)) - 1);
      if (m.group(3) != null && m.group(1).equals("issues")) {
        if (method.equals("GET")) {
          return done(ex, 200, pr.comments.stream().map(c -> Map.of("body", c)).toList());
        }
        if (method.equals("POST")) {
          pr.comments.add((String) json(body).get("body"));
          return done(ex, 201, Map.of("body", pr.comments.get(pr.comments.size() - 1)));
        }
      } else if (m.group(3) == null && m.group(1).equals("pulls") && method.equals("PATCH")) {
        Map<String, Object> req = json(body);
        if (req.containsKey("title")) {
          pr.title = (String) req.get("title");
        }
        if (req.containsKey("body")) {
          pr.body = (String) req.get("body");
        }
        if ("closed".equals(req.get("state"))) {
          pr.state = "closed";
        }
        return done(ex, 200, githubPr(pr));
      }
    }
    return null;
  }

  private Map<String, Object> gitlabMr(Pr p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iid", p.number);
    m.put("web_url", "https://gitlab.example/" + repo + "/-/merge_requests/" + p.number);
    m.put("title", p.title);
    m.put("description", p.body);
    m.put("state", p.state.equals("open") ? "opened" : "closed");
    return m;
  }

  private Object gitlab(String method, String path, String body, HttpExchange ex)
      throws IOException {
    String base = "/api/v4/projects/" + repo.replace("/", "%2F");
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Map<String, String> q = query(path);
    if (method.equals("GET") && p.equals(base)) {
      return done(ex, 200, Map.of("default_branch", defaultBranch, "path_with_namespace", repo));
    }
    if (method.equals("GET") && p.equals(base + "/merge_requests")) {
      return done(
          ex,
          200,
          prs.stream()
              .filter(x -> "opened".equals(q.get("state")) && x.state.equals("open"))
              .filter(x -> x.head.equals(q.get("source_branch")))
              .filter(x -> x.base.equals(q.get("target_branch")))
              .map(this::gitlabMr)
              .toList());
    }
    if (method.equals("POST") && p.equals(base + "/merge_requests")) {
      Map<String, Object> req = json(body);
      String head = (String) req.get("source_branch");
      String b = (String) req.get("target_branch");
      if (prs.stream()
          .anyMatch(x -> x.state.equals("open") && x.head.equals(head) && x.base.equals(b))) {
        return done(
            ex,
            409,
            Map.of(
                "message",
                List.of("Another open merge request already exists for this source branch")));
      }
      Pr pr = open(head, b, (String) req.get("title"), (String) req.get("description"));
      return done(ex, 201, gitlabMr(pr));
    }
    Matcher m = Pattern.compile(Pattern.quote(base) + "/merge_requests/(\\d+)(/notes)?").matcher(p);
    if (m.matches()) {
      Pr pr = prs.get(Integer.parseInt(m.group(1)) - 1);
      if (m.group(2) != null) {
        if (method.equals("GET")) {
          return done(ex, 200, pr.comments.stream().map(c -> Map.of("body", c)).toList());
        }
        if (method.equals("POST")) {
          pr.comments.add((String) json(body).get("body"));
          return done(ex, 201, Map.of("body", pr.comments.get(pr.comments.size() - 1)));
        }
      } else if (method.equals("PUT")) {
        Map<String, Object> req = json(body);
        if (req.containsKey("title")) {
          pr.title = (String) req.get("title");
        }
        if (req.containsKey("description")) {
          pr.body = (String) req.get("description");
        }
        if ("close".equals(req.get("state_event"))) {
          pr.state = "closed";
        }
        return done(ex, 200, gitlabMr(pr));
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
