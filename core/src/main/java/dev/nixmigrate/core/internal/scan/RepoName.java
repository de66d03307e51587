package dev.nixmigrate.core.internal.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a repository whose manifests name nothing: the last part of its remote's URL ({@code
 * origin} first, else the first remote by name), or {@code project}. Never the checkout folder's
 * name, which differs from clone to clone; the remote's is the same in every clone.
 */
public final class RepoName {
  /** The name used when the repository has no remote. */
  public static final String NO_REMOTE = "project";

  private static final Pattern SECTION =
      Pattern.compile("^\\s*\\[\\s*remote\\s+\"([^\"]*)\"\\s*\\]\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_SECTION = Pattern.compile("^\\s*\\[.*$");
  private static final Pattern URL =
      Pattern.compile("^\\s*url\\s*=\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);

  /** Git's own config files are small; a larger one is not read. */
  private static final long MAX_CONFIG = 1 << 20;

  private RepoName() {}

  /** The name for the repository at {@code root}. */
  public static String of(Path root) {
    return remoteUrl(root).map(RepoName::fromUrl).filter(s -> !s.isEmpty()).orElse(NO_REMOTE);
  }

  /** The URL of {@code origin}, or of the first remote by name, from the repository's config. */
  public static Optional<String> remoteUrl(Path root) {
    Optional<String> config = config(root);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> urls = new TreeMap<>();
    String remote = null;
    for (String line : config.get().split("\n", -1)) {
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        remote = s.group(1);
        continue;
      }
      if (ANY_SECTION.matcher(line).matches()) {
        remote = null;
        continue;
      }
      Matcher u = URL.matcher(line);
      if (remote != null && u.matches() && !urls.containsKey(remote)) {
        urls.put(remote, unquote(u.group(1)));
      }
    }
    if (urls.containsKey("origin")) {
      return Optional.of(urls.get("origin"));
    }
    return urls.values().stream().findFirst();
  }

  /** {@code https://host/org/name.git}, {@code git@host:org/name}, a path: {@code name}. */
  static String fromUrl(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    int cut = Math.max(u.lastIndexOf('/'), Math.max(u.lastIndexOf(':'), u.lastIndexOf('\\')));
    String last = u.substring(cut + 1);
    if (last.toLowerCase(Locale.ROOT).endsWith(".git")) {
      last = last.substring(0, last.length() - 4);
    }
    return last.replaceAll("[^A-Za-z0-9._+-]+", "-")
        .replaceAll("^[^A-Za-z0-9]+", "")
        .replaceAll("-+$", "");
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /**
   * The text of the repository's config: {@code .git/config}, or a linked worktree's common one.
   */
  private static Optional<String> config(Path root) {
    Path git = root.resolve(".git");
    Path dir = null;
    if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      dir = git;
    } else if (Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) {
      Optional<String> link = read(git);
      if (link.isPresent() && link.get().startsWith("gitdir:")) {
        String first = link.get().lines().findFirst().orElse("");
        dir = resolve(root, first.substring("gitdir:".length()).strip());
        Optional<String> common = dir == null ? Optional.empty() : read(dir.resolve("commondir"));
        if (common.isPresent()) {
          dir = resolve(dir, common.get().strip());
        }
      }
    }
    return dir == null ? Optional.empty() : read(dir.resolve("config"));
  }

  private static Path resolve(Path base, String rel) {
    try {
      return rel.isEmpty() ? null : base.resolve(rel).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private static Optional<String> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_CONFIG) {
        return Optional.empty();
      }
      return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
