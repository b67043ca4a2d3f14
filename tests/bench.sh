#!/usr/bin/env bash
# Benchmark: whole-process time and peak memory of `istilahi annotate` on a text, with the
# analyser on and with --exact-only. Usage: tests/bench.sh [TEXT] [RUNS]
# (default: our sample article repeated 500 times). Not run by `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
text=${1:-}
runs=${2:-5}
if [ -z "$text" ]; then
  text=$(mktemp)
  trap 'rm -f "$text"' EXIT
  for _ in $(seq 500); do cat tests/data/sample.sw.txt; echo; done > "$text"
fi
bin=target/release/istilahi
for mode in "" "--exact-only"; do
  label=${mode:-inflection}
  for fmt in tsv text; do
    best=""
    for _ in $(seq "$runs"); do
      t=$( { /usr/bin/time -f "%e %M" "$bin" annotate --format "$fmt" $mode "$text" > /dev/null; } 2>&1 | tail -n 1)
      secs=${t% *}
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best% *})}"; then best=$t; fi
    done
    echo "$label $fmt: best of $runs ${best% *} s, peak ${best#* } KB"
  done
done
