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
    DevShellPlan shell =
        new DevShellPlanner(NixpkgsData.bundled(), ctx.warnings()).plan(facts, options, targetStep);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", Generator.header(3, "Nix dev shells"));
    model.put("shell", shell);
    model.put("systems", options.systems().stream().map(Escape::nixString).toList());
    String text = ctx.templates().render("step3/flake.nix.ftl", model);
    return List.of(new GeneratedFile("flake.nix", text, 3, name(), GeneratedFile.Mode.WHOLE));
  }
}
