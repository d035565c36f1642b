#!/usr/bin/env python3
"""The `capsim bench` reference workload in vectorised numpy, written independently of reference_model.py.

Provenance: written on 2026-12-08 by a second engineer from docs/model.md, docs/costs.md and data/ alone, without
seeing reference_model.py or capsim's source, as an outside reviewer would check the speed claim; then tuned for
about an hour as a data scientist would (loops run only over the jobs that an interruption or a contention
episode reaches, and arrivals are one Poisson process over the horizon, which has the same distribution as
Poisson counts a month with uniform times inside each month). Its first, untuned version (every job through the
interruption and contention loops) ran about 5.2-5.5 times capsim's CPU time; this one about 3.2 times. It
computes only what the comparison needs (each option's mean total cost and mean job time with their standard
errors), not capsim's quantiles, monthly series or time by cause.

Per trial: 12 months of Poisson(200) arrivals; three options:
  shared-stragglers : on-demand, per-worker step times with 8-GPU stragglers (CLT over 72,000 steps),
                      contention (uniform slowdown), failures with Daly checkpointing, drawn queue wait
  spot              : spot, run-level step time, contention (fixed slowdown), preemptions+failures,
                      Daly checkpointing, fatal failures with reruns
  bare-metal-queued : 8 committed nodes, FCFS queue, failures with Daly checkpointing

Usage: independent_model.py [--trials N] [--seed S] [--batch B] [--json OUT]
"""
import argparse
import json
import math
import os
import sys

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
HOURS_PER_MONTH = 730.0


def load_samples(name):
    vals = []
    with open(os.path.join(DATA, "samples", name + ".csv")) as f:
        header = f.readline().strip().split(",")
        iv = header.index("value")
        for line in f:
            if line.strip():
                vals.append(float(line.split(",")[iv]))
    return np.sort(np.array(vals))


def load_price(name):
    with open(os.path.join(DATA, "prices.csv")) as f:
        header = f.readline().strip().split(",")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split(",")))
            if row["name"] == name:
                hours = {"gpu_hour": 1.0, "instance_hour": 1.0, "node_month": HOURS_PER_MONTH}[row["unit"]]
                g = int(row["gpus_per_unit"])
                return dict(model=row["pricing_model"], per_gpu_hour=float(row["amount"]) / (g * hours),
                            gpus_per_unit=g, min_term=int(row["minimum_term_months"]),
                            setup_fee=float(row["setup_fee"]))
    raise KeyError(name)


# ---------------------------------------------------------------- scenario (ref.yaml, hard-coded)
HORIZON_MONTHS = 12
JOBS_PER_MONTH = 200.0
G = 8
STEPS = 72000
DEADLINE = 36.0
# costs: defaults (no `costs:` section) -> investigations on
INV_THRESHOLD, INV_HOURS, ENG_RATE = 1.5, 4.0, 100.0

OPTIONS = [
    dict(name="shared-stragglers", samples="h100-1gpu-step-time-shared", price="lambda-h100-sxm5-8x-on-demand",
         stragglers=True,
         contention=dict(rate=0.02, mean_dur=2.0, slow=(1.15, 1.5)),
         interruptions=dict(pre=0.0, fail=0.00002, delta=0.1, R=0.25, p=0.0, kmax=0),
         queue_wait="h100-queue-wait-shared"),
    dict(name="spot", samples="h100-8gpu-step-time-spot", price="aws-p5-h100-spot",
         stragglers=False,
         contention=dict(rate=0.02, mean_dur=2.0, slow=(1.3, 1.3)),
         interruptions=dict(pre=0.0003, fail=0.00002, delta=0.1, R=0.25, p=0.01, kmax=2),
         queue_wait=None),
    dict(name="bare-metal-queued", samples="h100-8gpu-step-time-baremetal", price="baremetal-h100-8x-commit-12m",
         stragglers=False, contention=None,
         interruptions=dict(pre=0.0, fail=0.00002, delta=0.1, R=0.25, p=0.0, kmax=0),
         queue_wait=None, nodes=8),
]


def daly_tau(delta, M):
    if delta >= 2 * M:
        return M
    x = delta / (2 * M)
    return math.sqrt(2 * delta * M) * (1 + math.sqrt(x) / 3 + x / 9) - delta


def prepare(opt):
    o = dict(opt)
    x = load_samples(opt["samples"])
    o["x"] = x
    o["price_info"] = load_price(opt["price"])
    if opt["stragglers"]:
        n = x.size
        i = np.arange(1, n + 1)
        w = (i / n) ** G - ((i - 1) / n) ** G          # P(max of G = x_(i)), exact for bootstrap
        mG = float(np.sum(w * x))
        vG = float(np.sum(w * (x - mG) ** 2))
        o["mG"], o["vG"] = mG, vG
        o["expected_compute"] = STEPS * mG / 3600.0
    else:
        o["expected_compute"] = STEPS * float(x.mean()) / 3600.0
    it = opt["interruptions"]
    if it is not None:
        lam = G * (it["pre"] + it["fail"])
        M = 1.0 / lam if lam > 0 else math.inf
        o["M"] = M
        o["tau"] = daly_tau(it["delta"], M) if M < math.inf else math.inf
    if opt["queue_wait"]:
        o["qw"] = load_samples(opt["queue_wait"]) / 3600.0
    return o


# ---------------------------------------------------------------- mechanisms (vectorised over jobs)
def compute_time(rng, o, n):
    x = o["x"]
    if o["stragglers"]:
        S = float(max(1, round(STEPS)))
        z = rng.standard_normal(n)
        return np.maximum(0.0, S * o["mG"] + math.sqrt(S * o["vG"]) * z) / 3600.0
    idx = (rng.random(n) * x.size).astype(np.int64)
    return x[idx] * (STEPS / 3600.0)


def attempt_wall(rng, work, tau, delta, R, M, final_checkpoint):
    """Wall time of one attempt of `work` hours of work with checkpoints every tau hours of work
    (delta hours each), exponential interruptions of mean M losing everything since the last
    completed checkpoint, restarts of R hours (an interruption during a restart restarts it).
    final_checkpoint: the attempt ends with a checkpoint (a complete attempt) or not (an attempt cut
    by a fatal failure at that point of its work)."""
    n = work.size
    if math.isfinite(tau):
        q = work / tau
        seg = np.maximum(np.ceil(q * (1 - 1e-9)), 1.0)   # within 1e-9 (relative) of an integer -> that integer
    else:
        seg = np.ones(n)
    ncp = seg if final_checkpoint else seg - 1.0     # checkpoints in the attempt
    wall = work + ncp * delta                        # no interruption
    if not math.isfinite(M):
        return wall
    E = rng.exponential(M, n)                        # time to the first interruption
    idx = np.nonzero(E < wall)[0]                    # interrupted jobs only (a few percent)
    E = E[idx]
    w, c = work[idx], ncp[idx]
    pos = np.zeros(idx.size)                         # completed (checkpointed) segments
    acc = np.zeros(idx.size)                         # wall time so far
    sub = np.arange(idx.size)
    while sub.size:
        pos[sub] += np.floor(E / (tau + delta))
        acc[sub] += E
        # restart, possibly interrupted
        E = rng.exponential(M, sub.size)
        short = E < R
        while short.any():
            j = np.nonzero(short)[0]
            acc[sub[j]] += E[j]
            E[j] = rng.exponential(M, j.size)
            short = E < R
        acc[sub] += R
        E = E - R
        rem = (w[sub] - pos[sub] * tau) + (c[sub] - pos[sub]) * delta
        done = E >= rem
        acc[sub[done]] += rem[done]
        sub, E = sub[~done], E[~done]
    wall[idx] = acc
    return wall


def interruptions_and_reruns(rng, o, Tc):
    """Step 3: wall time incl. checkpoints, lost work, restarts and rerun waste; failed flag."""
    it = o["interruptions"]
    if it is None:
        return Tc, np.zeros(Tc.size, bool)
    tau, delta, R, M, p, kmax = o["tau"], it["delta"], it["R"], o["M"], it["p"], it["kmax"]
    n = Tc.size
    wall = attempt_wall(rng, Tc, tau, delta, R, M, final_checkpoint=True)   # the completing attempt
    failed = np.zeros(n, bool)
    if p > 0:
        # attempts ended by a fatal failure before the completing one (at most kmax + 1 in a row)
        alive = np.nonzero(rng.random(n) < p)[0]
        waste = np.zeros(alive.size)
        sub = np.arange(alive.size)
        for a in range(kmax + 1):
            if a > 0:
                sub = sub[rng.random(sub.size) < p]
            if sub.size == 0:
                break
            cut = rng.random(sub.size) * Tc[alive[sub]]
            waste[sub] += attempt_wall(rng, cut, tau, delta, R, M, final_checkpoint=False)
        # jobs whose last allowed attempt also failed: no completing attempt
        failed[alive[sub]] = True
        wall[alive[sub]] = 0.0
        wall[alive] += waste
    return wall, failed


def contention(rng, o, W):
    """Alternating renewal process (uncontended Exp(r) wall hours / episodes Exp(mean E[D]) wall hours
    at slowdown s), stationary start, stretching the work W (hours)."""
    c = o["contention"]
    if c is None or c["rate"] == 0:
        return W
    r, ED = c["rate"], c["mean_dur"]
    lo, hi = c["slow"]
    n = W.size
    pi = r * ED / (1 + r * ED)
    # first phase for every job; most jobs finish in their first uncontended period
    ep = rng.random(n) < pi
    L = rng.standard_exponential(n)
    L *= (1.0 / r)
    fin = (L >= W) & ~ep
    out = W.copy()
    idx = np.nonzero(~fin)[0]
    w = W[idx]
    ep = ep[idx]
    L = L[idx]
    L[ep] *= r * ED                                # episode length instead of a gap
    t = np.zeros(idx.size)
    first = True
    while idx.size:
        if not first:
            L = rng.standard_exponential(idx.size) * np.where(ep, ED, 1.0 / r)
        first = False
        s = np.ones(idx.size)
        ne = int(ep.sum())
        s[ep] = lo + (hi - lo) * rng.random(ne) if hi > lo else lo
        work = L / s
        f = work >= w
        t += np.where(f, w * s, L)
        out[idx[f]] = t[f]
        keep = ~f
        idx, w, t, ep = idx[keep], (w - work)[keep], t[keep], ~ep[keep]
    return out


def fcfs_waits(arr2d, run2d, nodes):
    """arr2d, run2d: (J, T) arrival times (padded with +big) and run times, jobs in arrival order.
    One node per job, strict FCFS: start = max(arrival, earliest free node). Returns waits (J, T)."""
    J, T = arr2d.shape
    free = np.zeros((T, nodes))
    rows = np.arange(T)
    wait = np.empty((J, T))
    for j in range(J):
        k = free.argmin(axis=1)
        f = free[rows, k]
        a = arr2d[j]
        st = np.maximum(a, f)
        free[rows, k] = st + run2d[j]
        wait[j] = st - a
    return wait


# ---------------------------------------------------------------- one batch of trials
def arrivals(rng, T):
    """Monthly Poisson counts with sorted uniform times in each month == a homogeneous Poisson process
    of rate jobs_per_month/730 on [0, H]. Generated as cumulative exponential gaps, shape (J, T)."""
    H = HOURS_PER_MONTH * HORIZON_MONTHS
    lam = JOBS_PER_MONTH * HORIZON_MONTHS
    J = int(lam + 8 * math.sqrt(lam) + 10)
    gaps = rng.exponential(HOURS_PER_MONTH / JOBS_PER_MONTH, (J, T))
    a = np.cumsum(gaps, axis=0)
    while (a[-1] < H).any():          # practically never
        more = np.cumsum(rng.exponential(HOURS_PER_MONTH / JOBS_PER_MONTH, (J // 4, T)), axis=0) + a[-1]
        a = np.vstack([a, more])
    inside = a < H
    counts = inside.sum(axis=0)
    Jmax = int(counts.max())
    return a[:Jmax], inside[:Jmax], counts


def simulate_batch(rng, opts, T):
    arr, inside, counts = arrivals(rng, T)
    ntot = int(counts.sum())
    # flat job arrays are in (trial, job) order; build trial index
    tid = np.repeat(np.arange(T), counts)
    res = {}
    for o in opts:
        Tc = compute_time(rng, o, ntot)
        W, failed = interruptions_and_reruns(rng, o, Tc)
        W = contention(rng, o, W)
        pi = o["price_info"]
        inv = (W > INV_THRESHOLD * o["expected_compute"]) * (INV_HOURS * ENG_RATE)
        if pi["model"] in ("on_demand", "spot"):
            wait = o["qw"][(rng.random(ntot) * o["qw"].size).astype(np.int64)] if "qw" in o else 0.0
            billed = np.ceil(W * 3600.0) / 3600.0
            job_cost = (G * pi["per_gpu_hour"]) * billed + inv
            fixed = 0.0
        else:
            # committed: FCFS on the nodes; jobs laid out (J, T) in arrival order
            run2d = np.zeros(inside.T.shape)           # (T, Jmax)
            run2d[inside.T] = W
            arr2d = np.where(inside, arr, 1e12)
            wait2d = fcfs_waits(arr2d, np.ascontiguousarray(run2d.T), o["nodes"])
            wait = wait2d.T[inside.T]
            job_cost = inv
            units = o["nodes"]
            extra = max(0, pi["min_term"] - HORIZON_MONTHS)
            fixed = (units * pi["gpus_per_unit"] * pi["per_gpu_hour"] * HOURS_PER_MONTH * (HORIZON_MONTHS + extra)
                     + units * pi["setup_fee"])
        job_hours = W + wait
        cost_t = np.bincount(tid, weights=job_cost, minlength=T) + fixed
        hours_t = np.bincount(tid, weights=job_hours, minlength=T)
        res[o["name"]] = (cost_t, hours_t)
    return res, counts



def summarise(cost, hours, jobs):
    n = cost.size
    mc = cost.mean()
    se_c = cost.std(ddof=1) / math.sqrt(n)
    R = hours.sum() / jobs.sum()
    se_r = math.sqrt(np.sum((hours - R * jobs) ** 2) / (n * (n - 1))) / jobs.mean()
    return dict(total_cost=mc, total_cost_se=se_c, job_hours_mean=R, job_hours_se=se_r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--batch", type=int, default=250)
    ap.add_argument("--json", help="write the results here, in reference_model.py's format")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)           # PCG64
    opts = [prepare(o) for o in OPTIONS]
    acc = {o["name"]: ([], []) for o in opts}
    jobs = []
    done = 0
    while done < args.trials:
        T = min(args.batch, args.trials - done)
        res, counts = simulate_batch(rng, opts, T)
        jobs.append(counts)
        for k, (c, h) in res.items():
            acc[k][0].append(c)
            acc[k][1].append(h)
        done += T
    jobs = np.concatenate(jobs).astype(float)
    out = {"trials": args.trials, "options": {}}
    for k, (c, h) in acc.items():
        s = summarise(np.concatenate(c), np.concatenate(h), jobs)
        out["options"][k] = {"total_cost": [s["total_cost"], s["total_cost_se"]],
                             "job_hours_mean": [s["job_hours_mean"], s["job_hours_se"]],
                             "jobs": float(jobs.sum())}
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(out, handle, indent=1)
    else:
        json.dump(out, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()
