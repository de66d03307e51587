package dev.nixmigrate.core.model;

import dev.nixmigrate.core.python.Marker;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specifier: {@code name[extras] specifier ; marker} or {@code name @ url}.
 * {@code specifier} and {@code url} are empty strings when absent, {@code marker} is {@link
 * Marker#always()}.
 */
public record Requirement(
    String name, List<String> extras, String specifier, String url, Marker marker) {

  public Requirement {
    extras = List.copyOf(extras);
    Objects.requireNonNull(marker, "marker");
  }

  /** The PEP 503 normalised name: lower case, runs of {@code -_.} folded to one {@code -}. */
  public String normalizedName() {
    return normalize(name);
  }

  public static String normalize(String name) {
    return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /** Written back in PEP 508 form. */
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
