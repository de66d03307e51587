package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines that point sccache or ccache at a shared storage, the same on GitHub and GitLab.
 *
 * <p>A job that writes ({@code NIXMIGRATE_CACHE_WRITE=true}: a push to the default branch) uses the
 * write credentials in read-write mode; every other job uses the read credentials, read-only.
 * sccache refuses to start when it cannot reach its storage, which would fail the build, so it is
 * started here: when that fails (a pull request from a fork gets no secrets), the job warns and
 * keeps its cache on its own disk. ccache counts a storage it cannot reach as a miss by itself.
 *
 * <p>Each line is one complete shell statement (GitLab runs each script entry on its own), and
 * every value in them is either a storage part that {@link CacheStorage} checked against a strict
 * pattern, or a variable expanded inside double quotes.
 */
final class SharedStorage {
  private SharedStorage() {}

  /** Where the settings go: GitHub's file for later steps, or the job's own shell. */
  enum Sink {
    GITHUB_ENV,
    SHELL
  }

  /**
   * One setting: a mandatory value, or one set only when the shell word is not empty (or, with no
   * value here, by a line of its own).
   */
  private record Setting(String name, String value, boolean onlyIfSet) {}

  /** The mode and the credentials of this job; GCS's key is a password with no user. */
  private static String choose(boolean user) {
    return "if [ \"${"
        + CompilerCaches.WRITE_FLAG
        + ":-false}\" = true ]; then cache_mode=READ_WRITE;"
        + (user ? " cache_user=\"${NIXMIGRATE_CACHE_WRITE_USERNAME:-}\";" : "")
        + " cache_pass=\"${NIXMIGRATE_CACHE_WRITE_PASSWORD:-}\";"
        + " else cache_mode=READ_ONLY;"
        + (user ? " cache_user=\"${NIXMIGRATE_CACHE_USERNAME:-}\";" : "")
        + " cache_pass=\"${NIXMIGRATE_CACHE_PASSWORD:-}\"; fi";
  }

  /** The lines, in order. */
  static List<String> lines(CompilerCache cache, CacheStorage storage, Sink sink) {
    List<String> out = new ArrayList<>();
    out.add(choose(storage.kind() != CacheStorage.Kind.GCS));
    List<Setting> settings = new ArrayList<>();
    if (cache == CompilerCache.CCACHE) {
      out.add(
          "cache_auth=\"\"; if [ -n \"$cache_pass\" ]; then"
              + " cache_auth=\"${cache_user:+$cache_user:}$cache_pass@\"; fi");
      String url = storage.location();
      int scheme = url.indexOf("://") + 3;
      String remote =
          url.substring(0, scheme)
              + "${cache_auth}"
              + url.substring(scheme)
              // A WebDAV server makes no folders for a PUT: every entry goes in the one folder.
              + (storage.kind() == CacheStorage.Kind.WEBDAV ? "|layout=flat" : "");
      settings.add(new Setting("CCACHE_REMOTE_STORAGE", "\"" + remote + "\"", false));
      out.addAll(exports(settings));
      out.add(
          "if [ \"$cache_mode\" = READ_ONLY ]; then"
              + " CCACHE_REMOTE_STORAGE=\"$CCACHE_REMOTE_STORAGE|read-only=true\"; fi");
    } else {
      settings.addAll(sccache(storage));
      out.addAll(exports(settings));
      if (storage.kind() == CacheStorage.Kind.S3) {
        // With no key, a public bucket is read anonymously (sccache refuses a key with this).
        out.add(
            "if [ -z \"$cache_user$cache_pass\" ]; then export SCCACHE_S3_NO_CREDENTIALS=true; fi");
        settings.add(new Setting("SCCACHE_S3_NO_CREDENTIALS", "", true));
      }
      if (storage.kind() == CacheStorage.Kind.GCS) {
        // sccache reads a service account key from a file only.
        out.add(
            "if [ -n \"$cache_pass\" ]; then cache_key=\"$(mktemp)\";"
                + " printf '%s' \"$cache_pass\" > \"$cache_key\";"
                + " export SCCACHE_GCS_KEY_PATH=\"$cache_key\"; fi");
        settings.add(new Setting("SCCACHE_GCS_KEY_PATH", "", true));
      }
    }
    List<String> names = settings.stream().map(Setting::name).distinct().toList();
    String persist =
        names.size() == 1
            ? "printf '%s=%s\\n' " + names.get(0) + " \"$" + names.get(0) + "\" >> \"$GITHUB_ENV\""
            : "for cache_var in "
                + String.join(" ", names)
                + "; do if [ -n \"${!cache_var:-}\" ]; then"
                + " printf '%s=%s\\n' \"$cache_var\" \"${!cache_var}\"; fi; done"
                + " >> \"$GITHUB_ENV\"";
    String warning =
        "sccache could not reach the shared cache (no credentials in this job?); this job"
            + " caches on its own disk";
    if (cache == CompilerCache.SCCACHE) {
      out.add(
          sink == Sink.GITHUB_ENV
              ? "if sccache --start-server; then "
                  + persist
                  + "; else echo \"::warning::"
                  + warning
                  + "\"; fi"
              : "if ! sccache --start-server; then echo \""
                  + warning
                  + "\"; unset "
                  + String.join(" ", names)
                  + "; fi");
    } else if (sink == Sink.GITHUB_ENV) {
      out.add(persist);
    }
    return out;
  }

  /** sccache's settings for {@code storage}, as its src/config.rs reads them. */
  private static List<Setting> sccache(CacheStorage storage) {
    List<Setting> s = new ArrayList<>();
    switch (storage.kind()) {
      case REDIS, WEBDAV -> {
        String prefix = "SCCACHE_" + storage.kind().name() + "_";
        s.add(new Setting(prefix + "ENDPOINT", storage.location(), false));
        s.add(new Setting(prefix + "RW_MODE", "\"$cache_mode\"", false));
        s.add(new Setting(prefix + "USERNAME", "\"$cache_user\"", true));
        s.add(new Setting(prefix + "PASSWORD", "\"$cache_pass\"", true));
      }
      case S3 -> {
        s.add(new Setting("SCCACHE_BUCKET", storage.location(), false));
        if (!storage.region().isEmpty()) {
          s.add(new Setting("SCCACHE_REGION", storage.region(), false));
        }
        if (!storage.endpoint().isEmpty()) {
          s.add(new Setting("SCCACHE_ENDPOINT", storage.endpoint(), false));
        }
        s.add(new Setting("SCCACHE_S3_RW_MODE", "\"$cache_mode\"", false));
        s.add(new Setting("AWS_ACCESS_KEY_ID", "\"$cache_user\"", true));
        s.add(new Setting("AWS_SECRET_ACCESS_KEY", "\"$cache_pass\"", true));
      }
      case GCS -> {
        s.add(new Setting("SCCACHE_GCS_BUCKET", storage.location(), false));
        s.add(new Setting("SCCACHE_GCS_RW_MODE", "\"$cache_mode\"", false));
      }
      case CI -> throw new IllegalArgumentException("the CI service's cache is not shared");
    }
    return s;
  }

  private static List<String> exports(List<Setting> settings) {
    List<String> out = new ArrayList<>();
    for (Setting s : settings) {
      out.add(
          s.onlyIfSet()
              ? "if [ -n " + s.value() + " ]; then export " + s.name() + "=" + s.value() + "; fi"
              : "export " + s.name() + "=" + s.value());
    }
    return out;
  }
}
