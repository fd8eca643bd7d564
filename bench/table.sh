#!/usr/bin/env bash
# Every figure of docs/BENCHMARKS.md's tables, one scenario after another
# (never two at once: they share the machine). Prints each scenario's Markdown row.
#   bench/table.sh                 # N = 1,000 / 2,500 / 5,000 / 10,000
#   SIZES="1000 2500" bench/table.sh
#   RUNS=3 bench/table.sh          # each target row three times (docs/BENCHMARKS.md takes the median)
set -uo pipefail
cd "$(dirname "$0")/.."
# The solution holds the bench, the gateway and the silo it starts.
dotnet build CafeIA.sln -c Release -v quiet -nologo >/dev/null || exit 1
bench=bench/bin/Release/net10.0/CafeIA.Bench.dll
sizes=${SIZES:-"1000 2500 5000 10000"}
failed=0
runs=${RUNS:-1}
run() {
    echo "## $*"
    dotnet "$bench" "$@" || failed=$((failed + 1))
}
# A target row: RUNS times.
target() {
    for _ in $(seq "$runs"); do "$@"; done
}
target run sessions --sessions 1000 --per-session 12
for scenario in join fanout upvotes votes; do
    for n in $sizes; do
        # Fan-out: 20 rounds, so that its medians (p99, CPU per round) are past the first rounds.
        if [ "$scenario" = fanout ]; then row=(fanout --clients "$n" --rounds 20); else row=("$scenario" --clients "$n"); fi
        if [ "$n" = 10000 ] && [ "$scenario" != upvotes ]; then target run "${row[@]}"; else run "${row[@]}"; fi
    done
done
run votes --clients 10000 --storage postgres
run reactions --clients 1000
target run programme --sessions 1000 --per-session 20
target run spread --clients 20000 --rounds 20
# The session grain in process (bench/Grain): durable ballots per second, and a cold start.
grain=bench/Grain/bin/Release/net10.0/CafeIA.Bench.Grain.dll
run_grain() {
    echo "## grain $*"
    dotnet "$grain" "$@" || failed=$((failed + 1))
}
target run_grain ceiling
target run_grain ceiling --storage postgres
target run_grain coldstart
target run_grain coldstart --storage postgres
echo "$failed scenario runs reported a loss, a double or a failure"
exit $((failed > 0))
