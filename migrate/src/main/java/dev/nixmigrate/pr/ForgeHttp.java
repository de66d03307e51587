package dev.nixmigrate.pr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The forge API's HTTP calls, with the retry rules forges ask for: {@code Retry-After} and
 * rate-limit reset headers are honoured, 5xx answers and timeouts are retried with jittered
 * exponential backoff, and everything stops after a bounded number of attempts or an overall
 * deadline. 401, a 403 that is not a rate limit, 404, 409 and 422 are never retried: they are
 * returned for the caller to judge.
 */
final class ForgeHttp {
  /** How hard to try. */
  record Policy(
      int maxAttempts,
      Duration deadline,
      Duration requestTimeout,
      Duration baseBackoff,
      Duration secondaryLimitWait,
      Duration maxWait) {
    /** Five attempts within five minutes; a secondary rate limit waits at least a minute. */
    static final Policy DEFAULT =
        new Policy(
            5,
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2));
  }

  /** Waits; tests pass one that records the waits and advances a clock instead. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, java.util.List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client;
  private final Map<String, String> headers;
  private final Secret token;
  private final Policy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Random random;
  private final String forge;

  /** Where a retry is announced (the user sees why the bot waits); never a token. */
  private final java.util.function.Consumer<String> progress;

  ForgeHttp(
      String forge,
      Map<String, String> headers,
      Secret token,
      Policy policy,
      Sleeper sleeper,
      Clock clock,
      Random random,
      java.util.function.Consumer<String> progress) {
    this.forge = forge;
    this.progress = progress;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(policy.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.headers = Map.copyOf(headers);
    this.token = token;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  /**
   * What went wrong on the way to the server, in words: the exception's kind and message, and its
   * causes' (a refused connection or an unknown host often carries no message of its own).
   */
  static String cause(Throwable e) {
    List<String> parts = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
      String m = t.getMessage();
      String part = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
      if (!parts.contains(part)) {
        parts.add(part);
      }
    }
    return String.join(", caused by ", parts);
  }

  Response send(String method, URI uri, String json) {
    Instant deadline = clock.instant().plus(policy.deadline());
    String what = method + " " + uri.getPath();
    String last = "no answer";
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .timeout(policy.requestTimeout())
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      headers.forEach(b::header);
      if (json != null) {
        b.header("Content-Type", "application/json");
      }
      Duration wait;
      try {
        HttpResponse<String> r =
            client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Response resp = new Response(r.statusCode(), r.headers().map(), r.body());
        wait = retryWait(resp, attempt);
        if (wait == null) {
          return resp;
        }
        last = "HTTP " + resp.status();
      } catch (HttpTimeoutException e) {
        last = "no answer within " + policy.requestTimeout().toSeconds() + " s";
        wait = backoff(attempt);
      } catch (IOException e) {
        last = token.redact("cannot reach " + uri.getHost() + ": " + cause(e));
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeException(0, forge + ": interrupted during " + what);
      }
      if (attempt >= policy.maxAttempts()) {
        throw new ForgeException(
            0,
            forge + ": " + what + " failed " + attempt + " times (last: " + last + "); try later");
      }
      if (wait.compareTo(policy.maxWait()) > 0 || clock.instant().plus(wait).isAfter(deadline)) {
        throw new ForgeException(
            0,
            forge
                + ": "
                + what
                + " would have to wait "
                + wait.toSeconds()
                + " s more ("
                + last
                + "), past the bot's deadline; run it again later");
      }
      progress.accept(
          forge
              + ": "
              + what
              + ": "
              + last
              + "; trying again in "
              + Math.max(1, wait.toSeconds())
              + " s (attempt "
              + (attempt + 1)
              + " of "
              + policy.maxAttempts()
              + ")");
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeException(0, forge + ": interrupted during " + what);
      }
    }
  }

  /** How long to wait before trying again, or null when this answer is final. */
  private Duration retryWait(Response r, int attempt) {
    int s = r.status();
    if (s == 429 || (s == 403 && rateLimited(r))) {
      Duration after = retryAfter(r);
      if (after != null) {
        return after;
      }
      Duration reset = resetWait(r);
      if (reset != null) {
        return reset;
      }
      return s == 403 ? max(policy.secondaryLimitWait(), backoff(attempt)) : backoff(attempt);
    }
    if (s >= 500) {
      Duration after = retryAfter(r);
      return after != null ? after : backoff(attempt);
    }
    return null;
  }

  /** A 403 that is a rate limit (primary or secondary), not a missing permission. */
  private static boolean rateLimited(Response r) {
    return r.header("retry-after") != null
        || "0".equals(r.header("x-ratelimit-remaining"))
        || r.body().toLowerCase(Locale.ROOT).contains("rate limit");
  }

  private Duration retryAfter(Response r) {
    String v = r.header("retry-after");
    if (v == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip())));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return max(Duration.ZERO, Duration.between(clock.instant(), at));
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** GitHub's {@code x-ratelimit-reset} and GitLab's {@code ratelimit-reset}: epoch seconds. */
  private Duration resetWait(Response r) {
    boolean exhausted =
        "0".equals(r.header("x-ratelimit-remaining"))
            || "0".equals(r.header("ratelimit-remaining"));
    String reset = r.header("x-ratelimit-reset");
    if (reset == null) {
      reset = r.header("ratelimit-reset");
    }
    if (!exhausted || reset == null) {
      return null;
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(reset.strip()));
      return max(Duration.ofSeconds(1), Duration.between(clock.instant(), at));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** base × 2^(attempt-1), times a random factor from 0.5 to 1.5. */
  private Duration backoff(int attempt) {
    long base = policy.baseBackoff().toMillis() << Math.min(attempt - 1, 10);
    return Duration.ofMillis((long) (base * (0.5 + random.nextDouble())));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
