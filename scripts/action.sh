#!/usr/bin/env bash
# The GitHub Action's scan step. Inputs come only from INPUT_* environment variables and are
# passed to kube-harden as separate arguments, never evaluated as shell code.
# Writes the SARIF report, prints workflow-command annotations (most severe first, at most 10 of
# each kind as GitHub shows no more, then a notice with the remainder), and sets the outputs
# findings, sarif-file and failed.
set -euo pipefail

bin="${KUBE_HARDEN_BIN:-kube-harden}"
sarif="${INPUT_SARIF_FILE:-kube-harden.sarif}"
fail_on="${INPUT_FAIL_ON:-low}"
out="${GITHUB_OUTPUT:-/dev/null}"

read -r -a paths <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=(check "${paths[@]}")
if [ -n "${INPUT_CONFIG:-}" ]; then
  args+=(--config "$INPUT_CONFIG")
fi
threshold=()
if [ "$fail_on" != "never" ]; then
  threshold=(--fail-on "$fail_on")
fi

rm -f "$sarif"
set +e
"$bin" "${args[@]}" "${threshold[@]}" --format sarif --output "$sarif"
code=$?
set -e
# Exit code 2 with a report: some files could not be fully scanned (fail closed); the report is
# still annotated and uploaded, and the job fails. Without a report kube-harden could not run.
if [ "$code" -ge 2 ] && [ ! -f "$sarif" ]; then
  echo "::error title=kube-harden::kube-harden could not run (exit code $code)"
  exit "$code"
fi

annotations="$(mktemp)"
trap 'rm -f "$annotations"' EXIT
"$bin" "${args[@]}" --format github > "$annotations" || true

# Finding annotations carry a rule id title (C201 …); tool diagnostics carry "kube-harden …".
findings=$(grep -c -E '^::(error|warning|notice) .*title=[A-Z][0-9]{3} ' "$annotations" || true)
hidden=0
for kind in error warning notice; do
  n=$(grep -c "^::$kind " "$annotations" || true)
  grep "^::$kind " "$annotations" | head -n 10 || true
  if [ "$n" -gt 10 ]; then
    hidden=$((hidden + n - 10))
  fi
done
if [ "$hidden" -gt 0 ]; then
  echo "::notice title=kube-harden::$hidden more annotations not shown (GitHub shows 10 of each kind per step); see the SARIF report $sarif or the code scanning alerts"
fi

failed=false
if [ "$fail_on" != "never" ] && [ "$code" -eq 1 ]; then
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
