package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateOverrideTest {
  @TempDir Path temp;

  private RepoFacts facts() {
    return RepoScanner.scan(Examples.repo("python-uv"));
  }

  @Test
  void aFileOfTheSameNameReplacesTheBundledTemplate() {
    TestRepo.in(temp).file("step3/envrc.ftl", "# ${header}\n# custom\nuse flake .#default\n");
    Generators.Generation g =
        Generators.generate(facts(), Options.defaults().withTemplateDir(temp), 3);
    assertEquals(
        "# " + Generator.header(3, "Nix dev shells") + "\n# custom\nuse flake .#default\n",
        g.file(".envrc").text());
    assertTrue(g.file("flake.nix").text().contains("devShells"), "other templates stay bundled");
  }

  @Test
  void aMissingValueIsAnErrorNamingTheTemplateAndLine() {
    TestRepo.in(temp).file("step3/envrc.ftl", "# ${header}\nuse flake ${no_such_value}\n");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> Generators.generate(facts(), Options.defaults().withTemplateDir(temp), 3));
    assertEquals(NixMigrateException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("envrc.ftl:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("no_such_value"), e.getMessage());
  }

  @Test
  void aTemplateSyntaxErrorIsLocated() {
    TestRepo.in(temp).file("step3/flake.nix.ftl", "{\n<#if>\n}\n");
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () -> Generators.generate(facts(), Options.defaults().withTemplateDir(temp), 3));
    assertTrue(e.getMessage().contains("flake.nix.ftl:2:"), e.getMessage());
  }

  @Test
  void aMissingTemplateFolderIsBadInput() {
    NixMigrateException e =
        assertThrows(
            NixMigrateException.class,
            () ->
                Generators.generate(
                    facts(), Options.defaults().withTemplateDir(temp.resolve("nope")), 3));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
