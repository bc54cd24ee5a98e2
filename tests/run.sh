#!/usr/bin/env bash
# Runs every test of CarteValoise on a fresh machine that has the .NET SDK: installs what the
# tests need (Debian's Chromium for the browser tests), builds the solution once, runs the test
# projects one after the other, and exits non-zero on any failure or if no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

install_debian_packages() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
install_debian_packages chromium fonts-dejavu-core poppler-utils postgresql

# One PostgreSQL server for the cluster tests, on loopback; each test makes its own database.
# Its data directory is under /tmp: the postgres user it runs as may not reach into the checkout.
postgres_data=$(mktemp -d /tmp/cartevaloise-pg.XXXXXX)
export CARTEVALOISE_TEST_POSTGRES
CARTEVALOISE_TEST_POSTGRES=$(tests/postgres.sh start "$postgres_data" "${CARTEVALOISE_TEST_POSTGRES_PORT:-55432}")
export CARTEVALOISE_TEST_POSTGRES_DATA="$postgres_data"
trap 'tests/postgres.sh stop "$postgres_data"; rm -rf "$postgres_data"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== building ($configuration)"
dotnet build CarteValoise.sln -c "$configuration" -nologo -clp:ErrorsOnly

# Unit and grain tests first (fast), then the tests that start whole processes.
projects=(
  tests/CarteValoise.Domain.Tests
  tests/CarteValoise.Grains.Tests
  tests/CarteValoise.Cloud.Tests
  tests/CarteValoise.Edge.Tests
  tests/CarteValoise.EndToEnd.Tests
)
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project")
  echo "== $name"
  set +e
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" 2>&1 | tee "$results/$name.log" \
    | { grep --line-buffered -E "^\s+(Passed|Failed|Skipped) |^\s+(Passed|Failed|Skipped|Total tests): |error |Error Message" || true; }
  code=${PIPESTATUS[0]}
  set -e
  if [ "$code" -ne 0 ]; then
    echo "== $name FAILED (exit $code): full output in artifacts/test-results/$name.log"
    status=1
  fi
done

# One closing line for the whole run, summed over the projects' own summaries
# ("Total tests: 27" followed by "     Passed: 27", "     Failed: 0", "    Skipped: 0").
read -r passed failed skipped < <(cat "$results"/*.log | awk '
  /^ +Passed: +[0-9]+ *$/  { p += $2 }
  /^ +Failed: +[0-9]+ *$/  { f += $2 }
  /^ +Skipped: +[0-9]+ *$/ { s += $2 }
  END { print p + 0, f + 0, s + 0 }')
# The failures again at the end, where a reader of CI's tail finds them.
if [ "$failed" -ne 0 ]; then
  echo "== failed tests"
  cat "$results"/*.log | grep -E -A 12 "^\s+Failed [A-Za-z]" | cut -c1-400 | head -120 || true
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ]; then status=1; fi
exit $status
