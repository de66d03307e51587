package dev.nixmigrate.pr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real git server for tests: {@code git http-backend} (git's own smart-HTTP server) behind HTTP
 * basic authentication, serving the bare repositories under a folder. Every request is recorded.
 */
final class GitHttpServer implements AutoCloseable {
  /** One request: method, path with query, whether it carried the right credentials. */
  record Request(String method, String uri, boolean authorized) {}

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService pool;
  private final Path root;
  private final String user;
  private final String password;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  GitHttpServer(Path root, String user, String password) throws IOException {
    this.root = root;
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    pool = Executors.newFixedThreadPool(8);
    server.setExecutor(pool);
    server.start();
  }

  String url(String repo) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repo;
  }

  /** The number of pushes (receive-pack calls) served. */
  long pushes() {
    synchronized (requests) {
      return requests.stream()
          .filter(r -> r.method().equals("POST") && r.uri().endsWith("/git-receive-pack"))
          .count();
    }
  }

  private boolean authorized(HttpExchange ex) {
    // Like a forge: any user name, the token as the password.
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Basic ")) {
      return false;
    }
    String pair =
        new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
    return pair.endsWith(":" + password)
        && pair.indexOf(':') == pair.length() - password.length() - 1;
  }

  private void handle(HttpExchange ex) throws IOException {
    boolean ok = authorized(ex);
    requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), ok));
    try (ex) {
      if (!ok) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        ex.sendResponseHeaders(401, -1);
        return;
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
      Map<String, String> env = pb.environment();
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("REQUEST_METHOD", ex.getRequestMethod());
      env.put("PATH_INFO", ex.getRequestURI().getPath());
      env.put(
          "QUERY_STRING",
          ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
      env.put("CONTENT_LENGTH", Integer.toString(body.length));
      env.put("REMOTE_USER", user);
      env.put("REMOTE_ADDR", "127.0.0.1");
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        env.put("CONTENT_TYPE", type);
      }
      String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
      if (encoding != null) {
        env.put("HTTP_CONTENT_ENCODING", encoding);
      }
      String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
      if (protocol != null) {
        env.put("GIT_PROTOCOL", protocol);
      }
      Process p = pb.start();
      Thread feeder =
          new Thread(
              () -> {
                try (OutputStream in = p.getOutputStream()) {
                  in.write(body);
                } catch (IOException e) {
                  // The backend stopped reading; its answer says why.
                }
              });
      feeder.start();
      byte[] out;
      try (InputStream o = p.getInputStream()) {
        out = o.readAllBytes();
      }
      p.getErrorStream().readAllBytes();
      try {
        p.waitFor();
        feeder.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // A CGI answer: header lines, a blank line, the body.
      int split = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      int skip = 4;
      if (split < 0) {
        split = indexOf(out, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
        skip = 2;
      }
      String head = new String(out, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1);
      int status = 200;
      for (String line : head.split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Status")) {
          status = Integer.parseInt(value.split(" ")[0]);
        } else {
          ex.getResponseHeaders().add(name, value);
        }
      }
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      rest.write(out, split + skip, out.length - split - skip);
      byte[] bytes = rest.toByteArray();
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        ex.getResponseBody().write(bytes);
      }
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
