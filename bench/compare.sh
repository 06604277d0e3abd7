#!/usr/bin/env bash
# End-to-end benchmark: kube-harden (release build) over the shared corpus and synthetic trees
# from ../shared/corpus/synth.py, with 1 and 2 threads. Reports wall time, MB/s, files/s and peak
# memory. `--checkov` also runs Checkov (installed into a throwaway virtualenv from PyPI) over the
# same trees and prints the ratio from the same run.
#
# usage: bench/compare.sh [--checkov] [--checkov-corpus] [--sizes "1000 10000 100000"] [--corpus DIR]
# (Checkov runs over synthetic-1000 and one small file; --checkov-corpus adds the shared corpus,
# which takes Checkov about eight minutes.)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
checkov=false
checkov_dirs=()
sizes="1000 10000 100000"
corpus="$repo/../shared/corpus"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --checkov) checkov=true ;;
    --checkov-corpus) checkov=true; checkov_dirs+=("$corpus") ;;
    --sizes) sizes="$2"; shift ;;
    --corpus) corpus="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

cargo build --release --locked --quiet
bin="$repo/target/release/kube-harden"
work="${BENCH_DIR:-/tmp/kube-harden-bench}"
mkdir -p "$work"

# measure NAME DIR THREADS -> prints a Markdown table row
measure() {
  local name="$1" dir="$2" threads="$3"
  local bytes files out wall rss
  bytes=$(find -L "$dir" -type f -printf "%s\n" | awk "{s+=\$1} END {print s+0}")
  files=$(find "$dir" -type f | wc -l)
  # Warm the page cache once, then take the best of 3 runs.
  "$bin" check "$dir" --format json --threads "$threads" > /dev/null 2>&1 || true
  best=""
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "%e %M" "$bin" check "$dir" --format json --threads "$threads" > /dev/null; } 2>&1 | tail -1 || true)
    wall=${out% *}; rss=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < ${best% *})}"; then best="$wall $rss"; fi
  done
  wall=${best% *}; rss=${best#* }
  awk -v n="$name" -v t="$threads" -v b="$bytes" -v f="$files" -v w="$wall" -v r="$rss" 'BEGIN{
    if (w <= 0) w = 0.001;
    printf "| %s | %d | %.1f MB | %d | %.3f s | %.1f MB/s | %.0f files/s | %.0f MiB |\n", n, t, b/1e6, f, w, b/1e6/w, f/w, r/1024 }'
}

echo "| corpus | threads | size | files | wall | throughput | files/s | peak RSS |"
echo "|---|---|---|---|---|---|---|---|"
if [ -d "$corpus" ]; then
  for t in 1 2; do measure "shared corpus" "$corpus" "$t"; done
fi
for n in $sizes; do
  dir="$work/synth-$n"
  if [ ! -d "$dir" ]; then
    python3 "$corpus/synth.py" --files "$n" --out "$dir" --seed 1 > /dev/null
  fi
  for t in 1 2; do measure "synthetic $n" "$dir" "$t"; done
done

# A pre-commit-style run: one small file.
one="$repo/testdata/C201/static-pod-bad.yaml"
best=999
for _ in 1 2 3 4 5; do
  w=$( { /usr/bin/time -f "%e" "$bin" check "$one" > /dev/null; } 2>&1 | tail -1 || true)
  best=$(awk -v a="$w" -v b="$best" 'BEGIN{print (a < b) ? a : b}')
done
echo
echo "single small file (pre-commit): best of 5 = ${best} s wall (resolution 10 ms; see hyperfine below if installed)"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 3 --runs 30 -N "$bin check $one" --export-markdown /dev/stdout 2>/dev/null | tail -2 || true
fi

if $checkov; then
  venv="$work/checkov-venv"
  [ -x "$venv/bin/checkov" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet checkov; }
  echo
  echo "| corpus | kube-harden wall | Checkov wall | Checkov peak RSS | ratio |"
  echo "|---|---|---|---|---|"
  one_dir="$work/one-file"; mkdir -p "$one_dir"; cp "$one" "$one_dir/"
  for dir in "${checkov_dirs[@]}" "$work/synth-1000" "$one_dir"; do
    [ -d "$dir" ] || continue
    kh=$( { /usr/bin/time -f "%e" "$bin" check "$dir" --format json > /dev/null; } 2>&1 | tail -1 || true)
    ck=$( { /usr/bin/time -f "%e %M" "$venv/bin/checkov" -d "$dir" --quiet --compact -o json > /dev/null; } 2>&1 | tail -1 || true)
    awk -v d="$(basename "$dir")" -v k="$kh" -v c="${ck% *}" -v r="${ck#* }" 'BEGIN{ if (k <= 0) k = 0.001;
      printf "| %s | %.3f s | %.1f s | %.0f MiB | %.0f× |\n", d, k, c, r/1024, c/k }'
  done
fi
