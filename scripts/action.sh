#!/usr/bin/env bash
# The GitHub Action's scan step. Inputs come only from INPUT_* environment variables and are
# passed to kube-harden as separate arguments, never evaluated as shell code.
# One scan writes the SARIF report, the annotations and a JSON report; this script prints the
# annotations (the tool's errors first; at most 10 of each kind, as GitHub shows no more, with a
# notice for the rest that is always among the notices shown), writes the job summary, and sets
# the outputs findings (counted from the SARIF), sarif-file and failed.
set -euo pipefail

bin="${KUBE_HARDEN_BIN:-kube-harden}"
sarif="${INPUT_SARIF_FILE:-kube-harden.sarif}"
fail_on="${INPUT_FAIL_ON:-low}"
category="${INPUT_CATEGORY:-kube-harden}"
out="${GITHUB_OUTPUT:-/dev/null}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"

read -r -a paths <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=(check "${paths[@]}" --sarif-category "$category")
if [ -n "${INPUT_CONFIG:-}" ]; then
  args+=(--config "$INPUT_CONFIG")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
  args+=(--baseline "$INPUT_BASELINE")
fi
if [ "$fail_on" = "never" ]; then
  args+=(--exit-zero)
else
  args+=(--fail-on "$fail_on")
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
annotations="$work/annotations"
report="$work/report.json"
rm -f "$sarif"
set +e
"$bin" "${args[@]}" --output-format "sarif=$sarif" --output-format "github=$annotations" \
  --output-format "json=$report"
code=$?
set -e
# Exit code 2 with a report: some files could not be fully scanned (fail closed); the report is
# still annotated and uploaded, and the job fails. Without a report kube-harden could not run
# (a missing path, a bad config): the job fails and nothing is uploaded, so no alert is closed.
if [ "$code" -ge 2 ] && [ ! -f "$sarif" ]; then
  echo "::error title=kube-harden::kube-harden could not run (exit code $code); see the log above"
  exit "$code"
fi

count() { grep -c "^::$1 " "$annotations" || true; }
errors=$(count error)
warnings=$(count warning)
notices=$(count notice)
hidden=0
[ "$errors" -gt 10 ] && hidden=$((hidden + errors - 10))
[ "$warnings" -gt 10 ] && hidden=$((hidden + warnings - 10))
notice_limit=10
if [ "$hidden" -gt 0 ] || [ "$notices" -gt 10 ]; then
  notice_limit=9
  [ "$notices" -gt 9 ] && hidden=$((hidden + notices - 9))
fi
grep "^::error " "$annotations" | head -n 10 || true
grep "^::warning " "$annotations" | head -n 10 || true
if [ "$hidden" -gt 0 ]; then
  echo "::notice title=kube-harden::$hidden more annotations not shown (GitHub shows 10 of each kind per step); see the job summary, the SARIF report $sarif or the code scanning alerts"
fi
grep "^::notice " "$annotations" | head -n "$notice_limit" || true

# Findings are the SARIF results without suppressions; the job summary comes from the JSON.
findings=$(python3 "$(dirname "$0")/action_report.py" count "$sarif")
python3 "$(dirname "$0")/action_report.py" summary "$report" "$code" >> "$summary"

failed=false
if [ "$code" -eq 1 ]; then
  failed=true
fi
if [ "$code" -ge 2 ]; then
  echo "::error title=kube-harden::some files could not be fully scanned (see the kube-harden diagnostics); the run fails closed"
  failed=true
fi
{
  echo "findings=$findings"
  echo "sarif-file=$sarif"
  echo "failed=$failed"
} >> "$out"
echo "kube-harden: $findings findings; SARIF written to $sarif"
