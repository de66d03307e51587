package dev.nixmigrate.generators.internal.ci;

import static dev.nixmigrate.generators.internal.ci.YamlNodes.aboveComments;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.column;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.endLine;
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
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.internal.ci.BuildCommands.Tool;
import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import dev.nixmigrate.generators.internal.ci.YamlNodes.Insertion;
import dev.nixmigrate.generators.internal.ci.YamlNodes.UnusualLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * Minimal edits of the user's own GitLab pipeline, leaving every other byte as it was: step 2 wires
 * each job whose script really compiles with cargo or CMake ({@link BuildCommands}) to a compiler
 * cache (variables, a cache written only by the default branch's pipelines, and a first script line
 * that installs the cache tool when the image lacks it); and the pipeline gains an {@code include}
 * of each job file nixmigrate writes. What cannot be edited safely is left alone, with a warning
 * saying what to add by hand: so is a job whose image or runner cannot run that install, or that
 * builds with MSVC or in MSYS2 ({@link GitLabCacheSkips}).
 */
public final class GitLabCiEditor implements Generator {
  private static final String DOC = " docs/nix-migration.md";

  private static final String NOTE = "# Added by nixmigrate";

  @Override
  public String purpose() {
    return "compiler caching and nixmigrate's job files in your GitLab pipeline";
  }

  @Override
  public List<String> paths() {
    return List.of();
  }

  @Override
  public String name() {
    return "gitlab-ci-edit";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(1, "the include of nixmigrate's build jobs in your .gitlab-ci.yml"),
        new Part(2, "compiler caching in GitLab jobs of yours"),
        new Part(4, "the include of nixmigrate's job files in your .gitlab-ci.yml"));
  }

  /** Any run of a step that writes a job file the user's pipeline must include, or of step 2. */
  @Override
  public boolean runs(Selection s) {
    return s.includes(1) || s.includes(2) || s.includes(4);
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITLAB) {
      return List.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    Map<String, Integer> steps = new LinkedHashMap<>();
    Selection s = ctx.selection();
    if (s.includes(2) && !s.includes(1) && !s.managed(GitLabBuildGenerator.PATH)) {
      Set<String> files = new TreeSet<>();
      facts.existing().of(Evidence.Kind.CI_BUILDS_RUST).forEach(e -> files.add(e.file()));
      facts.existing().of(Evidence.Kind.CI_BUILDS_C).forEach(e -> files.add(e.file()));
      for (String rel : files) {
        if (s.managed(rel) || GitLabPipelineGenerator.JOB_FILES.contains(rel) || !isGitLab(rel)) {
          continue;
        }
        String text = read(facts, rel, ctx);
        Edit edited = text == null ? null : cacheEdit(text, rel, options.cCompilerCache(), ctx);
        if (edited != null && !options.cacheStorage().isCi()) {
          ctx.warnings()
              .add(
                  rel,
                  "the compiler caches of these jobs stay in GitLab's cache: a shared storage ("
                      + options.cacheStorage().spec()
                      + ") is wired into the jobs nixmigrate writes, not into yours; step 2"
                      + " without --edit-existing writes them");
        }
        if (edited != null) {
          texts.put(rel, edited.text());
          notes.computeIfAbsent(rel, k -> new ArrayList<>()).add(edited.note());
          steps.merge(rel, 2, Math::max);
        }
      }
    }
    if (GitLabPipelineGenerator.usersOwn(facts, ctx)) {
      String rel = CiTarget.GITLAB_CI;
      String text = texts.containsKey(rel) ? texts.get(rel) : read(facts, rel, ctx);
      List<String> wanted = GitLabPipelineGenerator.included(ctx);
      Edit edited = text == null ? null : includeEdit(text, wanted, ctx);
      if (edited != null) {
        texts.put(rel, edited.text());
        notes.computeIfAbsent(rel, k -> new ArrayList<>()).add(edited.note());
        steps.merge(
            rel, wanted.contains(GitLabPipelineGenerator.JOB_FILES.get(1)) ? 4 : 1, Math::max);
      }
    }
    List<GeneratedFile> out = new ArrayList<>();
    texts.forEach(
        (rel, text) ->
            out.add(
                GeneratedFile.edit(
                    rel, text, steps.get(rel), name(), String.join("; ", notes.get(rel)))));
    return out;
  }

  /** An edited text and what the edit does, in words. */
  private record Edit(String text, String note) {}

  private static boolean isGitLab(String rel) {
    return !rel.startsWith(CiTarget.WORKFLOWS);
  }

  private static String read(RepoFacts facts, String rel, Context ctx) {
    try {
      return ManifestText.read(facts.root().resolve(rel), rel);
    } catch (ManifestException e) {
      ctx.warnings().add(rel, "cannot be read, so nixmigrate does not edit it");
      return null;
    }
  }

  /** The document's root mapping, or null (with a warning) when it is not one block mapping. */
  private static MappingNode root(String text, String rel, Context ctx) {
    List<Node> docs;
    try {
      docs = YamlReader.compose(text, rel);
    } catch (ManifestException e) {
      ctx.warnings().add(rel, "is not valid YAML, so nixmigrate does not edit it");
      return null;
    }
    if (docs.size() != 1
        || !(docs.get(0) instanceof MappingNode root)
        || root.getFlowStyle() == FlowStyle.FLOW) {
      ctx.warnings()
          .add(
              rel,
              "is not one YAML mapping in block style (a spec: header, several documents or"
                  + " flow style), so nixmigrate does not edit it");
      return null;
    }
    return root;
  }

  /** The pipeline with an include of each of {@code wanted} it lacks, or null when none. */
  private static Edit includeEdit(String text, List<String> wanted, Context ctx) {
    String rel = CiTarget.GITLAB_CI;
    if (wanted.isEmpty()) {
      return null; // nothing to include: the file is not even read as YAML
    }
    MappingNode root = root(text, rel, ctx);
    if (root == null) {
      return null;
    }
    NodeTuple include = tuple(root, "include");
    List<String> have = new ArrayList<>();
    if (include != null && include.getValueNode() instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode sc) {
          have.add(sc.getValue().replaceFirst("^/", ""));
        } else if (item instanceof MappingNode m && value(m, "local") instanceof ScalarNode sc) {
          have.add(sc.getValue().replaceFirst("^/", ""));
        }
      }
    } else if (include != null && include.getValueNode() instanceof ScalarNode sc) {
      have.add(sc.getValue().replaceFirst("^/", ""));
    }
    List<String> missing = wanted.stream().filter(w -> !have.contains(w)).toList();
    if (missing.isEmpty()) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    List<Insertion> insertions = new ArrayList<>();
    if (include == null) {
      if (column(root.getValue().get(0).getKeyNode()) != 0) {
        warnInclude(ctx, missing);
        return null;
      }
      List<String> block = new ArrayList<>();
      block.add("");
      block.add(NOTE + ": its CI jobs, in files of its own.");
      block.add("include:");
      missing.forEach(p -> block.add("  - local: " + p));
      int end = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
      if (end == lines.length) {
        block.add(0, ""); // the file lacks its last newline: end its last line first
      }
      insertions.add(new Insertion(end, block));
    } else if (include.getValueNode() instanceof SequenceNode seq
        && seq.getFlowStyle() == FlowStyle.BLOCK
        && !seq.getValue().isEmpty()) {
      Node first = seq.getValue().get(0);
      Node last = seq.getValue().get(seq.getValue().size() - 1);
      String firstLine = lines[line(first)];
      int dash = firstLine.lastIndexOf('-', column(first));
      if (dash < 0 || !firstLine.substring(0, dash).isBlank()) {
        warnInclude(ctx, missing);
        return null;
      }
      int after =
          last.getEndMark().orElseThrow().getColumn() == 0 ? endLine(last) : endLine(last) + 1;
      // A comment or blank line after the list belongs to what follows it.
      while (after > line(last) + 1
          && (lines[after - 1].isBlank()
              || lines[after - 1].stripLeading().startsWith("#")
                  && lines[after - 1].indexOf('#') <= dash)) {
        after--;
      }
      List<String> block = new ArrayList<>();
      missing.forEach(p -> block.add(" ".repeat(dash) + "- local: " + p + "  " + NOTE));
      insertions.add(new Insertion(Math.min(after, lines.length), block));
    } else {
      warnInclude(ctx, missing);
      return null;
    }
    return new Edit(Insertion.apply(text, insertions), "includes " + String.join(" and ", missing));
  }

  private static void warnInclude(Context ctx, List<String> missing) {
    ctx.warnings()
        .add(
            CiTarget.GITLAB_CI,
            "its include: is not a list in block style, so nixmigrate does not add to it; add "
                + String.join(" and ", missing.stream().map(p -> "`- local: " + p + "`").toList())
                + " to it by hand");
  }

  /** {@code text} with each job that compiles wired to a compiler cache, or null when none is. */
  private static Edit cacheEdit(String text, String rel, CompilerCache cCache, Context ctx) {
    MappingNode root = root(text, rel, ctx);
    if (root == null) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    List<Insertion> insertions = new ArrayList<>();
    List<String> jobs = new ArrayList<>();
    for (NodeTuple t : root.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode id)
          || GitLabJobPlanner.KEYWORDS.contains(id.getValue())
          || !(t.getValueNode() instanceof MappingNode job)) {
        continue;
      }
      String where = rel + ":" + (line(id) + 1);
      String script = scriptText(value(job, "script"));
      Set<Tool> builds = EnumSet.noneOf(Tool.class);
      builds.addAll(BuildCommands.compiles(script));
      BuildCommands.dropCached(builds, lowerText(job, lines));
      CacheSkip.leave(
          GitLabCacheSkips.of(root, job, script),
          builds,
          printable(id.getValue()),
          where,
          ctx.warnings(),
          tools -> "the cache as step 2 in" + DOC + " shows");
      if (builds.isEmpty()) {
        continue;
      }
      try {
        insertions.addAll(wire(id, job, lines, builds, cCache));
        jobs.add(printable(id.getValue()));
      } catch (UnusualLayout e) {
        ctx.warnings()
            .add(
                where,
                "job '"
                    + printable(id.getValue())
                    + "' "
                    + (e.getMessage() == null
                        ? "is laid out in a way nixmigrate does not edit"
                        : e.getMessage())
                    + "; add the compiler cache to it by hand (see step 2 in"
                    + DOC
                    + ")");
      }
    }
    if (insertions.isEmpty()) {
      return null;
    }
    return new Edit(
        Insertion.apply(text, insertions),
        "adds a compiler cache (variables, a cache written from the default branch, its install)"
            + " to the job"
            + (jobs.size() == 1 ? " " : "s ")
            + String.join(", ", jobs));
  }

  /** The first 12 hex digits of the SHA-256 of {@code s}: stable, and made of nothing of it. */
  private static String digest(String s) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The insertions that wire one job's {@code builds} to a compiler cache. */
  private static List<Insertion> wire(
      ScalarNode id, MappingNode job, String[] lines, Set<Tool> builds, CompilerCache cCache)
      throws UnusualLayout {
    Node script = value(job, "script");
    boolean rust = builds.contains(Tool.CARGO);
    boolean c = builds.contains(Tool.CMAKE);
    if (job.getFlowStyle() == FlowStyle.FLOW) {
      throw new UnusualLayout("is written in flow style");
    }
    if (value(job, "cache") != null) {
      throw new UnusualLayout("has a cache: of its own");
    }
    for (String k : List.of("rules", "only", "except", "when")) {
      if (value(job, k) != null) {
        throw new UnusualLayout(
            "decides when it runs ("
                + k
                + ":), and its cache must be written only on the default"
                + " branch");
      }
    }
    if (!(script instanceof SequenceNode items)
        || items.getFlowStyle() == FlowStyle.FLOW
        || items.getValue().isEmpty()) {
      throw new UnusualLayout("has a script: that is not a list in block style");
    }
    List<KeyValue> vars = new ArrayList<>();
    List<String> tools = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (rust) {
      vars.addAll(CompilerCaches.RUST_WRAPPER);
      tools.add("sccache");
    }
    if (rust || c && cCache == CompilerCache.SCCACHE) {
      vars.add(new KeyValue("SCCACHE_DIR", "$CI_PROJECT_DIR/.cache/sccache"));
      paths.add(".cache/sccache");
    }
    if (c) {
      if (cCache == CompilerCache.CCACHE) {
        vars.add(new KeyValue("CCACHE_DIR", "$CI_PROJECT_DIR/.cache/ccache"));
        vars.add(new KeyValue("CCACHE_BASEDIR", "$CI_PROJECT_DIR"));
        vars.add(CompilerCaches.CCACHE_NO_HASH_DIR);
        paths.add(".cache/ccache");
      }
      vars.addAll(CompilerCaches.launchers(cCache));
      if (!tools.contains(cCache.command())) {
        tools.add(cCache.command());
      }
    }
    vars.add(new KeyValue("CACHE_POLICY", "pull"));
    int keyCol = column(job.getValue().get(0).getKeyNode());
    int unit = Math.max(1, keyCol - column(id));
    String in = " ".repeat(keyCol);
    String in2 = " ".repeat(keyCol + unit);
    List<Insertion> out = new ArrayList<>();
    NodeTuple scriptKey = tuple(job, "script");
    NodeTuple variablesKey = tuple(job, "variables");
    Node existing = variablesKey == null ? null : variablesKey.getValueNode();
    if (existing instanceof MappingNode map
        && map.getFlowStyle() == FlowStyle.BLOCK
        && !map.getValue().isEmpty()) {
      Node firstKey = map.getValue().get(0).getKeyNode();
      int col = column(firstKey);
      List<String> block = new ArrayList<>(List.of(" ".repeat(col) + NOTE + " (step 2)"));
      for (KeyValue kv : vars) {
        if (map.getValue().stream().anyMatch(e -> key(e).equals(kv.key()))) {
          throw new UnusualLayout("already sets " + kv.key());
        }
        block.add(" ".repeat(col) + kv.key() + ": " + kv.value());
      }
      int floor = lineAfter(variablesKey.getKeyNode());
      out.add(new Insertion(aboveComments(lines, line(firstKey), floor), block));
    } else if (existing != null) {
      throw new UnusualLayout("has variables: that are not a mapping in block style");
    }
    List<String> block = new ArrayList<>();
    block.add(in + NOTE + " (step 2): the compiler cache, written from the default branch only.");
    if (existing == null) {
      block.add(in + "variables:");
      vars.forEach(kv -> block.add(in2 + kv.key() + ": " + kv.value()));
    }
    block.add(in + "rules:");
    block.add(in2 + "- if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    block.add(in2 + "  variables:");
    block.add(in2 + "    CACHE_POLICY: pull-push");
    block.add(in2 + "- when: on_success");
    block.add(in + "cache:");
    // The job's name is the file's text: the key holds a digest of it, never the name itself.
    block.add(in2 + "- key: compiler-" + digest(id.getValue()));
    block.add(in2 + "  paths:");
    paths.forEach(p -> block.add(in2 + "    - " + p));
    block.add(in2 + "  policy: $CACHE_POLICY");
    out.add(new Insertion(keyAbove(job, scriptKey, lines, line(id) + 1), block));
    // The install, before the user's first command: a no-op where the image has the tools.
    Node first = items.getValue().get(0);
    String firstLine = lines[line(first)];
    int dash = firstLine.lastIndexOf('-', column(first));
    if (dash < 0 || !firstLine.substring(0, dash).isBlank()) {
      throw new UnusualLayout("has a script: laid out in a way nixmigrate does not edit");
    }
    String check =
        String.join(" && ", tools.stream().map(t -> "command -v " + t + " >/dev/null").toList());
    String install = check + " || { " + String.join(" && ", SystemPackages.apt("", tools)) + "; }";
    int at = aboveComments(lines, line(first), lineAfter(scriptKey.getKeyNode()));
    out.add(new Insertion(at, List.of(" ".repeat(dash) + "- " + Escape.yamlScalar(install))));
    return out;
  }

  /** The commands of {@code script} (a list or one string), one a line. */
  private static String scriptText(Node script) {
    if (script instanceof ScalarNode s) {
      return s.getValue();
    }
    if (script instanceof SequenceNode seq) {
      return String.join(
          "\n",
          seq.getValue().stream().map(n -> n instanceof ScalarNode s ? s.getValue() : "").toList());
    }
    return "";
  }
}
