package dev.nixmigrate.generators.internal.ci;

import java.util.List;

/**
 * The commands that build, test, lint and format one project. CI runs exactly these and the
 * justfile's recipes hold exactly these, so the two cannot drift apart.
 *
 * @param id a short name for recipes and job ids ({@code python}, {@code rust}, {@code clib})
 * @param kind {@code python}, {@code rust} or {@code cmake}
 * @param dir the project's folder, {@code .} for the root
 * @param setup commands that prepare the environment (install dependencies)
 * @param build commands that build it
 * @param test commands that run its tests (empty when it has none)
 * @param lint commands that check it without changing it
 * @param fmt commands that format it (empty when the language has no standard formatter)
 * @param artifacts paths (relative to {@code dir}) CI uploads
 */
public record ProjectCommands(
    String id,
    String kind,
    String dir,
    List<String> setup,
    List<String> build,
    List<String> test,
    List<String> lint,
    List<String> fmt,
    List<String> artifacts) {

  public ProjectCommands {
    setup = List.copyOf(setup);
    build = List.copyOf(build);
    test = List.copyOf(test);
    lint = List.copyOf(lint);
    fmt = List.copyOf(fmt);
    artifacts = List.copyOf(artifacts);
  }
}
