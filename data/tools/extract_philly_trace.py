#!/usr/bin/env python3
"""Derive two real sample sets from the Microsoft Philly GPU-cluster trace (Jeon et al., ATC '19).

Usage: python3 data/tools/extract_philly_trace.py PATH/TO/philly.csv

Input: `simulator/traces/philly.csv` of petuum/adaptdl at commit
de25dcc90c350b8ade3a710e437a651a8d2efae6 (branch osdi21-artifact, the Pollux OSDI '21 artifact;
the same file, git blob 6f73f02fb0c3eca7ea40f7031ce45a715463900e, is republished by the Sia
SOSP '23 artifact, siasosp23/artifacts, sia-simulator/traces/philly.csv). It holds one row per job
of the Philly trace (msr-fiddle/philly-traces, cluster_job_log): `timestamp` (submission time,
cluster local time, no zone), `duration` (seconds the job ran, summed over its scheduling
attempts), `num_gpus`, `gpu_time` (= duration x num_gpus) and `cluster` (the virtual cluster).
The script refuses any other file (SHA-256 check) so the output is reproducible.

Selection rule, in file order (row k = k-th data row of philly.csv, 1-based):
  philly-8gpu-job-time-real  every job with num_gpus = 8 (all of them);
  philly-1gpu-job-time-real  every 50th job with num_gpus = 1 (the 50th, 100th, ... such row).
Values are `duration` in seconds, written as integers (the file holds whole seconds). run_id is
`<cluster>-r<k>` so each value can be traced to its source row; recorded_at is empty because the
trace's clock times carry no time zone. Platform `philly-shared`.
"""

import csv
import hashlib
import sys
from pathlib import Path

SOURCE_SHA256 = "ebffb3dd1589bdf4e7bcd74496201c5ded1d557d498ee14f560463f37ec353da"
HEADER = "sample_set,platform,metric,unit,value,gpu_count,recorded_at,run_id"
ONE_GPU_STRIDE = 50

source = Path(sys.argv[1])
digest = hashlib.sha256(source.read_bytes()).hexdigest()
if digest != SOURCE_SHA256:
    sys.exit(f"{source}: SHA-256 {digest} is not the expected {SOURCE_SHA256}")

out = Path(__file__).resolve().parent.parent / "samples"
sets = {"philly-8gpu-job-time-real": [], "philly-1gpu-job-time-real": []}
one_gpu_seen = 0
with source.open(newline="") as handle:
    for k, row in enumerate(csv.DictReader(handle), start=1):
        gpus = int(row["num_gpus"])
        duration = float(row["duration"])
        if duration != int(duration):
            sys.exit(f"row {k}: duration {row['duration']} is not a whole number of seconds")
        if gpus == 8:
            name = "philly-8gpu-job-time-real"
        elif gpus == 1:
            one_gpu_seen += 1
            if one_gpu_seen % ONE_GPU_STRIDE:
                continue
            name = "philly-1gpu-job-time-real"
        else:
            continue
        sets[name].append(
            f"{name},philly-shared,job_time,s,{int(duration)},{gpus},,{row['cluster']}-r{k}")

for name, lines in sets.items():
    (out / f"{name}.csv").write_text("\n".join([HEADER] + lines) + "\n")
    values = sorted(int(line.split(",")[4]) for line in lines)
    print(name, "n", len(values), "median", values[len(values) // 2], "max", values[-1])
