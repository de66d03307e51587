package dev.nixmigrate.generators;

/** The CI service nixmigrate writes jobs for. */
public enum CiService {
  /** GitHub Actions: workflows under {@code .github/workflows/}. */
  GITHUB,
  /** GitLab CI/CD: {@code .gitlab-ci.yml} and the files it includes. */
  GITLAB;

  /** Its name in {@code nixmigrate.toml} and on the command line. */
  public String id() {
    return Choice.written(this);
  }

  @Override
  public String toString() {
    return id();
  }

  /** The service named {@code s}; a name it does not know is an error that lists the choices. */
  public static CiService parse(String s) {
    return Choice.parse(CiService.class, s, "the CI service (ci)");
  }
}
