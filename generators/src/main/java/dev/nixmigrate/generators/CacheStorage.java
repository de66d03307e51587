package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.Vocabulary;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where step 2's compiler caches keep their entries, as the user names it: {@code ci} (the CI
 * service's own cache), {@code redis://HOST[:PORT][/DB]}, {@code rediss://...}, {@code
 * s3:BUCKET[?region=REGION][&endpoint=URL]}, {@code webdav:URL} or {@code gcs:BUCKET}.
 *
 * <p>Every part is checked against a strict pattern here, so nothing read from {@code
 * nixmigrate.toml} reaches a workflow or a shell line except letters, digits and the few
 * punctuation marks a host, a path or a bucket name needs.
 *
 * @param kind which storage
 * @param location the server URL (redis, webdav) or the bucket (s3, gcs); empty for {@code ci}
 * @param region the S3 region, or empty
 * @param endpoint the S3 endpoint URL for a store that is not AWS, or empty
 */
public record CacheStorage(Kind kind, String location, String region, String endpoint) {
  public static final CacheStorage CI = new CacheStorage(Kind.CI, "", "", "");

  /** The storages nixmigrate wires the compiler caches to. */
  public enum Kind implements Vocabulary {
    CI,
    REDIS,
    S3,
    WEBDAV,
    GCS;
  }

  private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?(:\\d{1,5})?";
  private static final Pattern REDIS = Pattern.compile("rediss?://" + HOST + "(/\\d{1,2})?");
  private static final Pattern HTTP =
      Pattern.compile("https?://" + HOST + "(/[A-Za-z0-9._~-]+)*/?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{0,30}");

  public CacheStorage {
    java.util.Objects.requireNonNull(kind, "kind");
  }

  /** Parses the user's spec; the message of a rejection says what a valid one looks like. */
  public static CacheStorage parse(String spec) {
    String s = spec.strip();
    if (s.isEmpty() || s.equalsIgnoreCase("ci")) {
      return CI;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
      if (!REDIS.matcher(s).matches()) {
        throw bad(spec, "redis://HOST[:PORT][/DB], the password kept in a CI secret");
      }
      return new CacheStorage(Kind.REDIS, s, "", "");
    }
    int colon = s.indexOf(':');
    String prefix = colon < 0 ? lower : lower.substring(0, colon);
    String rest = colon < 0 ? "" : s.substring(colon + 1);
    switch (prefix) {
      case "s3" -> {
        URI uri;
        try {
          uri = URI.create("s3://" + rest);
        } catch (IllegalArgumentException e) {
          throw bad(spec, "s3:BUCKET?region=REGION");
        }
        String bucket = uri.getHost();
        String region = BinaryCache.query(uri, "region");
        String endpoint = BinaryCache.query(uri, "endpoint");
        if (bucket == null
            || !BUCKET.matcher(bucket).matches()
            || !REGION.matcher(region).matches()
            || !(endpoint.isEmpty() || HTTP.matcher(endpoint).matches())) {
          throw bad(
              spec, "s3:BUCKET?region=REGION, and &endpoint=https://HOST for a store not on AWS");
        }
        return new CacheStorage(Kind.S3, bucket, region, endpoint);
      }
      case "webdav" -> {
        if (!HTTP.matcher(rest).matches()) {
          throw bad(spec, "webdav:https://HOST/PATH");
        }
        return new CacheStorage(Kind.WEBDAV, rest, "", "");
      }
      case "gcs" -> {
        if (!BUCKET.matcher(rest).matches()) {
          throw bad(spec, "gcs:BUCKET");
        }
        return new CacheStorage(Kind.GCS, rest, "", "");
      }
      default ->
          throw bad(
              spec,
              "ci, redis://HOST:PORT, s3:BUCKET?region=REGION, webdav:https://HOST/PATH or"
                  + " gcs:BUCKET");
    }
  }

  private static IllegalArgumentException bad(String spec, String expected) {
    return new IllegalArgumentException(
        "compiler cache storage '" + spec + "' is not valid; write " + expected);
  }

  /** The storage as {@link #parse} reads it. */
  public String spec() {
    return switch (kind) {
      case CI -> "ci";
      case REDIS -> location;
      case S3 -> {
        String q =
            (region.isEmpty() ? "" : "&region=" + region)
                + (endpoint.isEmpty() ? "" : "&endpoint=" + endpoint);
        yield "s3:" + location + (q.isEmpty() ? "" : "?" + q.substring(1));
      }
      case WEBDAV -> "webdav:" + location;
      case GCS -> "gcs:" + location;
    };
  }

  /** Whether the CI service's own cache is meant, not a shared server. */
  public boolean isCi() {
    return kind == Kind.CI;
  }

  /**
   * Why ccache cannot use this storage, or null when it can. ccache reaches Redis and plain HTTP
   * servers (WebDAV among them) by itself, with no TLS for either; it has no S3 or GCS client.
   */
  public String ccacheGap() {
    return switch (kind) {
      case CI -> null;
      case REDIS -> location.startsWith("rediss") ? "ccache's Redis storage has no TLS" : null;
      case WEBDAV -> location.startsWith("https") ? "ccache's HTTP storage has no HTTPS" : null;
      case S3 -> "ccache has no S3 storage";
      case GCS -> "ccache has no Google Cloud Storage storage";
    };
  }
}
