package dev.nixmigrate.core.internal.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.RepoFiles;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoReaderTest {
  @TempDir Path dir;

  private Map<String, RustProject> read(String... dirs) {
    return CargoReader.read(
        new RepoFiles(dir), List.of(dirs), c -> c.endsWith("-sys"), c -> c.equals("bindgen"));
  }

  @Test
  void workspaceInheritanceInBothForms() {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/skip\"]\n"
                + "[workspace.package]\nedition = \"2021\"\nrust-version = \"1.80\"\nversion = \"0.3.0\"\n")
        .file(
            "crates/a/Cargo.toml",
            "[package]\nname = \"a\"\nversion.workspace = true\n"
                + "edition.workspace = true\nrust-version.workspace = true\n")
        .file(
            "crates/b/Cargo.toml",
            "[package]\nname = \"b\"\nversion = \"1.0.0\"\n"
                + "edition = { workspace = true }\nrust-version = { workspace = true }\n")
        .file(
            "crates/skip/Cargo.toml",
            "[package]\nname = \"skip\"\nversion = \"0.1.0\"\nedition = \"2024\"\n");
    Map<String, RustProject> projects = read(".", "crates/a", "crates/b", "crates/skip");
    RustProject ws = projects.get(".");
    assertTrue(ws.workspace());
    assertTrue(ws.virtualWorkspace());
    assertEquals(List.of("crates/a", "crates/b"), ws.members());
    assertEquals("2021", ws.edition());
    assertEquals("1.80", ws.rustVersion());
    assertEquals("0.3.0", ws.packages().get(0).version());
    assertEquals(
        "2024", projects.get("crates/skip").edition(), "an excluded crate is its own project");
  }

  @Test
  void renamedAndWorkspaceDependenciesResolveToTheRealCrate() {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[workspace]\nmembers = [\"x\"]\n[workspace.dependencies]\n"
                + "zlib = { package = \"libz-sys\", version = \"1\" }\n")
        .file(
            "x/Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n[dependencies]\n"
                + "ffi = { package = \"openssl-sys\", version = \"0.9\" }\nzlib = { workspace = true }\n"
                + "[target.'cfg(any())'.dependencies]\nnever-sys = \"1\"\n"
                + "[target.'cfg(windows)'.dependencies]\nwinapi-sys = \"1\"\n"
                + "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n");
    RustProject p = read(".", "x").get(".");
    assertEquals(List.of("libc", "libz-sys", "openssl-sys"), p.packages().get(0).dependencies());
    assertEquals(List.of("libz-sys", "openssl-sys"), p.sysCrates());
  }

  @Test
  void pathDependenciesInsideTheRootJoinImplicitly() {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"top\"\nversion = \"1.0.0\"\n[workspace]\n"
                + "[dependencies]\nhelper-sys = { path = \"helper-sys\" }\n")
        .file("helper-sys/Cargo.toml", "[package]\nname = \"helper-sys\"\nversion = \"0.1.0\"\n");
    RustProject p = read(".", "helper-sys").get(".");
    assertEquals(List.of(".", "helper-sys"), p.members());
    assertFalse(p.virtualWorkspace());
    assertEquals("2015", p.edition(), "cargo's default edition");
  }

  @Test
  void toolchainFileIsFoundUpwardsAndPlainFilesWork() {
    TestRepo.in(dir)
        .file("rust-toolchain", "nightly-2026-01-01\n")
        .file("sub/crate/Cargo.toml", "[package]\nname = \"c\"\nversion = \"0.1.0\"\n")
        .file("sub/crate/.cargo/config.toml", "[build]\ntarget = \"wasm32-unknown-unknown\"\n");
    RustProject p = read("sub/crate").get("sub/crate");
    assertEquals("nightly-2026-01-01", p.toolchain().channel());
    assertEquals("rust-toolchain", p.toolchain().file());
    assertEquals("wasm32-unknown-unknown", p.buildTarget());
  }

  @Test
  void lockGraphFindsTransitiveSysCratesFromActiveDependenciesOnly() {
    TestRepo.in(dir)
        .file(
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\ngit2 = \"0.20\"\n")
        .file(
            "Cargo.lock",
            "version = 4\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n"
                + "dependencies = [\"git2\"]\n[[package]]\nname = \"git2\"\nversion = \"0.20.0\"\n"
                + "dependencies = [\"libgit2-sys\"]\n[[package]]\nname = \"libgit2-sys\"\nversion = \"0.18.0\"\n"
                + "[[package]]\nname = \"unrelated-sys\"\nversion = \"1.0.0\"\n");
    RustProject p = read(".").get(".");
    assertTrue(p.lockfile());
    assertEquals(List.of("libgit2-sys"), p.sysCrates());
    assertNull(p.toolchain());
  }
}
