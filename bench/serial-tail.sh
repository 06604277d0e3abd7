#!/usr/bin/env bash
# CPU of the serial part of a scan (discovery, merge, project rules, sort, fingerprints, report)
# versus the whole run: `perf` samples of the main thread (rayon workers do the per-file work).
# CPU samples are what stays reliable on the shared 2-core machine, where wall times are not.
#
#   bench/serial-tail.sh [BINARY] DIR [THREADS] [RUNS]
#
# Prints one line per run: total CPU, main-thread CPU, peak RSS (from a separate timed run).
set -euo pipefail
bin="${1:-target/release/kube-harden}"
dir="${2:?directory to scan}"
threads="${3:-2}"
runs="${4:-3}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
for _ in $(seq "$runs"); do
  perf record -q -F 2000 -o "$data/p.data" "$bin" check "$dir" --format json --threads "$threads" \
    > /dev/null 2> /dev/null || true
  rss=$( { /usr/bin/time -f "%M" "$bin" check "$dir" --format json --threads "$threads" > /dev/null; } 2>&1 | tail -1 || true)
  perf script -i "$data/p.data" -F pid,tid 2> /dev/null | awk -v r="$rss" '
    { split($1, a, "/"); n++; if (a[1] == a[2]) m++ }
    END { printf "total %.2f s CPU, main thread %.2f s (%.0f %%), peak RSS %.0f MiB\n", n/2000, m/2000, 100*m/n, r/1024 }'
done
