#!/bin/bash
# Compares two capsim binaries' CPU time on the reference scenario by alternating runs on one core: A, B, A,
# B, ... Each run's task-clock (perf stat, milliseconds) is recorded; prints the fastest run, the lower
# quartile and the median of each binary and their ratios A/B. On a shared machine the fastest runs are the
# least disturbed, so the ratio of the minima is the steadiest figure; the quartile and median show how far
# the noise reaches. Checks that both gave the same JSON.
#
# usage: Benchmarks/ab_alternating.sh OLD-BINARY NEW-BINARY [RUNS EACH (16)] [TRIALS (1500)] [SCENARIO]
# (needs perf and taskset; the scenario is `capsim bench --print-scenario` unless SCENARIO is given)
set -euo pipefail
A=$1; B=$2; RUNS=${3:-16}; TRIALS=${4:-1500}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if [ -n "${5:-}" ]; then cp "$5" "$work/ref.yaml"; else "$A" bench --print-scenario > "$work/ref.yaml"; fi
for _ in $(seq "$RUNS"); do
  for label in A B; do
    binary=$A; [ "$label" = B ] && binary=$B
    milliseconds=$(taskset -c 0 perf stat -x, -e task-clock "$binary" run "$work/ref.yaml" \
      --trials "$TRIALS" --threads 1 --no-save --quiet --format json 2>&1 >"$work/$label.json" \
      | grep task-clock | cut -d, -f1)
    echo "$label $milliseconds" >> "$work/times"
  done
done
python3 - "$work/times" <<'PY'
import statistics, sys
times = {"A": [], "B": []}
for line in open(sys.argv[1]):
    label, ms = line.split()
    times[label].append(float(ms))
def quartile(values): return sorted(values)[len(values) // 4]
for label, values in times.items():
    print(f"{label}: fastest {min(values):.1f} ms, lower quartile {quartile(values):.1f}, "
          f"median {statistics.median(values):.1f} ({len(values)} runs)")
a, b = times["A"], times["B"]
print(f"A/B: fastest {min(a) / min(b):.3f}, lower quartile {quartile(a) / quartile(b):.3f}, "
      f"median {statistics.median(a) / statistics.median(b):.3f}")
PY
if cmp -s "$work/A.json" "$work/B.json"; then echo "outputs identical"; else echo "OUTPUTS DIFFER"; fi
