package dev.nixmigrate.generators.internal.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.TemplateEngine;
import dev.nixmigrate.generators.Warnings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The workflow edit on 300 seeded random layouts (two- or four-space indentation, dashes flush or
 * indented, env blocks or none, comments above any key or step, block scalars, several jobs, some
 * compiling nothing though they name cargo or CMake): the result is valid YAML holding every value
 * the original held, every original line in order, each comment still directly above the line it
 * was above, the cache wiring in each compiling job before its first compile, and a second edit
 * finds nothing to do.
 */
class WorkflowCacheEditorTest {
  private static Generator.Context ctx() {
    return new Generator.Context(
        new TemplateEngine(null),
        new Warnings(),
        Selection.upTo(2),
        dev.nixmigrate.generators.StepCatalog.STANDARD);
  }

  /** A job as generated: its id, what it compiles ("rust", "c" or ""). */
  private record Job(String id, String kind) {}

  private static String workflow(Random rnd, List<Job> jobs) {
    int u = rnd.nextBoolean() ? 2 : 4;
    String i1 = " ".repeat(u);
    String i2 = i1.repeat(2);
    StringBuilder b =
        new StringBuilder("# a team's workflow\nname: build\non: [push]\npermissions: {}\njobs:\n");
    int n = 1 + rnd.nextInt(3);
    for (int j = 0; j < n; j++) {
      String kind = List.of("rust", "c", "").get(rnd.nextInt(3));
      String id = "job" + j;
      jobs.add(new Job(id, kind));
      comment(rnd, b, i1, "the job " + id);
      b.append(i1).append(id).append(":\n");
      comment(rnd, b, i2, "the runner of " + id);
      b.append(i2).append("runs-on: ubuntu-latest\n");
      if (rnd.nextBoolean()) {
        comment(rnd, b, i2, "the environment of " + id);
        b.append(i2).append("env:\n");
        comment(rnd, b, i2 + i1, "the first variable of " + id);
        for (int e = 0; e <= rnd.nextInt(2); e++) {
          b.append(i2)
              .append(i1)
              .append("MY_VAR_")
              .append(e)
              .append(": \"v")
              .append(e)
              .append("\"\n");
        }
      }
      comment(rnd, b, i2, "the steps of " + id);
      b.append(i2).append("steps:\n");
      String dash = rnd.nextBoolean() ? i2 : i2 + i1;
      String inner = dash + "  ";
      comment(rnd, b, dash, "the checkout of " + id);
      b.append(dash).append("- uses: actions/checkout@v4\n");
      b.append(inner)
          .append("with:\n")
          .append(inner)
          .append(i1)
          .append("persist-credentials: false\n");
      if (rnd.nextBoolean()) {
        b.append(dash).append("- run: echo prepare\n");
      }
      comment(rnd, b, rnd.nextBoolean() ? dash : inner, "the build of " + id);
      String cmd =
          switch (kind) {
            case "rust" -> "cargo build --locked";
            case "c" -> "cmake -S . -B build";
            default -> NOT_BUILDS.get(rnd.nextInt(NOT_BUILDS.size()));
          };
      if (rnd.nextBoolean()) {
        b.append(dash).append("- name: Build\n").append(inner).append("run: |\n");
        b.append(inner)
            .append(i1)
            .append("echo start\n")
            .append(inner)
            .append(i1)
            .append(cmd)
            .append('\n');
      } else {
        b.append(dash)
            .append("- name: Build\n")
            .append(inner)
            .append("run: ")
            .append(cmd)
            .append('\n');
      }
      b.append(dash).append("- run: echo done\n");
    }
    return b.toString();
  }

  /** Commands that name cargo or CMake and compile nothing. */
  private static final List<String> NOT_BUILDS =
      List.of(
          "make docs",
          "sudo apt-get install -y cmake ninja-build",
          "cargo fmt --all -- --check",
          "cargo install cargo-nextest --locked",
          "cmake --version",
          "echo cargo build # cmake -B build");

  /** Sometimes a comment line, unique in the file, at {@code indent}. */
  private static void comment(Random rnd, StringBuilder b, String indent, String what) {
    if (rnd.nextBoolean()) {
      b.append(indent).append("# ").append(what).append('\n');
    }
  }

  /** The leaves as "path-without-indices=value", counted. */
  private static Map<String, Integer> values(String yaml) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    for (YamlReader.Leaf l : YamlReader.leaves(yaml, "w.yml")) {
      out.merge(String.join("/", l.path()) + "=" + l.value(), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void randomLayoutsAreEditedSafely() throws Exception {
    Random rnd = new Random(20261125);
    int edited = 0;
    for (int c = 0; c < 300; c++) {
      List<Job> jobs = new ArrayList<>();
      String before = workflow(rnd, jobs);
      String cache = rnd.nextBoolean() ? "ccache" : "sccache";
      WorkflowCacheEditor.Edit e =
          WorkflowCacheEditor.edit(
              before,
              "w.yml",
              dev.nixmigrate.generators.CompilerCache.parse(cache),
              dev.nixmigrate.generators.CacheStorage.CI,
              ctx());
      boolean compiles = jobs.stream().anyMatch(j -> !j.kind().isEmpty());
      if (!compiles) {
        assertNull(e, before);
        continue;
      }
      assertNotNull(e, before);
      edited++;
      String after = e.text();
      String context = "\n--- before\n" + before + "--- after\n" + after;

      Map<String, Integer> was = values(before);
      Map<String, Integer> now = values(after);
      for (Map.Entry<String, Integer> v : was.entrySet()) {
        assertTrue(now.getOrDefault(v.getKey(), 0) >= v.getValue(), v.getKey() + context);
      }
      List<String> a = before.lines().toList();
      int k = 0;
      for (String line : after.lines().toList()) {
        if (k < a.size() && a.get(k).equals(line)) {
          k++;
        }
      }
      assertEquals(a.size(), k, "every line of theirs, in order" + context);
      List<String> out = after.lines().toList();
      for (int i = 0; i + 1 < a.size(); i++) {
        if (a.get(i).strip().startsWith("#")) {
          assertEquals(
              a.get(i + 1),
              out.get(out.indexOf(a.get(i)) + 1),
              "a comment stays above what it describes" + context);
        }
      }

      Map<?, ?> doc =
          (Map<?, ?>)
              new org.snakeyaml.engine.v2.api.Load(
                      org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                  .loadFromString(after);
      for (Job j : jobs) {
        Map<?, ?> job = (Map<?, ?>) ((Map<?, ?>) doc.get("jobs")).get(j.id());
        Map<?, ?> env = job.get("env") == null ? Map.of() : (Map<?, ?>) job.get("env");
        List<?> steps = (List<?>) job.get("steps");
        int compile = -1;
        int setup = -1;
        for (int s = 0; s < steps.size(); s++) {
          Map<?, ?> step = (Map<?, ?>) steps.get(s);
          assertTrue(
              step.containsKey("uses") != step.containsKey("run"),
              "a step either uses an action or runs commands: " + step + context);
          String what =
              String.valueOf(step.containsKey("uses") ? step.get("uses") : step.get("run"));
          if (compile < 0 && (what.contains("cargo build") || what.contains("cmake -S"))) {
            compile = s;
          }
          if (setup < 0 && what.contains("cache-action")) {
            setup = s;
          }
        }
        switch (j.kind()) {
          case "rust" -> {
            assertEquals("sccache", env.get("RUSTC_WRAPPER"), env + context);
            assertTrue(setup >= 0 && setup < compile, steps + context);
          }
          case "c" -> {
            assertEquals(cache, env.get("CMAKE_CXX_COMPILER_LAUNCHER"), env + context);
            assertTrue(setup >= 0 && setup < compile, steps + context);
          }
          default -> assertTrue(setup < 0 && !env.containsKey("RUSTC_WRAPPER"), context);
        }
      }
      assertNull(
          WorkflowCacheEditor.edit(
              after,
              "w.yml",
              dev.nixmigrate.generators.CompilerCache.parse(cache),
              dev.nixmigrate.generators.CacheStorage.CI,
              ctx()),
          "a second edit adds nothing" + context);
    }
    assertTrue(edited > 150, "enough compiling layouts were tried: " + edited);
  }
}
