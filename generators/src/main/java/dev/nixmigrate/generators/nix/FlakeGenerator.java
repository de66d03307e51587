package dev.nixmigrate.generators.nix;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.core.nixpkgs.NixpkgsData;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code flake.nix}: the dev shell (step 3). */
public final class FlakeGenerator implements Generator {
  @Override
  public String name() {
    return "flake";
  }

  @Override
  public int step() {
    return 3;
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
    model.put(
        "buildNotes",
        targetStep >= 4 && builds.isEmpty()
            ? List.of("No package could be built yet; see nixmigrate's warnings.")
            : List.of());
    model.put("shell", shell);
    model.put("systems", options.systems().stream().map(Escape::nixString).toList());
    String text = ctx.templates().render("step3/flake.nix.ftl", model);
    return List.of(new GeneratedFile("flake.nix", text, 3, name(), GeneratedFile.Mode.WHOLE));
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

  /** The Python package set the packages use: the first Python package's interpreter's. */
  private static String pythonSet(List<NixBuild> builds) {
    return builds.stream()
        .filter(b -> b.kind().equals("python"))
        .map(
            b ->
                b.builder().substring("pkgs.".length(), b.builder().indexOf(".pkgs.")) + "Packages")
        .findFirst()
        .orElse("");
  }
}
