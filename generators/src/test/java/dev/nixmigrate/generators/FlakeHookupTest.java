package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.generators.internal.nix.FlakeHookup;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TreeCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A flake that is the user's gets nixmigrate's outputs through {@code nix/nixmigrate.nix} and one
 * hook-up line, checked by Nix's parser and evaluator; shapes where one line could change the
 * flake's meaning are left to the user with the line to add.
 */
class FlakeHookupTest {
  @TempDir static Path scratch;
  static NixTool nix;

  @BeforeAll
  static void standIn() throws Exception {
    nix = new NixTool(scratch);
  }

  private static final String THEIRS =
      """
      # The team's own flake: a package of theirs, and their own shell on x86_64-linux.
      {
        description = "ours { not a brace that counts }";
        inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
        /* outputs = { fake }: { }; */
        outputs = { self, nixpkgs }: {
          packages.x86_64-linux.mine = (import nixpkgs { system = "x86_64-linux"; }).just;
          devShells.x86_64-linux.default = (import nixpkgs { system = "x86_64-linux"; }).cmake;
          lib.note = ''
            a string with '''quotes''' and ${"{"} braces
          '';
        };
      }
      """;

  /** The example with the user's flake, and nixmigrate's files for step {@code step} written. */
  private static Path migrated(String example, String flake, int step, String name)
      throws Exception {
    Path dir = scratch.resolve(name);
    TreeCopy.copy(Examples.root().resolve("examples/" + example + "/repo"), dir);
    Files.writeString(dir.resolve("flake.nix"), flake);
    var facts = RepoScanner.scan(dir);
    Selection s =
        new Selection(
            step, new java.util.TreeSet<>(List.of(3, step)), Set.of(), Set.of("flake.nix"));
    for (GeneratedFile f : Generators.generate(facts, Options.defaults(), s).files()) {
      if (f.mode() != GeneratedFile.Mode.LINES) {
        Path p = dir.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      }
    }
    return dir;
  }

  @Test
  void theHookUpIsOneLineAndTheUsersOutputsWin() throws Exception {
    Path dir = migrated("python-uv", THEIRS, 4, "hooked");
    String after = Files.readString(dir.resolve("flake.nix"));
    List<String> changed = after.lines().filter(l -> !THEIRS.lines().toList().contains(l)).toList();
    assertEquals(
        List.of("  outputs = { self, nixpkgs }@inputs: import ./nix/nixmigrate.nix inputs {"),
        changed);
    assertTrue(nix.parse(dir.resolve("flake.nix")).ok());
    assertTrue(nix.parse(dir.resolve("nix/nixmigrate.nix")).ok());

    // Theirs: their package, their shell where they have one, and their other outputs.
    assertEquals("\"just\"", value(nix.eval(dir, "packages.x86_64-linux.mine.name")));
    assertEquals("\"cmake\"", value(nix.eval(dir, "devShells.x86_64-linux.default.name")));
    assertTrue(nix.eval(dir, "lib.note").ok());
    // Ours: the shell on the other systems, and the project's package and check everywhere.
    for (String system : Options.defaults().systems()) {
      Processes.Result pkg = nix.eval(dir, "packages." + system + ".default.drvPath");
      assertTrue(pkg.ok(), system + ": " + pkg.output());
      Processes.Result checks = nix.evalApply(dir, "checks." + system, "cs: builtins.attrNames cs");
      assertTrue(checks.ok() && checks.output().length() > 4, checks.output());
    }
    Processes.Result shell = nix.eval(dir, "devShells.aarch64-linux.default.drvPath");
    assertTrue(shell.ok(), shell.output());
  }

  /** The JSON value nix eval printed (its last line; warnings come before it). */
  private static String value(Processes.Result r) {
    assertTrue(r.ok(), r.output());
    List<String> lines = r.output().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  /**
   * 60 seeded random flakes (pattern forms, bodies, comments and strings with braces): where the
   * body is an attribute set the hook-up is made, and Nix evaluates the hooked flake's outputs to
   * the user's values plus what the hooked file adds; elsewhere nothing is edited.
   */
  @Test
  void randomFlakesKeepTheirMeaningWhenHooked() throws Exception {
    dev.nixmigrate.testing.Tools.require("nix-instantiate");
    java.util.Random rnd = new java.util.Random(7);
    int hooked = 0;
    for (int c = 0; c < 60; c++) {
      Path dir = scratch.resolve("random-" + c);
      Files.createDirectories(dir.resolve("nix"));
      // A stand-in for nixmigrate's file: it adds one attribute and keeps the user's.
      Files.writeString(
          dir.resolve("nix/nixmigrate.nix"),
          "inputs: outputs: outputs // { hooked = builtins.attrNames inputs; }\n");
      String pattern =
          List.of(
                  "{ self, nixpkgs }",
                  "{ self, nixpkgs, ... }@all",
                  "all@{ self, nixpkgs, ... }",
                  "inputs",
                  "{ self\n    , nixpkgs\n    , ...\n    }",
                  "{ self, nixpkgs, inputs ? null, ... }")
              .get(rnd.nextInt(6));
      boolean attrs = rnd.nextInt(4) != 0;
      String body =
          attrs
              ? (rnd.nextBoolean() ? "rec " : "")
                  + "{\n    mine = \"v${\"}\"}\"; # a } in a comment\n"
                  + "    other = ''\n      ''${x} } '''\n    '';\n  }"
              : "let mine = \"v}\"; in { inherit mine; }";
      String flake =
          "# { a brace in a comment\n{\n  description = \"a { b\";\n"
              + "  /* outputs = x: { }; */\n"
              + "  inputs.nixpkgs.url = \"github:NixOS/nixpkgs\";\n"
              + "  outputs = "
              + pattern
              + ":"
              + (rnd.nextBoolean() ? " " : "\n  ")
              + body
              + ";\n}\n";
      FlakeHookup.Result r = FlakeHookup.hookUp(flake, List.of("nixpkgs"));
      assertEquals(attrs, r.done(), flake + "\n" + r.why());
      if (!attrs) {
        continue;
      }
      hooked++;
      Files.writeString(dir.resolve("flake.nix"), r.text());
      Processes.Result eval =
          Processes.run(
              dir,
              List.of(
                  "nix-instantiate",
                  "--eval",
                  "--strict",
                  "--json",
                  "-E",
                  "let o = (import ./flake.nix).outputs { self = { }; nixpkgs = { }; };"
                      + " in { inherit (o) mine hooked; }"),
              null,
              60);
      assertTrue(eval.ok(), r.text() + "\n" + eval.output());
      String json = eval.output().strip().lines().reduce((a, b) -> b).orElse("");
      assertTrue(json.contains("\"mine\":\"v}\""), r.text() + "\n" + json);
      assertTrue(json.contains("\"hooked\":[\"nixpkgs\",\"self\"]"), r.text() + "\n" + json);
    }
    assertTrue(hooked > 30, "enough hooked flakes: " + hooked);
  }

  @Test
  void anIdentifierPatternIsUsedAsItIs() {
    String flake = "{ inputs.nixpkgs.url = \"x\"; outputs = inputs: { }; }";
    FlakeHookup.Result r = FlakeHookup.hookUp(flake, List.of("nixpkgs"));
    assertEquals(
        "{ inputs.nixpkgs.url = \"x\"; outputs = inputs: import ./nix/nixmigrate.nix inputs { }; }",
        r.text());
  }

  @Test
  void anAtPatternKeepsItsName() {
    String flake = "{ inputs.nixpkgs.url = \"x\"; outputs = { nixpkgs, ... }@all: rec { }; }";
    assertEquals(
        "{ inputs.nixpkgs.url = \"x\"; outputs = { nixpkgs, ... }@all: import ./nix/nixmigrate.nix"
            + " all rec { }; }",
        FlakeHookup.hookUp(flake, List.of("nixpkgs")).text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ inputs.nixpkgs.url = \"x\"; outputs = { self, nixpkgs }: let a = 1; in { }; }",
        "{ inputs.nixpkgs.url = \"x\"; outputs = { self, nixpkgs, flake-utils }:"
            + " flake-utils.lib.eachDefaultSystem (system: { }); }",
        "{ inputs.nixpkgs.url = \"x\"; outputs = import ./outputs.nix; }",
        "{ inputs.other.url = \"x\"; outputs = { self, other }: { }; }",
        "{ inputs.nixpkgs.url = \"x\"; outputs = { self, nixpkgs }: { }; description = \"unclosed; }"
      })
  void shapesOneLineCannotSafelyHookAreLeftWithAReason(String flake) {
    FlakeHookup.Result r = FlakeHookup.hookUp(flake, List.of("nixpkgs"));
    assertFalse(r.done(), flake);
    assertTrue(r.why() != null && !r.why().isBlank());
  }

  @Test
  void aHookedFlakeIsLeftAsItIs() {
    String flake =
        "{ inputs.nixpkgs.url = \"x\"; outputs = i: import ./nix/nixmigrate.nix i { }; }";
    FlakeHookup.Result r = FlakeHookup.hookUp(flake, List.of("nixpkgs"));
    assertEquals(flake, r.text());
    assertNull(r.why());
  }

  @Test
  void aMissingInputIsNamed() {
    String flake = "{ inputs.nixpkgs.url = \"x\"; outputs = { self, nixpkgs }: { }; }";
    FlakeHookup.Result r = FlakeHookup.hookUp(flake, List.of("nixpkgs", "rust-overlay"));
    assertTrue(r.why().contains("rust-overlay"), r.why());
  }

  @Test
  void whenNotHookedTheRunSaysWhichLineToAdd() throws Exception {
    Path dir =
        migrated(
            "python-uv",
            "{ inputs.nixpkgs.url = \"x\"; outputs = { self, nixpkgs }: let a = 1; in { }; }",
            3,
            "unhooked");
    assertTrue(Files.exists(dir.resolve("nix/nixmigrate.nix")));
    var gen =
        Generators.generate(
            RepoScanner.scan(dir),
            Options.defaults(),
            new Selection(3, Set.of(3), Set.of(), Set.of("flake.nix")));
    assertTrue(
        gen.warnings().stream().anyMatch(w -> w.toString().contains(FlakeHookup.MANUAL)),
        gen.warnings().toString());
  }
}
