package dev.nixmigrate.core.model;

import java.util.Locale;

/** A language nixmigrate migrates; {@link #id()} is the stable name in JSON output. */
public enum Language {
  PYTHON("python"),
  RUST("rust"),
  C("c"),
  CPP("cpp");

  private final String id;

  Language(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * Maps a CMake language name (C, CXX, OBJCXX...) to ours, or null for ones we do not build (ASM).
   */
  public static Language fromCMake(String cmakeName) {
    return switch (cmakeName.toUpperCase(Locale.ROOT)) {
      case "C", "OBJC" -> C;
      case "CXX", "OBJCXX", "CUDA", "HIP" -> CPP;
      default -> null;
    };
  }
}
