package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.internal.read.ManifestException;
import dev.nixmigrate.core.internal.read.ManifestText;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Selection;
import dev.nixmigrate.generators.Warnings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code flake.nix}: the dev shell (step 3). */
public final class FlakeGenerator implements Generator {
  public static final String PATH = "flake.nix";

  @Override
  public String purpose() {
    return "the Nix dev shell, and from step 4 the packages and checks";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH, FlakeHookup.FILE);
  }

  @Override
  public String name() {
    return "flake";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(3, "the dev shell"),
        new Part(4, "a package and a check for each project"),
        new Part(5, "the binary cache in the flake's nixConfig, when asked for"));
  }

  /**
   * As every generator, and also for a later step when the flake is the user's: the hook-up file
   * gains that step's packages.
   */
  @Override
  public boolean runs(Selection s) {
    return Generator.super.runs(s) || (runsLaterStep(s) && s.usersOwn(PATH));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    NixpkgsData data = NixpkgsData.bundled();
    DevShellPlan shell = new DevShellPlanner(data, ctx.warnings()).plan(facts, options, targetStep);
    Map<String, Object> model = new LinkedHashMap<>();
    List<NixBuild> builds =
        targetStep >= 4 ? new NixBuildPlanner(data, ctx.warnings()).plan(facts) : List.of();
    model.put(
        "header",
        targetStep >= 4
            ? Generator.header(4, "Nix dev shells and CI builds on Nix")
            : Generator.header(3, "Nix dev shells"));
    model.put("builds", builds);
    model.put("nixConfig", nixConfig(options, targetStep, ctx));
    model.put("pythonSet", pythonSet(builds));
    model.put("rustToolchain", rustToolchain(facts, builds, "."));
    model.put(
        "buildNotes",
        targetStep >= 4 && builds.isEmpty()
            ? List.of("No package could be built yet; see nixmigrate's warnings.")
            : List.of());
    model.put("shell", shell);
    model.put("systems", options.systems().stream().map(Escape::nixString).toList());
    if (!ctx.selection().usersOwn(PATH)) {
      String text = ctx.templates().render("step3/flake.nix.ftl", model);
      return List.of(new GeneratedFile(PATH, text, 3, name(), GeneratedFile.Mode.WHOLE));
    }
    // The flake is the user's: the same outputs go in a file of nixmigrate's, hooked in by a line.
    // Its path literals lead from nix/, where it is, back to the root.
    Warnings quiet = new Warnings();
    model.put("shell", new DevShellPlanner(data, quiet, "..").plan(facts, options, targetStep));
    List<NixBuild> fromNix =
        targetStep >= 4 ? new NixBuildPlanner(data, quiet, "..").plan(facts) : List.of();
    model.put("builds", fromNix);
    model.put("rustToolchain", rustToolchain(facts, fromNix, ".."));
    String hooked = ctx.templates().render("step3/nixmigrate.nix.ftl", model);
    List<GeneratedFile> out = new ArrayList<>();
    out.add(new GeneratedFile(FlakeHookup.FILE, hooked, 3, name(), GeneratedFile.Mode.WHOLE));
    String theirs;
    try {
      theirs = ManifestText.read(facts.root().resolve(PATH), PATH);
    } catch (ManifestException e) {
      ctx.warnings().add(PATH, "cannot be read, so " + FlakeHookup.FILE + " is not hooked into it");
      return out;
    }
    List<String> inputs =
        shell.rustOverlay() ? List.of("nixpkgs", "rust-overlay") : List.of("nixpkgs");
    FlakeHookup.Result r = FlakeHookup.hookUp(theirs, inputs);
    if (r.done()) {
      out.add(
          GeneratedFile.edit(
              PATH,
              r.text(),
              3,
              name(),
              "hooks "
                  + FlakeHookup.FILE
                  + " (the dev shell"
                  + (builds.isEmpty() ? "" : ", packages and checks")
                  + ") into your outputs with one line"));
    } else {
      ctx.warnings()
          .add(
              PATH,
              "is yours; "
                  + r.why()
                  + ". To use "
                  + FlakeHookup.FILE
                  + ", call it from your outputs: "
                  + FlakeHookup.MANUAL);
    }
    return out;
  }

  /**
   * {@code nixConfig} settings, only when asked for and only with extra- (never replacing) keys.
   */
  private static List<DevShellPlan.EnvVar> nixConfig(Options options, int step, Context ctx) {
    if (step < 5 || !options.flakeNixConfig()) {
      return List.of();
    }
    if (options.binaryCache().isNone() || options.cachePublicKey() == null) {
      ctx.warnings()
          .add(
              "flake.nix", "nixConfig needs --binary-cache and --cache-public-key; it is left out");
      return List.of();
    }
    return List.of(
        new DevShellPlan.EnvVar(
            "extra-substituters", Escape.nixString(options.binaryCache().substituter())),
        new DevShellPlan.EnvVar(
            "extra-trusted-public-keys", Escape.nixString(options.cachePublicKey())));
  }

  /**
   * The toolchain file the packages' {@code rustPlatform} is made from, as a path from {@code
   * base}; empty when no package builds with it.
   */
  private static String rustToolchain(RepoFacts facts, List<NixBuild> builds, String base) {
    boolean used =
        builds.stream().anyMatch(b -> b.builder().equals(NixBuildPlanner.TOOLCHAIN_BUILDER));
    return used
        ? DevShellPlanner.toolchainFile(facts).map(f -> NixExpr.relativePath(base, f)).orElse("")
        : "";
  }

  /**
   * The Python package set bound to {@code ps} for all packages: the first Python package's
   * interpreter's. A package of another interpreter binds its own (see packages.ftl).
   */
  private static String pythonSet(List<NixBuild> builds) {
    return builds.stream()
        .map(NixBuild::pythonSet)
        .filter(s -> !s.isEmpty())
        .findFirst()
        .orElse("");
  }
}
