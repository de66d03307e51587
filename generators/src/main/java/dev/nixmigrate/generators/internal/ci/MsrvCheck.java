package dev.nixmigrate.generators.internal.ci;

import dev.nixmigrate.core.model.RustProject;
import dev.nixmigrate.generators.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * The check with a crate's minimum supported Rust (MSRV), in CI and as a justfile recipe. It does
 * not check against the committed Cargo.lock: that lock's format may be newer than the MSRV's Cargo
 * reads (version 4 needs Cargo 1.78), and its versions follow the newest crates, which often need a
 * newer rustc than the MSRV. Nor does it let the MSRV's Cargo lock a crate that commits no lock:
 * before 1.84, Cargo locks the newest versions whatever Rust they need. Stable Cargo locks the
 * newest versions that support the MSRV instead, and the MSRV's Cargo checks against that lock.
 */
final class MsrvCheck {
  private MsrvCheck() {}

  /**
   * Cargo 1.84 and later prefer the versions whose {@code rust-version} the workspace's lowest
   * {@code rust-version} satisfies (<a
   * href="https://doc.rust-lang.org/cargo/reference/config.html#resolverincompatible-rust-versions">resolver.incompatible-rust-versions</a>).
   * {@code generate-lockfile} writes the lock anew, in the format the Cargo of that {@code
   * rust-version} writes (version 3 from 1.53 to 1.82, 4 from 1.83); {@code update} would keep a
   * lock's version 4.
   */
  static final String LOCK =
      "CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo +stable generate-lockfile";

  /** The check's shell lines, each command after a comment that says why it is so. */
  static List<String> commands(RustProject rs) {
    return List.of(
        "# The newest dependencies that support Rust "
            + rs.rustVersion()
            + ", locked in a format its Cargo reads",
        LOCK,
        "# Not --locked: the lock was written for this check",
        "cargo +" + rs.rustVersion() + " check" + (rs.workspace() ? " --workspace" : ""));
  }

  /**
   * The recipe's lines: the check's commands, in a bash script that puts the developer's Cargo.lock
   * back when it ends, or removes the one it wrote where there was none (a trap, so also when the
   * check fails or is interrupted). Cargo has no stable option to write the lock elsewhere ({@code
   * --lockfile-path} is unstable).
   */
  static List<String> recipe(RustProject rs, String dir) {
    List<String> lines = new ArrayList<>(List.of("#!/usr/bin/env bash", "set -euo pipefail"));
    if (!dir.equals(".")) {
      lines.add("cd " + Escape.shellWord(dir));
    }
    lines.addAll(
        List.of(
            "# Your Cargo.lock, or its absence, is put back when the check ends.",
            "keep=\"$(mktemp -d)\"",
            "if [ -e Cargo.lock ]; then cp Cargo.lock \"$keep\"/; fi",
            "trap 'if [ -e \"$keep\"/Cargo.lock ]; then cp \"$keep\"/Cargo.lock .;"
                + " else rm -f Cargo.lock; fi; rm -r \"$keep\"' EXIT"));
    lines.addAll(commands(rs));
    return lines;
  }
}
