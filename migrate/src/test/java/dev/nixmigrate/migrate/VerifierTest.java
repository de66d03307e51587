package dev.nixmigrate.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify}'s flake check runs the real {@code nix flake check --no-build}: a flake that
 * evaluates passes, one that throws fails, and one whose inputs cannot be fetched is a skip that
 * says so (it is still parsed).
 */
class VerifierTest {
  @TempDir Path temp;

  @BeforeEach
  void nix() {
    Tools.require("nix");
    Tools.require("nix-instantiate");
  }

  private Verifier.Check flakeCheck(String flake) throws Exception {
    Path dir = temp.resolve("repo");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("flake.nix"), flake);
    TestRepo.commitAll(dir, "flake");
    Verifier.Check parse =
        Verifier.verify(dir).stream()
            .filter(c -> c.tool().equals("nix-instantiate"))
            .findFirst()
            .orElseThrow();
    assertEquals("passed", parse.result(), parse.output());
    return Verifier.verify(dir).stream()
        .filter(c -> c.tool().equals("nix flake check"))
        .findFirst()
        .orElseThrow();
  }

  private static final String CHECK =
      "derivation { name = \"c\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; }";

  @Test
  void aFlakeThatEvaluatesPasses() throws Exception {
    Verifier.Check c =
        flakeCheck("{ outputs = { self }: { checks.x86_64-linux.c = " + CHECK + "; }; }");
    assertEquals("passed", c.result(), c.output());
    assertFalse(Files.exists(temp.resolve("repo/flake.lock")), "verify writes no lock file");
  }

  @Test
  void aFlakeThatThrowsFails() throws Exception {
    Verifier.Check c =
        flakeCheck(
            "{ outputs = { self }: { checks.x86_64-linux.c = throw \"no such package\"; }; }");
    assertEquals("failed", c.result(), c.output());
    assertTrue(c.output().contains("no such package"), c.output());
  }

  @Test
  void inputsThatCannotBeFetchedAreASkipThatSaysWhy() throws Exception {
    Verifier.Check c =
        flakeCheck(
            "{ inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-unstable\";"
                + " outputs = { self, nixpkgs }: { }; }");
    // This machine may have a network; then the real check ran and passed.
    assertTrue(
        c.result().equals("passed")
            || (c.result().equals("skipped") && c.output().startsWith("offline: ")),
        c.result() + ": " + c.output());
  }
}
