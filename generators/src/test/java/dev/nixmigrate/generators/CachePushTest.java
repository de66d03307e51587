package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.ProjectRoot;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary-cache steps of nix.yml: a push only of what was built, no failure without a token. */
class CachePushTest {
  @TempDir Path dir;

  private Generators.Generation step5(String cache) {
    return Generators.generate(
        RepoScanner.scan(dir),
        Options.defaults().withBinaryCache(BinaryCache.parse(cache), null),
        5);
  }

  @Test
  void s3PushesOnlyWhenThereIsAPackageToPush() throws Exception {
    // The workspace example has no package at step 4 (its nix.yml builds the dev shell): nothing
    // to push.
    TreeCopy.copy(ProjectRoot.path().resolve("examples/rust-workspace/repo"), dir);
    Generators.Generation shellOnly = step5("s3:bucket?region=eu-west-1");
    String nix = shellOnly.file(".github/workflows/nix.yml").text();
    assertFalse(nix.contains("Push to the binary cache"), nix);
    assertTrue(
        shellOnly.warnings().stream()
            .anyMatch(w -> w.message().contains("S3 push step is left out")),
        shellOnly.warnings().toString());

    dir = dir.resolve("python");
    TreeCopy.copy(ProjectRoot.path().resolve("examples/python-uv/repo"), dir);
    String built = step5("s3:bucket?region=eu-west-1").file(".github/workflows/nix.yml").text();
    assertTrue(built.contains("nix copy --to \"$CACHE_URI\" ./result"), built);
  }

  @Test
  void atticIsSkippedNotFailedWithoutItsToken() {
    TestRepo.in(dir).file("requirements.txt", "requests\n").file("app.py", "print(1)\n");
    String nix =
        step5("attic:https://attic.example.org/c").file(".github/workflows/nix.yml").text();
    int look = nix.indexOf("id: attic");
    int use = nix.indexOf("if: steps.attic.outputs.present == 'true'");
    assertTrue(look > 0 && use > look, nix);
    // The token is in the one step that looks for it, never in the job's environment.
    assertTrue(nix.indexOf("secrets.ATTIC_TOKEN") > look, nix);
  }
}
