#!/bin/sh
# Every benchmark figure in one command: publishes the bot as a deployment would (ReadyToRun, linux-x64), then runs the
# throughput rows (with the all-free-text row), memory, the sentence model's own cost and the cold starts of the
# published bot. Run it on a quiet machine: other load inflates every wall-clock figure (the CPU figures less so).
# Extra arguments go to the benchmark, e.g. --quick.
set -e
cd "$(dirname "$0")/../.."
published=$(mktemp -d)
trap 'rm -rf "$published"' EXIT
dotnet publish src/FootDrop.Bot -c Release -r linux-x64 --self-contained false -o "$published" > /dev/null
dotnet run -c Release --project tests/FootDrop.Bot.Benchmarks -- --bot-dir "$published" "$@"
