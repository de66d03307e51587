package dev.nixmigrate.generators;

import dev.nixmigrate.core.model.Vocabulary;
import java.net.URI;
import java.util.Locale;

/**
 * A binary-cache provider as the user names it: {@code cachix:NAME}, {@code attic:URL/NAME}, {@code
 * s3:BUCKET?region=REGION[&endpoint=HOST]} or {@code none}.
 *
 * @param provider who serves it
 * @param name the cache's name (cachix, attic) or bucket (s3)
 * @param endpoint the attic server URL, or the S3 endpoint host (empty for AWS)
 * @param region the S3 region
 */
public record BinaryCache(Provider provider, String name, String endpoint, String region) {
  public static final BinaryCache NONE = new BinaryCache(Provider.NONE, "", "", "");

  /** The binary-cache services nixmigrate configures. */
  public enum Provider implements Vocabulary {
    NONE,
    CACHIX,
    ATTIC,
    S3;
  }

  public BinaryCache {
    java.util.Objects.requireNonNull(provider, "provider");
  }

  /** The provider's name: {@code cachix}, {@code attic}, {@code s3} or {@code none}. */
  public String kind() {
    return provider.id();
  }

  /** Parses the user's spec; the message of a rejection says what a valid one looks like. */
  public static BinaryCache parse(String spec) {
    String s = spec.strip();
    if (s.equalsIgnoreCase("none") || s.isEmpty()) {
      return NONE;
    }
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : s.substring(colon + 1);
    switch (kind) {
      case "cachix" -> {
        if (!rest.matches("[a-z0-9][a-z0-9-]{0,62}")) {
          throw bad(spec, "cachix:NAME, NAME in lower-case letters, digits and dashes");
        }
        return new BinaryCache(Provider.CACHIX, rest, "", "");
      }
      case "attic" -> {
        int slash = rest.lastIndexOf('/');
        String server = slash < 0 ? "" : rest.substring(0, slash);
        String cache = slash < 0 ? "" : rest.substring(slash + 1);
        if (!server.matches("https?://[A-Za-z0-9.-]+(:\\d+)?(/[A-Za-z0-9._~/-]*)?")
            || !cache.matches("[A-Za-z0-9._-]+")) {
          throw bad(spec, "attic:https://SERVER/CACHE");
        }
        return new BinaryCache(Provider.ATTIC, cache, server, "");
      }
      case "s3" -> {
        URI uri;
        try {
          uri = URI.create("s3://" + rest);
        } catch (IllegalArgumentException e) {
          throw bad(spec, "s3:BUCKET?region=REGION");
        }
        String bucket = uri.getHost();
        String region = query(uri, "region");
        String endpoint = query(uri, "endpoint");
        if (bucket == null
            || !bucket.matches("[a-z0-9][a-z0-9.-]{1,62}")
            || !region.matches("[a-z0-9-]+")
            || !endpoint.matches("[A-Za-z0-9.:-]*")) {
          throw bad(spec, "s3:BUCKET?region=REGION (and &endpoint=HOST for a non-AWS store)");
        }
        return new BinaryCache(Provider.S3, bucket, endpoint, region);
      }
      default -> throw bad(spec, "cachix:NAME, attic:URL/NAME, s3:BUCKET?region=REGION or none");
    }
  }

  /** The value of {@code key} in the URI's query, or empty. */
  static String query(URI uri, String key) {
    String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String part : q.split("&")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    return "";
  }

  private static IllegalArgumentException bad(String spec, String expected) {
    return new IllegalArgumentException(
        "binary cache '" + spec + "' is not valid; write " + expected);
  }

  /** The cache as {@link #parse} reads it: {@code cachix:NAME}, {@code attic:URL/NAME}, ... */
  public String spec() {
    return switch (provider) {
      case CACHIX -> "cachix:" + name;
      case ATTIC -> "attic:" + endpoint + "/" + name;
      case S3 -> "s3:" + storeUri().substring("s3://".length());
      case NONE -> "none";
    };
  }

  /** Where Nix downloads from. */
  public String substituter() {
    return switch (provider) {
      case CACHIX -> "https://" + name + ".cachix.org";
      case ATTIC -> endpoint + "/" + name;
      case S3 ->
          endpoint.isEmpty()
              ? "https://" + name + ".s3." + region + ".amazonaws.com"
              : "https://" + endpoint + "/" + name;
      case NONE -> "";
    };
  }

  /** Where CI uploads to with {@code nix copy} (S3 only). */
  public String storeUri() {
    return "s3://"
        + name
        + "?region="
        + region
        + (endpoint.isEmpty() ? "" : "&endpoint=" + endpoint);
  }

  public boolean isNone() {
    return provider == Provider.NONE;
  }
}
