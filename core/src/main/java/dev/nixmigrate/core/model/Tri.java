package dev.nixmigrate.core.model;

/** Three-valued truth for conditions nixmigrate cannot always decide (CMake's if(), markers). */
public enum Tri {
  FALSE,
  UNKNOWN,
  TRUE;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Tri not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  public Tri and(Tri o) {
    return values()[Math.min(ordinal(), o.ordinal())];
  }

  public Tri or(Tri o) {
    return values()[Math.max(ordinal(), o.ordinal())];
  }

  /** Whether it may hold: true or unknown. */
  public boolean possible() {
    return this != FALSE;
  }
}
