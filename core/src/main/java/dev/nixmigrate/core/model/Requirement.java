package dev.nixmigrate.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specifier: {@code name[extras] specifier ; marker} or {@code name @ url},
 * and where it was read.
 *
 * @param specifier the PEP 440 specifier set, or empty
 * @param url the direct reference, or empty
 * @param marker the environment marker, {@link Marker#always()} when there is none
 * @param file the repository-relative file it was read from, or empty when it was not read from one
 * @param line the 1-based line of {@code file} it starts on, or 0 when that is not known
 */
public record Requirement(
    String name,
    List<String> extras,
    String specifier,
    String url,
    Marker marker,
    String file,
    int line) {

  public Requirement {
    extras = List.copyOf(extras);
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(file, "file");
  }

  /** A requirement read from no file. */
  public Requirement(
      String name, List<String> extras, String specifier, String url, Marker marker) {
    this(name, extras, specifier, url, marker, "", 0);
  }

  /** This requirement, read from {@code line} of {@code file}. */
  public Requirement at(String file, int line) {
    return new Requirement(name, extras, specifier, url, marker, file, line);
  }

  /** The PEP 503 normalised name: lower case, runs of {@code -_.} folded to one {@code -}. */
  public String normalizedName() {
    return normalize(name);
  }

  public static String normalize(String name) {
    return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /** Written back in PEP 508 form, without where it was read. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name);
    if (!extras.isEmpty()) {
      b.append('[').append(String.join(",", extras)).append(']');
    }
    if (!url.isEmpty()) {
      b.append(" @ ").append(url);
    } else {
      b.append(specifier);
    }
    if (marker != Marker.always()) {
      b.append(url.isEmpty() ? "; " : " ; ").append(marker);
    }
    return b.toString();
  }
}
