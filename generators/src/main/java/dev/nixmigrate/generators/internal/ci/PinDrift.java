package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.core.model.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actions a repository's workflows use at an older release than the one nixmigrate pins: a tag
 * ({@code @v4}, {@code @v4.1.1}), or a commit with its tag in a comment ({@code @SHA # v4.1.1}). A
 * commit with no tag beside it tells no release, and is not judged.
 */
public final class PinDrift {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
  private static final Pattern COMMENT_TAG =
      Pattern.compile("#\\s*(v?\\d+(?:\\.\\d+){0,2})(?![\\w.])");

  private PinDrift() {}

  /** An info diagnostic for each older pin in the workflows of the repository at {@code root}. */
  public static List<Diagnostic> of(Path root) {
    RepoFiles files = new RepoFiles(root);
    String dir = ".github/workflows";
    List<Diagnostic> out = new ArrayList<>();
    if (!files.isDirectory(dir)) {
      return out;
    }
    for (String name : files.list(dir)) {
      if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
        continue;
      }
      String rel = dir + "/" + name;
      Optional<String> text = files.text(rel);
      if (text.isEmpty()) {
        continue;
      }
      for (Uses u : uses(text.get(), rel)) {
        older(u.value(), u.text()).ifPresent(m -> out.add(Diagnostic.info(rel, u.line(), 1, m)));
      }
    }
    return out;
  }

  /**
   * The actions whose pin differs between two texts of one workflow, as "action: old → new", each
   * side named by its tag comment where it has one, else by its ref. Text that is not YAML gives
   * none.
   */
  public static List<String> moves(String before, String after, String path) {
    java.util.Map<String, String> was = pins(before, path);
    java.util.Map<String, String> now = pins(after, path);
    List<String> out = new ArrayList<>();
    for (java.util.Map.Entry<String, String> e : now.entrySet()) {
      String old = was.get(e.getKey());
      if (old != null && !old.equals(e.getValue())) {
        out.add(e.getKey() + ": " + old + " → " + e.getValue());
      }
    }
    return out;
  }

  /** Each action a workflow uses, with the release it names (its tag comment, else its ref). */
  private static java.util.Map<String, String> pins(String text, String path) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    if (text == null) {
      return out;
    }
    for (Uses u : uses(text, path)) {
      int at = u.value().indexOf('@');
      if (at <= 0) {
        continue;
      }
      String ref = u.value().substring(at + 1);
      int hash = u.text().indexOf('#');
      Matcher c = hash < 0 ? null : COMMENT_TAG.matcher(u.text().substring(hash));
      String shown =
          c != null && c.lookingAt()
              ? c.group(1)
              : ref.matches("[0-9a-fA-F]{40}") ? ref.substring(0, 12) : ref;
      // Only the shapes a ref can have reach the text a pull request shows.
      if (shown.matches("[\\w.+-]{1,64}")
          && u.value().substring(0, at).matches("[\\w./-]{1,200}")) {
        out.put(u.value().substring(0, at), shown);
      }
    }
    return out;
  }

  /** A {@code uses:} value of a workflow, its 1-based line and that line's whole text. */
  private record Uses(String value, int line, String text) {}

  /** Every {@code uses:} of a workflow's text; none when the text is not YAML. */
  private static List<Uses> uses(String text, String path) {
    List<YamlReader.Leaf> leaves;
    try {
      leaves = YamlReader.leaves(text, path);
    } catch (ManifestException e) {
      return List.of(); // the scan reports it
    }
    String[] lines = text.split("\n", -1);
    List<Uses> out = new ArrayList<>();
    for (YamlReader.Leaf l : leaves) {
      if (l.key().equals("uses")) {
        String line = l.line() >= 1 && l.line() <= lines.length ? lines[l.line() - 1] : "";
        out.add(new Uses(l.value().strip(), l.line(), line));
      }
    }
    return out;
  }

  /** What to say of {@code uses} (on {@code line}) when it is older than the pinned release. */
  static Optional<String> older(String uses, String line) {
    int at = uses.indexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    String action = uses.substring(0, at).toLowerCase(Locale.ROOT);
    String ref = uses.substring(at + 1);
    Optional<ActionPins.Pin> pin = ActionPins.pin(action);
    if (pin.isEmpty() || ref.equalsIgnoreCase(pin.get().sha())) {
      return Optional.empty();
    }
    String theirs = null;
    if (VERSION.matcher(ref).matches()) {
      theirs = ref;
    } else if (ref.matches("[0-9a-fA-F]{40}")) {
      int hash = line.indexOf('#');
      Matcher c = hash < 0 ? null : COMMENT_TAG.matcher(line.substring(hash));
      if (c != null && c.lookingAt()) {
        theirs = c.group(1);
      }
    }
    if (theirs == null || compare(theirs, pin.get().tag()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        pin.get().action()
            + " is used at "
            + theirs
            + ", older than "
            + pin.get().tag()
            + ", the release nixmigrate pins ("
            + pin.get().action()
            + "@"
            + pin.get().sha()
            + " # "
            + pin.get().tag()
            + "); read its release notes before you move to it");
  }

  /**
   * Compares releases by the parts both give: {@code v4} is older than {@code v7.0.1}, and as new
   * as {@code v4.2.2}.
   */
  static int compare(String a, String b) {
    Matcher x = VERSION.matcher(a);
    Matcher y = VERSION.matcher(b);
    if (!x.matches() || !y.matches()) {
      return 0;
    }
    for (int i = 1; i <= 3; i++) {
      if (x.group(i) == null || y.group(i) == null) {
        return 0;
      }
      int c = new java.math.BigInteger(x.group(i)).compareTo(new java.math.BigInteger(y.group(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
