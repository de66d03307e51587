package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.generators.internal.nix.NixBuild;
import dev.nixmigrate.generators.internal.nix.NixBuildPlanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meson and Makefile projects get a {@code stdenv.mkDerivation} at step 4 that keeps nixpkgs'
 * contracts: the stand-in rejects a derivation that breaks one, and the shell the package adds
 * installs what the build made.
 */
class NativePackageTest {
  @TempDir static Path scratch;

  private static final String PROG_C = "int main(void) { return 0; }\n";

  /** bzip2's shape: one Makefile with PREFIX, an install target and check: test. */
  private static Path makeWithInstall(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "Makefile",
            "CC=cc\nPREFIX=/usr/local\n\nall: prog\n\nprog: prog.c\n\t$(CC) -o prog prog.c\n\n"
                + "check: test\ntest: prog\n\t./prog\n\n"
                + "install: prog\n\tmkdir -p $(PREFIX)/bin\n\tcp -f prog $(PREFIX)/bin/prog\n")
        .file("prog.c", PROG_C);
    return dir;
  }

  /** A Makefile that builds a program and a library and installs nothing. */
  private static Path makeWithoutInstall(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "Makefile",
            "all: prog libadd.a\n\nprog: prog.c\n\tcc -o prog prog.c\n\n"
                + "libadd.a: add.c\n\tcc -c add.c\n\tar rcs libadd.a add.o\n")
        .file("prog.c", PROG_C)
        .file("add.c", "int add(int a, int b) { return a + b; }\n")
        .file("run.sh", "#!/bin/sh\necho a script of the sources, not built\n");
    return dir;
  }

  private static Path meson(String name, boolean installs) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "meson.build",
            "project('adder', 'c', version: '2.4.1')\nz = dependency('zlib')\n"
                + "e = executable('adder', 'adder.c', dependencies: z"
                + (installs ? ", install: true" : "")
                + ")\ntest('runs', e)\n")
        .file("adder.c", PROG_C);
    return dir;
  }

  @Test
  void cmakeTestsBehindAnOffOptionAreBuiltForTheCheckPhase() throws Exception {
    Path dir = scratch.resolve("cmake-test-option");
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.16)\nproject(t VERSION 1.0 LANGUAGES C)\n"
                + "option(T_BUILD_TESTS \"tests\" OFF)\nadd_executable(t t.c)\ninstall(TARGETS t)\n"
                + "if(T_BUILD_TESTS)\n enable_testing()\n add_test(NAME t COMMAND t)\nendif()\n")
        .file("t.c", PROG_C);
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(
        block.contains("cmakeFlags = [\n") && block.contains("\"-DT_BUILD_TESTS=ON\""), block);
    assertTrue(block.contains("doCheck = true;"), block);
  }

  /** A CMake project older than CMake 3.5, as many still are. */
  private static Path oldCMake(String name) {
    Path dir = scratch.resolve(name);
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "CMAKE_MINIMUM_REQUIRED(VERSION 2.8.12)\nproject(old C)\nadd_executable(old t.c)\n"
                + "install(TARGETS old DESTINATION bin)\n")
        .file("t.c", PROG_C);
    return dir;
  }

  @Test
  void cmakeOlderThan35GetsCMake4sPolicyFloor() throws Exception {
    Path dir = oldCMake("cmake-old");
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(
        block.contains("cmakeFlags = [\n              \"-DCMAKE_POLICY_VERSION_MINIMUM=3.5\"\n"),
        block);
    nix.evaluates(dir);
    nix.breaks(
        oldCMake("broken-cmake-old"),
        "\"-DCMAKE_POLICY_VERSION_MINIMUM=3.5\"",
        "\"-DCMAKE_BUILD_TYPE=Release\"",
        "CMakeLists.txt asks for a CMake older than 3.5 and cmakeFlags set no"
            + " CMAKE_POLICY_VERSION_MINIMUM");
  }

  @Test
  void mesonBuildsWithMesonNinjaAndPkgConfigAndRunsItsTests() throws Exception {
    assertEquals(
        """
                {
                  adder = pkgs.stdenv.mkDerivation {
                    pname = "adder";
                    version = "2.4.1";
                    src = ./.;
                    nativeBuildInputs = [
                      pkgs.meson
                      pkgs.ninja
                      pkgs.pkg-config
                    ];
                    buildInputs = [
                      pkgs.zlib
                    ];
                    doCheck = true;
                  };

        """,
        StandInContracts.packageBlock(StandInContracts.flake(meson("meson-installs", true))));
  }

  @Test
  void aMakefileWithPrefixGetsItInMakeFlagsAndItsTestTarget() throws Exception {
    assertEquals(
        """
                {
                  project = pkgs.stdenv.mkDerivation {
                    pname = "project";
                    version = "0-unstable";
                    src = ./.;
                    makeFlags = [
                      "PREFIX=${placeholder "out"}"
                    ];
                    checkTarget = "test";
                    doCheck = true;
                  };

        """,
        StandInContracts.packageBlock(StandInContracts.flake(makeWithInstall("make-prefix"))));
  }

  @Test
  void withoutAnInstallTargetThePackageCopiesWhatTheBuildMadeAndSaysSo() throws Exception {
    Path dir = makeWithoutInstall("make-copy");
    String block = StandInContracts.packageBlock(StandInContracts.flake(dir));
    assertTrue(block.contains("# the Makefile has no install target: installPhase copies"), block);
    assertTrue(block.contains("installPhase = ''\n"), block);
    assertTrue(block.contains("doCheck = false;"), block);
    List<String> warnings =
        Generators.generate(RepoScanner.scan(dir), Options.defaults(), 4).warnings().stream()
            .map(Warning::toString)
            .toList();
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("Makefile") && w.contains("no install target")),
        warnings.toString());
  }

  @Test
  void mesonThatInstallsNothingAlsoCopiesWhatWasBuilt() throws Exception {
    String block =
        StandInContracts.packageBlock(StandInContracts.flake(meson("meson-nothing", false)));
    assertTrue(block.contains("# meson.build declares nothing to install"), block);
    assertTrue(block.contains("installPhase = ''\n"), block);
  }

  @Test
  void aMesonBuildThatReadsAboveItsFolderGetsAWarningInsteadOfAPackage() {
    Path dir = scratch.resolve("reads-above");
    TestRepo.in(dir)
        .file("lib/lz.c", "int lz;\n")
        .file(
            "contrib/meson/meson.build",
            "project('lz', 'c')\nlibrary('lz', '../../lib/lz.c', install: true)\n");
    Generators.Generation gen = Generators.generate(RepoScanner.scan(dir), Options.defaults(), 4);
    String flake = gen.file("flake.nix").text();
    assertFalse(flake.contains("mkDerivation"), flake);
    assertTrue(
        gen.warnings().stream()
            .anyMatch(
                w ->
                    w.toString().contains("contrib/meson/meson.build")
                        && w.toString().contains("'../../lib/lz.c'")),
        gen.warnings().toString());
  }

  /** Runs the package's phases as stdenv would, with the make here, and lists $out. */
  private static List<String> buildAndInstall(Path dir, NixBuild b) throws Exception {
    Path out = scratch.resolve(dir.getFileName() + "-out");
    StringBuilder script = new StringBuilder("set -eu\nrunHook() { :; }\n");
    List<String> flags = new ArrayList<>();
    for (String f : b.makeFlags()) {
      flags.add("'" + f.replace("${placeholder \"out\"}", out.toString()).replace("\"", "") + "'");
    }
    String make = "make " + String.join(" ", flags);
    String pre = "";
    String post = "";
    String install = make + " install";
    for (NixBuild.Phase p : b.phases()) {
      String body = String.join("\n", p.lines()) + "\n";
      switch (p.name()) {
        case "preBuild" -> pre = body;
        case "postBuild" -> post = body;
        case "installPhase" -> install = body;
        default -> throw new AssertionError(p.name());
      }
    }
    script.append(pre).append(make).append('\n').append(post).append(install).append('\n');
    Processes.Result r =
        Processes.run(
            dir,
            Map.of("out", out.toString(), "NIX_BUILD_TOP", scratch.toString()),
            List.of("bash", "-c", script.toString()),
            null,
            120);
    assertTrue(r.ok(), script + "\n" + r.output());
    try (var files = Files.walk(out)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> out.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static NixBuild only(Path dir) {
    List<NixBuild> builds =
        new NixBuildPlanner(NixpkgsData.bundled(), new Warnings()).plan(RepoScanner.scan(dir));
    assertEquals(1, builds.size(), builds.toString());
    return builds.get(0);
  }

  @Test
  void theInstallPhasesPutTheProgramsAndLibrariesInTheOutput() throws Exception {
    Tools.require("make");
    Tools.require("cc");
    Path copy = makeWithoutInstall("run-copy");
    assertEquals(List.of("bin/prog", "lib/libadd.a"), buildAndInstall(copy, only(copy)));
    Path prefix = makeWithInstall("run-prefix");
    assertEquals(List.of("bin/prog"), buildAndInstall(prefix, only(prefix)));
  }

  static StandInContracts nix;

  @BeforeAll
  static void standIn() throws Exception {
    nix = new StandInContracts(scratch);
  }

  @Test
  void everyShapeEvaluatesAgainstTheContractCheckingStandIn() throws Exception {
    for (Path dir :
        List.of(
            meson("eval-meson", true),
            meson("eval-meson-copy", false),
            makeWithInstall("eval-make"),
            makeWithoutInstall("eval-make-copy"))) {
      StandInContracts.flake(dir);
      nix.evaluates(dir);
    }
  }

  @Test
  void aBrokenGeneratorFailsEachContract() throws Exception {
    nix.breaks(
        makeWithoutInstall("broken-install"),
        "installPhase = ''",
        "postInstall = ''",
        "the Makefile has no install target and no installPhase overrides it");
    nix.breaks(
        makeWithInstall("broken-prefix"),
        "\"PREFIX=${placeholder \"out\"}\"",
        "\"DESTDIR=${placeholder \"out\"}\"",
        "the Makefile sets PREFIX and no makeFlags or installFlags override it");
    nix.breaks(
        makeWithInstall("broken-check"),
        "checkTarget = \"test\";",
        "checkTarget = \"tests\";",
        "the Makefile has no tests target");
    nix.breaks(
        meson("broken-ninja", true),
        "pkgs.ninja\n",
        "",
        "mkDerivation with meson: ninja is not in nativeBuildInputs");
    nix.breaks(
        meson("broken-pkg-config", true),
        "pkgs.pkg-config\n",
        "",
        "mkDerivation with meson: buildInputs without pkg-config");
    Path noMakefile = makeWithInstall("broken-src");
    StandInContracts.flake(noMakefile);
    Files.move(noMakefile.resolve("Makefile"), noMakefile.resolve("Makefile.in"));
    Processes.Result r = nix.failing(noMakefile);
    assertTrue(r.output().contains("src has no Makefile and no installPhase"), r.output());
  }
}
