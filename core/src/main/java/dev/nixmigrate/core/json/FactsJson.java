package dev.nixmigrate.core.json;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.Requirement;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.core.model.StepStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The stable {@code --json} form of detection and status (schema in the README). Field names here
 * are a contract with other tooling: add fields, never rename or remove them.
 */
public final class FactsJson {
  /**
   * The version of the shape of {@code detect --json} and {@code status --json} ({@code
   * docs/schema/detect.schema.json}, {@code status.schema.json}); bumped only when a field changes
   * meaning or type, or disappears. 2: absent values are null, and a step's {@code missing} is an
   * object.
   */
  public static final int SCHEMA_VERSION = 2;

  private FactsJson() {}

  /** {@code detect --json}. */
  public static String detect(RepoFacts facts) {
    return JsonWriter.write(base(facts));
  }

  /**
   * {@code status --json}: detection plus {@code steps}, {@code currentStep}, {@code next} (the
   * command to run, or null) and {@code nextReason} (why no command gets the next step done, or
   * null).
   */
  public static String status(
      RepoFacts facts, List<StepStatus> steps, int current, String next, String nextReason) {
    Map<String, Object> m = base(facts);
    List<Object> list = new ArrayList<>();
    for (StepStatus s : steps) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("number", s.number());
      o.put("name", s.name());
      o.put("state", s.state().id());
      List<Object> ev = new ArrayList<>();
      for (Evidence e : s.evidence()) {
        Map<String, Object> eo = new LinkedHashMap<>();
        eo.put("kind", e.kind().id());
        eo.put("file", e.file());
        eo.put("line", e.line());
        eo.put("what", e.what());
        ev.add(eo);
      }
      o.put("evidence", ev);
      o.put("missing", missing(s));
      list.add(o);
    }
    m.put("steps", list);
    m.put("currentStep", current);
    m.put("next", next);
    m.put("nextReason", nextReason);
    return JsonWriter.write(m);
  }

  /** Null when the step lacks nothing; else the sentence and the kinds of evidence not found. */
  private static Map<String, Object> missing(StepStatus s) {
    if (s.missing().isEmpty()) {
      return null;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("message", s.missing());
    o.put("absent", s.absent().stream().map(Evidence.Kind::id).toList());
    return o;
  }

  private static Map<String, Object> base(RepoFacts facts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("root", facts.root().toString());
    List<Object> projects = new ArrayList<>();
    for (Project p : facts.projects()) {
      projects.add(project(p));
    }
    m.put("projects", projects);
    List<Object> leftOut = new ArrayList<>();
    for (dev.nixmigrate.core.model.LeftOut l : facts.leftOut()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("path", l.path());
      o.put("name", l.name());
      o.put("role", l.role().id());
      o.put("reason", l.reason());
      leftOut.add(o);
    }
    m.put("leftOut", leftOut);
    List<Object> diags = new ArrayList<>();
    for (Diagnostic d : facts.diagnostics()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("file", d.file());
      o.put("line", d.line());
      o.put("column", d.column());
      o.put("severity", d.severity().label());
      o.put("message", d.message());
      diags.add(o);
    }
    m.put("diagnostics", diags);
    return m;
  }

  private static Map<String, Object> project(Project p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", p.path());
    o.put("language", p.languages().stream().map(Language::id).toList());
    o.put("name", p.name());
    p.python().ifPresent(py -> o.put("python", python(py)));
    p.rust().ifPresent(r -> o.put("rust", rust(r)));
    p.cmake().ifPresent(c -> o.put("cmake", cmake(c)));
    if (!p.otherBuilds().isEmpty()) {
      o.put("otherBuilds", p.otherBuilds());
    }
    p.nativeBuild()
        .ifPresent(
            b -> {
              Map<String, Object> n = new LinkedHashMap<>();
              n.put("system", b.system());
              n.put("version", b.version());
              n.put("testCommand", b.testCommand());
              n.put("dependencies", b.dependencies());
              n.put("installs", b.installs());
              if (b.readsAbove() != null) {
                n.put("readsAbove", b.readsAbove());
              }
              if (b.system().equals("make")) {
                n.put("prefixVariables", b.prefixVariables());
              }
              o.put("nativeBuild", n);
            });
    o.put(
        "nixPackages",
        List.copyOf(new TreeSet<>(p.nixPackages().stream().map(NixPackage::attribute).toList())));
    return o;
  }

  private static Map<String, Object> python(PythonProject py) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("version", py.version());
    o.put("dynamicVersion", py.dynamicVersion());
    o.put("buildBackend", py.buildBackend().id());
    o.put("packageManager", py.packageManager().id());
    o.put("locked", py.locked());
    o.put("requiresPython", py.requiresPython().isEmpty() ? null : py.requiresPython());
    o.put("dependencies", names(py.dependencies()));
    o.put("optionalDependencies", List.copyOf(py.optionalDependencies().keySet()));
    o.put("dependencyGroups", List.copyOf(py.dependencyGroups().keySet()));
    o.put(
        "testRunner",
        py.testRunner() == PythonProject.TestRunner.NONE ? null : py.testRunner().id());
    o.put("testScript", py.testScript());
    if (py.tox()) {
      o.put("tox", true);
    }
    if (py.noxSession() != null) {
      o.put("nox", py.noxSession());
    }
    o.put("nativeParts", py.nativeParts());
    return o;
  }

  private static List<String> names(List<Requirement> reqs) {
    return reqs.stream().map(Requirement::normalizedName).distinct().toList();
  }

  private static Map<String, Object> rust(RustProject r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("workspace", r.workspace());
    o.put("members", r.members());
    o.put("edition", r.edition());
    o.put("rustVersion", r.rustVersion());
    if (r.toolchain() == null) {
      o.put("toolchain", null);
    } else {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("file", r.toolchain().file());
      t.put("channel", r.toolchain().channel());
      t.put("components", r.toolchain().components());
      t.put("targets", r.toolchain().targets());
      o.put("toolchain", t);
    }
    o.put("features", r.features());
    List<Object> pkgs = new ArrayList<>();
    for (RustProject.CargoPackage p : r.packages()) {
      Map<String, Object> po = new LinkedHashMap<>();
      po.put("path", p.path());
      po.put("name", p.name());
      po.put("version", p.version());
      po.put("edition", p.edition());
      po.put("rustVersion", p.rustVersion());
      po.put("lib", p.lib());
      po.put("bins", p.bins());
      po.put("buildScript", p.buildScript());
      pkgs.add(po);
    }
    o.put("packages", pkgs);
    o.put("cCompiler", needsCCompiler(r));
    o.put("lockfile", r.lockfile());
    o.put("buildTarget", r.buildTarget());
    o.put("sysCrates", r.sysCrates());
    o.put("buildCrates", r.buildCrates());
    return o;
  }

  /** A build script that compiles C (through cc, cmake or a -sys crate) needs a C toolchain. */
  static boolean needsCCompiler(RustProject r) {
    return !r.sysCrates().isEmpty()
        || r.buildCrates().contains("cc")
        || r.buildCrates().contains("cmake")
        || r.packages().stream()
            .anyMatch(
                p -> p.dependencies().stream().anyMatch(d -> d.equals("cc") || d.equals("cmake")));
  }

  private static Map<String, Object> cmake(CMakeProject c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("minimumVersion", c.minimumVersion());
    o.put("projectName", c.name());
    o.put("version", c.version());
    o.put("languages", c.languages());
    o.put("cStandard", c.cStandard());
    o.put("cxxStandard", c.cxxStandard());
    o.put(
        "packages", c.packages().stream().map(CMakeProject.FindPackage::name).distinct().toList());
    o.put(
        "optionalPackages",
        c.optionalPackages().stream()
            .map(CMakeProject.FindPackage::name)
            .distinct()
            .filter(n -> c.packages().stream().noneMatch(p -> p.name().equals(n)))
            .toList());
    o.put("pkgConfigModules", c.pkgConfigModules());
    o.put(
        "fetchContent",
        c.fetchContent().stream().map(CMakeProject.FetchedDependency::name).distinct().toList());
    o.put(
        "optionalFetchContent",
        c.optionalFetchContent().stream()
            .map(CMakeProject.FetchedDependency::name)
            .distinct()
            .toList());
    o.put("tests", c.tests());
    o.put("testOption", c.testOption());
    o.put("installs", c.installs());
    o.put("subdirectories", c.subdirectories());
    o.put("vcpkgDependencies", c.vcpkgDependencies());
    o.put("conanRequires", c.conanRequires());
    o.put("presets", c.presets());
    return o;
  }
}
