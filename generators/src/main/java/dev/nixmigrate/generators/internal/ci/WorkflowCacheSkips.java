package dev.nixmigrate.generators.internal.ci;

import static dev.nixmigrate.generators.internal.ci.YamlNodes.endLine;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.line;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.lineAfter;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.lowerText;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.printable;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.tuple;
import static dev.nixmigrate.generators.internal.ci.YamlNodes.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The GitHub jobs whose compiler cache step 2 leaves to the user: a container, an MSYS2 shell, MSVC
 * (a Windows runner with no gcc or clang named, the MSVC developer prompt action, cl, a Visual
 * Studio generator), or a matrix with some rows on Windows.
 */
final class WorkflowCacheSkips {
  private WorkflowCacheSkips() {}

  private static final Pattern MATRIX_EXPRESSION =
      Pattern.compile("\\$\\{\\{\\s*matrix\\.([\\w.-]+)\\s*}}");

  /**
   * A compiler a build names that is not MSVC: gcc or clang (not clang-cl) as CMake's compiler or
   * in CC or CXX, or a MinGW or MSYS generator.
   */
  private static final Pattern GCC_OR_CLANG =
      Pattern.compile(
          "(?i)((cmake_(c|cxx)_compiler|\\bcc|\\bcxx)\\s*[:=]\\s*['\"]?([^\\s'\"]*[/\\\\])?"
              + "(gcc|g\\+\\+|clang|clang\\+\\+)(-\\d+)?(\\.exe)?(?![\\w+-]))"
              + "|-G\\s*['\"]?(MinGW|MSYS) Makefiles");

  private static final Pattern VISUAL_STUDIO_GENERATOR =
      Pattern.compile("(?i)cmake_generator\\s*[:=]\\s*['\"]?visual studio");

  /** The reasons to leave {@code job} of {@code workflow}, whose text is {@code lines}. */
  static List<CacheSkip> of(MappingNode workflow, MappingNode job, String[] lines) {
    List<CacheSkip> out = new ArrayList<>();
    String jobText = lowerText(job, lines);
    Node container = value(job, "container");
    if (container != null) {
      Node image = container instanceof MappingNode m ? value(m, "image") : container;
      out.add(
          CacheSkip.image(
              image instanceof ScalarNode s ? "`" + printable(s.getValue()) + "`" : "it names",
              "to have the cache tool, nor the means for a setup action to install it (a job's"
                  + " steps, actions included, run inside its container)"));
    }
    List<MappingNode> steps = steps(job);
    String msys2 = msys2(workflow, job, steps);
    if (msys2 != null) {
      out.add(CacheSkip.msys2(msys2));
    }
    String msvc = msvc(steps, jobText);
    List<String> rows = runnerRows(job);
    List<String> windows = rows.stream().filter(r -> "Windows".equals(CacheSkip.os(r))).toList();
    // MSYS2's compilers are gcc and clang: its reason is the one to give.
    boolean gnu = msys2 != null || GCC_OR_CLANG.matcher(outsideMatrix(job, lines)).find();
    if (msvc == null && !windows.isEmpty() && !gnu && windows.size() == rows.size()) {
      msvc = "runs-on: " + printable(windows.get(0)) + ", with no gcc or clang named";
    }
    if (msvc != null) {
      out.add(CacheSkip.msvc(msvc));
    } else if (!windows.isEmpty() && !gnu) {
      out.add(CacheSkip.windowsRows(printable(String.join("; ", windows))));
    }
    return out;
  }

  /**
   * The job's text without its {@code strategy:}: a compiler named in a matrix row is that row's,
   * and says nothing of the Windows rows.
   */
  private static String outsideMatrix(MappingNode job, String[] lines) {
    NodeTuple strategy = tuple(job, "strategy");
    int from = line(job);
    int to = Math.min(lines.length, endLine(job) + 1);
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (strategy == null
          || i < line(strategy.getKeyNode())
          || i >= lineAfter(strategy.getValueNode())) {
        out.add(lines[i]);
      }
    }
    return String.join("\n", out);
  }

  private static List<MappingNode> steps(MappingNode job) {
    List<MappingNode> out = new ArrayList<>();
    if (value(job, "steps") instanceof SequenceNode seq) {
      seq.getValue().forEach(n -> out.add(n instanceof MappingNode m ? m : null));
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  private static String action(MappingNode step) {
    return text(value(step, "uses")).toLowerCase(Locale.ROOT).split("@", 2)[0];
  }

  /** What puts the job's commands in an MSYS2 shell, or null. */
  private static String msys2(MappingNode workflow, MappingNode job, List<MappingNode> steps) {
    for (MappingNode step : steps) {
      if (action(step).equals("msys2/setup-msys2")) {
        return "uses: msys2/setup-msys2";
      }
      if (isMsys2(value(step, "shell"))) {
        return "shell: " + printable(text(value(step, "shell")));
      }
    }
    for (MappingNode owner : List.of(job, workflow)) {
      if (value(owner, "defaults") instanceof MappingNode d
          && value(d, "run") instanceof MappingNode run
          && isMsys2(value(run, "shell"))) {
        return "defaults: run: shell: " + printable(text(value(run, "shell")));
      }
    }
    return null;
  }

  private static boolean isMsys2(Node shell) {
    return text(shell).strip().toLowerCase(Locale.ROOT).startsWith("msys2");
  }

  /** What makes the job build with MSVC, whatever its runner, or null. */
  private static String msvc(List<MappingNode> steps, String jobText) {
    for (MappingNode step : steps) {
      if (action(step).equals("ilammy/msvc-dev-cmd")) {
        return "uses: ilammy/msvc-dev-cmd";
      }
      String run = BuildCommands.msvc(text(value(step, "run")));
      if (run != null) {
        return printable(run);
      }
    }
    return VISUAL_STUDIO_GENERATOR.matcher(jobText).find()
        ? "CMAKE_GENERATOR names Visual Studio"
        : null;
  }

  /**
   * The runner labels of each row the job runs in, one string a row; a row whose runner is an
   * expression nixmigrate cannot read is left out.
   */
  static List<String> runnerRows(MappingNode job) {
    Node runsOn = value(job, "runs-on");
    if (runsOn instanceof MappingNode m) {
      runsOn = value(m, "labels");
    }
    if (runsOn instanceof SequenceNode seq) {
      List<String> labels = seq.getValue().stream().map(WorkflowCacheSkips::text).toList();
      return List.of(String.join(", ", labels));
    }
    String label = text(runsOn);
    Matcher m = MATRIX_EXPRESSION.matcher(label.strip());
    if (m.matches()) {
      return matrixValues(job, List.of(m.group(1).split("\\.")));
    }
    return label.isEmpty() || label.contains("${{") ? List.of() : List.of(label);
  }

  /** The values of {@code matrix.PATH} in the job's matrix rows and includes. */
  private static List<String> matrixValues(MappingNode job, List<String> path) {
    List<String> out = new ArrayList<>();
    if (!(value(job, "strategy") instanceof MappingNode strategy)
        || !(value(strategy, "matrix") instanceof MappingNode matrix)) {
      return out;
    }
    if (value(matrix, path.get(0)) instanceof SequenceNode axis) {
      axis.getValue().forEach(row -> leaf(row, path.subList(1, path.size()), out));
    }
    if (value(matrix, "include") instanceof SequenceNode include) {
      include.getValue().forEach(row -> leaf(row, path, out));
    }
    return out;
  }

  private static void leaf(Node n, List<String> path, List<String> out) {
    if (path.isEmpty()) {
      String v = text(n);
      if (!v.isEmpty() && !v.contains("${{")) {
        out.add(v);
      }
    } else if (n instanceof MappingNode m) {
      Node next = value(m, path.get(0));
      if (next != null) {
        leaf(next, path.subList(1, path.size()), out);
      }
    }
  }
}
