#!/usr/bin/env bash
# Instruction counts of `annotate --format tsv`, which do not vary from run to run, as callgrind
# gives them: the first copy of a text (every word type new) and the steady state (instructions
# per byte of a second copy, once the text's vocabulary is in the memo).
#
# Usage: scripts/icount.sh [--bin PATH] [TEXT_FILE]
#
#   TEXT_FILE  Swahili text of a few MB (default: the Swahili side of ../shared/corpus, as
#              scripts/bench.sh builds it).
#   --bin PATH The istilahi binary (default: target/release/istilahi).
#
# Run it after every commit that may touch the hot path, and after any other: moving code the
# hot path never runs has made the compiler lay out `Annotation::new` 6% longer. Needs valgrind;
# takes some seconds for 2.5 MB.
set -euo pipefail

die() {
  echo "icount.sh: $*" >&2
  exit 2
}

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$repo/target/release/istilahi
text=""
while [ $# -gt 0 ]; do
  case $1 in
    --bin)
      [ $# -ge 2 ] || die "--bin needs a path"
      bin=$2
      shift 2
      ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) die "unknown option $1" ;;
    *)
      text=$1
      shift
      ;;
  esac
done
command -v valgrind > /dev/null || die "valgrind is not installed (apt-get install valgrind)"
[ -x "$bin" ] || die "no binary at $bin (cargo build --release)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/istilahi-icount.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ -z "$text" ]; then
  text=$tmp/base.txt
  "$repo/scripts/swahili-side.sh" "$text" || die "no TEXT_FILE given, and no corpus to build one"
fi
[ -s "$text" ] || die "$text is empty or missing"
cat "$text" "$text" > "$tmp/twice.txt"

# instructions FILE: the instructions callgrind counts for annotating FILE on one thread
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" --threads 1 annotate --format tsv "$1" 2>&1 > /dev/null |
    awk '/refs:/ {gsub(",", "", $4); print $4}'
}

once=$(instructions "$text")
twice=$(instructions "$tmp/twice.txt")
bytes=$(stat -c %s "$text")
awk -v a="$once" -v b="$twice" -v s="$bytes" 'BEGIN {
  printf "first copy: %.1f M instructions (%.1f a byte)\n", a / 1e6, a / s
  printf "steady state: %.2f instructions a byte\n", (b - a) / s
}'
