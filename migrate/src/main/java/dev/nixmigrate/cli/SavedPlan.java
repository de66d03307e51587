package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.ManifestText;
import dev.nixmigrate.migrate.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plan saved to a file by {@code plan --out} and applied by {@code step --plan}. */
final class SavedPlan {
  private SavedPlan() {}

  static void write(Path file, Plan plan) {
    try {
      Files.writeString(file, plan.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NixMigrateException(
          NixMigrateException.Kind.EXTERNAL,
          "cannot save the plan to " + file + ": " + e.getMessage() + "; name a writable file");
    }
  }

  /** The plan in {@code file}, which must have been made for step {@code step}. */
  static Plan read(Path file, int step) {
    String text;
    try {
      text = ManifestText.read(file, file.toString());
    } catch (ManifestException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.diagnostic().toString());
    }
    Plan p = Plan.fromJson(text, file.toString());
    if (p.step() != step) {
      throw new NixMigrateException(
          NixMigrateException.Kind.BAD_INPUT,
          file
              + ": the plan was made for step "
              + p.step()
              + ", not step "
              + step
              + "; run nixmigrate step "
              + p.step()
              + " --plan "
              + file);
    }
    return p;
  }
}
