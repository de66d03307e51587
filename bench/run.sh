#!/usr/bin/env bash
# Times nixmigrate on large generated manifests. Usage: bench/run.sh [N] (default 100000).
# Needs migrate/target/nixmigrate.jar (mvn -B -o package -DskipTests), or NIXMIGRATE_JAR=path.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
JAR="${NIXMIGRATE_JAR:-$PWD/migrate/target/nixmigrate.jar}"
[ -f "$JAR" ] || { echo "bench/run.sh: build $JAR first" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

make_repo() { # name: a git repository with one commit, so step sees a clean tree
  mkdir -p "$WORK/$1"
  git -C "$WORK/$1" init -q
}
commit() {
  git -C "$WORK/$1" add -A
  git -C "$WORK/$1" -c user.name=b -c user.email=b@example.org commit -q -m init
}

make_repo cargo
{
  printf '[package]\nname = "big"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
  seq 1 "$N" | sed 's/.*/dep&_x = "1.0"/'
} >"$WORK/cargo/Cargo.toml"
mkdir -p "$WORK/cargo/src" && echo 'fn main() {}' >"$WORK/cargo/src/main.rs"
commit cargo

make_repo pyproject
{
  printf '[project]\nname = "big"\nversion = "1.0"\nrequires-python = ">=3.9"\ndependencies = [\n'
  seq 1 "$N" | sed 's/.*/  "dep&-x>=1.0",/'
  printf ']\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
} >"$WORK/pyproject/pyproject.toml"
commit pyproject

make_repo requirements
seq 1 "$N" | sed 's/.*/dep&-x>=1.0/' >"$WORK/requirements/requirements.txt"
echo 'print(1)' >"$WORK/requirements/main.py"
commit requirements

make_repo groups # a PEP 735 include-group chain 2000 groups deep (about 70 KB)
{
  printf '[project]\nname = "chain"\nversion = "1.0"\n[dependency-groups]\n'
  seq 0 1999 | awk '{ printf "group%d = [\"dep%d\", {include-group = \"group%d\"}]\n", $1, $1, $1 + 1 }'
  printf 'group2000 = ["last"]\n'
} >"$WORK/groups/pyproject.toml"
commit groups

measure() { # label, command...
  local start end
  start=$(date +%s.%N)
  "${@:2}" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  printf '%-40s %6.1f s\n' "$1" "$(echo "$end - $start" | bc)"
}

echo "N = $N"
for repo in cargo pyproject requirements groups; do
  measure "detect $repo" java -jar "$JAR" detect "$WORK/$repo"
  measure "step 4 --dry-run $repo" java -jar "$JAR" step 4 --dry-run "$WORK/$repo"
done
