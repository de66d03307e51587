#!/usr/bin/env bash
# Start-up cost of `nixmigrate status` on a one-project repository, against a hello-world JVM.
# Usage: bench/startup.sh [RUNS] (default 20). Needs migrate/target/nixmigrate.jar
# (mvn -B -q package -DskipTests) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-20}"
JAR="${NIXMIGRATE_JAR:-$PWD/migrate/target/nixmigrate.jar}"
[ -f "$JAR" ] || { echo "bench/startup.sh: build $JAR first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/startup.sh: needs GNU time at /usr/bin/time" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A hello-world jar: the floor any JVM command pays.
mkdir -p "$WORK/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$WORK/hello/Hello.java"
javac -d "$WORK/hello" "$WORK/hello/Hello.java"
printf 'Main-Class: Hello\n' >"$WORK/hello/manifest"
jar cfm "$WORK/hello.jar" "$WORK/hello/manifest" -C "$WORK/hello" Hello.class

# The one-project repository: the python-uv example, committed.
cp -r examples/python-uv "$WORK/repo"
git -C "$WORK/repo" init -q
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=b -c user.email=b@example.org commit -q -m init

export XDG_CACHE_HOME="$WORK/cache" XDG_DATA_HOME="$WORK/data"
export NIXMIGRATE_JAR="$JAR"

# measure NAME COMMAND...: the mean wall time and CPU time (user + system) over RUNS runs.
measure() {
  local name="$1"
  shift
  "$@" >/dev/null 2>&1 || { echo "bench/startup.sh: $name failed: $*" >&2; exit 1; }
  : >"$WORK/times"
  for _ in $(seq 1 "$RUNS"); do
    /usr/bin/time -a -o "$WORK/times" -f '%e %U %S' "$@" >/dev/null 2>&1
  done
  awk -v name="$name" -v runs="$RUNS" '
    { wall += $1; cpu += $2 + $3 }
    END { printf "%-44s wall %.3f s   cpu %.3f s   (mean of %d)\n", name, wall / NR, cpu / NR, runs }
  ' "$WORK/times"
}

cd "$WORK/repo"
measure "java -jar hello.jar" java -jar "$WORK/hello.jar"
measure "java -jar nixmigrate.jar status" java -jar "$JAR" status
# The first launcher run (above, in measure's warm-up) wrote the archive; these runs map it.
measure "java -XX:TieredStopAtLevel=1 -jar nixmigrate.jar status" \
  java -XX:TieredStopAtLevel=1 -jar "$JAR" status
# The launcher's first run (measure's warm-up) writes the archive; the timed runs map it.
measure "bin/nixmigrate status (C1, AppCDS)" "$OLDPWD/bin/nixmigrate" status
NIXMIGRATE_NO_CDS=1 measure "bin/nixmigrate status (C1, no archive)" "$OLDPWD/bin/nixmigrate" status
