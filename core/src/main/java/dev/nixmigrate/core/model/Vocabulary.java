package dev.nixmigrate.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A closed vocabulary, an enum, whose values are written in lower case with words joined by {@code
 * -}: {@code NOTHING_TO_DO} is {@code nothing-to-do}. JSON, templates and saved plans use that
 * form.
 */
public interface Vocabulary {
  /** The enum constant's name. */
  String name();

  /** The value as written: lower case, words joined by {@code -}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value of {@code type} written {@code id}; else an error naming the values there are. */
  static <E extends Enum<E> & Vocabulary> E of(Class<E> type, String id) {
    E[] all = type.getEnumConstants();
    return Arrays.stream(all)
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + id
                        + "' is not one of "
                        + Arrays.stream(all)
                            .map(Vocabulary::id)
                            .collect(Collectors.joining(", "))));
  }
}
