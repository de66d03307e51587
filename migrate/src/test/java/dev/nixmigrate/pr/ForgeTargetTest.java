package dev.nixmigrate.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nixmigrate.core.NixMigrateException;
import org.junit.jupiter.api.Test;

/** The forge, repository and API are inferred from the remote; what cannot be is asked at once. */
class ForgeTargetTest {
  @Test
  void aKnownHostGivesEverything() {
    ForgeTarget t = ForgeTarget.of("git@github.com:o/r.git", null, null, null);
    assertEquals(new ForgeTarget("github", "https://api.github.com", "o/r"), t);
    ForgeTarget g = ForgeTarget.of("https://gitlab.example/group/sub/r.git", null, null, null);
    assertEquals(new ForgeTarget("gitlab", "https://gitlab.example/api/v4", "group/sub/r"), g);
  }

  @Test
  void everythingThatCannotBeInferredIsAskedForInOneMessage() {
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> ForgeTarget.of("https://git.example/r", null, null, null));
    assertEquals(
        "cannot tell where to open the pull request from the remote's address; pass --forge"
            + " github (or gitlab) --repo OWNER/NAME --api-url URL",
        e.getMessage());
    NixMigrateException one =
        assertThrows(
            NixMigrateException.class,
            () -> ForgeTarget.of("https://git.example/o/r", null, null, null));
    assertEquals(
        "cannot tell where to open the pull request from the remote's address; pass --forge"
            + " github (or gitlab) --api-url URL",
        one.getMessage());
    ForgeTarget given = ForgeTarget.of("https://git.example/o/r", "gitlab", null, null);
    assertEquals(new ForgeTarget("gitlab", "https://git.example/api/v4", "o/r"), given);
  }
}
