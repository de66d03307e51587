package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.CompilerCache;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .devcontainer/devcontainer.json} (step 3): the flake's dev shell in GitHub Codespaces,
 * DevPod or any other dev-container tool. Plain JSON, so it carries no header comment; {@code
 * .nixmigrate/state.json} records that nixmigrate wrote it.
 */
public final class DevcontainerGenerator implements Generator {
  public static final String PATH = ".devcontainer/devcontainer.json";

  /** Where the compiler caches live: inside the workspace, which survives a container rebuild. */
  public static final String CACHE_DIR = ".devcontainer/cache/";

  /**
   * Ubuntu 24.04 with a non-root user that has passwordless sudo, git and curl, for amd64 and arm64
   * (devcontainers/images, src/base-ubuntu/manifest.json): what the Nix feature's multi-user
   * install needs (its NOTES.md). The toolchains come from the flake, so no language image.
   */
  static final String IMAGE = "mcr.microsoft.com/devcontainers/base:2-noble";

  /**
   * The Nix feature (devcontainers/features, src/nix, 1.3.1). Its options: version, multiUser,
   * packages, useAttributePath, flakeUri, extraNixConfig (comma-separated nix.conf lines). It turns
   * flakes on only for flakeUri, so extraNixConfig does it here; it sets {@code sandbox = false}
   * and keeps /nix on a volume of its own.
   */
  static final String FEATURE = "ghcr.io/devcontainers/features/nix:1";

  @Override
  public String purpose() {
    return "the dev shell in Codespaces and DevPod";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "devcontainer";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(3, "a dev container that opens the dev shell"),
        new Part(5, "the binary cache in the container's Nix configuration"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (!options.devcontainer()) {
      return List.of(); // turned off: a devcontainer.json nixmigrate wrote is removed
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", Escape.jsonString(DevShellPlanner.repositoryName(facts) + " (Nix)"));
    model.put("image", Escape.jsonString(IMAGE));
    model.put("feature", Escape.jsonString(FEATURE));
    model.put("extraNixConfig", Escape.jsonString(String.join(",", nixConf(options, targetStep))));
    List<Map<String, String>> env = new ArrayList<>();
    for (CompilerCache c : DevShellPlanner.compilerCaches(facts, options)) {
      // The dev shell sets the cache's other settings; only its folder is the container's.
      String var = c == CompilerCache.CCACHE ? "CCACHE_DIR" : "SCCACHE_DIR";
      env.add(
          Map.of(
              "name",
              Escape.jsonString(var),
              "value",
              Escape.jsonString("${containerWorkspaceFolder}/" + CACHE_DIR + c.command())));
    }
    model.put("remoteEnv", env);
    model.put("postCreateCommand", Escape.jsonString(postCreate(ctx.writes(EnvrcGenerator.ENVRC))));
    String text = ctx.templates().render("step3/devcontainer.json.ftl", model);
    return List.of(new GeneratedFile(PATH, text, 3, name(), GeneratedFile.Mode.WHOLE));
  }

  /**
   * The nix.conf lines: flakes, and from step 5 the binary cache (a line with a comma is left out).
   */
  private static List<String> nixConf(Options options, int step) {
    List<String> lines = new ArrayList<>(List.of("experimental-features = nix-command flakes"));
    if (step >= 5 && !options.binaryCache().isNone() && options.cachePublicKey() != null) {
      lines.add("extra-substituters = " + options.binaryCache().substituter());
      lines.add("extra-trusted-public-keys = " + options.cachePublicKey());
    }
    lines.removeIf(l -> l.contains(","));
    return lines;
  }

  /**
   * Builds the dev shell once when the container is made, so the first terminal opens at once. With
   * nixmigrate's {@code .envrc}, also direnv and nix-direnv from the flake's own nixpkgs, hooked
   * into bash, and the {@code .envrc} allowed: a file of the user's is never allowed on their
   * behalf.
   */
  static String postCreate(boolean envrc) {
    String warm = "nix develop --command true";
    if (!envrc) {
      return warm;
    }
    return String.join(
        " && ",
        "nix profile install --inputs-from . nixpkgs#direnv nixpkgs#nix-direnv",
        "mkdir -p ~/.config/direnv",
        "printf 'source %s\\n' \"$HOME/.nix-profile/share/nix-direnv/direnvrc\""
            + " > ~/.config/direnv/direnvrc",
        // The hook's code itself, as `eval "$(direnv hook bash)"` would run it at each start.
        "~/.nix-profile/bin/direnv hook bash >> ~/.bashrc",
        "~/.nix-profile/bin/direnv allow",
        warm);
  }
}
