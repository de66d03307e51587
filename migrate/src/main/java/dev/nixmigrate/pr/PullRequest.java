package dev.nixmigrate.pr;

/** An open pull request (GitHub) or merge request (GitLab): its number, address, title and body. */
public record PullRequest(long number, String url, String title, String body) {}
