package dev.nixmigrate.migrate;

import dev.nixmigrate.generators.Options;
import java.nio.file.Path;

/** A child JVM for the fault-injection test: brings a repository to a step, then says so. */
public final class StepChild {
  private StepChild() {}

  public static void main(String[] args) {
    NixMigrate.step(
        Path.of(args[0]),
        Options.defaults(),
        Integer.parseInt(args[1]),
        RunMode.DEFAULT.allowDirty(true).editExisting(true));
    System.out.println("done");
  }
}
