package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nixmigrate's own {@code flake.nix} and {@code nix/package.nix}: they parse, and every output
 * evaluates on every system against the stand-in nixpkgs, whose Maven builder, callPackage and
 * lib.fileset check what nixpkgs' do. Broken copies of the package fail those checks.
 */
class OwnFlakeTest {
  private static final Path ROOT = ProjectRoot.path();
  private static final List<String> SYSTEMS =
      List.of("x86_64-linux", "aarch64-linux", "aarch64-darwin");

  @TempDir static Path scratch;
  static NixTool nix;

  @BeforeAll
  static void standIn() throws IOException {
    nix = new NixTool(scratch);
  }

  /**
   * The flake with the files its package's source names. The module folders hold only a marker, so
   * the copy stays small (the stand-in checks paths, it builds nothing).
   */
  private static Path copy(String name) throws IOException {
    Path dir = scratch.resolve(name);
    Files.createDirectories(dir.resolve("nix"));
    Files.createDirectories(dir.resolve("bin"));
    for (String f :
        List.of("flake.nix", "nix/package.nix", "pom.xml", "LICENSE", "bin/nixmigrate")) {
      Files.copy(ROOT.resolve(f), dir.resolve(f));
    }
    for (String module : List.of("core", "templates", "generators", "migrate")) {
      assertTrue(Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml")), module);
      Files.createDirectories(dir.resolve(module));
      Files.writeString(dir.resolve(module).resolve("pom.xml"), "<project/>\n");
    }
    // The JSON Schemas the migrate module ships as resources.
    assertTrue(Files.isDirectory(ROOT.resolve("docs/schema")));
    Files.createDirectories(dir.resolve("docs/schema"));
    Files.writeString(dir.resolve("docs/schema/status.schema.json"), "{}\n");
    return dir;
  }

  private static String value(Processes.Result r) {
    List<String> lines = r.output().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void bothFilesParse() throws Exception {
    for (String f : List.of("flake.nix", "nix/package.nix")) {
      Processes.Result r = nix.parse(ROOT.resolve(f));
      assertTrue(r.ok(), f + ": " + r.output());
    }
  }

  @Test
  void everyOutputEvaluatesOnEverySystem() throws Exception {
    Path dir = copy("flake");
    for (String system : SYSTEMS) {
      Processes.Result pkg = nix.eval(dir, "packages." + system + ".default.drvPath");
      assertTrue(pkg.ok(), system + ": " + pkg.output());
      Processes.Result deps =
          nix.eval(dir, "packages." + system + ".default.fetchedMavenDeps.name");
      assertTrue(deps.ok(), deps.output());
      assertEquals("\"nixmigrate-0.1.0-maven-deps\"", value(deps));
      Processes.Result type = nix.eval(dir, "apps." + system + ".default.type");
      assertEquals("\"app\"", value(type), type.output());
      Processes.Result program = nix.eval(dir, "apps." + system + ".default.program");
      assertTrue(value(program).endsWith("-nixmigrate/bin/nixmigrate\""), program.output());
      Processes.Result shell = nix.eval(dir, "devShells." + system + ".default.drvPath");
      assertTrue(shell.ok(), system + ": " + shell.output());
      Processes.Result formatter = nix.eval(dir, "formatter." + system + ".formatsTree");
      assertEquals("true", value(formatter), formatter.output());
    }
  }

  @Test
  void thePackageVersionIsThePomVersionWithoutSnapshot() throws Exception {
    Matcher pom =
        Pattern.compile("<artifactId>nixmigrate-parent</artifactId>\\s*<version>([^<-]+)")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertTrue(pom.find());
    assertTrue(
        Files.readString(ROOT.resolve("nix/package.nix"))
            .contains("version = \"" + pom.group(1) + "\";"),
        "nix/package.nix's version is " + pom.group(1));
  }

  private void assertBroken(String name, String from, String to, String error) throws Exception {
    Path dir = copy(name);
    Path pkg = dir.resolve("nix/package.nix");
    String text = Files.readString(pkg);
    assertTrue(text.contains(from), from);
    Files.writeString(pkg, text.replace(from, to));
    Processes.Result r = nix.eval(dir, "packages.x86_64-linux.default.drvPath");
    assertFalse(r.ok(), name + " evaluated");
    assertTrue(r.output().contains(error), r.output());
  }

  @Test
  void aPackageWithoutInstallPhaseFails() throws Exception {
    assertBroken(
        "no-install",
        "installPhase = ''",
        "postFixup = ''",
        "buildMavenPackage: no installPhase, so nothing is installed");
  }

  @Test
  void aSourceFileThatIsNotThereFails() throws Exception {
    assertBroken("missing-file", "../bin/nixmigrate", "../bin/nixmigrate.sh", "does not exist");
  }

  @Test
  void aSourceRootWithoutThePomFails() throws Exception {
    assertBroken("wrong-root", "root = ../.;", "root = ../core;", "is not under root");
  }

  @Test
  void aMalformedMvnHashFails() throws Exception {
    Path dir = copy("hash-probe");
    String text = Files.readString(dir.resolve("nix/package.nix"));
    Matcher m = Pattern.compile("mvnHash = (\"[^\"]*\"|lib\\.fakeHash);").matcher(text);
    assertTrue(m.find(), "mvnHash is a literal or lib.fakeHash");
    assertBroken("bad-hash", m.group(0), "mvnHash = \"0123\";", "mvnHash must be an SRI");
  }

  @Test
  void anArgumentNixpkgsDoesNotHaveFails() throws Exception {
    assertBroken(
        "unknown-arg",
        "  installShellFiles,\n}:",
        "  installShellFiles,\n  notAPackage,\n}:",
        "without required argument notAPackage");
  }
}
