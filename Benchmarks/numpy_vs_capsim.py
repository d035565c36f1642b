#!/usr/bin/env python3
"""Times capsim (release build, one thread) and a vectorised numpy implementation of the same model side by
side on the `capsim bench` reference workload, and checks that their means agree within Monte Carlo error.

Usage (from the repository root):  python3 Benchmarks/numpy_vs_capsim.py [--trials 10000] [--rounds 2]

Both programs simulate the same trials of the same scenario from the same data/ files; they share no code and
no random streams, so their estimates must agree within a few combined standard errors. Each round runs capsim
then numpy, one after the other, each timed as a whole process (start-up, loading data, simulating, writing
results); the ratio is taken within a round, and the best round of each is reported too, since the machine
may be shared. numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (they may be set on this machine
for other tools) and one thread (OMP/OPENBLAS/MKL_NUM_THREADS=1); capsim with --threads 1.
Exit status 1 if any mean disagrees (|capsim − numpy| > 4 combined standard errors).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CAPSIM = os.path.join(ROOT, ".build", "release", "capsim")
METRICS = ["total_cost", "job_hours_mean"]


def timed(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
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
    numpy_json = os.path.join(work, "numpy.json")
    rounds = []
    for _ in range(args.rounds):
        capsim_seconds, capsim_out = timed([
            CAPSIM, "run", scenario, "--trials", str(args.trials), "--threads", "1", "--no-save",
            "--format", "json", "--db", database, "--quiet"])
        numpy_seconds, _ = timed([
            sys.executable, os.path.join(ROOT, "Benchmarks", "numpy", "reference_model.py"), "--trials",
            str(args.trials), "--json", numpy_json], env=numpy_env)
        rounds.append((capsim_seconds, numpy_seconds))
    capsim_result = json.loads(capsim_out)
    with open(numpy_json) as handle:
        numpy_result = json.load(handle)
    jobs = sum(option["jobs"] for option in numpy_result["options"].values())
    print(f"reference workload: {args.trials} trials, 3 options, about {jobs:,.0f} simulated jobs per program")
    print("round  capsim (s)  numpy (s)  numpy/capsim")
    for index, (c, n) in enumerate(rounds, 1):
        print(f"{index:>5}  {c:>10.2f}  {n:>9.2f}  {n / c:>12.2f}")
    best_c, best_n = min(r[0] for r in rounds), min(r[1] for r in rounds)
    print(f" best  {best_c:>10.2f}  {best_n:>9.2f}  {best_n / best_c:>12.2f}")
    print(f"capsim {jobs / best_c / 1e6:.2f} million jobs/s, numpy {jobs / best_n / 1e6:.2f} million jobs/s (one core)")
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
    print("means agree within 4 combined standard errors: " + ("NO" if failed else "yes"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
