#!/usr/bin/env bash
# The action's first step: downloads nixmigrate.jar from a release of the repository the action
# comes from and checks it before anything runs it. Inputs come from the environment:
#   NIXMIGRATE_VERSION  the release (default: the tag the action is used at)
#   NIXMIGRATE_SHA256   the jar's SHA-256 (default: the release's checksum file, once
#                       `gh attestation verify` shows the jar's provenance)
#   GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_ENV  set by the runner
set -euo pipefail

fail() {
  echo "::error title=nixmigrate::$*"
  exit 1
}

# github.action_repository and github.action_ref are empty inside composite actions
# (actions/runner#2473); the action's folder, .../_actions/OWNER/REPO/REF, names both.
ref=$(basename "$GITHUB_ACTION_PATH")
repo_dir=$(dirname "$GITHUB_ACTION_PATH")
repository=$(basename "$(dirname "$repo_dir")")/$(basename "$repo_dir")

version=${NIXMIGRATE_VERSION:-}
if [ -z "$version" ]; then
  case $ref in
    v[0-9]*.[0-9]*.[0-9]*) version=${ref#v} ;;
    *) fail "the action is used at '$ref', not at a release tag such as v0.1.0: set the version input" ;;
  esac
fi
case $version in
  *[!0-9A-Za-z.+-]* | "") fail "version '$version' is not a release number such as 0.1.0" ;;
esac

base="https://github.com/$repository/releases/download/v$version"
jar="$RUNNER_TEMP/nixmigrate-$version.jar"
curl --fail --silent --show-error --location --retry 3 --output "$jar" "$base/nixmigrate.jar" \
  || fail "could not download $base/nixmigrate.jar"

expected=${NIXMIGRATE_SHA256:-}
if [ -z "$expected" ]; then
  gh attestation verify "$jar" --repo "$repository" >/dev/null \
    || fail "nixmigrate.jar $version has no build provenance from $repository; set the sha256 input to run it anyway"
  expected=$(curl --fail --silent --show-error --location --retry 3 "$base/nixmigrate.jar.sha256" | cut -d' ' -f1) \
    || fail "could not download $base/nixmigrate.jar.sha256"
fi
case $expected in
  *[!0-9a-f]*) fail "sha256 '$expected' is not 64 lowercase hexadecimal digits" ;;
esac
[ "${#expected}" -eq 64 ] || fail "sha256 '$expected' is not 64 lowercase hexadecimal digits"
echo "$expected  $jar" | sha256sum --check --strict --quiet \
  || fail "nixmigrate.jar $version does not have the SHA-256 $expected"

echo "NIXMIGRATE_JAR=$jar" >>"$GITHUB_ENV"
echo "nixmigrate $version from $repository, SHA-256 $expected"
