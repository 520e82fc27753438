#!/usr/bin/env bash
# Runs every test of the solution. Used by developers and by .ci/run alike.
set -euo pipefail
cd "$(dirname "$0")"

results="${TEST_RESULTS_DIR:-TestResults}"
export TEST_RESULTS_DIR="$(cd "$(dirname "$results")" && pwd)/$(basename "$results")"
mkdir -p "$results"
rm -f "$results"/run*.trx
status=0
dotnet test FootDrop.Bot.sln --logger "trx;LogFilePrefix=run" --results-directory "$results" "$@" 2>&1 | tee "$results/test-output.log" || status=$?

# One closing line any CI can read, summed over every test project.
python3 - "$results" <<'PY' || true
import glob, re, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/run*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
