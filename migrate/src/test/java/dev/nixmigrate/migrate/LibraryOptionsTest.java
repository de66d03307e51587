package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library caller gets the command line's answers from the choices nixmigrate.toml records. */
class LibraryOptionsTest {
  @TempDir Path temp;

  @Test
  void theRecordedOptionsAreWhatCheckIsJudgedWith() throws Exception {
    Path dir = ExampleRepo.copy(temp, "cpp-cmake");
    Options sccache = Options.defaults().withCCompilerCache(CompilerCache.SCCACHE);
    NixMigrate.step(dir, sccache, 2, RunMode.DEFAULT);
    TestRepo.commitAll(dir, "step 2 with sccache");

    assertEquals(CompilerCache.SCCACHE, NixMigrate.options(dir).cCompilerCache());
    assertEquals(List.of(), NixMigrate.check(dir, NixMigrate.options(dir), 2));
    assertFalse(
        NixMigrate.check(dir, Options.defaults(), 2).isEmpty(),
        "the defaults (ccache) are not what the repository chose");
  }

  @Test
  void aRepositoryWithNoSettingsFileHasTheDefaults() throws Exception {
    Path dir = ExampleRepo.copy(temp, "python-uv");
    assertEquals(Options.defaults(), NixMigrate.options(dir));
  }
}
