package dev.nixmigrate.core.cmake;

/** Three-valued truth for {@code if()} conditions nixmigrate cannot always decide. */
enum Tri {
  FALSE,
  UNKNOWN,
  TRUE;

  static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  Tri not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  Tri and(Tri o) {
    return values()[Math.min(ordinal(), o.ordinal())];
  }

  Tri or(Tri o) {
    return values()[Math.max(ordinal(), o.ordinal())];
  }
}
