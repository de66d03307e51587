#!/usr/bin/env bash
# The action's second step: runs the jar fetch.sh checked. Inputs come from the environment:
#   NIXMIGRATE_JAR        set by fetch.sh
#   NIXMIGRATE_COMMAND    check or pr
#   NIXMIGRATE_STEP       pr: the step the pull request takes
#   NIXMIGRATE_TOKEN      pr: the token it pushes and opens the pull request with
#   NIXMIGRATE_DIRECTORY  the repository's folder
set -euo pipefail

fail() {
  echo "::error title=nixmigrate::$*"
  exit 1
}

java=java
if [ -n "${JAVA_HOME_17_X64:-}" ] && [ -x "$JAVA_HOME_17_X64/bin/java" ]; then
  java=$JAVA_HOME_17_X64/bin/java
fi
[ -f "${NIXMIGRATE_JAR:-}" ] || fail "no nixmigrate.jar: the fetch step did not run"
dir=${NIXMIGRATE_DIRECTORY:-.}

case ${NIXMIGRATE_COMMAND:-check} in
  check)
    exec "$java" -jar "$NIXMIGRATE_JAR" check "$dir"
    ;;
  pr)
    [ -n "${NIXMIGRATE_TOKEN:-}" ] || fail "the pr command needs the token input"
    case ${NIXMIGRATE_STEP:-1} in
      1 | 2 | 3 | 4 | 5) ;;
      *) fail "step '${NIXMIGRATE_STEP}' is not 1 to 5" ;;
    esac
    exec "$java" -jar "$NIXMIGRATE_JAR" pr --step "${NIXMIGRATE_STEP:-1}" \
      --token-env NIXMIGRATE_TOKEN "$dir"
    ;;
  *)
    fail "command '${NIXMIGRATE_COMMAND}' is neither check nor pr"
    ;;
esac
