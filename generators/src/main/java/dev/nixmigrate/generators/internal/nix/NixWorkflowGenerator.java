package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.internal.nixpkgs.NixpkgsData;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.NixInstaller;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Warnings;
import dev.nixmigrate.generators.internal.ci.ActionPins;
import dev.nixmigrate.generators.internal.ci.CiTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .github/workflows/nix.yml}: Nix checks and builds the flake (step 4), with the cache (step
 * 5).
 */
public final class NixWorkflowGenerator implements Generator {
  public static final String PATH = ".github/workflows/nix.yml";

  @Override
  public String purpose() {
    return "CI building and checking the flake with Nix";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "nix-workflow";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(4, "nix flake check and nix build in CI"),
        new Part(5, "pushing to the binary cache from the default branch"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITHUB) {
      return List.of();
    }
    BinaryCache cache = targetStep >= 5 ? options.binaryCache() : BinaryCache.NONE;
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "header",
        targetStep >= 5
            ? Generator.header(5, "CI builds on Nix with a binary cache")
            : Generator.header(4, "CI builds on Nix"));
    model.put("runners", options.osMatrix().stream().map(Escape::yamlScalar).toList());
    model.put("checkout", ActionPins.uses("actions/checkout"));
    boolean determinate = options.nixInstaller() == NixInstaller.DETERMINATE;
    model.put(
        "installer",
        ActionPins.uses(
            determinate ? "DeterminateSystems/nix-installer-action" : "cachix/install-nix-action"));
    model.put("configInput", determinate ? "extra-conf" : "extra_nix_config");
    model.put(
        "nixConfig", targetStep >= 5 ? pullConfig(cache, options, new Warnings()) : List.of());
    model.put("cache", cache);
    model.put(
        "cacheAction",
        switch (cache.kind()) {
          case "cachix" -> ActionPins.uses("cachix/cachix-action");
          case "attic" -> ActionPins.uses("ryanccn/attic-action");
          default -> "";
        });
    model.put("cacheEndpoint", Escape.yamlScalar(cache.endpoint()));
    model.put(
        "storeUri",
        Escape.yamlScalar(cache.provider() == BinaryCache.Provider.S3 ? cache.storeUri() : ""));
    boolean hasPackages = hasPackages(facts);
    model.put("hasPackages", hasPackages);
    if (cache.provider() == BinaryCache.Provider.S3 && !hasPackages) {
      ctx.warnings()
          .add(
              PATH,
              "the flake has no package, so CI builds nothing to push: the S3 push step is left"
                  + " out until step 4 writes a package");
    }
    String text = ctx.templates().render("step4/nix.yml.ftl", model);
    return List.of(new GeneratedFile(PATH, text, 4, name(), GeneratedFile.Mode.WHOLE));
  }

  /** Whether the flake has packages to build (else CI builds its dev shell). */
  static boolean hasPackages(RepoFacts facts) {
    return !new NixBuildPlanner(NixpkgsData.bundled(), new Warnings()).plan(facts).isEmpty();
  }

  /** The secrets CI needs to push to {@code cache}, in words. */
  static String secrets(BinaryCache cache) {
    return switch (cache.provider()) {
      case CACHIX -> "CACHIX_AUTH_TOKEN";
      case ATTIC -> "ATTIC_TOKEN";
      case S3 -> "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and NIX_SIGNING_KEY";
      case NONE -> "";
    };
  }

  /** The substituter and key lines (step 5): extra- settings only, never the replacing ones. */
  static List<String> pullConfig(BinaryCache cache, Options options, Warnings warnings) {
    List<String> lines = new ArrayList<>();
    if (cache.isNone()) {
      return lines;
    }
    if (cache.provider() != BinaryCache.Provider.CACHIX) {
      // cachix-action configures pulling itself; the others need the substituter named.
      lines.add("extra-substituters = " + cache.substituter());
      if (options.cachePublicKey() != null) {
        lines.add("extra-trusted-public-keys = " + options.cachePublicKey());
      } else {
        warnings.add(
            "nix/nix.conf",
            "no --cache-public-key given; Nix will not trust the cache's"
                + " signatures until extra-trusted-public-keys names its key");
      }
    }
    return lines;
  }
}
