package dev.nixmigrate.core.internal.python;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version ({@code 1!2.0.1rc1.post2.dev3+local}), ordered as PEP 440 orders them.
 *
 * <p>Only the public version is ordered; a local label ({@code +ubuntu1}) is kept for {@code ==}
 * and ignored in comparisons, which is what a specifier without a local label asks for.
 */
public final class Pep440Version implements Comparable<Pep440Version> {
  /** The PEP 440 appendix's pattern, in the permissive form packaging accepts. */
  private static final Pattern VERSION =
      Pattern.compile(
          "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
              + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d*))?"
              + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d*))?"
              + "(?:[-_.]?(dev)[-_.]?(\\d*))?"
              + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

  private final long epoch;
  private final long[] release;

  /** Pre-release phase 0 (a), 1 (b), 2 (rc), or 3 when there is none. */
  private final int prePhase;

  private final long pre;

  /** -1 when there is no post-release. */
  private final long post;

  /** Long.MAX_VALUE when there is no dev release. */
  private final long dev;

  private final String local;

  private Pep440Version(
      long epoch, long[] release, int prePhase, long pre, long post, long dev, String local) {
    this.epoch = epoch;
    this.release = release;
    this.prePhase = prePhase;
    this.pre = pre;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  /** The version {@code text} spells, or empty when it is not a PEP 440 version. */
  public static Optional<Pep440Version> parse(String text) {
    Matcher m = VERSION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long[] release = Arrays.stream(m.group(2).split("\\.")).mapToLong(Long::parseLong).toArray();
      int phase =
          m.group(3) == null
              ? 3
              : switch (m.group(3)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
              };
      boolean hasPost = m.group(5) != null || m.group(6) != null;
      return Optional.of(
          new Pep440Version(
              m.group(1) == null ? 0 : Long.parseLong(m.group(1)),
              release,
              phase,
              number(m.group(4)),
              hasPost ? number(m.group(5) != null ? m.group(5) : m.group(7)) : -1,
              m.group(8) == null ? Long.MAX_VALUE : number(m.group(9)),
              m.group(10) == null ? "" : m.group(10).replaceAll("[-_]", ".")));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  /**
   * Whether this version satisfies the clause {@code op target} ({@code >=}, {@code 3.10}); empty
   * when {@code target} is not a version that {@code op} takes ({@code ~=3}, {@code <3.*}). {@code
   * ===} is a string comparison and is not decided here.
   */
  public Optional<Boolean> satisfies(String op, String target) {
    boolean wildcard = target.endsWith(".*");
    if (wildcard && !op.equals("==") && !op.equals("!=")) {
      return Optional.empty();
    }
    Optional<Pep440Version> parsed =
        parse(wildcard ? target.substring(0, target.length() - 2) : target);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Pep440Version t = parsed.get();
    return switch (op) {
      case "==" -> Optional.of(wildcard ? hasPrefix(t.release, t) : equalTo(t));
      case "!=" -> Optional.of(!(wildcard ? hasPrefix(t.release, t) : equalTo(t)));
      case "<" -> Optional.of(compareTo(t) < 0);
      case "<=" -> Optional.of(compareTo(t) <= 0);
      case ">" -> Optional.of(compareTo(t) > 0);
      case ">=" -> Optional.of(compareTo(t) >= 0);
      case "~=" ->
          t.release.length < 2
              ? Optional.empty()
              : Optional.of(
                  compareTo(t) >= 0
                      && hasPrefix(Arrays.copyOf(t.release, t.release.length - 1), t));
      default -> Optional.empty();
    };
  }

  /** {@code ==V}: a local label counts only when V has one. */
  private boolean equalTo(Pep440Version t) {
    return t.hasLocal() ? equalsWithLocal(t) : compareTo(t) == 0;
  }

  /** {@code ==V.*}: the same epoch, and a release that starts with {@code prefix}. */
  private boolean hasPrefix(long[] prefix, Pep440Version t) {
    if (epoch != t.epoch) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((i < release.length ? release[i] : 0) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static long number(String digits) {
    return digits == null || digits.isEmpty() ? 0 : Long.parseLong(digits);
  }

  private boolean hasLocal() {
    return !local.isEmpty();
  }

  /** Whether the local labels match too, where {@link #compareTo} ignores them. */
  private boolean equalsWithLocal(Pep440Version o) {
    return compareTo(o) == 0 && local.equals(o.local);
  }

  /**
   * PEP 440's order: epoch, release (trailing zeros do not count), then {@code 1.0.dev0 < 1.0a1 <
   * 1.0 < 1.0.post1}.
   */
  @Override
  public int compareTo(Pep440Version o) {
    int c = Long.compare(epoch, o.epoch);
    if (c != 0) {
      return c;
    }
    c = compareRelease(release, o.release);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preKey(), o.preKey());
    if (c == 0 && prePhase < 3) {
      c = Long.compare(pre, o.pre);
    }
    if (c != 0) {
      return c;
    }
    c = Long.compare(post, o.post);
    return c != 0 ? c : Long.compare(dev, o.dev);
  }

  /** A bare dev release sorts before every pre-release of its version. */
  private int preKey() {
    return prePhase == 3 && post < 0 && dev != Long.MAX_VALUE ? -1 : prePhase;
  }

  private static int compareRelease(long[] a, long[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int c = Long.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    int n = release.length;
    while (n > 0 && release[n - 1] == 0) {
      n--;
    }
    return Arrays.hashCode(Arrays.copyOf(release, n)) * 31 + Long.hashCode(epoch);
  }
}
