package dev.nixmigrate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.RepoScanner;
import dev.nixmigrate.testing.Processes;
import dev.nixmigrate.testing.TestRepo;
import dev.nixmigrate.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 2's settings work for real: the generated justfile's cache settings (read with {@code just
 * --evaluate}) make a second checkout of a C++ project hit ccache for every compilation, and make a
 * rebuilt Rust library hit sccache.
 */
class CompilerCacheTest {
  @TempDir Path temp;

  /** The variables the generated step-2 justfile exports, as {@code just} evaluates them. */
  private Map<String, String> generatedSettings(Path project, Map<String, String> env)
      throws Exception {
    Path just = Tools.require("just", Examples.npmBin());
    var gen = Generators.generate(RepoScanner.scan(project), Options.defaults(), 2);
    Files.writeString(project.resolve("justfile"), gen.file("justfile").text());
    ProcessBuilder pb =
        new ProcessBuilder(just.toString(), "--evaluate")
            .directory(project.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    Map<String, String> vars = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^(\\w+)\\s*:= \"(.*)\"$").matcher(out);
    while (m.find()) {
      vars.put(m.group(1), m.group(2));
    }
    return vars;
  }

  private static Processes.Result run(Path dir, Map<String, String> env, String... cmd)
      throws Exception {
    return Processes.run(dir, env, List.of(cmd), null, 300);
  }

  private static void ok(Processes.Result r) {
    assertTrue(r.ok(), r.output());
  }

  private static void cppProject(Path dir) {
    TestRepo.in(dir)
        .file(
            "CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.16)\nproject(cachedemo CXX)\n"
                + "set(CMAKE_CXX_STANDARD 17)\nadd_library(shapes shapes.cpp)\n"
                + "add_executable(demo main.cpp)\ntarget_link_libraries(demo shapes)\n")
        .file("shapes.hpp", "#pragma once\ndouble area(double r);\n")
        .file(
            "shapes.cpp",
            "#include \"shapes.hpp\"\n#include <cmath>\n"
                + "double area(double r) { return M_PI * r * r; }\n")
        .file(
            "main.cpp",
            "#include <cstdio>\n#include \"shapes.hpp\"\n"
                + "int main() { std::printf(\"%f\\n\", area(2.0)); }\n");
  }

  /** Builds both checkouts with {@code env} and returns the second build's ccache statistics. */
  private Map<String, Long> buildTwice(Path a, Path b, Map<String, String> env) throws Exception {
    return buildTwice(a, b, dir -> env);
  }

  /** The same, with each checkout's own environment. */
  private Map<String, Long> buildTwice(
      Path a, Path b, java.util.function.Function<Path, Map<String, String>> envOf)
      throws Exception {
    Path ccache = Tools.require("ccache");
    Map<String, String> env = null;
    for (Path dir : List.of(a, b)) {
      env = envOf.apply(dir);
      if (dir.equals(b)) {
        ok(run(dir, env, ccache.toString(), "--zero-stats"));
      }
      ok(
          run(
              dir,
              env,
              "cmake",
              "-S",
              ".",
              "-B",
              "build",
              "-G",
              "Ninja",
              "-DCMAKE_BUILD_TYPE=Debug"));
      ok(run(dir, env, "cmake", "--build", "build"));
    }
    Processes.Result stats = run(b, env, ccache.toString(), "--print-stats");
    ok(stats);
    Map<String, Long> out = new HashMap<>();
    for (String line : stats.output().split("\n")) {
      String[] kv = line.split("\t");
      if (kv.length == 2 && kv[1].matches("\\d+")) {
        out.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return out;
  }

  @Test
  void secondCheckoutOfACppProjectHitsCcache() throws Exception {
    Tools.require("cmake");
    Tools.require("ninja");
    Tools.require("c++");
    Path checkouts = temp.resolve("src");
    Path a = checkouts.resolve("first");
    Path b = checkouts.resolve("second-checkout");
    cppProject(a);
    cppProject(b);
    // Each checkout with the settings its own justfile gives, outside the home folder, as on a
    // build machine or in /tmp: no CCACHE_BASEDIR from outside.
    Map<Path, Map<String, String>> envs = new HashMap<>();
    for (Path dir : List.of(a, b)) {
      Map<String, String> env = new HashMap<>(generatedSettings(dir, Map.of()));
      assertTrue(env.get("CMAKE_CXX_COMPILER_LAUNCHER").endsWith("ccache"), env.toString());
      assertFalse(dir.startsWith(System.getProperty("user.home")), "outside home: " + dir);
      env.put("CCACHE_DIR", temp.resolve("cache").toString());
      envs.put(dir, env);
    }
    Map<String, Long> stats = buildTwice(a, b, envs::get);
    long hits =
        stats.getOrDefault("direct_cache_hit", 0L)
            + stats.getOrDefault("preprocessed_cache_hit", 0L);
    // Both sources, and CMake's compiler check, which goes through the launcher too.
    assertTrue(hits >= 2, "every compilation of the second checkout hits: " + stats);
    assertEquals(0, stats.getOrDefault("cache_miss", 0L), stats.toString());
  }

  @Test
  void withoutTheSettingsTheSecondCheckoutMisses() throws Exception {
    Tools.require("cmake");
    Tools.require("ninja");
    Path ccache = Tools.require("ccache");
    Path a = temp.resolve("plain/first");
    Path b = temp.resolve("plain/second-checkout");
    cppProject(a);
    cppProject(b);
    Map<String, String> env =
        Map.of(
            "CMAKE_CXX_COMPILER_LAUNCHER",
            ccache.toString(),
            "CCACHE_DIR",
            temp.resolve("cache-plain").toString());
    Map<String, Long> stats = buildTwice(a, b, env);
    assertTrue(
        stats.getOrDefault("cache_miss", 0L) > 0,
        "control: debug builds in another folder miss " + stats);
  }

  @Test
  void rebuiltRustLibraryHitsSccache() throws Exception {
    Path cargo = Tools.require("cargo", Path.of(System.getProperty("user.home"), ".cargo", "bin"));
    Path sccache = Tools.require("sccache");
    Path ws = temp.resolve("rustws");
    TestRepo.in(ws)
        .file("Cargo.toml", "[workspace]\nmembers = [\"crates/geometry\"]\nresolver = \"2\"\n")
        .file(
            "crates/geometry/Cargo.toml",
            "[package]\nname = \"geometry\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
        .file(
            "crates/geometry/src/lib.rs",
            "pub fn area(r: f64) -> f64 { std::f64::consts::PI * r * r }\n");
    Map<String, String> env = new HashMap<>(generatedSettings(ws, Map.of()));
    assertTrue(env.get("RUSTC_WRAPPER").endsWith("sccache"), env.toString());
    assertEquals("0", env.get("CARGO_INCREMENTAL"));
    env.put("SCCACHE_DIR", temp.resolve("sccache").toString());
    env.put("CARGO_TARGET_DIR", ws.resolve("target").toString());
    env.put("CARGO_NET_OFFLINE", "true");
    env.put("PATH", cargo.getParent() + ":" + System.getenv("PATH"));
    run(ws, env, sccache.toString(), "--stop-server");
    try {
      ok(run(ws, env, sccache.toString(), "--start-server"));
      ok(run(ws, env, cargo.toString(), "build"));
      ok(run(ws, env, cargo.toString(), "clean"));
      ok(run(ws, env, sccache.toString(), "--zero-stats"));
      ok(run(ws, env, cargo.toString(), "build"));
      Processes.Result stats = run(ws, env, sccache.toString(), "--show-stats");
      ok(stats);
      Matcher hits = Pattern.compile("(?m)^Cache hits\\s+(\\d+)").matcher(stats.output());
      Matcher misses = Pattern.compile("(?m)^Cache misses\\s+(\\d+)").matcher(stats.output());
      assertTrue(hits.find() && misses.find(), stats.output());
      assertTrue(Long.parseLong(hits.group(1)) >= 1, "the library crate hits: " + stats.output());
      assertEquals(0, Long.parseLong(misses.group(1)), stats.output());
    } finally {
      run(ws, env, sccache.toString(), "--stop-server");
    }
  }
}
