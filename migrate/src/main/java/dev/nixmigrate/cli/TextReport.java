package dev.nixmigrate.cli;

import dev.nixmigrate.core.model.CMakeProject;
import dev.nixmigrate.core.model.Diagnostic;
import dev.nixmigrate.core.model.Evidence;
import dev.nixmigrate.core.model.Language;
import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.core.model.Severity;
import dev.nixmigrate.core.model.StepStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Help.Ansi;

/** Plain-text renderings of detection and status; colour only when writing to a terminal. */
final class TextReport {
  private TextReport() {}

  static String detect(RepoFacts facts) {
    StringBuilder b = new StringBuilder();
    b.append(bold("Repository")).append(' ').append(facts.root()).append('\n');
    if (facts.projects().isEmpty()) {
      b.append("  no Python, Rust or C/C++ project found\n");
    }
    for (Project p : facts.projects()) {
      b.append("  ")
          .append(bold(p.path()))
          .append("  ")
          .append(p.name())
          .append(" (")
          .append(String.join(", ", p.languages().stream().map(Language::id).toList()))
          .append(")\n");
      p.python().ifPresent(py -> b.append("      python: ").append(python(py)).append('\n'));
      p.rust().ifPresent(r -> b.append("      rust:   ").append(rust(r)).append('\n'));
      p.cmake().ifPresent(c -> b.append("      cmake:  ").append(cmake(c)).append('\n'));
      if (!p.otherBuilds().isEmpty()) {
        b.append("      other:  ").append(String.join(", ", p.otherBuilds())).append('\n');
      }
      TreeSet<String> attrs =
          new TreeSet<>(p.nixPackages().stream().map(NixPackage::attribute).toList());
      if (!attrs.isEmpty()) {
        b.append("      nixpkgs: ").append(String.join(" ", attrs)).append('\n');
      }
    }
    for (dev.nixmigrate.core.model.LeftOut l : facts.leftOut()) {
      b.append("  left out: ")
          .append(l.path())
          .append(" (")
          .append(l.role().id())
          .append(": ")
          .append(l.reason())
          .append(")\n");
    }
    if (!facts.diagnostics().isEmpty()) {
      b.append(bold("Diagnostics")).append('\n');
      for (Diagnostic d : facts.diagnostics()) {
        String line = "  " + d;
        b.append(
                d.severity() == Severity.ERROR
                    ? Ansi.AUTO.string("@|red " + escape(line) + "|@")
                    : line)
            .append('\n');
      }
    }
    return b.toString();
  }

  /**
   * The steps, and what to do next: {@code command} (as the user pastes it), or else why no run
   * gets step {@code current + 1} done ({@code reason}); neither when every step is done.
   */
  static String status(List<StepStatus> steps, int current, String command, String reason) {
    StringBuilder b = new StringBuilder();
    b.append(bold("Steps")).append('\n');
    for (StepStatus s : steps) {
      String state =
          switch (s.state()) {
            case DONE -> Ansi.AUTO.string("@|green done   |@");
            case PARTIAL -> Ansi.AUTO.string("@|yellow partial|@");
            case MISSING -> "missing";
          };
      b.append(String.format("  %d %-34s %s%n", s.number(), s.name(), state));
      for (Evidence e : s.evidence()) {
        b.append("      ").append(e).append('\n');
      }
      if (!s.missing().isEmpty()) {
        b.append("      missing: ").append(s.missing()).append('\n');
      }
    }
    b.append("Current step: ").append(current);
    if (command != null) {
      b.append(". Next: ").append(command);
    } else if (reason != null) {
      b.append(". Next: ").append(reason);
    } else {
      b.append(". Every step is done");
    }
    return b.append('\n').toString();
  }

  /** 2 when a manifest could not be read (the report above names it), else 0. */
  static int exitCode(RepoFacts facts, PrintWriter err) {
    long errors = facts.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    if (errors == 0) {
      return ExitCode.OK;
    }
    err.println(
        "nixmigrate: "
            + errors
            + (errors == 1 ? " file" : " files")
            + " could not be read; see the diagnostics above, fix them and run again");
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  private static String python(PythonProject py) {
    List<String> parts = new ArrayList<>();
    parts.add("backend " + py.buildBackend().id());
    parts.add("manager " + py.packageManager().id());
    parts.add("requires-python " + (py.requiresPython().isEmpty() ? "any" : py.requiresPython()));
    parts.add(py.dependencies().size() + " dependencies");
    if (py.testRunner() != PythonProject.TestRunner.NONE) {
      parts.add("tests " + py.testRunner().id());
    }
    if (!py.nativeParts().isEmpty()) {
      parts.add("native " + String.join("+", py.nativeParts()));
    }
    return String.join(", ", parts);
  }

  private static String rust(RustProject r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.workspace() ? "workspace of " + r.packages().size() + " crates" : "crate");
    parts.add("edition " + r.edition());
    if (r.rustVersion() != null) {
      parts.add("rust-version " + r.rustVersion());
    }
    if (r.toolchain() != null) {
      parts.add(
          "toolchain "
              + (r.toolchain().channel() == null ? "(no channel)" : r.toolchain().channel()));
    }
    parts.add(r.lockfile() ? "Cargo.lock" : "no Cargo.lock");
    return String.join(", ", parts);
  }

  private static String cmake(CMakeProject c) {
    List<String> parts = new ArrayList<>();
    if (c.minimumVersion() != null) {
      parts.add("cmake " + c.minimumVersion());
    }
    parts.add("languages " + String.join(" ", c.languages()));
    if (c.cxxStandard() != null) {
      parts.add("C++" + c.cxxStandard());
    }
    if (c.cStandard() != null) {
      parts.add("C" + c.cStandard());
    }
    if (!c.packages().isEmpty()) {
      parts.add(
          "find_package "
              + String.join(
                  " ",
                  c.packages().stream().map(CMakeProject.FindPackage::name).distinct().toList()));
    }
    if (!c.fetchContent().isEmpty()) {
      parts.add(
          "fetches "
              + String.join(
                  " ",
                  c.fetchContent().stream()
                      .map(CMakeProject.FetchedDependency::name)
                      .distinct()
                      .toList()));
    }
    if (c.tests()) {
      parts.add("ctest");
    }
    return String.join(", ", parts);
  }

  private static String bold(String s) {
    return Ansi.AUTO.string("@|bold " + escape(s) + "|@");
  }

  /** Keeps picocli markup characters in user data from being read as markup. */
  private static String escape(String s) {
    return s.replace("|@", "| @").replace("@|", "@ |");
  }
}
