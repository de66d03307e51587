package dev.nixmigrate.core.internal.nixpkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NixpkgsDataTest {
  private final NixpkgsData data = NixpkgsData.bundled();

  @Test
  void bundledTablesMatchTheSharedData() throws IOException {
    Path shared = Shared.dir().resolve("data/nixpkgs");
    List<String> drifted = new ArrayList<>();
    for (String f :
        List.of(
            "cmake-find-package.tsv",
            "pkg-config.tsv",
            "pypi-system-libs.tsv",
            "rust-sys-crates.tsv",
            "toolchains.tsv",
            "toplevel-attrs-checked.tsv",
            "python3Packages.txt",
            "python3Packages-aliases.tsv")) {
      try (InputStream in =
          NixpkgsData.class.getResourceAsStream("/dev/nixmigrate/core/nixpkgs/" + f)) {
        if (!Arrays.equals(
            Objects.requireNonNull(in, f).readAllBytes(), Files.readAllBytes(shared.resolve(f)))) {
          drifted.add(f);
        }
      }
    }
    assertEquals(List.of(), drifted, "run scripts/refresh-data to take the shared tables");
  }

  @Test
  void mapsCommonNeeds() {
    assertEquals(List.of("openssl"), attrs(data.forFindPackage("OpenSSL").orElseThrow()));
    assertEquals(
        List.of("zlib"),
        attrs(data.forFindPackage("zlib").orElseThrow()),
        "case-insensitive fallback");
    assertEquals(
        List.of(), attrs(data.forFindPackage("Threads").orElseThrow()), "known, needs nothing");
    assertEquals(List.of("gtest"), attrs(data.forFindPackage("GTest").orElseThrow()));
    assertEquals(List.of("catch2_3"), attrs(data.forFindPackage("Catch2").orElseThrow()));
    assertEquals(
        List.of("openssl", "pkg-config"), attrs(data.forCrate("openssl-sys").orElseThrow()));
    assertEquals(List.of("libgit2", "pkg-config"), attrs(data.forCrate("git2").orElseThrow()));
    assertEquals(List.of("glib"), attrs(data.forPkgConfig("gio-2.0").orElseThrow()));
    assertEquals(List.of("libpq", "pkg-config"), attrs(data.forPypi("psycopg2").orElseThrow()));
    assertEquals(List.of("libyaml"), attrs(data.forPypi("PyYAML").orElseThrow()));
    assertEquals(
        attrs(data.forFindPackage("Python").orElseThrow()),
        attrs(data.forFindPackage("PythonInterp").orElseThrow()),
        "CMake's deprecated FindPythonInterp finds what FindPython does");
    assertEquals(List.of("python3"), attrs(data.forFindPackage("PythonLibs").orElseThrow()));
    assertTrue(data.forFindPackage("NoSuchThing").isEmpty());
    assertTrue(data.forCrate("serde").isEmpty());
  }

  @Test
  void knowsWhichAttributesExist() {
    assertTrue(data.isKnownAttribute("openssl"));
    assertTrue(data.isKnownAttribute("python3Packages.pybind11"));
    assertTrue(data.isKnownAttribute("qt6.qtbase"));
    assertFalse(data.isKnownAttribute("python310"), "removed from nixpkgs in 2026");
    assertFalse(data.isKnownAttribute("python3Packages.no-such-package"));
    // Added to nixpkgs after the python3Packages.txt snapshot (python3Packages-added.tsv).
    assertEquals(Optional.of("annotated-doc"), data.python3Package("annotated-doc"));
    assertFalse(data.isKnownAttribute("nixfmt-rfc-style"), "deprecated alias");
    assertEquals(
        List.of("3.11", "3.12", "3.13", "3.14", "3.15"),
        data.pythonInterpreters().keySet().stream().sorted().toList());
  }

  @Test
  void mostMappedAttributesAreOnTheCheckedList() {
    // Rows may name attributes the allow-list does not cover; NixNeeds reports and drops those.
    String[] probes = {
      "OpenSSL",
      "ZLIB",
      "Boost",
      "CURL",
      "GTest",
      "fmt",
      "spdlog",
      "Eigen3",
      "Protobuf",
      "SQLite3",
      "PNG",
      "JPEG",
      "BZip2",
      "LibXml2",
      "zstd",
      "Freetype",
      "HDF5",
      "TBB",
      "absl",
      "benchmark"
    };
    for (String p : probes) {
      for (NixPackage n : data.forFindPackage(p).orElseThrow(() -> new AssertionError(p))) {
        assertTrue(data.isKnownAttribute(n.attribute()), p + " -> " + n.attribute());
      }
    }
  }

  private static List<String> attrs(List<NixPackage> pkgs) {
    return pkgs.stream().map(NixPackage::attribute).distinct().sorted().toList();
  }

  @Test
  void onlyCratesThatLinkALibraryAreSysCrates() {
    for (String lib : List.of("openssl-sys", "libsqlite3-sys", "zstd-sys", "some-unknown-sys")) {
      assertTrue(data.isSysCrate(lib), lib);
    }
    for (String notLib :
        List.of("cc", "pkg-config", "bindgen", "windows-sys", "linux-raw-sys", "js-sys", "serde")) {
      assertFalse(data.isSysCrate(notLib), notLib);
    }
  }
}
