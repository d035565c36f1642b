#!/usr/bin/env bash
# Fuzzes the scenario loader, the engine and every importer for longer than CI does.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [SEED]     (default 600 s, seed 1)
# A crash ends the run; the input that caused it is left in $TMPDIR/capsim-fuzz-current-scenario or
# $TMPDIR/capsim-fuzz-current-import. Add it as a regression row in Tests/CapsimEndToEndTests/BadInputTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
export CAPSIM_FUZZ_SECONDS="${1:-600}"
export CAPSIM_FUZZ_SEED="${2:-1}"
swift test -c release --filter CapsimFuzzTests
