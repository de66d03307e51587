package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.Generators;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.testing.TestRepo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI jobs install the system libraries a project needs, per OS, and name what they cannot. */
class SystemPackagesTest {
  @TempDir Path dir;

  private static List<String[]> rows(String table) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (var in =
            SystemPackagesTest.class.getResourceAsStream("/dev/nixmigrate/core/nixpkgs/" + table);
        var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines()
          .filter(l -> !l.startsWith("#"))
          .skip(1)
          .forEach(l -> out.add(l.replaceAll("\\([^)]*\\)", "").split("\t", -1)));
    }
    return out;
  }

  /** Every attribute the detection tables can give a project has a row, mapped or not. */
  @Test
  void everyLibraryAttributeHasARow() throws IOException {
    Set<String> attrs = new TreeSet<>();
    rows("cmake-find-package.tsv").forEach(r -> attrs.addAll(List.of(r[2].split(" "))));
    rows("pkg-config.tsv").forEach(r -> attrs.addAll(List.of(r[1].split(" "))));
    rows("rust-sys-crates.tsv")
        .forEach(
            r -> {
              attrs.addAll(List.of(r[1].split(" ")));
              attrs.addAll(List.of(r[2].split(" ")));
            });
    rows("pypi-system-libs.tsv")
        .forEach(
            r -> {
              attrs.addAll(List.of(r[3].split(" ")));
              attrs.addAll(List.of(r[4].split(" ")));
            });
    Set<String> have = new TreeSet<>();
    rows("system-packages.tsv").forEach(r -> have.add(r[0]));
    attrs.removeIf(a -> !a.matches("[A-Za-z0-9_.-]+") || a.equals("-"));
    attrs.removeAll(have);
    assertEquals(Set.of(), attrs, "attributes with no row in system-packages.tsv");
  }

  @Test
  void aSysCrateGetsItsPackagesOnEachOs() throws Exception {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nopenssl-sys = \"0.9\"\n")
        .file("src/lib.rs", "");
    RepoFacts facts = RepoScanner.scan(dir);
    String ci =
        Generators.generate(facts, Options.defaults(), 1).file(WorkflowGenerator.PATH).text();
    assertTrue(
        ci.contains("sudo apt-get install --yes --no-install-recommends libssl-dev pkg-config"),
        ci);
    assertTrue(ci.contains("brew install openssl@3 pkgconf"), ci);
    assertTrue(ci.contains("PKG_CONFIG_PATH=$(brew --prefix openssl@3)/lib/pkgconfig"), ci);
    // The lint job runs on Ubuntu only: it has no macOS step.
    String lint =
        ci.substring(ci.indexOf("rust-lint:"), ci.indexOf("\n\n", ci.indexOf("rust-lint:")));
    assertTrue(lint.contains("(Linux)") && !lint.contains("(macOS)"), lint);
  }

  @Test
  void aLibraryWithNoPackageIsAWarningAndTheJobIsStillWritten() throws Exception {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.20)\nproject(x CXX)\nfind_package(SDL3 REQUIRED)\n"
                + "add_executable(x x.cc)\n")
        .file("x.cc", "int main() {}\n");
    RepoFacts facts = RepoScanner.scan(dir);
    Generators.Generation g = Generators.generate(facts, Options.defaults(), 1);
    assertTrue(g.file(WorkflowGenerator.PATH) != null, "the job is written");
    assertTrue(
        g.warnings().stream()
            .anyMatch(w -> w.toString().contains("sdl3") && w.toString().contains("Ubuntu")),
        g.warnings().toString());
    assertFalse(
        g.warnings().stream()
            .anyMatch(w -> w.toString().contains("sdl3") && w.toString().contains("Homebrew")),
        g.warnings().toString());
  }
}
