package dev.nixmigrate.generators.internal.ci;

import java.util.List;

/**
 * A GitHub Actions workflow as data. Every value is already a valid YAML scalar: values from
 * manifests went through {@code Escape.yamlScalar}, expressions are nixmigrate's own text.
 */
public record Workflow(String name, List<Job> jobs) {

  /** A job; {@code matrix} lines are pre-rendered YAML under {@code strategy.matrix}. */
  public record Job(
      String id,
      String name,
      String runsOn,
      int timeoutMinutes,
      List<String> matrix,
      List<KeyValue> env,
      String workingDirectory,
      List<Step> steps) {
    public Job {
      matrix = List.copyOf(matrix);
      env = List.copyOf(env);
      steps = List.copyOf(steps);
    }

    public boolean hasMatrix() {
      return !matrix.isEmpty();
    }

    public boolean hasEnv() {
      return !env.isEmpty();
    }

    public boolean hasWorkingDirectory() {
      return workingDirectory != null;
    }

    /**
     * Whether it runs on Windows, where a {@code run:} block would go to PowerShell: its blocks are
     * written for bash, which GitHub's Windows runners have too (Git's).
     */
    public boolean onWindows() {
      return runsOn.contains("windows")
          || matrix.stream().anyMatch(l -> l.startsWith("os:") && l.contains("windows"));
    }
  }

  /** A step: either {@code uses} with {@code with} inputs, or {@code run} lines. */
  public record Step(
      String name, String condition, String uses, List<KeyValue> with, List<String> run) {
    public Step {
      with = List.copyOf(with);
      run = List.copyOf(run);
    }

    public boolean hasCondition() {
      return condition != null;
    }

    public boolean isUses() {
      return uses != null;
    }

    public boolean hasWith() {
      return !with.isEmpty();
    }

    static Step uses(String name, String action, KeyValue... with) {
      return new Step(name, null, ActionPins.uses(action), List.of(with), List.of());
    }

    static Step run(String name, List<String> lines) {
      return new Step(name, null, null, List.of(), lines);
    }

    Step when(String condition) {
      return new Step(name, condition, uses, with, run);
    }
  }

  /** A key and an already-rendered YAML value. */
  public record KeyValue(String key, String value) {}
}
