package dev.nixmigrate.generators;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TreeCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example repositories under {@code examples/} and the generation of their files. */
final class Examples {
  static final List<String> NAMES =
      List.of("python-uv", "rust-workspace", "cpp-cmake", "polyglot", "rust-gitlab");

  /** The examples whose CI is GitHub's (the others' own pipeline is GitLab's). */
  static final List<String> GITHUB = NAMES.stream().filter(n -> !n.endsWith("-gitlab")).toList();

  /** The steps whose generators exist; the goldens cover each. */
  static final List<Integer> STEPS = List.of(1, 2, 3, 4, 5);

  /** Each example exercises another binary-cache provider at step 5. */
  static Options options(String name) {
    String key = "demo-1:" + "A".repeat(43) + "=";
    return switch (name) {
      case "python-uv" ->
          Options.defaults()
              .withFlakeNixConfig(true)
              .withBinaryCache(
                  BinaryCache.parse("cachix:greeting-demo"),
                  "greeting-demo.cachix.org-1:" + "B".repeat(43) + "=");
      case "rust-workspace" ->
          Options.defaults()
              .withBinaryCache(BinaryCache.parse("attic:https://attic.example.org/hashsum"), key);
      case "cpp-cmake" ->
          Options.defaults()
              .withBinaryCache(BinaryCache.parse("s3:checksum-cache?region=eu-west-1"), key)
              .withBuilders(
                  List.of(
                      "ssh-ng://nix@builder1.example x86_64-linux - 8 1 big-parallel",
                      "ssh-ng://nix@builder2.example aarch64-linux - 4 1"));
      case "rust-gitlab" ->
          Options.defaults()
              .withBinaryCache(
                  BinaryCache.parse("cachix:wordcount"),
                  "wordcount.cachix.org-1:" + "C".repeat(43) + "=");
      default -> Options.defaults();
    };
  }

  /** The npm-installed validators live in tools/node_modules/.bin (see tools/package.json). */
  static Path npmBin() {
    return root().resolve("tools/node_modules/.bin");
  }

  private Examples() {}

  static Path root() {
    return ProjectRoot.path();
  }

  static Path repo(String name) {
    return root().resolve("examples").resolve(name).resolve("repo");
  }

  static Path expected(String name, int step) {
    return root().resolve("examples").resolve(name).resolve("expected").resolve("step-" + step);
  }

  static Generators.Generation generate(String name, int step) {
    RepoFacts facts = RepoScanner.scan(repo(name));
    return Generators.generate(facts, options(name), step);
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
