#!/bin/bash
# Compares two capsim binaries' user time on the reference scenario, run at the same time, one on each of
# two cores, swapping cores every round, so that both see the same machine speed (on a shared machine
# whose speed drifts, runs one after the other can differ by ±30% for the same work). Prints each round's
# ratio A/B and their median; checks that both gave the same JSON.
#
# usage: Benchmarks/ab_paired.sh OLD-BINARY NEW-BINARY [ROUNDS (8)] [TRIALS (2000)]
# (needs two cores and taskset; the scenario is `capsim bench --print-scenario`)
set -euo pipefail
A=$1; B=$2; ROUNDS=${3:-8}; TRIALS=${4:-2000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$A" bench --print-scenario > "$work/ref.yaml"
run() { # core binary label
  /usr/bin/time -f "$3 %U" -a -o "$work/times" taskset -c "$1" "$2" run "$work/ref.yaml" \
    --trials "$TRIALS" --threads 1 --no-save --quiet --format json > "$work/$3.json"
}
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then run 0 "$A" A & run 1 "$B" B & else run 1 "$A" A & run 0 "$B" B & fi
  wait
done
python3 - "$work/times" <<'PY'
import statistics, sys
times = {"A": [], "B": []}
for line in open(sys.argv[1]):
    label, seconds = line.split()
    times[label].append(float(seconds))
ratios = [a / b for a, b in zip(times["A"], times["B"])]
print("user s, A:", times["A"])
print("user s, B:", times["B"])
print("A/B per round:", [round(r, 3) for r in ratios], "median", round(statistics.median(ratios), 3))
PY
cmp -s "$work/A.json" "$work/B.json" && echo "outputs identical" || echo "outputs differ"
