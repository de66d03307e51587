package dev.nixmigrate.generators.internal.ci;

import static dev.nixmigrate.generators.internal.ci.YamlNodes.aboveComments;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.column;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.key;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.keyAbove;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.line;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.lineAfter;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.lowerText;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.printable;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.tuple;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.value;

import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.ManifestText;
import dev.nixmigrate.core.internal.read.YamlReader;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CacheStorage;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.internal.ci.BuildCommands.Tool;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import dev.nixmigrate.generators.internal.ci.Workflow.Step;
import dev.nixmigrate.generators.internal.ci.YamlNodes.Insertion;
import dev.nixmigrate.generators.internal.ci.YamlNodes.UnusualLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Step 2 in the user's own workflows: a minimal edit that wires each job compiling Rust or C/C++ to
 * a compiler cache (job environment entries and one setup step), leaving every other byte of the
 * file as it was. Used when the user's CI already does step 1, so nixmigrate writes no workflow of
 * its own. Only commands that really compile count ({@link BuildCommands}); a job the wiring would
 * break or leave useless (MSVC, MSYS2, a container) is left with a warning at its line ({@link
 * WorkflowCacheSkips}).
 */
public final class WorkflowCacheEditor implements Generator {

  @Override
  public String purpose() {
    return "compiler caching in your own workflow";
  }

  @Override
  public List<String> paths() {
    return List.of();
  }

  @Override
  public String name() {
    return "ci-cache-edit";
  }

  @Override
  public List<Part> steps() {
    return List.of(new Part(2, "compiler caching in a workflow of yours"));
  }

  /** Step 2 without step 1: the user's CI builds, and nixmigrate did not write it. */
  @Override
  public boolean runs(Selection s) {
    return s.includes(2) && !s.includes(1) && !s.managed(WorkflowGenerator.PATH);
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITHUB) {
      return List.of(); // GitLabCiEditor edits a GitLab pipeline
    }
    Set<String> workflows = new TreeSet<>();
    facts.existing().of(Evidence.Kind.CI_BUILDS_RUST).forEach(e -> workflows.add(e.file()));
    facts.existing().of(Evidence.Kind.CI_BUILDS_C).forEach(e -> workflows.add(e.file()));
    List<GeneratedFile> out = new ArrayList<>();
    for (String rel : workflows) {
      if (ctx.selection().managed(rel)) {
        continue;
      }
      String text;
      try {
        text = ManifestText.read(facts.root().resolve(rel), rel);
      } catch (ManifestException e) {
        ctx.warnings().add(rel, "cannot be read, so no compiler cache is added to it");
        continue;
      }
      Edit edit = edit(text, rel, options.cCompilerCache(), options.cacheStorage(), ctx);
      if (edit != null) {
        out.add(GeneratedFile.edit(rel, edit.text(), 2, name(), edit.note()));
      }
    }
    return out;
  }

  /** The edited text and what the edit does, or null when there is nothing to add. */
  record Edit(String text, String note) {}

  static Edit edit(
      String text, String rel, CompilerCache cCache, CacheStorage storage, Context ctx) {
    List<Node> docs;
    try {
      docs = YamlReader.compose(text, rel);
    } catch (ManifestException e) {
      ctx.warnings().add(rel, "is not valid YAML, so no compiler cache is added to it");
      return null;
    }
    if (docs.size() != 1
        || !(docs.get(0) instanceof MappingNode root)
        || !(value(root, "jobs") instanceof MappingNode jobs)
        || jobs.getFlowStyle() == FlowStyle.FLOW) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    List<Insertion> insertions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (NodeTuple t : jobs.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode id)
          || !(t.getValueNode() instanceof MappingNode job)) {
        continue;
      }
      String where = rel + ":" + (line(id) + 1);
      Map<Tool, Integer> builds = builds(job, lines);
      CacheSkip.leave(
          WorkflowCacheSkips.of(root, job, lines),
          builds.keySet(),
          printable(id.getValue()),
          where,
          ctx.warnings(),
          tools -> byHand(tools, cCache));
      if (builds.isEmpty()) {
        continue;
      }
      try {
        insertions.addAll(wire(id, job, lines, builds, cCache, storage));
        notes.add(id.getValue());
      } catch (UnusualLayout e) {
        ctx.warnings()
            .add(
                where,
                "job '"
                    + printable(id.getValue())
                    + "' is written in flow style or an unusual layout; add the compiler cache to"
                    + " it by hand: "
                    + byHand(builds.keySet(), cCache));
      }
    }
    if (insertions.isEmpty()) {
      return null;
    }
    return new Edit(
        Insertion.apply(text, insertions),
        "adds a compiler cache (environment and a setup step) to the job"
            + (notes.size() == 1 ? " " : "s ")
            + String.join(", ", notes));
  }

  /** What wiring {@code tools} by hand adds. */
  private static String byHand(Set<Tool> tools, CompilerCache cCache) {
    List<String> parts = new ArrayList<>();
    if (tools.contains(Tool.CARGO)) {
      parts.add("RUSTC_WRAPPER=sccache for cargo");
    }
    if (tools.contains(Tool.CMAKE)) {
      parts.add(
          "CMAKE_C_COMPILER_LAUNCHER and CMAKE_CXX_COMPILER_LAUNCHER="
              + cCache.command()
              + " for CMake");
    }
    return String.join(", ", parts)
        + ", with the cache's folder restored on every run and saved from the default branch only";
  }

  /**
   * The tools {@code job} compiles with and has no cache for yet, each with the index of its first
   * step that compiles with it.
   */
  private static Map<Tool, Integer> builds(MappingNode job, String[] lines) {
    Map<Tool, Integer> out = new EnumMap<>(Tool.class);
    if (!(value(job, "steps") instanceof SequenceNode steps)) {
      return out;
    }
    List<Node> items = steps.getValue();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof MappingNode step
          && value(step, "run") instanceof ScalarNode run) {
        for (Tool tool : BuildCommands.compiles(run.getValue())) {
          out.putIfAbsent(tool, i);
        }
      }
    }
    BuildCommands.dropCached(out.keySet(), lowerText(job, lines));
    return out;
  }

  /**
   * The insertions that wire one job's {@code builds} to a compiler cache.
   *
   * @throws UnusualLayout when its layout cannot be edited safely
   */
  private static List<Insertion> wire(
      ScalarNode id,
      MappingNode job,
      String[] lines,
      Map<Tool, Integer> builds,
      CompilerCache cCache,
      CacheStorage storage)
      throws UnusualLayout {
    SequenceNode steps = (SequenceNode) value(job, "steps");
    if (job.getFlowStyle() == FlowStyle.FLOW || steps.getFlowStyle() == FlowStyle.FLOW) {
      throw new UnusualLayout();
    }
    boolean rust = builds.containsKey(Tool.CARGO);
    boolean c = builds.containsKey(Tool.CMAKE);
    List<KeyValue> env = new ArrayList<>();
    List<Step> setups = new ArrayList<>();
    if (rust) {
      env.addAll(CompilerCaches.rustEnv(storage));
      setups.add(CompilerCaches.sccacheSetup(storage));
      if (!storage.isCi()) {
        setups.add(CompilerCaches.storageStep(CompilerCache.SCCACHE, storage));
      }
    }
    if (c) {
      for (KeyValue kv : CompilerCaches.cEnv(cCache, storage)) {
        if (env.stream().noneMatch(e -> e.key().equals(kv.key()))) {
          env.add(kv);
        }
      }
      if (!rust || cCache != CompilerCache.SCCACHE) {
        setups.addAll(
            CompilerCaches.cSetup(
                cCache, storage, id.getValue() + "-${{ runner.os }}-${{ strategy.job-index }}"));
      }
    }
    int keyCol = column(job.getValue().get(0).getKeyNode());
    int unit = Math.max(1, keyCol - column(id));
    List<Insertion> out = new ArrayList<>();

    // The environment: new entries first in the job's env block, or a new env block before steps.
    // Either goes above the comments directly above the key it precedes, which stay with that key.
    NodeTuple envKey = tuple(job, "env");
    String comment = "# Compiler cache (added by nixmigrate, step 2)";
    if (envKey != null
        && envKey.getValueNode() instanceof MappingNode envMap
        && !envMap.getValue().isEmpty()) {
      if (envMap.getFlowStyle() == FlowStyle.FLOW) {
        throw new UnusualLayout();
      }
      Node firstKey = envMap.getValue().get(0).getKeyNode();
      int col = column(firstKey);
      List<String> block = new ArrayList<>(List.of(" ".repeat(col) + comment));
      for (KeyValue kv : env) {
        if (envMap.getValue().stream().noneMatch(e -> key(e).equals(kv.key()))) {
          block.add(" ".repeat(col) + kv.key() + ": " + kv.value());
        }
      }
      int at = aboveComments(lines, line(firstKey), lineAfter(envKey.getKeyNode()));
      out.add(new Insertion(at, block));
    } else if (envKey != null) {
      throw new UnusualLayout(); // env: an expression or empty: not ours to restructure
    } else {
      NodeTuple stepsKey = tuple(job, "steps");
      List<String> block = new ArrayList<>();
      block.add(" ".repeat(keyCol) + "env:");
      block.add(" ".repeat(keyCol + unit) + comment);
      env.forEach(kv -> block.add(" ".repeat(keyCol + unit) + kv.key() + ": " + kv.value()));
      out.add(new Insertion(keyAbove(job, stepsKey, lines, line(id) + 1), block));
    }

    // The setup step, before the first step that compiles.
    int firstIndex = java.util.Collections.min(builds.values());
    Node first = steps.getValue().get(firstIndex);
    int itemLine = line(first);
    int itemCol = column(first);
    String before = lines[itemLine].substring(0, Math.min(itemCol, lines[itemLine].length()));
    int dash = before.indexOf('-');
    if (dash < 0 || !before.substring(0, dash).isBlank() || !before.substring(dash + 1).isBlank()) {
      throw new UnusualLayout();
    }
    int floor =
        firstIndex == 0
            ? lineAfter(tuple(job, "steps").getKeyNode())
            : lineAfter(steps.getValue().get(firstIndex - 1));
    List<String> block = new ArrayList<>();
    String dashPrefix = " ".repeat(dash) + "-" + " ".repeat(itemCol - dash - 1);
    String inner = " ".repeat(itemCol);
    for (Step s : setups) {
      block.add(dashPrefix + "name: " + s.name());
      block.add(inner + "uses: " + s.uses());
      if (s.hasWith()) {
        block.add(inner + "with:");
        s.with().forEach(kv -> block.add(inner + " ".repeat(unit) + kv.key() + ": " + kv.value()));
      }
    }
    out.add(new Insertion(aboveComments(lines, itemLine, floor), block));
    return out;
  }
}
