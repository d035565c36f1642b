#!/usr/bin/env python3
"""The `capsim bench` reference workload, written independently in vectorised numpy.

This is the model of docs/model.md as a data scientist would write it with numpy: every job of a batch
of trials is an element of an array, every mechanism is a handful of array operations, and the loops
that remain (interruptions, contention episodes, the first-come-first-served queue) run over the few
jobs still active or over job positions with all trials of a batch at once. It shares no code with
capsim: it reads the same sample sets and prices from data/ and draws from numpy's PCG64, so it agrees
with capsim only in distribution, which Benchmarks/numpy_vs_capsim.py checks (means within Monte Carlo
error).

Reference workload (Sources/capsim/Support/ReferenceBenchmark.swift): 12 months, Poisson(200) jobs a
month, 8 GPUs a job, 72,000 steps, deadline 36 h; three options:
  shared-stragglers: step samples h100-1gpu-step-time-shared with stragglers (slowest of 8, normal
    approximation for 72,000 steps), contention (0.02/h, exponential 2 h episodes, slowdown U(1.15, 1.5),
    stationary start), failures 2e-5 per GPU-h with Daly checkpoints (δ = 0.1 h, R = 0.25 h), queue wait
    bootstrapped from h100-queue-wait-shared, billed per second at the Lambda 8xH100 price;
  spot: h100-8gpu-step-time-spot run-level bootstrap, contention (slowdown 1.3), preemptions 3e-4 and
    failures 2e-5 per GPU-h with Daly checkpoints, reruns with p = 0.01 (at most 2), AWS p5 spot price;
  bare-metal-queued: h100-8gpu-step-time-baremetal, failures as above, 8 committed nodes for 12 months
    (FCFS queue of the trial's Poisson arrivals), commitment and set-up fees.
Hidden costs are capsim's defaults: an investigation (4 h × $100) when a job's wall time exceeds 1.5 × its
expected compute time.

Usage: reference_model.py --trials N --seed S [--json out.json]
"""
import argparse
import csv
import json
import math
import os
import time

import numpy as np

HOURS_PER_MONTH = 730.0
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
MONTHS, JOBS_PER_MONTH, GPUS, STEPS, DEADLINE = 12, 200.0, 8, 72_000, 36.0
INVESTIGATION_COST, INVESTIGATION_THRESHOLD = 4 * 100.0, 1.5


def samples(name):
    with open(os.path.join(ROOT, "data", "samples", name + ".csv")) as handle:
        return np.array([float(row["value"]) for row in csv.DictReader(handle)])


def price(name):
    with open(os.path.join(ROOT, "data", "prices.csv")) as handle:
        row = next(r for r in csv.DictReader(handle) if r["name"] == name)
    amount, gpus = float(row["amount"]), float(row["gpus_per_unit"])
    per_gpu_hour = amount / gpus if row["unit"] == "instance_hour" else amount / gpus / HOURS_PER_MONTH
    return per_gpu_hour, float(row["setup_fee"])


def daly_interval(delta, m):
    """Daly's higher-order optimum checkpoint interval (FGCS 22(3), 2006)."""
    if delta >= 2 * m:
        return m
    ratio = delta / (2 * m)
    return math.sqrt(2 * delta * m) * (1 + math.sqrt(ratio) / 3 + ratio / 9) - delta


def attempt(rng, solve, final_checkpoint, rate, tau, delta, restart):
    """One attempt of Daly's checkpoint/restart process for each job: (checkpoint, lost, restart, count)."""
    n = solve.size
    quotient = solve / tau
    nearest = np.rint(quotient)
    segments = np.where(np.abs(quotient - nearest) <= 1e-9 * np.maximum(1, quotient), nearest, np.ceil(quotient))
    segments = np.maximum(1, segments)
    last = np.where(segments == 1, solve, solve - (segments - 1) * tau) + (delta if final_checkpoint else 0)
    checkpoint = (segments if final_checkpoint else segments - 1) * delta
    lost = np.zeros(n)
    restarting = np.zeros(n)
    count = np.zeros(n, dtype=np.int64)
    if rate == 0:
        return checkpoint, lost, restarting, count
    length = tau + delta
    completed = np.zeros(n)
    clock = rng.exponential(1 / rate, n)
    active = np.arange(n)
    while active.size:
        ahead = segments[active] - 1 - completed[active]
        remaining = np.where(ahead == 0, last[active], ahead * length + last[active])
        hit = clock[active] < remaining
        active, ahead = active[hit], ahead[hit]
        if not active.size:
            break
        count[active] += 1
        skipped = np.where(ahead == 0, 0, np.minimum(np.floor(clock[active] / length), ahead))
        lost[active] += clock[active] - skipped * length
        completed[active] += skipped
        pending = active
        while pending.size:  # restarts until one lasts R
            gap = rng.exponential(1 / rate, pending.size)
            ok = gap >= restart
            restarting[pending[ok]] += restart
            clock[pending[ok]] = gap[ok] - restart
            restarting[pending[~ok]] += gap[~ok]
            count[pending[~ok]] += 1
            pending = pending[~ok]
    return checkpoint, lost, restarting, count


def interruptions(rng, solve, rate, tau, delta, restart, rerun_p, max_reruns):
    """Wall hours and failure flags under interruptions with checkpoints and full reruns."""
    n = solve.size
    wall = np.zeros(n)
    waste = np.zeros(n)
    failed = np.zeros(n, dtype=bool)
    active = np.arange(n)
    for attempt_index in range(max_reruns + 1):
        fatal = rng.random(active.size) < rerun_p if rerun_p > 0 else np.zeros(active.size, dtype=bool)
        ok = active[~fatal]
        c, l, r, _ = attempt(rng, solve[ok], True, rate, tau, delta, restart)
        wall[ok] = solve[ok] + c + l + r + waste[ok]
        crashed = active[fatal]
        if crashed.size:
            crash = solve[crashed] * rng.random(crashed.size)
            c, l, r, _ = attempt(rng, crash, False, rate, tau, delta, restart)
            waste[crashed] += crash + c + l + r
            if attempt_index == max_reruns:
                failed[crashed] = True
                wall[crashed] = waste[crashed]
        active = crashed
        if not active.size:
            break
    return wall, failed


def contention_wall(rng, work, rate, mean_episode, low, high):
    wall = work.copy()
    remaining = work.copy()
    load = rate * mean_episode
    active = np.arange(work.size)
    contended = rng.random(work.size) < load / (1 + load)
    # Start inside an episode (residual of an exponential episode is exponential again).
    index = active[contended]
    keep = np.ones(work.size, dtype=bool)
    if index.size:
        length = rng.exponential(mean_episode, index.size)
        factor = low + (high - low) * rng.random(index.size) if high > low else np.full(index.size, low)
        progress = length / factor
        ends = progress >= remaining[index]
        wall[index[ends]] += remaining[index[ends]] * (factor[ends] - 1)
        keep[index[ends]] = False
        going = index[~ends]
        remaining[going] -= progress[~ends]
        wall[going] += length[~ends] - progress[~ends]
    active = active[keep]
    while active.size:
        gap = rng.exponential(1 / rate, active.size)
        hit = gap < remaining[active]
        active, gap = active[hit], gap[hit]
        if not active.size:
            break
        remaining[active] -= gap
        length = rng.exponential(mean_episode, active.size)
        factor = low + (high - low) * rng.random(active.size) if high > low else np.full(active.size, low)
        progress = length / factor
        ends = progress >= remaining[active]
        wall[active[ends]] += remaining[active[ends]] * (factor[ends] - 1)
        going = ~ends
        remaining[active[going]] -= progress[going]
        wall[active[going]] += length[going] - progress[going]
        active = active[going]
    return wall


def fcfs_waits(arrivals, services, valid, servers):
    """First-come-first-served waits on `servers` identical nodes, all trials of a batch at once.

    arrivals, services: (trials, max jobs) arrays sorted by arrival within each trial; valid masks padding.
    """
    trials, jobs = arrivals.shape
    free = np.zeros((trials, servers))
    waits = np.zeros((trials, jobs))
    rows = np.arange(trials)
    for j in range(jobs):
        node = np.argmin(free, axis=1)
        earliest = free[rows, node]
        start = np.maximum(arrivals[:, j], earliest)
        waits[:, j] = np.where(valid[:, j], start - arrivals[:, j], 0)
        free[rows, node] = np.where(valid[:, j], start + services[:, j], earliest)
    return waits


def simulate(trials, seed, batch=500):
    rng = np.random.default_rng(seed)
    shared_steps = np.sort(samples("h100-1gpu-step-time-shared"))
    spot_steps = samples("h100-8gpu-step-time-spot")
    metal_steps = samples("h100-8gpu-step-time-baremetal")
    queue_wait = samples("h100-queue-wait-shared")
    lambda_rate, _ = price("lambda-h100-sxm5-8x-on-demand")
    spot_rate, _ = price("aws-p5-h100-spot")
    metal_rate, metal_setup = price("baremetal-h100-8x-commit-12m")
    # Slowest of G workers from a sample set: P(M = x(i)) = (i/n)^G − ((i−1)/n)^G (David & Nagaraja 2003).
    n = shared_steps.size
    i = np.arange(1, n + 1)
    weights = (i / n) ** GPUS - ((i - 1) / n) ** GPUS
    max_mean = np.sum(weights * shared_steps)
    max_var = np.sum(weights * (shared_steps - max_mean) ** 2)
    straggler_free = STEPS * shared_steps.mean() / 3600
    expected = {
        "shared-stragglers": STEPS * max_mean / 3600,
        "spot": STEPS * spot_steps.mean() / 3600,
        "bare-metal-queued": STEPS * metal_steps.mean() / 3600,
    }
    failures, preemptions = 0.00002, 0.0003
    rate_fail = GPUS * failures
    rate_spot = GPUS * (failures + preemptions)
    tau_fail = daly_interval(0.1, 1 / rate_fail)
    tau_spot = daly_interval(0.1, 1 / rate_spot)
    names = ["shared-stragglers", "spot", "bare-metal-queued"]
    per_trial = {name: {"cost": [], "completion": [], "jobs": []} for name in names}
    done = 0
    while done < trials:
        b = min(batch, trials - done)
        done += b
        counts = rng.poisson(JOBS_PER_MONTH, (b, MONTHS))
        jobs = counts.sum(axis=1)
        total = int(jobs.sum())
        trial_of_job = np.repeat(np.arange(b), jobs)

        def bill(wall, rate):
            return np.ceil(wall * 3600) / 3600 * GPUS * rate

        def add(name, cost_per_job, completion, fixed=0.0):
            cost = np.bincount(trial_of_job, cost_per_job, minlength=b) + fixed
            per_trial[name]["cost"].append(cost)
            per_trial[name]["completion"].append(np.bincount(trial_of_job, completion, minlength=b))
            per_trial[name]["jobs"].append(jobs)

        # shared-stragglers
        compute = np.maximum(0, STEPS * max_mean + math.sqrt(STEPS * max_var) * rng.standard_normal(total)) / 3600
        wall, _ = interruptions(rng, compute, rate_fail, tau_fail, 0.1, 0.25, 0.0, 0)
        wall = contention_wall(rng, wall, 0.02, 2.0, 1.15, 1.5)
        wait = queue_wait[rng.integers(0, queue_wait.size, total)] / 3600
        investigated = wall > INVESTIGATION_THRESHOLD * expected["shared-stragglers"]
        add("shared-stragglers", bill(wall, lambda_rate) + INVESTIGATION_COST * investigated, wait + wall)
        # spot
        compute = STEPS * spot_steps[rng.integers(0, spot_steps.size, total)] / 3600
        wall, _ = interruptions(rng, compute, rate_spot, tau_spot, 0.1, 0.25, 0.01, 2)
        wall = contention_wall(rng, wall, 0.02, 2.0, 1.3, 1.3)
        investigated = wall > INVESTIGATION_THRESHOLD * expected["spot"]
        add("spot", bill(wall, spot_rate) + INVESTIGATION_COST * investigated, wall)
        # bare-metal-queued: Poisson arrival times (uniform within each month, sorted), FCFS on 8 nodes.
        compute = STEPS * metal_steps[rng.integers(0, metal_steps.size, total)] / 3600
        wall, _ = interruptions(rng, compute, rate_fail, tau_fail, 0.1, 0.25, 0.0, 0)
        month_of_job = np.concatenate([np.repeat(np.arange(MONTHS), c) for c in counts])
        arrival = (month_of_job + rng.random(total)) * HOURS_PER_MONTH
        order = np.lexsort((arrival, trial_of_job))
        arrival, wall = arrival[order], wall[order]
        width = int(jobs.max())
        position = np.arange(total) - np.repeat(np.cumsum(jobs) - jobs, jobs)
        grid_arrival = np.full((b, width), np.inf)
        grid_service = np.zeros((b, width))
        grid_arrival[trial_of_job, position] = arrival
        grid_service[trial_of_job, position] = wall
        valid = np.isfinite(grid_arrival)
        waits = fcfs_waits(np.where(valid, grid_arrival, 0), grid_service, valid, 8)[valid]
        investigated = wall > INVESTIGATION_THRESHOLD * expected["bare-metal-queued"]
        commitment = 8 * GPUS * HOURS_PER_MONTH * MONTHS * metal_rate + 8 * metal_setup
        add("bare-metal-queued", INVESTIGATION_COST * investigated, waits + wall, fixed=commitment)
    result = {}
    for name in names:
        cost = np.concatenate(per_trial[name]["cost"])
        completion = np.concatenate(per_trial[name]["completion"])
        jobs = np.concatenate(per_trial[name]["jobs"]).astype(float)
        ratio = completion.sum() / jobs.sum()
        residual = completion - ratio * jobs
        result[name] = {
            "total_cost": [cost.mean(), cost.std(ddof=1) / math.sqrt(cost.size)],
            "job_hours_mean": [ratio, math.sqrt(np.sum(residual**2) / (cost.size * (cost.size - 1))) / jobs.mean()],
            "jobs": float(jobs.sum()),
        }
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json")
    args = parser.parse_args()
    start = time.perf_counter()
    result = simulate(args.trials, args.seed)
    elapsed = time.perf_counter() - start
    output = {"seconds": elapsed, "trials": args.trials, "options": result}
    text = json.dumps(output, indent=2)
    if args.json:
        with open(args.json, "w") as handle:
            handle.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
