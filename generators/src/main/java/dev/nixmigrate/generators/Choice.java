package dev.nixmigrate.generators;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A closed set of choices written in lower case in files and on the command line. */
final class Choice {
  private Choice() {}

  /** The choice's name as written: {@code CCACHE} is {@code ccache}. */
  static String written(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** The choice written {@code s}; else an error naming {@code what} and the choices. */
  static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
    E[] all = type.getEnumConstants();
    return Arrays.stream(all)
        .filter(e -> written(e).equals(s))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what
                        + " must be "
                        + Arrays.stream(all)
                            .map(Choice::written)
                            .collect(Collectors.joining(" or "))
                        + ", not '"
                        + s
                        + "'"));
  }
}
