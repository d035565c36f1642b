#!/usr/bin/env bash
# Measures how much smoother a sweep is with common random numbers (every point on the scenario's seed) than
# with an independent seed per point: the root-mean-square second difference of the shared option's mean total
# cost along jobs_per_month = 80, 82, …, 100 (200 trials per point). Quoted in docs/what-if.md.
set -euo pipefail
cd "$(dirname "$0")/.."
capsim="${CAPSIM:-.build/debug/capsim}"
export CAPSIM_DB="$(mktemp -d)/capsim.sqlite"
scenario=scenarios/borderline-growing-team.yaml
"$capsim" sweep "$scenario" --trials 200 --vary workload.jobs_per_month=80:100:2 --format csv 2>/dev/null \
  | python3 -c 'import csv, sys; print("\n".join(r["neocloud-on-demand.total_cost"] for r in csv.DictReader(sys.stdin)))' \
  > "$CAPSIM_DB.common"
for step in $(seq 0 10); do
  "$capsim" run "$scenario" --trials 200 --seed $((101 + step)) --set workload.jobs_per_month=$((80 + 2 * step)) \
    --format csv --no-save 2>/dev/null | grep '^[^,]*,neocloud-on-demand,[^,]*,[^,]*,total_cost,' | cut -d, -f8
done > "$CAPSIM_DB.independent"
python3 - "$CAPSIM_DB.common" "$CAPSIM_DB.independent" <<'PY'
import sys
def rms_second_difference(path):
    y = [float(v) for v in open(path).read().split()]
    d = [y[i - 1] - 2 * y[i] + y[i + 1] for i in range(1, len(y) - 1)]
    return (sum(x * x for x in d) / len(d)) ** 0.5
common, independent = (rms_second_difference(p) for p in sys.argv[1:3])
print(f"rms second difference: common seed {common:.1f}, independent seeds {independent:.1f}, "
      f"ratio {independent / common:.0f}")
PY
