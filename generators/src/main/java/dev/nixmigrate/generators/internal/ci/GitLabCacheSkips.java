package dev.nixmigrate.generators.internal.ci;

import static dev.nixmigrate.generators.internal.ci.YamlNodes.printable;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The GitLab jobs whose compiler cache step 2 leaves to the user. The edit installs the cache tool
 * with apt-get in the job's first script line, so a job must run in an image where that works: a
 * Debian or Ubuntu official image, or the runner's default one (on GitLab.com's hosted runners a
 * Debian-based Ruby image). A Windows or macOS runner, an MSYS2 shell or MSVC is left too.
 */
final class GitLabCacheSkips {
  private GitLabCacheSkips() {}

  /**
   * Docker's official images built on Debian or Ubuntu (their Alpine and Windows tags aside), which
   * run as root: apt-get installs there.
   */
  private static final Set<String> DEBIAN_IMAGES =
      Set.of(
          "rust", "gcc", "debian", "ubuntu", "buildpack-deps", "python", "ruby", "node", "golang");

  /** GitLab's limit on nested {@code extends}. */
  private static final int EXTENDS_DEPTH = 11;

  /** The reasons to leave {@code job} of {@code pipeline}, whose script is {@code script}. */
  static List<CacheSkip> of(MappingNode pipeline, MappingNode job, String script) {
    List<CacheSkip> out = new ArrayList<>();
    if (inherited(pipeline, job, "tags", 0) instanceof SequenceNode tags) {
      List<String> names = tags.getValue().stream().map(GitLabCacheSkips::text).toList();
      names.stream()
          .map(CacheSkip::os)
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .ifPresent(os -> out.add(CacheSkip.runner(os, printable(String.join(", ", names)))));
    }
    Node image = inherited(pipeline, job, "image", 0);
    if (image == null) {
      image = value(pipeline, "image"); // the global image, older than default:
    }
    if (image instanceof MappingNode m) {
      image = value(m, "name");
    }
    if (image != null && !isDebian(text(image))) {
      out.add(
          CacheSkip.image(
              "`" + printable(text(image)) + "`",
              "to be Debian or Ubuntu, where the line nixmigrate adds installs the tool with"
                  + " apt-get"));
    }
    String lower = script.toLowerCase(Locale.ROOT);
    if (lower.contains("msys2") || lower.contains("msys64")) {
      out.add(CacheSkip.msys2("its script calls MSYS2"));
    }
    String msvc = BuildCommands.msvc(script);
    if (msvc != null) {
      out.add(CacheSkip.msvc(printable(msvc)));
    }
    return out;
  }

  /**
   * The job's own {@code key}, or else the one of the job it {@code extends} (the last named
   * first), or else {@code default:}'s.
   */
  private static Node inherited(MappingNode pipeline, MappingNode job, String key, int depth) {
    Node own = value(job, key);
    if (own != null || depth > EXTENDS_DEPTH) {
      return own;
    }
    Node extended = value(job, "extends");
    List<Node> parents =
        extended instanceof SequenceNode seq ? new ArrayList<>(seq.getValue()) : new ArrayList<>();
    if (extended instanceof ScalarNode) {
      parents.add(extended);
    }
    java.util.Collections.reverse(parents);
    for (Node parent : parents) {
      if (value(pipeline, text(parent)) instanceof MappingNode p) {
        Node found = inherited(pipeline, p, key, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return depth == 0 && value(pipeline, "default") instanceof MappingNode d ? value(d, key) : null;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  /** Whether {@code image} is one of {@link #DEBIAN_IMAGES}, from Docker Hub, by any tag. */
  static boolean isDebian(String image) {
    String ref = image.strip().toLowerCase(Locale.ROOT).split("@", 2)[0];
    for (String hub : List.of("docker.io/library/", "docker.io/", "library/")) {
      if (ref.startsWith(hub)) {
        ref = ref.substring(hub.length());
        break;
      }
    }
    int colon = ref.indexOf(':');
    String name = colon < 0 ? ref : ref.substring(0, colon);
    String tag = colon < 0 ? "" : ref.substring(colon + 1);
    return DEBIAN_IMAGES.contains(name)
        && List.of("alpine", "windows", "nanoserver", "ltsc").stream().noneMatch(tag::contains);
  }
}
