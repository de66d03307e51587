package dev.nixmigrate.pr;

import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A forge's repository for the bot's tests: the python-uv example, bare, on branch main. */
final class BotFixture {
  private BotFixture() {}

  /** Makes {@code temp/srv/o/r.git}; returns its path. */
  static Path seed(Path temp) throws Exception {
    Path work = temp.resolve("seed");
    TreeCopy.copy(ProjectRoot.path().resolve("examples/python-uv/repo"), work);
    PersonIdent dev = new PersonIdent("Dev", "dev@example.org");
    try (Git g = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      g.add().addFilepattern(".").call();
      g.commit().setMessage("initial").setAuthor(dev).setCommitter(dev).call();
    }
    Path bare = temp.resolve("srv/o/r.git");
    Git.cloneRepository()
        .setURI(work.toUri().toString())
        .setDirectory(bare.toFile())
        .setBare(true)
        .call()
        .close();
    return bare;
  }

  /** A clone of the served repository into {@code dir}, as a developer or CI would make it. */
  static Path cloneOf(GitHttpServer git, Path dir, String token) throws Exception {
    Git.cloneRepository()
        .setURI(git.url("o/r.git"))
        .setDirectory(dir.toFile())
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token))
        .call()
        .close();
    return dir;
  }
}
