package dev.nixmigrate.testing;

import java.nio.file.Path;

/** The root of nixmigrate's own checkout, which Maven passes to the tests as nixmigrate.root. */
public final class ProjectRoot {
  private ProjectRoot() {}

  /** The checkout's root; a module's parent when the tests run without Maven's property. */
  public static Path path() {
    return Path.of(System.getProperty("nixmigrate.root", "..")).toAbsolutePath().normalize();
  }
}
