package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.NixPackage;
import dev.nixmigrate.core.model.Project;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.Warnings;
import dev.nixmigrate.generators.internal.ci.Workflow.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The system libraries a project's CI jobs install: each mapped nixpkgs attribute becomes its
 * Debian/Ubuntu packages on Linux runners and its Homebrew formulas on macOS, with CMake and
 * pkg-config pointed at the formulas Homebrew keeps out of its prefix. The table is {@code
 * system-packages.tsv} beside the nixpkgs tables.
 */
public final class SystemPackages {
  static final String TABLE = "/dev/nixmigrate/core/nixpkgs/system-packages.tsv";

  /** One attribute's row: packages on each OS ("-" nothing needed, empty none known). */
  record Row(
      List<String> debian,
      List<String> brew,
      List<String> kegOnly,
      boolean debianKnown,
      boolean brewKnown) {}

  private static final Map<String, Row> ROWS = load();

  private SystemPackages() {}

  /** What a project's jobs install, and the libraries no package is known for, per OS. */
  public record Install(
      List<String> debian, List<String> brew, List<String> kegOnly, List<String> unmapped) {
    boolean isEmpty() {
      return debian.isEmpty() && brew.isEmpty();
    }
  }

  /** The packages for {@code p}'s mapped nixpkgs attributes. */
  public static Install of(Project p) {
    TreeSet<String> debian = new TreeSet<>();
    TreeSet<String> brew = new TreeSet<>();
    TreeSet<String> keg = new TreeSet<>();
    List<String> unmapped = new ArrayList<>();
    for (NixPackage n : p.nixPackages()) {
      Row r = ROWS.get(n.attribute());
      if (r == null) {
        continue; // a toolchain or build tool that the job's setup steps provide
      }
      debian.addAll(r.debian());
      brew.addAll(r.brew());
      keg.addAll(r.kegOnly());
      if (!r.debianKnown()) {
        unmapped.add(n.attribute() + ", for which nixmigrate knows no Ubuntu package");
      }
      if (!r.brewKnown()) {
        unmapped.add(n.attribute() + ", for which nixmigrate knows no Homebrew formula");
      }
    }
    return new Install(
        List.copyOf(debian), List.copyOf(brew), List.copyOf(keg), List.copyOf(unmapped));
  }

  /**
   * Warns, from {@code file}, of each library a project needs that no package is known for on an OS
   * {@code os} names ("Ubuntu", "Homebrew"), saying what to do instead.
   */
  static void warnUnmapped(
      RepoFacts facts,
      Warnings warnings,
      String file,
      java.util.function.Predicate<String> os,
      String todo) {
    for (Project p : facts.projects()) {
      for (String lib : of(p).unmapped()) {
        if (os.test(lib)) {
          warnings.add(file, "project " + p.path() + " needs " + lib + ", so its jobs" + todo);
        }
      }
    }
  }

  /** The install steps, each for its own OS, to follow the checkout. */
  static List<Step> steps(Install install) {
    List<Step> steps = new ArrayList<>();
    if (!install.debian().isEmpty()) {
      steps.add(
          Step.run("Install system libraries (Linux)", apt("sudo ", install.debian()))
              .when("runner.os == 'Linux'"));
    }
    if (!install.brew().isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("brew install " + String.join(" ", install.brew()));
      if (!install.kegOnly().isEmpty()) {
        // Keg-only formulas are not linked into Homebrew's prefix: CMake and pkg-config are told
        // where they are for the steps that follow.
        List<String> prefixes =
            install.kegOnly().stream().map(f -> "$(brew --prefix " + f + ")").toList();
        lines.add(
            "echo \"CMAKE_PREFIX_PATH="
                + String.join(":", prefixes)
                + "${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}\" >> \"$GITHUB_ENV\"");
        lines.add(
            "echo \"PKG_CONFIG_PATH="
                + String.join(":", prefixes.stream().map(x -> x + "/lib/pkgconfig").toList())
                + "${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}\" >> \"$GITHUB_ENV\"");
      }
      steps.add(Step.run("Install system libraries (macOS)", lines).when("runner.os == 'macOS'"));
    }
    return steps;
  }

  /**
   * The commands that install {@code packages} with apt-get, each prefixed with {@code prefix}
   * ({@code "sudo "} on a runner, nothing in a container that runs as root).
   */
  static List<String> apt(String prefix, List<String> packages) {
    return List.of(
        prefix + "apt-get update",
        prefix + "apt-get install --yes --no-install-recommends " + String.join(" ", packages));
  }

  private static Map<String, Row> load() {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (InputStream in = SystemPackages.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("bundled table " + TABLE + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] c = line.split("\t", -1);
        rows.put(
            c[0],
            new Row(
                packages(c[1]), packages(c[2]), packages(c[3]), !c[1].isEmpty(), !c[2].isEmpty()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(rows);
  }

  private static List<String> packages(String cell) {
    return cell.isEmpty() || cell.equals("-") ? List.of() : List.of(cell.split(" "));
  }
}
