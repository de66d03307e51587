package dev.nixmigrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small repositories for tests: {@code TestRepo.in(dir).file("a/b.toml", "...")}. */
public final class TestRepo {
  private final Path root;

  private TestRepo(Path root) {
    this.root = root;
  }

  public static TestRepo in(Path root) {
    return new TestRepo(root);
  }

  public TestRepo file(String rel, String text) {
    return bytes(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  public TestRepo bytes(String rel, byte[] content) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** Makes {@code dir} a git repository (if it is not one) and commits everything in it. */
  public static void commitAll(Path dir, String message) throws Exception {
    try (org.eclipse.jgit.api.Git git =
        Files.isDirectory(dir.resolve(".git"))
            ? org.eclipse.jgit.api.Git.open(dir.toFile())
            : org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage(message)
          .setAuthor("t", "t@example.org")
          .setCommitter("t", "t@example.org")
          .setSign(false)
          .call();
    }
  }
}
