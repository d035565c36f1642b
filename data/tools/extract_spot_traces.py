#!/usr/bin/env python3
"""Derive two real sample sets from skypilot-org/spot-traces (Wu et al., NSDI '24).

Usage: python3 data/tools/extract_spot_traces.py PATH/TO/spot-traces   (checkout at commit
221da1ab9bdfe7966da296265d7694d52dc0c5a6)

Input: availability/1-node/aws-02-15-2023/<zone>_v100_1.json for all 9 zones: one p3.2xlarge
(1x V100) spot request probed every `gap_seconds` (195 s) for 45 days from 2023-02-15; each data
point is the number of spot instances available (0 or 1).

Selection rule: in each zone, the maximal runs of consecutive 0s (no spot capacity) and of 1s
(capacity available); the first and the last run of each zone are dropped because the trace
boundaries cut them (censored). A run of k ticks lasts k x 195 s (so durations are multiples of the
probe interval). Writes
  data/samples/aws-v100-spot-wait-real.csv    metric queue_wait: how long no spot V100 could be had
  data/samples/aws-v100-spot-uptime-real.csv  metric spot_available: how long capacity stayed
with run_id = <zone>-<run index in that zone> and recorded_at empty (the trace gives no clock time).
"""

import itertools
import json
import sys
from pathlib import Path

root = Path(sys.argv[1])
folder = root / "availability/1-node/aws-02-15-2023"
out = Path(__file__).resolve().parent.parent / "samples"
header = "sample_set,platform,metric,unit,value,gpu_count,recorded_at,run_id"
rows = {"aws-v100-spot-wait-real": [], "aws-v100-spot-uptime-real": []}
for path in sorted(folder.glob("*_v100_1.json")):
    zone = path.name.split("_")[0]
    trace = json.loads(path.read_text())
    gap = trace["metadata"]["gap_seconds"]
    runs = [(value, len(list(group))) for value, group in itertools.groupby(trace["data"])]
    for index, (value, length) in enumerate(runs[1:-1], start=1):
        name = "aws-v100-spot-uptime-real" if value >= 1 else "aws-v100-spot-wait-real"
        metric = "spot_available" if value >= 1 else "queue_wait"
        rows[name].append(f"{name},aws-v100-spot,{metric},s,{length * gap},1,,{zone}-{index:04d}")
for name, lines in rows.items():
    (out / f"{name}.csv").write_text("\n".join([header] + lines) + "\n")
    values = sorted(int(line.split(",")[4]) for line in lines)
    print(name, "n", len(values), "median", values[len(values) // 2], "max", values[-1])
