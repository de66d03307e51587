# ${header}
# shellcheck shell=bash
# Loads the flake's dev shell; install nix-direnv for a cached, garbage-collection-safe shell.
watch_file flake.nix flake.lock
use flake
