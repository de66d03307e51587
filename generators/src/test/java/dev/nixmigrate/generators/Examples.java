package dev.nixmigrate.generators;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.TreeCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example repositories under {@code examples/} and the generation of their files. */
final class Examples {
  static final List<String> NAMES = List.of("python-uv", "rust-workspace", "cpp-cmake", "polyglot");

  /** The steps whose generators exist; the goldens cover each. */
  static final List<Integer> STEPS = List.of(1, 2, 3);

  /** The npm-installed validators live in tools/node_modules/.bin (see tools/package.json). */
  static Path npmBin() {
    return root().resolve("tools/node_modules/.bin");
  }

  private Examples() {}

  static Path root() {
    return Path.of(System.getProperty("nixmigrate.root", "..")).toAbsolutePath().normalize();
  }

  static Path repo(String name) {
    return root().resolve("examples").resolve(name).resolve("repo");
  }

  static Path expected(String name, int step) {
    return root().resolve("examples").resolve(name).resolve("expected").resolve("step-" + step);
  }

  static Generators.Generation generate(String name, int step) {
    RepoFacts facts = RepoScanner.scan(repo(name));
    return Generators.generate(facts, Options.defaults(), step);
  }

  /** A copy of the example with the step's files written into it (LINES files appended). */
  static Path materialize(String name, int step, Path into) throws IOException {
    Path dir = into.resolve(name + "-step-" + step);
    TreeCopy.copy(repo(name), dir);
    for (GeneratedFile f : generate(name, step).files()) {
      Path p = dir.resolve(f.path());
      Files.createDirectories(p.getParent());
      if (f.mode() == GeneratedFile.Mode.LINES && Files.exists(p)) {
        Files.writeString(p, Files.readString(p) + f.text(), StandardCharsets.UTF_8);
      } else {
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      }
    }
    return dir;
  }
}
