#!/usr/bin/env bash
# The reader-box benchmark (issue 3): builds the silo, the reader box and the benchmark in
# Release, then runs the benchmark, which prints a table of figures with the targets beside them
# and `BENCH key=value` lines. It asserts nothing; it takes a few minutes on two cores.
# Flags go to the benchmark (tests/bench.sh --help lists them), e.g.:
#   tests/bench.sh --only b,c                 the two ceilings only
#   tests/bench.sh --saturation-seconds 60    a longer end-to-end run
# The canteen benchmark (issue 4) runs instead with `canteen` first (tests/bench.sh canteen --help):
#   tests/bench.sh canteen                    a large commune's school year through the grains, then
#                                             its month close, its count page's data and the silo's memory
#   tests/bench.sh canteen --children 1000 --families 600 --schools 8    a quick look
# The cluster benchmark (issue 5) runs instead with `cluster` first (tests/bench.sh cluster --help):
#   tests/bench.sh cluster                    the end-to-end part (a) on the embedded default, on one
#                                             silo on PostgreSQL and on three silos on PostgreSQL, side
#                                             by side (about 8 minutes; PostgreSQL of its own through
#                                             tests/postgres.sh, installed from Debian if missing)
#   tests/bench.sh cluster --setups postgres,cluster --saturation-seconds 10 --latency-seconds 10
# The démarches benchmark (issue 7) runs instead with `demarches` first (tests/bench.sh demarches --help):
#   tests/bench.sh demarches                  50,000 requests of one commune, then its queue, searches, export,
#                                             statistics and cold start, through DemarcheDesk and on the grain
#   tests/bench.sh demarches --requests 2000 --calls 5    a quick look
# Not part of tests/run.sh: speed is measured here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration=Release

echo "== building ($configuration)"
dotnet build cloud/CarteValoise.Cloud -c "$configuration" -nologo -clp:ErrorsOnly
dotnet build tests/CarteValoise.Benchmarks -c "$configuration" -nologo -clp:ErrorsOnly

# The benchmark kills the silo and simulators it started when it ends, on Ctrl+C and on SIGTERM;
# forward those to it rather than leaving it behind.
scenario=()
if [[ "${1:-}" == canteen || "${1:-}" == cluster || "${1:-}" == demarches ]]; then scenario=("$1"); shift; fi
dotnet "tests/CarteValoise.Benchmarks/bin/$configuration/net10.0/CarteValoise.Benchmarks.dll" "${scenario[@]}" --configuration "$configuration" "$@" &
bench=$!
trap 'kill -TERM "$bench" 2>/dev/null || true' INT TERM
set +e
wait "$bench"
status=$?
# A signal interrupts the first wait; wait again for the benchmark to finish killing its children.
if kill -0 "$bench" 2>/dev/null; then wait "$bench"; status=$?; fi
exit $status
