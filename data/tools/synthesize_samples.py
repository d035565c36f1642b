#!/usr/bin/env python3
"""Synthesise capsim's bundled default sample sets (data/samples/*.csv).

NONE OF THESE VALUES IS A MEASUREMENT. They are drawn from documented,
seeded distributions whose parameters are matched to published figures
(see data/README.md for every parameter and its source). Replace them with
real measurements with `capsim import samples <file.csv>`.

Usage:
    python3 data/tools/synthesize_samples.py            # rewrite data/samples/, print summary
    python3 data/tools/synthesize_samples.py --check    # regenerate in memory, compare with files

Determinism: every set has its own fixed seed for numpy.random.default_rng
(PCG64); timestamps are a fixed arithmetic grid over 2026-03-01..2026-03-31;
values are written with 6 significant digits in positional notation. Running
the script twice produces byte-identical files (verified with numpy 2.4; NEP 19
allows Generator streams to change between numpy feature releases, so check
with --check after upgrading numpy).

Model (all step/job values are multiples of a bare-metal reference):
  * bare metal:  reference * (floor + LogNormal(ln(median - floor), sigma)),
    a shifted lognormal: a hard floor (the fastest the node can go) plus a
    right-skewed jitter. The team's own GPUs are the same on every run, so
    GPU-to-GPU variation is a constant folded into the reference median.
  * shared:      reference * V * max_g(G_g) * R * C
      V    virtualisation overhead (constant)
      G_g  per-GPU speed factor of the g-th GPU the run was placed on,
           LogNormal(0, sigma_gpu): each run lands on different fleet GPUs,
           so the GPU-to-GPU spread of Sinha et al. becomes run-to-run spread;
           a synchronous data-parallel step waits for the slowest GPU (max).
      R    run-level jitter LogNormal(0, sigma_run) (placement, host, network)
      C    contention: 1, or the largest slowdown among the contention events
           that hit the run; a node-level event with probability p_node and an
           event on each GPU with probability q_gpu, each slowdown
           Uniform(slow_low, slow_high). P(contended) = 1 - (1-p_node)(1-q_gpu)^k
           for k GPUs, so 8-GPU runs are contended more often than 1-GPU runs.
    The product is clipped below at the bare-metal floor (same hardware class:
    no shared run is faster than the fastest dedicated run).
  * queue wait:  three-component mixture (immediate / short / shortage).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import numpy as np

DATA_DIR = Path(__file__).resolve().parent.parent
SAMPLES_DIR = DATA_DIR / "samples"
HEADER = ["sample_set", "platform", "metric", "unit", "value", "gpu_count", "recorded_at", "run_id"]
START = datetime(2026, 3, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 31 * 86_400 - 1  # 2026-03-01T00:00:00Z .. 2026-03-31T23:59:59Z

# --- Reference values (assumptions, see data/README.md) ---------------------
H100_8GPU_STEP_MEDIAN_S = 1.00  # bare-metal median seconds per step, 8xH100 data-parallel
A100_1GPU_JOB_MEDIAN_S = 45 * 60  # bare-metal median seconds for one small experiment job


# --- Generators ---------------------------------------------------------------
def shifted_lognormal(rng: np.random.Generator, n: int, *, median: float, floor: float, sigma: float) -> np.ndarray:
    """floor + LogNormal(ln(median - floor), sigma); its median is exactly `median`."""
    return floor + np.exp(rng.normal(np.log(median - floor), sigma, n))


@dataclass(frozen=True)
class SharedModel:
    virtualisation: float = 1.01
    sigma_gpu: float = 0.015
    sigma_run: float = 0.025
    p_node: float = 0.06
    q_gpu: float = 0.01
    slow_low: float = 1.15
    slow_high: float = 1.50
    floor: float = 0.95  # the bare-metal floor: no run on the same hardware class is faster

    def factors(self, rng: np.random.Generator, n: int, gpus: int) -> np.ndarray:
        """Run-level slowdown factors relative to the bare-metal reference median."""
        gpu_speed = np.exp(rng.normal(0.0, self.sigma_gpu, (n, gpus))).max(axis=1)
        run_jitter = np.exp(rng.normal(0.0, self.sigma_run, n))
        node_hit = rng.random(n) < self.p_node
        node_slow = np.where(node_hit, rng.uniform(self.slow_low, self.slow_high, n), 1.0)
        gpu_hit = rng.random((n, gpus)) < self.q_gpu
        gpu_slow = np.where(gpu_hit, rng.uniform(self.slow_low, self.slow_high, (n, gpus)), 1.0).max(axis=1)
        raw = self.virtualisation * gpu_speed * run_jitter * np.maximum(node_slow, gpu_slow)
        return np.maximum(raw, self.floor)

    def contended_probability(self, gpus: int) -> float:
        return 1.0 - (1.0 - self.p_node) * (1.0 - self.q_gpu) ** gpus


H100_SHARED = SharedModel()
# A 1-GPU slice shares its host (CPU, memory bandwidth, PCIe, local/network storage) with
# other tenants' VMs, and a whole job also includes data loading and start-up, so the
# contended fraction is higher than for the whole-host 8-GPU VM.
A100_SHARED = SharedModel(virtualisation=1.03, sigma_gpu=0.02, sigma_run=0.028, p_node=0.14, q_gpu=0.01, floor=0.93)


def h100_baremetal_step(rng: np.random.Generator, n: int) -> np.ndarray:
    return shifted_lognormal(rng, n, median=H100_8GPU_STEP_MEDIAN_S, floor=0.95, sigma=0.38)


def h100_shared_step(gpus: int) -> Callable[[np.random.Generator, int], np.ndarray]:
    return lambda rng, n: H100_8GPU_STEP_MEDIAN_S * H100_SHARED.factors(rng, n, gpus)


def a100_baremetal_job(rng: np.random.Generator, n: int) -> np.ndarray:
    return A100_1GPU_JOB_MEDIAN_S * shifted_lognormal(rng, n, median=1.0, floor=0.93, sigma=0.38)


def a100_shared_job(rng: np.random.Generator, n: int) -> np.ndarray:
    return A100_1GPU_JOB_MEDIAN_S * A100_SHARED.factors(rng, n, 1)


def h100_queue_wait(rng: np.random.Generator, n: int) -> np.ndarray:
    """Mixture: 55% immediate (Exp mean 45 s), 35% short (LogNormal median 10 min, sigma 0.9),
    10% capacity shortage (LogNormal median 2.5 h, sigma 0.7)."""
    component = rng.choice(3, size=n, p=[0.55, 0.35, 0.10])
    immediate = rng.exponential(45.0, n)
    short = np.exp(rng.normal(np.log(600.0), 0.9, n))
    shortage = np.exp(rng.normal(np.log(9_000.0), 0.7, n))
    return np.choose(component, [immediate, short, shortage])


@dataclass(frozen=True)
class SampleSetSpec:
    name: str
    platform: str
    metric: str
    gpu_count: int
    count: int
    seed: int
    run_prefix: str
    generate: Callable[[np.random.Generator, int], np.ndarray]


SPECS: list[SampleSetSpec] = [
    SampleSetSpec("h100-8gpu-step-time-baremetal", "baremetal-h100", "step_time", 8, 600, 20260301, "syn-h100-8g-bm", h100_baremetal_step),
    SampleSetSpec("h100-8gpu-step-time-shared", "cloud-h100-shared", "step_time", 8, 600, 20260302, "syn-h100-8g-sh", h100_shared_step(8)),
    SampleSetSpec("h100-8gpu-step-time-spot", "cloud-h100-spot", "step_time", 8, 600, 20260303, "syn-h100-8g-sp", h100_shared_step(8)),
    SampleSetSpec("h100-1gpu-step-time-shared", "cloud-h100-shared", "step_time", 1, 600, 20260304, "syn-h100-1g-sh", h100_shared_step(1)),
    SampleSetSpec("a100-1gpu-job-time-baremetal", "baremetal-a100", "job_time", 1, 800, 20260305, "syn-a100-1g-bm", a100_baremetal_job),
    SampleSetSpec("a100-1gpu-job-time-shared", "cloud-a100-shared", "job_time", 1, 800, 20260306, "syn-a100-1g-sh", a100_shared_job),
    SampleSetSpec("h100-queue-wait-shared", "cloud-h100-shared", "queue_wait", 8, 1000, 20260307, "syn-h100-qw-sh", h100_queue_wait),
]


# --- Output -------------------------------------------------------------------
def format_value(value: float) -> str:
    """Six significant digits, positional notation (never an exponent), no trailing zeros."""
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"refusing to write {value!r}")
    return np.format_float_positional(value, precision=6, unique=False, fractional=False, trim="-")


def timestamp(index: int, count: int) -> str:
    offset = (index * SPAN_SECONDS) // max(count - 1, 1)
    return (START + timedelta(seconds=offset)).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(spec: SampleSetSpec) -> tuple[str, np.ndarray]:
    values = spec.generate(np.random.default_rng(spec.seed), spec.count)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = []
    for i, v in enumerate(values):
        text = format_value(float(v))
        written.append(float(text))
        writer.writerow([spec.name, spec.platform, spec.metric, "s", text, spec.gpu_count,
                         timestamp(i, spec.count), f"{spec.run_prefix}-{i + 1:04d}"])
    return out.getvalue(), np.array(written)


def summary_row(spec: SampleSetSpec, x: np.ndarray) -> str:
    p50, p95, p99 = np.percentile(x, [50, 95, 99])  # Hyndman-Fan type 7 (numpy default)
    cov = x.std(ddof=1) / x.mean()
    return (f"| {spec.name} | {len(x)} | {x.mean():.6g} | {p50:.6g} | {p95:.6g} | {p99:.6g} "
            f"| {100 * cov:.2f}% | {p99 / p50:.3f} | {x.min():.6g} | {x.max():.6g} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files instead of writing")
    args = parser.parse_args()

    SAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    print(f"numpy {np.__version__}; values in seconds; percentiles Hyndman-Fan type 7; CoV = sd(ddof=1)/mean")
    print("| sample set | n | mean | median | p95 | p99 | CoV | p99/p50 | min | max |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    mismatches = 0
    for spec in SPECS:
        text, values = render(spec)
        path = SAMPLES_DIR / f"{spec.name}.csv"
        if args.check:
            if not path.exists() or path.read_text() != text:
                print(f"MISMATCH: {path}", file=sys.stderr)
                mismatches += 1
        else:
            path.write_text(text)
        print(summary_row(spec, values))
    print()
    for label, model, gpus in [("H100 1-GPU", H100_SHARED, 1), ("H100 8-GPU", H100_SHARED, 8), ("A100 1-GPU", A100_SHARED, 1)]:
        print(f"P(contended) {label}: {model.contended_probability(gpus):.4f}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
