package dev.nixmigrate.pr;

import java.util.List;
import java.util.Optional;

/** The few forge calls the bot makes. Implementations: {@link GitHub}, {@link GitLab}. */
interface Forge {
  /** "GitHub" or "GitLab", for messages. */
  String name();

  /** The user name that goes with the token over HTTPS git. */
  String gitUser();

  String defaultBranch();

  Optional<PullRequest> findOpen(String head, String base);

  /**
   * Opens a pull request; empty when the forge says one already exists for this head and base
   * (GitHub 422, GitLab 409), so the caller finds and reuses it.
   */
  Optional<PullRequest> create(String head, String base, String title, String body, boolean draft);

  void update(PullRequest pr, String title, String body);

  /** Whether the pull request already says exactly this. */
  default boolean says(PullRequest pr, String title, String body) {
    return pr.title().equals(title) && pr.body().strip().equals(body.strip());
  }

  List<String> comments(PullRequest pr);

  void comment(PullRequest pr, String body);

  void close(PullRequest pr);
}
