#!/usr/bin/env python3
"""Times capsim (release build, one thread) and two vectorised numpy implementations of the same model side by
side on the `capsim bench` reference workload, and checks that their means agree within Monte Carlo error.

Usage (from the repository root):
  python3 Benchmarks/numpy_vs_capsim.py [--trials 10000] [--rounds 2] [--model reference|independent|both]

The numpy models (Benchmarks/numpy/): `reference_model.py`, written with capsim's engine in view, and
`independent_model.py`, written by another engineer from the docs alone and then tuned (the faster of the two;
see its header). All programs simulate the same trials of the same scenario from the same data/ files; they
share no code and no random streams, so their estimates must agree within a few combined standard errors. Each
round runs capsim then each numpy model, one after the other, each timed as a whole process (start-up, loading
data, simulating, writing results), by wall clock and by CPU time (user + system, from getrusage: the fairer
measure on a shared machine, where wall clock also counts time spent waiting for a core); ratios are taken within
a round, and the best round of each is reported too. numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset
(they may be set on this machine for other tools) and one thread (OMP/OPENBLAS/MKL_NUM_THREADS=1); capsim with
--threads 1.
Exit status 1 if any mean disagrees (|capsim − numpy| > 4 combined standard errors).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CAPSIM = os.path.join(ROOT, ".build", "release", "capsim")
METRICS = ["total_cost", "job_hours_mean"]


def timed(command, env=None):
    """Runs `command`; returns its wall-clock seconds, its CPU seconds (user + system) and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, cpu, result.stdout


MODELS = {"reference": "reference_model.py", "independent": "independent_model.py"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", choices=["reference", "independent", "both"], default="both")
    args = parser.parse_args()
    models = list(MODELS) if args.model == "both" else [args.model]
    subprocess.run(["swift", "build", "-c", "release", "--product", "capsim"], cwd=ROOT, check=True,
                   capture_output=True)
    work = tempfile.mkdtemp(prefix="capsim-numpy-")
    scenario = os.path.join(work, "reference.yaml")
    with open(scenario, "w") as handle:
        handle.write(subprocess.run([CAPSIM, "bench", "--print-scenario"], capture_output=True, text=True,
                                    check=True).stdout)
    database = os.path.join(work, "capsim.sqlite")
    subprocess.run([CAPSIM, "data", "list", "--db", database], capture_output=True, check=True)
    numpy_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    numpy_env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    rounds = {model: [] for model in models}
    for _ in range(args.rounds):
        capsim_seconds, capsim_cpu, capsim_out = timed([
            CAPSIM, "run", scenario, "--trials", str(args.trials), "--threads", "1", "--no-save",
            "--format", "json", "--db", database, "--quiet"])
        for model in models:
            numpy_seconds, numpy_cpu, _ = timed([
                sys.executable, os.path.join(ROOT, "Benchmarks", "numpy", MODELS[model]), "--trials",
                str(args.trials), "--json", os.path.join(work, model + ".json")], env=numpy_env)
            rounds[model].append((capsim_seconds, numpy_seconds, capsim_cpu, numpy_cpu))
    capsim_result = json.loads(capsim_out)
    failed = False
    for model in models:
        with open(os.path.join(work, model + ".json")) as handle:
            numpy_result = json.load(handle)
        failed |= report(model, args.trials, rounds[model], capsim_result, numpy_result)
    print("means agree within 4 combined standard errors: " + ("NO" if failed else "yes"))
    sys.exit(1 if failed else 0)


def report(model, trials, rounds, capsim_result, numpy_result):
    """Prints one numpy model's timings and agreement; returns whether any mean disagrees."""
    jobs = sum(option["jobs"] for option in numpy_result["options"].values())
    print(f"numpy model: {MODELS[model]}")
    print(f"reference workload: {trials} trials, 3 options, about {jobs:,.0f} simulated jobs per program")
    print("         wall clock (s)                     CPU time, user + system (s)")
    print("round    capsim     numpy  numpy/capsim     capsim     numpy  numpy/capsim")
    for index, (c, n, cc, nc) in enumerate(rounds, 1):
        print(f"{index:>5}  {c:>8.2f}  {n:>8.2f}  {n / c:>12.2f}   {cc:>8.2f}  {nc:>8.2f}  {nc / cc:>12.2f}")
    best = [min(r[i] for r in rounds) for i in range(4)]
    print(f" best  {best[0]:>8.2f}  {best[1]:>8.2f}  {best[1] / best[0]:>12.2f}   {best[2]:>8.2f}  {best[3]:>8.2f}"
          f"  {best[3] / best[2]:>12.2f}")
    print(f"capsim {jobs / best[2] / 1e6:.2f} million jobs per CPU-second, numpy {jobs / best[3] / 1e6:.2f} (one core)")
    print()
    print("option               metric            capsim (± SE)               numpy (± SE)               z")
    failed = False
    for option in capsim_result["options"]:
        name = option["name"]
        for key in METRICS:
            metric = option["metrics"][key]
            value, se = numpy_result["options"][name][key]
            combined = (metric["standard_error"] ** 2 + se ** 2) ** 0.5
            z = (metric["value"] - value) / combined if combined > 0 else 0.0
            failed |= abs(z) > 4
            print(f"{name:<20} {key:<16} {metric['value']:>14,.3f} ± {metric['standard_error']:<9,.3f} "
                  f"{value:>14,.3f} ± {se:<9,.3f} {z:>6.2f}")
    print()
    return failed


if __name__ == "__main__":
    main()
