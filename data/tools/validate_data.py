#!/usr/bin/env python3
"""Check capsim's bundled data set: layouts, values, names and provenance.

Usage: python3 data/tools/validate_data.py     (exit status 1 on any error)

Checks: every CSV parses with the exact header; no field contains a comma or a
quote (so a naive splitter and a real CSV parser agree); names are unique;
every value is finite and >= 0; every sample's platform exists in
platforms.csv; every price has a source and a valid YYYY-MM-DD date; every spot
price is below every on-demand price for the same GPU model. Prints each
price normalised to USD per GPU-hour.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from datetime import date, datetime
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent
PLATFORM_HEADER = ["name", "kind", "gpu_model", "provider", "description"]
SAMPLE_HEADER = ["sample_set", "platform", "metric", "unit", "value", "gpu_count", "recorded_at", "run_id"]
PRICE_HEADER = ["name", "provider", "gpu_model", "pricing_model", "amount", "unit", "gpus_per_unit",
                "minimum_term_months", "setup_fee", "currency", "effective_date", "source", "region"]
HOURS = {"gpu_hour": 1.0, "instance_hour": 1.0, "node_month": 730.0}
errors: list[str] = []


def error(path: Path, line: int, message: str) -> None:
    errors.append(f"{path.relative_to(DATA_DIR.parent)}:{line}: error: {message}")


def read(path: Path, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    raw = path.read_text()
    if '"' in raw:
        error(path, 1, "contains a quote character")
    lines = raw.splitlines()
    if not lines or lines[0].split(",") != header:
        error(path, 1, f"header must be {','.join(header)}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if line.count(",") != len(header) - 1:
            error(path, number, f"expected {len(header)} fields, found {line.count(',') + 1}")
            continue
        rows.append((number, dict(zip(header, line.split(",")))))
    # A real CSV parser must agree with the naive split.
    parsed = list(csv.reader(lines))
    if any(len(r) != len(header) for r in parsed):
        error(path, 1, "csv module disagrees with the field count")
    return rows


def number(path: Path, line: int, field: str, text: str, *, positive: bool = False) -> float | None:
    try:
        value = float(text)
    except ValueError:
        error(path, line, f"{field} '{text}' is not a number")
        return None
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        error(path, line, f"{field} is {text}; must be finite and {'> 0' if positive else '>= 0'}")
        return None
    return value


def check_platforms() -> dict[str, dict[str, str]]:
    path = DATA_DIR / "platforms.csv"
    platforms: dict[str, dict[str, str]] = {}
    for line, row in read(path, PLATFORM_HEADER):
        if row["name"] in platforms:
            error(path, line, f"duplicate platform '{row['name']}'")
        if row["kind"] not in ("shared", "dedicated"):
            error(path, line, f"kind '{row['kind']}' must be shared or dedicated")
        if not all(row[k] for k in ("name", "gpu_model", "provider")):
            error(path, line, "name, gpu_model and provider must not be empty")
        platforms[row["name"]] = row
    return platforms


def check_samples(platforms: dict[str, dict[str, str]]) -> None:
    files = sorted((DATA_DIR / "samples").glob("*.csv"))
    if not files:
        errors.append("data/samples: no sample files")
    for path in files:
        rows = read(path, SAMPLE_HEADER)
        run_ids: set[str] = set()
        for line, row in rows:
            if row["sample_set"] != path.stem:
                error(path, line, f"sample_set '{row['sample_set']}' differs from file name '{path.stem}'")
            if row["platform"] not in platforms:
                error(path, line, f"unknown platform '{row['platform']}'")
            if row["metric"] not in ("step_time", "job_time", "queue_wait", "spot_available"):
                error(path, line, f"unknown metric '{row['metric']}'")
            if row["unit"] != "s":
                error(path, line, f"unit '{row['unit']}' (this data set uses seconds only)")
            number(path, line, "value", row["value"])
            if row["gpu_count"] and not re.fullmatch(r"[1-9][0-9]*", row["gpu_count"]):
                error(path, line, f"gpu_count '{row['gpu_count']}' must be a positive integer")
            if row["recorded_at"] and not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["recorded_at"]):
                error(path, line, f"recorded_at '{row['recorded_at']}' is not ISO 8601 UTC")
            if row["run_id"]:
                if row["run_id"] in run_ids:
                    error(path, line, f"duplicate run_id '{row['run_id']}'")
                run_ids.add(row["run_id"])
        # Synthesised sets are drawn with 400-1000 values; real ones (name ending in -real) keep
        # every interval their selection rule gives.
        if not path.stem.endswith("-real") and not 400 <= len(rows) <= 1000:
            error(path, 1, f"{len(rows)} values; expected 400-1000")
        print(f"ok  {path.name}: {len(rows)} values")


def check_prices(platforms: dict[str, dict[str, str]]) -> None:
    path = DATA_DIR / "prices.csv"
    seen: set[str] = set()
    per_gpu_hour: dict[str, tuple[int, str, str, str, float]] = {}
    for line, row in read(path, PRICE_HEADER):
        name = row["name"]
        if name in seen:
            error(path, line, f"duplicate price '{name}'")
        seen.add(name)
        if row["pricing_model"] not in ("on_demand", "spot", "reserved", "bare_metal"):
            error(path, line, f"pricing_model '{row['pricing_model']}'")
        if row["unit"] not in HOURS:
            error(path, line, f"unit '{row['unit']}'")
        amount = number(path, line, "amount", row["amount"])
        gpus = number(path, line, "gpus_per_unit", row["gpus_per_unit"], positive=True)
        number(path, line, "setup_fee", row["setup_fee"])
        if not re.fullmatch(r"[0-9]+", row["minimum_term_months"]):
            error(path, line, "minimum_term_months must be a non-negative integer")
        if row["currency"] != "USD":
            error(path, line, f"currency '{row['currency']}'")
        try:
            if date.fromisoformat(row["effective_date"]) > datetime.now().date():
                error(path, line, "effective_date is in the future")
        except ValueError:
            error(path, line, f"effective_date '{row['effective_date']}' is not YYYY-MM-DD")
        if not row["source"].strip():
            error(path, line, "source is empty")
        if not any(p["gpu_model"] == row["gpu_model"] for p in platforms.values()):
            print(f"note {name}: gpu_model {row['gpu_model']} has no platform (alternative offer)")
        if amount is not None and gpus is not None and row["unit"] in HOURS:
            per_gpu_hour[name] = (line, row["provider"], row["gpu_model"], row["pricing_model"],
                                  amount / (gpus * HOURS[row["unit"]]))
    # Spot must be below the matching on-demand price: the same provider's on-demand rows for
    # the GPU model if it has any, otherwise every on-demand row for the GPU model.
    # (Spot is not always cheaper in the wild: skypilot-org/skypilot#4914.)
    for name, (line, provider, model, kind, spot) in per_gpu_hour.items():
        if kind != "spot":
            continue
        matching = [(o, v) for o, (_, op, om, ok, v) in per_gpu_hour.items() if om == model and ok == "on_demand"]
        same_provider = [(o, v) for o, v in matching if per_gpu_hour[o][1] == provider]
        for other, on_demand in same_provider or matching:
            if not spot < on_demand:
                error(path, line, f"spot '{name}' ({spot:.4f}) is not below on-demand '{other}' ({on_demand:.4f})")
    print("\nUSD per GPU-hour:")
    for name, (_, _, model, kind, value) in per_gpu_hour.items():
        print(f"  {name:40s} {model:16s} {kind:10s} {value:8.4f}")


def main() -> int:
    platforms = check_platforms()
    check_samples(platforms)
    check_prices(platforms)
    for message in errors:
        print(message, file=sys.stderr)
    print(f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
