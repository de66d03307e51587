package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.BinaryCache;
import dev.nixmigrate.generators.CiService;
import dev.nixmigrate.generators.Escape;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.internal.ci.CiTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .gitlab/ci/nix.yml}: GitLab jobs that check and build the flake with Nix and keep {@code
 * flake.lock} current from a pipeline schedule (step 4), and push to the binary cache from the
 * default branch (step 5). They run in the {@code nixos/nix} image, Nix's own, which runs as root:
 * the substituters it is given are trusted without more.
 */
public final class GitLabNixGenerator implements Generator {
  public static final String PATH = ".gitlab/ci/nix.yml";

  /**
   * Nix's image on Docker Hub. Its tags follow Nix's releases; {@code latest} is the newest, so
   * jobs get Nix's fixes without an edit (pin a release tag here to hold one).
   */
  static final String IMAGE = "nixos/nix:latest";

  /**
   * The branch the scheduled {@code nix flake update} pushes to, and opens its merge request from.
   */
  static final String UPDATE_BRANCH = "nixmigrate/flake-update";

  /**
   * The scheduled update: fail at once without the token; stop when nothing moved; otherwise commit
   * {@code flake.lock} and push it with GitLab's push options, which open the merge request (or
   * update the open one) with no API client in the image. The push URL is the clone's, with the
   * token in place of the job's own credentials ({@code CI_REPOSITORY_URL} keeps a port that {@code
   * CI_SERVER_HOST} would lose).
   */
  static final List<String> UPDATE_SCRIPT =
      List.of(
          "if [ -z \"${NIXMIGRATE_FLAKE_UPDATE_TOKEN:-}\" ]; then echo 'nix-flake-update: set"
              + " NIXMIGRATE_FLAKE_UPDATE_TOKEN (a project, group or personal access token with"
              + " write_repository)"
              + " under Settings > CI/CD > Variables' >&2; exit 1; fi",
          "nix flake update",
          // On its own line, so that a failing git fails the job instead of reading as "no change".
          "changes=\"$(git status --porcelain -- flake.lock)\"",
          "if [ -z \"$changes\" ]; then echo 'flake.lock is up to date'; exit 0; fi",
          "git add flake.lock",
          "git -c user.name=nixmigrate -c user.email=nixmigrate@noreply.invalid commit -q -m"
              + " 'flake.lock: update the inputs'",
          "git push --force \"${CI_SERVER_PROTOCOL}://oauth2:${NIXMIGRATE_FLAKE_UPDATE_TOKEN}@${CI_REPOSITORY_URL#*@}\""
              + " \"HEAD:refs/heads/"
              + UPDATE_BRANCH
              + "\" -o merge_request.create -o \"merge_request.target=${CI_DEFAULT_BRANCH}\" -o"
              + " 'merge_request.title=flake.lock: update the inputs' -o"
              + " merge_request.remove_source_branch");

  @Override
  public String purpose() {
    return "GitLab CI building and checking the flake with Nix";
  }

  @Override
  public List<String> paths() {
    return List.of(PATH);
  }

  @Override
  public String name() {
    return "gitlab-ci-nix";
  }

  @Override
  public List<Part> steps() {
    return List.of(
        new Part(
            4, "nix flake check and nix build in GitLab CI, and a scheduled flake.lock update"),
        new Part(5, "pushing to the binary cache from the default branch"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    if (CiTarget.of(facts, options) != CiService.GITLAB) {
      return List.of();
    }
    BinaryCache cache = targetStep >= 5 ? options.binaryCache() : BinaryCache.NONE;
    boolean packages = NixWorkflowGenerator.hasPackages(facts);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "header",
        targetStep >= 5
            ? Generator.header(5, "CI builds on Nix with a binary cache")
            : Generator.header(4, "CI builds on Nix"));
    model.put("image", IMAGE);
    List<String> config = new ArrayList<>(List.of("experimental-features = nix-command flakes"));
    if (!cache.isNone()) {
      // No action configures pulling here, so every provider's substituter is named.
      config.add("extra-substituters = " + cache.substituter());
      if (options.cachePublicKey() != null) {
        config.add("extra-trusted-public-keys = " + options.cachePublicKey());
      }
    }
    model.put("nixConfig", config);
    model.put("cache", cache);
    model.put("cacheSecret", NixWorkflowGenerator.secrets(cache));
    model.put(
        "checkScript",
        List.of("nix flake check -L", packages ? "nix build -L" : "nix develop --command true")
            .stream()
            .map(Escape::yamlScalar)
            .toList());
    model.put("pushScript", pushScript(cache, packages));
    model.put("updateBranch", UPDATE_BRANCH);
    // Where Renovate keeps the dependencies current, it updates flake.lock too (step 3 turns that
    // on): a second updater would open the same merge requests twice.
    model.put(
        "flakeUpdate",
        !dev.nixmigrate.generators.internal.ci.DependabotGenerator.usesRenovate(facts));
    model.put("updateScript", UPDATE_SCRIPT.stream().map(Escape::yamlScalar).toList());
    String text = ctx.templates().render("step4/gitlab-nix.yml.ftl", model);
    if (!cache.isNone()) {
      ctx.warnings()
          .add(
              PATH,
              "GitLab reads "
                  + NixWorkflowGenerator.secrets(cache)
                  + " from CI/CD variables, which no file can create: add them under Settings >"
                  + " CI/CD > Variables, masked and protected (only pipelines of protected"
                  + " branches, such as the default branch, see them)");
    }
    return List.of(new GeneratedFile(PATH, text, 4, name(), GeneratedFile.Mode.WHOLE));
  }

  /** The push: build what the check built into ./result, then upload it (YAML scalars). */
  private static List<String> pushScript(BinaryCache cache, boolean packages) {
    List<String> lines = new ArrayList<>();
    lines.add(packages ? "nix build -L" : "nix develop --profile ./result --command true");
    String name = Escape.shellWord(cache.name());
    switch (cache.provider()) {
      case CACHIX ->
          lines.add("nix shell nixpkgs#cachix --command cachix push " + name + " ./result");
      case ATTIC -> {
        lines.add(
            "nix shell nixpkgs#attic-client --command attic login ci "
                + Escape.shellWord(cache.endpoint())
                + " \"$ATTIC_TOKEN\"");
        lines.add("nix shell nixpkgs#attic-client --command attic push ci:" + name + " ./result");
      }
      case S3 -> {
        lines.add("key_file=\"$(mktemp)\"");
        lines.add("printf '%s' \"$NIX_SIGNING_KEY\" > \"$key_file\"");
        lines.add("nix store sign --recursive --key-file \"$key_file\" ./result");
        lines.add("rm -f \"$key_file\"");
        lines.add("nix copy --to " + Escape.shellWord(cache.storeUri()) + " ./result");
      }
      case NONE -> {}
    }
    return lines.stream().map(Escape::yamlScalar).toList();
  }
}
