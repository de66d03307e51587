package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev container or Dependabot configuration of the user's own is left as it is, with the reason,
 * and the migration notes say whose dev container Codespaces opens.
 */
class UsersDevFilesTest {
  @TempDir Path temp;

  @Test
  void theUsersDevcontainerAndDependabotFilesAreLeftAlone() throws Exception {
    Path dir = ExampleRepo.copy(temp, "python-uv");
    String container = "{ // mine\n  \"image\": \"ubuntu\"\n}\n";
    String dependabot = "version: 2\nupdates: []\n";
    Files.createDirectories(dir.resolve(".devcontainer"));
    Files.createDirectories(dir.resolve(".github"));
    Files.writeString(dir.resolve(".devcontainer/devcontainer.json"), container);
    Files.writeString(dir.resolve(".github/dependabot.yml"), dependabot);
    TestRepo.commitAll(dir, "the user's files");

    StepResult r = NixMigrate.step(dir, Options.defaults(), 5, RunMode.DEFAULT);
    for (String path : List.of(".devcontainer/devcontainer.json", ".github/dependabot.yml")) {
      assertTrue(
          r.left().stream()
              .anyMatch(l -> l.path().equals(path) && l.kind() == Left.Kind.USERS_FILE),
          path + ": " + r.left());
      assertTrue(r.fileChanges().stream().noneMatch(c -> c.path().equals(path)), path);
    }
    assertEquals(
        container,
        Files.readString(dir.resolve(".devcontainer/devcontainer.json"), StandardCharsets.UTF_8));
    assertEquals(dependabot, Files.readString(dir.resolve(".github/dependabot.yml")));
    String notes = Files.readString(dir.resolve("docs/nix-migration.md"));
    assertTrue(notes.contains("your `.devcontainer/devcontainer.json`, left as it is"), notes);
  }

  @Test
  void theNotesUseTheCostsTheRepositoryGives() throws Exception {
    Path dir = ExampleRepo.copy(temp, "rust-workspace");
    Options o =
        Options.defaults().withEnvironmentCosts(List.of("cloud-vm=EUR 30 a month on our own host"));
    NixMigrate.step(dir, o, 5, RunMode.DEFAULT);
    String notes = Files.readString(dir.resolve("docs/nix-migration.md"));
    assertTrue(
        notes.contains(
            "| Cloud VM | install Nix with flakes on, clone, then `nix develop` | EUR 30 a month on our own host |"),
        notes);
    assertTrue(
        notes.contains(
            "This repository's own costs (`environment-costs` in `nixmigrate.toml`): Cloud VM."),
        notes);
    assertTrue(
        notes.contains("$0.18 an hour on 2 cores"), "the others keep their defaults: " + notes);
  }
}
