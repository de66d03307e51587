package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.generators.internal.ci.Workflow.KeyValue;
import java.util.List;

/**
 * A GitLab CI job as data. Every value is already a valid YAML scalar: values from manifests went
 * through {@code Escape.yamlScalar}, the rest is nixmigrate's own text.
 *
 * @param id the job's name, a key of the file
 * @param image the container image it runs in
 * @param timeoutMinutes its time limit
 * @param matrix pre-rendered YAML lines under {@code parallel.matrix}
 * @param variables the job's variables
 * @param caches what it keeps between pipelines; written only by the default branch's pipelines
 * @param script the shell lines it runs
 * @param artifacts paths it keeps as artifacts
 */
public record GitLabJob(
    String id,
    String image,
    int timeoutMinutes,
    List<String> matrix,
    List<KeyValue> variables,
    List<Cache> caches,
    List<String> script,
    List<String> artifacts) {
  public GitLabJob {
    matrix = List.copyOf(matrix);
    variables = List.copyOf(variables);
    caches = List.copyOf(caches);
    script = List.copyOf(script);
    artifacts = List.copyOf(artifacts);
  }

  public boolean hasMatrix() {
    return !matrix.isEmpty();
  }

  public boolean hasVariables() {
    return !variables.isEmpty();
  }

  public boolean hasCaches() {
    return !caches.isEmpty();
  }

  public boolean hasArtifacts() {
    return !artifacts.isEmpty();
  }

  /**
   * One cache: keyed on the content of {@code files} (at most two, GitLab's limit) with {@code key}
   * as the prefix, or on {@code key} alone when there are none.
   */
  public record Cache(String key, List<String> files, List<String> paths) {
    public Cache {
      files = List.copyOf(files);
      paths = List.copyOf(paths);
      if (files.size() > 2) {
        throw new IllegalArgumentException("GitLab keys a cache on two files at most");
      }
    }

    public boolean hasFiles() {
      return !files.isEmpty();
    }
  }
}
