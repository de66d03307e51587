package dev.nixmigrate.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository whose manifests name nothing is named by its remote, the same in every clone. */
class RepoNameTest {
  @TempDir Path dir;

  private static final String NAMELESS =
      "cmake_minimum_required(VERSION 3.20)\nproject(${PROJECT} C)\nadd_executable(x x.c)\n";

  private Path upstream() throws Exception {
    Path up = Files.createDirectories(dir.resolve("srv/tools/widget.git"));
    TestRepo.in(up).file("CMakeLists.txt", NAMELESS).file("x.c", "int main(void){return 0;}\n");
    TestRepo.commitAll(up, "first");
    return up;
  }

  private static List<String> names(Path root) throws Exception {
    return RepoScanner.scan(root).projects().stream().map(Project::name).toList();
  }

  @Test
  void clonesInDifferentFoldersGetTheRemotesName() throws Exception {
    Path up = upstream();
    for (String folder : List.of("a/widget", "b/tmp-8f3a91", "c/my checkout")) {
      Path clone = dir.resolve(folder);
      Files.createDirectories(clone.getParent());
      Git.cloneRepository()
          .setURI(up.toUri().toString())
          .setDirectory(clone.toFile())
          .call()
          .close();
      assertEquals(List.of("widget"), names(clone), folder);
    }
  }

  @Test
  void withoutARemoteTheNameIsFixedNotTheFolders() throws Exception {
    for (String folder : List.of("one", "two")) {
      Path root = Files.createDirectories(dir.resolve(folder));
      TestRepo.in(root).file("CMakeLists.txt", NAMELESS);
      TestRepo.commitAll(root, "first");
      assertEquals(List.of(RepoName.NO_REMOTE), names(root), folder);
    }
  }

  @Test
  void originComesFirstThenTheFirstRemoteByName() throws Exception {
    Path root = Files.createDirectories(dir.resolve("r"));
    TestRepo.in(root).file("CMakeLists.txt", NAMELESS);
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(
        root.resolve(".git/config"),
        "[remote \"zeta\"]\n\turl = https://h.example/o/zeta.git\n"
            + "[remote \"fork\"]\n\turl = git@h.example:me/forked.git\n"
            + "[branch \"main\"]\n\tremote = fork\n");
    assertEquals("forked", RepoName.of(root));
    Files.writeString(
        root.resolve(".git/config"),
        "[remote \"fork\"]\n\turl = git@h.example:me/forked.git\n"
            + "[remote \"origin\"]\n\turl = \"https://h.example/o/real/\"\n");
    assertEquals("real", RepoName.of(root));
  }

  @Test
  void aLinkedWorktreeReadsTheCommonConfig() throws Exception {
    Path main = Files.createDirectories(dir.resolve("main"));
    Files.createDirectories(main.resolve(".git/worktrees/wt"));
    Files.writeString(main.resolve(".git/config"), "[remote \"origin\"]\n\turl = /srv/gizmo\n");
    Files.writeString(main.resolve(".git/worktrees/wt/commondir"), "../..\n");
    Files.writeString(main.resolve(".git/worktrees/wt/HEAD"), "ref: refs/heads/wt\n");
    Path wt = Files.createDirectories(dir.resolve("elsewhere/wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");
    assertEquals("gizmo", RepoName.of(wt));
  }

  @Test
  void urlsOfEveryShape() {
    assertEquals("bzip2", RepoName.fromUrl("https://gitlab.com/bzip2/bzip2.git"));
    assertEquals("newsboat", RepoName.fromUrl("git@github.com:newsboat/newsboat.git"));
    assertEquals("lz4", RepoName.fromUrl("ssh://git@github.com/lz4/lz4/"));
    assertEquals("proj", RepoName.fromUrl("C:\\src\\proj"));
  }
}
