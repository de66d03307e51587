package dev.nixmigrate.migrate;

import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Path;

/** Copies of the example repositories, each in a fresh git repository with one commit. */
final class ExampleRepo {
  private ExampleRepo() {}

  static Path root() {
    return ProjectRoot.path();
  }

  static Path example(String name) {
    return root().resolve("examples").resolve(name).resolve("repo");
  }

  static Path copy(Path temp, String name) throws Exception {
    Path dir = temp.resolve(name);
    TreeCopy.copy(example(name), dir);
    TestRepo.commitAll(dir, "initial");
    return dir;
  }
}
