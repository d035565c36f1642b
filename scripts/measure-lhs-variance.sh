#!/usr/bin/env bash
# Measures how much Latin hypercube sampling of the uncertain inputs reduces the variance of the mean total
# cost against plain Monte Carlo, on scenarios/uncertain-volume.yaml: the scenario is run with SEEDS seeds
# (default 30) of TRIALS trials (default 200) each way, and the variance of the per-seed mean total cost is
# compared per option. Usage: scripts/measure-lhs-variance.sh [SEEDS] [TRIALS]
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-30}
trials=${2:-200}
capsim=${CAPSIM:-.build/debug/capsim}
database=$(mktemp -d)/capsim.sqlite
for sampling in monte_carlo latin_hypercube; do
  for seed in $(seq 1 "$seeds"); do
    "$capsim" run scenarios/uncertain-volume.yaml --db "$database" --trials "$trials" --seed "$seed" \
      --no-save --quiet --format json --set "uncertainty.sampling=$sampling" |
      python3 -c "import json,sys; d=json.load(sys.stdin); print('$sampling', *[o['name'] + '=' + repr(o['metrics']['total_cost']['value']) for o in d['options']])"
  done
done | python3 -c '
import sys, statistics
values = {}
for line in sys.stdin:
    sampling, *pairs = line.split()
    for pair in pairs:
        name, value = pair.split("=")
        values.setdefault((name, sampling), []).append(float(value))
names = sorted({name for name, _ in values})
for name in names:
    mc = statistics.variance(values[(name, "monte_carlo")])
    lhs = statistics.variance(values[(name, "latin_hypercube")])
    n = len(values[(name, "monte_carlo")])
    print(f"{name}: variance of the mean total cost over {n} seeds: Monte Carlo {mc:.4g}, Latin hypercube {lhs:.4g}, ratio {lhs / mc:.3f}")
'
