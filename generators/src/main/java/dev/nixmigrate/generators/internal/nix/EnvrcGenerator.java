package dev.nixmigrate.generators.internal.nix;

import dev.nixmigrate.core.model.PythonProject;
import dev.nixmigrate.core.model.RepoFacts;
import dev.nixmigrate.generators.GeneratedFile;
import dev.nixmigrate.generators.Generator;
import dev.nixmigrate.generators.Options;
import java.util.List;
import java.util.Map;

/**
 * {@code .envrc} for direnv, and the {@code .gitignore} lines the dev shell (and its dev container)
 * needs (step 3).
 */
public final class EnvrcGenerator implements Generator {
  static final String ENVRC = ".envrc";

  @Override
  public String purpose() {
    return "direnv loading the dev shell";
  }

  @Override
  public List<String> paths() {
    return List.of(ENVRC);
  }

  @Override
  public String name() {
    return "envrc";
  }

  @Override
  public List<Part> steps() {
    return List.of(new Part(3, "direnv loading the dev shell"));
  }

  @Override
  public List<GeneratedFile> generate(
      RepoFacts facts, Options options, int targetStep, Context ctx) {
    String envrc =
        ctx.templates()
            .render("step3/envrc.ftl", Map.of("header", Generator.header(3, "Nix dev shells")));
    // direnv's cache, nix build's result links and a pip shell's virtual environment are
    // machine-local.
    boolean venv =
        facts.projects().stream()
            .anyMatch(
                p ->
                    p.python()
                        .map(py -> py.packageManager() == PythonProject.PackageManager.PIP)
                        .orElse(false));
    // The dev container keeps its compiler caches in the workspace, which survives a rebuild.
    String ignore =
        ".direnv/\nresult\nresult-*\n"
            + (venv ? ".venv/\n" : "")
            + (options.devcontainer() && !DevShellPlanner.compilerCaches(facts, options).isEmpty()
                ? DevcontainerGenerator.CACHE_DIR + "\n"
                : "");
    return List.of(
        new GeneratedFile(ENVRC, envrc, 3, name(), GeneratedFile.Mode.WHOLE),
        new GeneratedFile(".gitignore", ignore, 3, name(), GeneratedFile.Mode.LINES));
  }
}
