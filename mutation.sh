#!/usr/bin/env bash
# Mutation testing (Stryker.NET, pinned in .config/dotnet-tools.json) of the code that decides who is sent to care:
#   content  src/FootDrop.Content/Triage: RedFlagDetector, TriageEvaluator, Reading/MessageReading, Reading/TimeExpressions
#            and TriageLoader, against tests/FootDrop.Content.Tests (the slow TriageCorpusTests excluded)
#   bot      src/FootDrop.Bot/Dialogs/Triage (symptom check, red-flag dialog, outcomes) against the conversation tests
# Usage: ./mutation.sh [content|bot|all] [extra dotnet-stryker options]   (default: all)
#   one file:       ./mutation.sh content -m "**/Triage/TriageLoader.cs"
#   since a commit: ./mutation.sh content --since:triage-language
# Concurrency is 2 (the configs); on a busy machine pass --concurrency 1.
# Reports: artifacts/mutation/<part>/reports/mutation-report.html (and .json). Not part of .ci/run: see README.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

part="${1:-all}"
[ $# -gt 0 ] && shift

dotnet tool restore >/dev/null

run() {
  local name="$1" tests="$2"
  shift 2
  local out="$root/artifacts/mutation/$name"
  rm -rf "$out"
  echo "== mutation testing: $name (report in artifacts/mutation/$name/reports) =="
  local started=$SECONDS
  (cd "$root/tests/$tests" && dotnet stryker --config-file "$root/tests/mutation/stryker-$name.json" --output "$out" --skip-version-check "$@")
  echo "== $name took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s =="
}

case "$part" in
  content) run content FootDrop.Content.Tests "$@" ;;
  bot) run bot FootDrop.Bot.Tests "$@" ;;
  all) run content FootDrop.Content.Tests "$@"; run bot FootDrop.Bot.Tests "$@" ;;
  *) echo "usage: $0 [content|bot|all] [dotnet-stryker options]" >&2; exit 2 ;;
esac
