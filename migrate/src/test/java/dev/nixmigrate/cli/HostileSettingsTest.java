package dev.nixmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository's nixmigrate.toml is untrusted: the templates it names never run Java, a folder
 * outside the repository is refused, and every key is checked, with the error at its line.
 */
class HostileSettingsTest {
  @TempDir Path temp;

  private static final String CRATE =
      "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

  private Path repo(String settings) throws Exception {
    Path dir = temp.resolve("repo");
    TestRepo.in(dir)
        .file("Cargo.toml", CRATE)
        .file("src/lib.rs", "")
        .file("nixmigrate.toml", settings);
    TestRepo.commitAll(dir, "start");
    return dir;
  }

  private List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.toString().contains("/.git/"))
          .map(p -> dir.relativize(p) + ":" + p.toFile().length())
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan 1", "step 1 --dry-run", "step 1", "step 3"})
  void aTemplateThatRunsACommandRunsNothing(String command) throws Exception {
    Path marker = temp.resolve("MARKER");
    Path dir = repo("templates = \"tpl\"\n");
    String payload =
        "<#assign e = 'freemarker.template.utility.Execute'?new()>${e('touch " + marker + "')}\n";
    for (String t : List.of("step1/justfile.ftl", "step1/ci.yml.ftl", "step3/flake.nix.ftl")) {
      Files.createDirectories(dir.resolve("tpl").resolve(t).getParent());
      Files.writeString(dir.resolve("tpl").resolve(t), payload);
    }
    TestRepo.commitAll(dir, "templates");
    List<String> before = listing(dir);
    String[] args = (command + " " + dir).split(" ");
    CliTest.Run r = CliTest.run(args);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("justfile.ftl") || r.err().contains("ci.yml.ftl"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertFalse(Files.exists(marker), "the repository's template ran a command");
    assertEquals(before, listing(dir), "nothing is written");
  }

  @Test
  void checkRunsNoTemplateEither() throws Exception {
    Path marker = temp.resolve("MARKER");
    Path dir = repo("");
    assertEquals(0, CliTest.run("step", "1", dir.toString()).code());
    Files.createDirectories(dir.resolve("tpl/step1"));
    Files.writeString(
        dir.resolve("tpl/step1/justfile.ftl"),
        "<#assign e = 'freemarker.template.utility.Execute'?new()>${e('touch " + marker + "')}\n");
    Files.writeString(
        dir.resolve("nixmigrate.toml"),
        Files.readString(dir.resolve("nixmigrate.toml")) + "templates = \"tpl\"\n");
    TestRepo.commitAll(dir, "templates");
    CliTest.Run r = CliTest.run("check", dir.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("justfile.ftl"), r.err());
    assertFalse(Files.exists(marker), "the repository's template ran a command");
  }

  @Test
  void aTemplateFolderThatLinksOutIsRefused() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside/step1"));
    Files.writeString(outside.resolve("justfile.ftl"), "x\n");
    Path dir = repo("templates = \"tpl\"\n");
    Files.createSymbolicLink(dir.resolve("tpl"), outside.getParent());
    CliTest.Run r = CliTest.run("plan", "1", dir.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("nixmigrate.toml:1:1:"), r.err());
    assertTrue(r.err().contains("outside the repository"), r.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "templates = \"/etc\"|1:1|inside the repository",
        "templates = \"../other\"|1:1|inside the repository",
        "templates = \"a/../../other\"|1:1|inside the repository",
        "templates = \"missing\"|1:1|does not exist",
        "templates = 3|1:1|must be a string",
        "step = \"3\"|1:1|whole number",
        "step = 9|1:1|step must be 0 to 5",
        "step = -1|1:1|step must be 0 to 5",
        "# comment<NL>systems = \"x86_64-linux\"|2:1|array of strings",
        "systems = [1, 2]|1:1|array of strings",
        "systems = [\"riscv-plan9\"]|1:1|unknown Nix system",
        "os = [\"ubuntu-latest\\n  - run: evil\"]|1:1|not like ubuntu-latest",
        "python = [\"3.12; rm -rf /\"]|1:1|not like 3.13",
        "compiler-cache = true|1:1|must be a string",
        "compiler-cache = \"distcc\"|1:1|ccache or sccache",
        "binary-cache = \"cachix:a b\"|1:1|cache",
        "cache-public-key = \"k:x\"|1:1|public key",
        "builders = [\"ssh://h x86_64-linux; curl evil\"]|1:1|machines-file line",
        "nix-installer = \"curl;sh\"|1:1|cachix or determinate",
        "flake-nix-config = \"yes\"|1:1|true or false",
        "step = 1<NL>ci = \"bitbucket\"|2:1|github or gitlab, not 'bitbucket'",
        "ci = [\"gitlab\"]|1:1|must be a string",
        "stpe = 3|1:1|unknown key 'stpe'",
        "include = \"examples\"|1:1|array of strings",
        "exclude = [1]|1:1|array of strings",
      })
  void everyKeyIsChecked(String settings, String where, String what) throws Exception {
    Path dir = repo(settings.replace("<NL>", "\n") + "\n");
    List<String> before = listing(dir);
    CliTest.Run r = CliTest.run("step", "1", dir.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("nixmigrate.toml:" + where + ":"), r.err());
    assertTrue(r.err().contains(what), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(before, listing(dir), "nothing is written");
  }

  @Test
  void examplesStayOutOfCiUnlessIncludedAndTheGlobsAreKept() throws Exception {
    Path dir = repo("");
    TestRepo.in(dir)
        .file(
            "examples/demo/Cargo.toml",
            "[package]\nname = \"demo-example\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file("examples/demo/src/lib.rs", "");
    TestRepo.commitAll(dir, "example");
    assertEquals(0, CliTest.run("step", "1", dir.toString()).code());
    assertFalse(
        Files.readString(dir.resolve(".github/workflows/ci.yml")).contains("examples/demo"));
    CliTest.Run detect = CliTest.run("detect", dir.toString());
    assertTrue(detect.out().contains("left out: examples/demo (example:"), detect.out());
    TestRepo.commitAll(dir, "step 1");
    Files.writeString(
        dir.resolve("nixmigrate.toml"),
        Files.readString(dir.resolve("nixmigrate.toml")) + "include = [\"examples/*\"]\n");
    TestRepo.commitAll(dir, "include");
    CliTest.Run r = CliTest.run("step", "1", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.readString(dir.resolve(".github/workflows/ci.yml")).contains("examples/demo"));
    assertTrue(
        Files.readString(dir.resolve("nixmigrate.toml")).contains("include = [\"examples/*\"]"));
  }

  @Test
  void aTemplateFolderInsideTheRepositoryStillWorks() throws Exception {
    Path dir = repo("templates = \"tpl\"\n");
    Files.createDirectories(dir.resolve("tpl/step1"));
    Files.writeString(dir.resolve("tpl/step1/justfile.ftl"), "# own justfile\n");
    TestRepo.commitAll(dir, "templates");
    CliTest.Run r = CliTest.run("step", "1", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("# own justfile\n", Files.readString(dir.resolve("justfile")));
  }
}
