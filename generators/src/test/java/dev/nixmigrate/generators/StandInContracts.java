package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 4 run on a test repository, and its flake evaluated against the contract-checking stand-in
 * nixpkgs, as generated and after a deliberate break.
 */
final class StandInContracts {
  private final NixTool nix;

  StandInContracts(Path scratch) throws Exception {
    this.nix = new NixTool(scratch);
  }

  /** Writes step 4's files into {@code dir} and returns its flake.nix. */
  static String flake(Path dir) throws Exception {
    return generate(dir).file("flake.nix").text();
  }

  static Generators.Generation generate(Path dir) throws Exception {
    Generators.Generation gen = Generators.generate(RepoScanner.scan(dir), Options.defaults(), 4);
    for (GeneratedFile f : gen.files()) {
      Files.createDirectories(dir.resolve(f.path()).getParent());
      Files.writeString(dir.resolve(f.path()), f.text());
    }
    return gen;
  }

  /** The attributes of {@code packages}, from the flake's text. */
  static String packageBlock(String flake) {
    int start = flake.indexOf("        {\n", flake.indexOf("packages = forEachSupportedSystem"));
    return flake.substring(start, flake.indexOf("          default = self.packages", start));
  }

  /** The default package and every check evaluate to a derivation on every system. */
  void evaluates(Path dir) throws Exception {
    for (String system : Options.defaults().systems()) {
      Processes.Result def = nix.eval(dir, "packages." + system + ".default.drvPath");
      assertTrue(def.ok(), system + ": " + def.output());
      Processes.Result checks =
          nix.evalApply(dir, "checks." + system, "cs: map (c: c.drvPath) (builtins.attrValues cs)");
      assertTrue(checks.ok(), system + ": " + checks.output());
    }
  }

  /** Evaluates the flake after replacing {@code from} and expects the contract's message. */
  void breaks(Path dir, String from, String to, String message) throws Exception {
    String text = flake(dir);
    assertTrue(text.contains(from), text);
    Files.writeString(dir.resolve("flake.nix"), text.replace(from, to));
    Processes.Result r = failing(dir);
    assertTrue(r.output().contains(message), r.output());
  }

  /** Evaluates the default package, which must fail. */
  Processes.Result failing(Path dir) throws Exception {
    Processes.Result r = nix.eval(dir, "packages.x86_64-linux.default.drvPath");
    assertFalse(r.ok(), "must fail\n" + r.output());
    return r;
  }

  /** Evaluates every check on x86_64-linux, which must fail. */
  Processes.Result failingChecks(Path dir) throws Exception {
    Processes.Result r =
        nix.evalApply(
            dir, "checks.x86_64-linux", "cs: map (c: c.drvPath) (builtins.attrValues cs)");
    assertFalse(r.ok(), "must fail\n" + r.output());
    return r;
  }
}
