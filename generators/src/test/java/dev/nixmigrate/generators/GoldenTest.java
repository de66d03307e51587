package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example's files after each step, byte for byte, as kept under {@code
 * examples/NAME/expected/step-N/}. After an intended change, regenerate them with {@code mvn -B -pl
 * generators -am test -Dtest=GoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnixmigrate.updateGoldens=true} and review the diff.
 */
class GoldenTest {
  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyStepOfEveryExample() {
    return Examples.NAMES.stream()
        .flatMap(
            name ->
                Examples.STEPS.stream()
                    .map(
                        step ->
                            DynamicTest.dynamicTest(
                                name + " step " + step, () -> check(name, step))));
  }

  /**
   * The GitLab files of each example whose CI is GitHub's, written for GitLab instead ({@code --ci
   * gitlab}), at the steps that shape them most, as kept under {@code
   * examples/NAME/expected-gitlab/step-N/}.
   */
  @TestFactory
  Stream<DynamicTest> theGitLabFilesOfEveryExample() {
    return Examples.GITHUB.stream()
        .flatMap(
            name ->
                Stream.of(2, 5)
                    .map(
                        step ->
                            DynamicTest.dynamicTest(
                                name + " for GitLab, step " + step, () -> gitlab(name, step))));
  }

  private void gitlab(String name, int step) throws IOException {
    Generators.Generation gen =
        Generators.generate(
            dev.nixmigrate.core.RepoScanner.scan(Examples.repo(name)),
            Examples.options(name).withCi(CiService.GITLAB),
            step);
    Path expected =
        Examples.root()
            .resolve("examples")
            .resolve(name)
            .resolve("expected-gitlab")
            .resolve("step-" + step);
    boolean update = Boolean.getBoolean("nixmigrate.updateGoldens");
    TreeSet<String> generated = new TreeSet<>();
    for (GeneratedFile f : GitLabCiSchemaTest.gitlabFiles(gen)) {
      generated.add(f.path());
      Path golden = expected.resolve(f.path());
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, f.text(), StandardCharsets.UTF_8);
      } else {
        String want =
            Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing>";
        assertEquals(want, f.text(), golden + " differs (see GoldenTest's Javadoc to regenerate)");
      }
    }
    if (!update) {
      assertEquals(generated, goldenFiles(expected), "files of " + expected);
    }
  }

  private void check(String name, int step) throws IOException {
    Path applied = Examples.materialize(name, step, temp);
    Generators.Generation gen = Examples.generate(name, step);
    Path expected = Examples.expected(name, step);
    boolean update = Boolean.getBoolean("nixmigrate.updateGoldens");
    TreeSet<String> generated = new TreeSet<>();
    for (GeneratedFile f : gen.files()) {
      generated.add(f.path());
      String actual = Files.readString(applied.resolve(f.path()), StandardCharsets.UTF_8);
      Path golden = expected.resolve(f.path());
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } else {
        String want =
            Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing>";
        assertEquals(want, actual, golden + " differs (see GoldenTest's Javadoc to regenerate)");
      }
    }
    if (!update) {
      assertEquals(new TreeSet<>(generated), goldenFiles(expected), "files of " + expected);
    }
  }

  private static TreeSet<String> goldenFiles(Path dir) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile)
          .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }
}
