package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository that uses Renovate gets no Dependabot file; from step 3 its JSON configuration gets
 * the minimal edit that turns on Renovate's nix manager (off by default), and what cannot be edited
 * is said.
 */
class RenovateTest {
  @TempDir Path dir;

  private Generators.Generation generate(String file, String config, int step) {
    TestRepo.in(dir)
        .file("Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file("src/main.rs", "fn main() {}\n")
        .file(file, config);
    return Generators.generate(RepoScanner.scan(dir), Options.defaults(), step);
  }

  private static GeneratedFile file(Generators.Generation gen, String path) {
    return gen.files().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
  }

  @Test
  void theNixManagerIsTurnedOnByAMinimalEditFromStepThree() throws Exception {
    String config =
        "{\n    \"$schema\": \"https://docs.renovatebot.com/renovate-schema.json\",\n"
            + "    \"extends\": [\"config:recommended\"]\n}\n";
    Generators.Generation gen = generate("renovate.json", config, 3);
    assertNull(file(gen, ".github/dependabot.yml"), "Renovate, not Dependabot");
    GeneratedFile edit = file(gen, "renovate.json");
    assertEquals(GeneratedFile.Mode.EDIT, edit.mode());
    assertEquals(
        "{\n    \"$schema\": \"https://docs.renovatebot.com/renovate-schema.json\",\n"
            + "    \"extends\": [\"config:recommended\"],\n"
            + "    \"nix\": {\n        \"enabled\": true\n    },\n"
            + "    \"lockFileMaintenance\": {\n        \"enabled\": true\n    }\n}\n",
        edit.text());
    // Before step 3 there is no flake.lock to update: a warning only.
    Generators.Generation one = generate("renovate.json", config, 1);
    assertNull(file(one, "renovate.json"));
    assertTrue(one.warnings().toString().contains("Renovate keeps"), one.warnings().toString());
  }

  @Test
  void anEmptyConfigurationGetsTheKeyAlone() throws Exception {
    assertEquals(
        "{\n  \"nix\": {\n    \"enabled\": true\n  },\n"
            + "  \"lockFileMaintenance\": {\n    \"enabled\": true\n  }\n}",
        file(generate(".github/renovate.json", "{}", 3), ".github/renovate.json").text());
  }

  /** On GitLab, Renovate updates flake.lock: no scheduled job does it a second time. */
  @Test
  void onGitLabRenovateIsTheOneUpdater() throws Exception {
    TestRepo.in(dir)
        .file("Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file("src/main.rs", "fn main() {}\n")
        .file("Cargo.lock", "version = 3\n");
    Options gitlab = Options.defaults().withCi(CiService.GITLAB);
    String without =
        Generators.generate(RepoScanner.scan(dir), gitlab, 4).file(".gitlab/ci/nix.yml").text();
    assertTrue(without.contains("nix-flake-update:"), without);
    TestRepo.in(dir).file(".gitlab/renovate.json", "{}\n");
    Generators.Generation gen = Generators.generate(RepoScanner.scan(dir), gitlab, 4);
    String with = gen.file(".gitlab/ci/nix.yml").text();
    assertTrue(!with.contains("nix-flake-update") && !with.endsWith("\n\n"), with);
    assertEquals(GeneratedFile.Mode.EDIT, file(gen, ".gitlab/renovate.json").mode());
  }

  /** A configuration that decides lock file maintenance itself keeps its choice. */
  @Test
  void lockFileMaintenanceTheUserDecidedIsKept() throws Exception {
    String config = "{\"lockFileMaintenance\": {\"enabled\": false}}";
    assertEquals(
        "{\"lockFileMaintenance\": {\"enabled\": false},\n  \"nix\": {\n    \"enabled\": true\n  }\n}",
        file(generate("renovate.json", config, 3), "renovate.json").text());
  }

  @Test
  void whatTheUserDecidedOrWhatCannotBeEditedIsLeftAndSaid() throws Exception {
    // Decided already: left alone, nothing said.
    Generators.Generation off = generate("renovate.json", "{\"nix\": {\"enabled\": false}}\n", 3);
    assertNull(file(off, "renovate.json"));
    assertTrue(off.warnings().stream().noneMatch(w -> w.toString().contains("nix manager is not")));
    for (List<String> c :
        List.of(
            List.of(
                "renovate.json", "{\"enabledManagers\": [\"cargo\"]}\n", "lists enabledManagers"),
            List.of("renovate.json5", "{\n  // ours\n  extends: []\n}\n", "does not edit JSON5"),
            List.of("renovate.json", "{\"a\": 1,}\n", "is not JSON nixmigrate can read"),
            List.of("renovate.json", "[1]\n", "holds no JSON object"))) {
      java.nio.file.Files.deleteIfExists(dir.resolve("renovate.json"));
      java.nio.file.Files.deleteIfExists(dir.resolve("renovate.json5"));
      Generators.Generation gen = generate(c.get(0), c.get(1), 3);
      assertNull(file(gen, c.get(0)), c.toString());
      assertTrue(gen.warnings().toString().contains(c.get(2)), c + ": " + gen.warnings());
    }
  }
}
