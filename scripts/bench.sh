#!/usr/bin/env bash
# Benchmark of istilahi at corpus scale, printed as Markdown tables for the README.
#
# Usage: scripts/bench.sh [CORPUS_FILE] [--size MB] [--gb] [--new-words] [--runs N] [--bin PATH]
#                         [--baseline PATH]
#
#   CORPUS_FILE  Swahili text to measure on. Without it, ~100 MB is built by repeating the
#                Swahili side of ../shared/corpus (voa-news.sw.txt, column `swahili` of
#                mafand-dev.tsv and tico19-en-sw.tsv).
#   --size MB    Build the input up to at least MB megabytes (10^6 bytes) by repeating whole
#                copies (default 100 without CORPUS_FILE; with CORPUS_FILE, the file as is).
#   --gb         Also build ~1 GB (1000 MB) and report annotate and unknown time and peak RSS,
#                and its two halves on one thread against two.
#   --new-words  Also build ~100 MB of text rich in new words (the input's lines interleaved
#                with lines of invented words, nearly every one a word type of its own) and
#                report annotate, unknown and stats time and peak RSS, once each: the memory
#                bound where the vocabulary does not repeat, as in a real year of news.
#   --runs N     Best of N runs for each corpus row (default 3; wall time is the fastest run,
#                peak RSS the largest of all runs).
#   --bin PATH   The istilahi binary (default: target/release/istilahi, built with
#                `cargo build --release`).
#   --baseline PATH  Another istilahi binary (an older build) measured in the same rounds on
#                `annotate --format tsv`, one thread, for a comparison in one sitting.
#
# The corpus rows are measured in rounds, each row once a round, so that a machine whose speed
# drifts (a busy virtual machine) slows every row alike instead of the rows measured last.
# Measures, on one file: `annotate --format tsv` on one thread and on all cores, the same with
# --exact-only and as the text view, `unknown --format tsv`, and `rg -o -i -w -F -f forms.txt`
# with every surface form the glossary lists (headwords, variants, plurals); two halves of the
# file on one thread against two; and the start-up cost of `lookup balozi` and of annotating
# the seed article. Time: wall clock around the process; user seconds and peak RSS from
# `/usr/bin/time -v`. Needs rg and /usr/bin/time; hyperfine (optional) times the start-up rows.
# Not run by `cargo test`; the machine should be otherwise idle for figures worth quoting.
set -euo pipefail

die() {
  echo "bench.sh: $*" >&2
  exit 2
}

usage() {
  sed -n '4,24p' "$0" | sed 's/^# \{0,1\}//'
}

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared

corpus=""
size=""
gb=0
new_words=0
runs=3
bin=""
baseline=""
while [ $# -gt 0 ]; do
  case $1 in
    --size)
      [ $# -ge 2 ] || die "--size needs a number of megabytes"
      size=$2
      shift 2
      ;;
    --size=*) size=${1#--size=}; shift ;;
    --gb) gb=1; shift ;;
    --new-words) new_words=1; shift ;;
    --runs)
      [ $# -ge 2 ] || die "--runs needs a number"
      runs=$2
      shift 2
      ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --bin)
      [ $# -ge 2 ] || die "--bin needs a path"
      bin=$2
      shift 2
      ;;
    --bin=*) bin=${1#--bin=}; shift ;;
    --baseline)
      [ $# -ge 2 ] || die "--baseline needs a path"
      baseline=$2
      shift 2
      ;;
    --baseline=*) baseline=${1#--baseline=}; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [ -z "$corpus" ] || die "only one CORPUS_FILE, got $corpus and $1"
      corpus=$1
      shift
      ;;
  esac
done
case $size in '' | *[!0-9]* | 0) [ -z "$size" ] || die "--size wants a positive whole number of MB, got $size" ;; esac
case $runs in *[!0-9]* | 0 | '') die "--runs wants a positive whole number, got $runs" ;; esac
if [ -n "$corpus" ]; then
  if [ ! -f "$corpus" ] || [ ! -r "$corpus" ]; then die "cannot read corpus file $corpus"; fi
fi

# --- tools -------------------------------------------------------------------------------------
command -v rg > /dev/null || die "ripgrep (rg) is missing; install it with: apt-get install ripgrep time"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing; install it with: apt-get install ripgrep time"
if command -v python3 > /dev/null; then
  extract=python3
elif command -v jq > /dev/null; then
  extract=jq
else
  die "python3 or jq is needed to list the glossary's forms; install one (apt-get install jq)"
fi
have_hyperfine=0
if command -v hyperfine > /dev/null; then have_hyperfine=1; fi

if [ -z "$bin" ]; then
  bin=${CARGO_TARGET_DIR:-$repo/target}/release/istilahi
  if command -v cargo > /dev/null; then
    (cd "$repo" && cargo build --release --quiet) || die "cargo build --release failed"
  fi
fi
[ -x "$bin" ] || die "no istilahi binary at $bin (build it with cargo build --release, or pass --bin)"
if [ -n "$baseline" ] && [ ! -x "$baseline" ]; then die "no istilahi binary at $baseline (--baseline)"; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/istilahi-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# --- input -------------------------------------------------------------------------------------
# repeat SRC OUT MB: whole copies of SRC into OUT until it holds at least MB * 10^6 bytes.
repeat() {
  local src=$1 out=$2 want=$(($3 * 1000000)) have=0 one
  one=$(stat -c %s "$src")
  [ "$one" -gt 0 ] || die "$src is empty"
  : > "$out"
  while [ "$have" -lt "$want" ]; do
    cat "$src" >> "$out"
    have=$((have + one))
  done
}

if [ -n "$corpus" ]; then
  source_desc="$corpus"
  if [ -n "$size" ]; then
    repeat "$corpus" "$tmp/corpus.txt" "$size"
    input=$tmp/corpus.txt
    source_desc="$corpus repeated to ${size} MB"
  else
    input=$corpus
  fi
  base=$corpus
else
  size=${size:-100}
  base=$tmp/base.txt
  "$repo/scripts/swahili-side.sh" "$base" || die "no CORPUS_FILE given, and no corpus to build one"
  repeat "$base" "$tmp/corpus.txt" "$size"
  input=$tmp/corpus.txt
  source_desc="Swahili side of ../shared/corpus (VOA news, MAFAND, TICO-19) repeated to ${size} MB"
fi
bytes=$(stat -c %s "$input")
lines=$(wc -l < "$input")

# Two halves of the input at a line boundary, for the two-files rows.
split -n l/2 -d "$input" "$tmp/half."
half_a=$tmp/half.00
half_b=$tmp/half.01

# forms.txt: every surface form the glossary lists — headwords, variants and plurals — lowercase,
# a bound stem's hyphen dropped (-panga → panga), multi-word forms as written, deduplicated.
"$bin" export --format json > "$tmp/glossary.json" || die "istilahi export --format json failed"
if [ "$extract" = python3 ]; then
  python3 - "$tmp/glossary.json" > "$tmp/forms.raw" << 'EOF'
import json, sys
for entry in json.load(open(sys.argv[1], encoding="utf-8")):
    forms = [entry["sw"], *entry.get("variants", [])]
    if entry.get("plural"):
        forms.append(entry["plural"])
    for form in forms:
        form = " ".join(form.strip().strip("-").split()).lower()
        if form:
            print(form)
EOF
else
  jq -r '.[] | .sw, (.variants // [])[], (.plural // empty)
         | ascii_downcase | gsub("^\\s*-+|-+\\s*$"; "") | gsub("\\s+"; " ")
         | select(length > 0)' "$tmp/glossary.json" > "$tmp/forms.raw"
fi
# Longest first: with several patterns rg reports, at each position, the first one in the list
# that matches (leftmost-first), so a multi-word term must come before its own first word
# (`waziri mkuu` before `waziri`) to be found at all, as annotate prefers the longest match.
LC_ALL=C sort -u "$tmp/forms.raw" | awk '{print length($0) "\t" $0}' |
  LC_ALL=C sort -t "$(printf '\t')" -k1,1nr -k2,2 | cut -f 2- > "$tmp/forms.txt"
forms=$tmp/forms.txt
n_forms=$(wc -l < "$forms")
n_multi=$(grep -c ' ' "$forms" || true)

# --- measuring ---------------------------------------------------------------------------------
# run_once K CMD...: runs CMD once (stdout to /dev/null) and keeps for row K the fastest wall
# seconds so far (b_wall, in ns), the user seconds of that run (b_user), every wall time (b_all)
# and the largest peak RSS of all its runs (b_rss, KiB). Exit status 0 or 1 is success (1:
# nothing found); anything else stops the benchmark.
b_wall=() b_user=() b_rss=() b_all=()
run_once() {
  local k=$1 start end ns status rss user
  shift
  start=$(date +%s%N)
  status=0
  /usr/bin/time -v -o "$tmp/time.txt" "$@" > /dev/null 2> "$tmp/stderr.txt" || status=$?
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then
    echo "bench.sh: '$*' exited with status $status:" >&2
    head -n 5 "$tmp/stderr.txt" >&2
    exit 2
  fi
  ns=$((end - start))
  rss=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  user=$(awk -F': *' '/User time \(seconds\)/ {print $2}' "$tmp/time.txt")
  if [ "$rss" -gt "${b_rss[k]:-0}" ]; then b_rss[k]=$rss; fi
  b_all[k]="${b_all[k]:-} $ns"
  if [ -z "${b_wall[k]:-}" ] || [ "$ns" -lt "${b_wall[k]}" ]; then
    b_wall[k]=$ns
    b_user[k]=$user
  fi
}

# take K: the figures of row K as m_wall (seconds), m_median (the median wall seconds), m_user
# and m_rss, for `row`.
take() {
  m_wall=$(awk -v ns="${b_wall[$1]}" 'BEGIN {printf "%.3f", ns / 1e9}')
  # shellcheck disable=SC2086 # the wall times, one word each
  m_median=$(printf '%s\n' ${b_all[$1]} | sort -n | awk '{ns[NR] = $1} END {
    printf "%.3f", (NR % 2 ? ns[(NR + 1) / 2] : (ns[NR / 2] + ns[NR / 2 + 1]) / 2) / 1e9
  }')
  m_user=${b_user[$1]}
  m_rss=${b_rss[$1]}
}

# measure N CMD...: runs CMD N times on its own (a row of its own) and takes its figures.
measured=100
measure() {
  local n=$1 i
  shift
  measured=$((measured + 1))
  echo "bench.sh: measuring ($n×) ${*/#$tmp\//}" >&2
  for ((i = 0; i < n; i++)); do
    run_once "$measured" "$@"
  done
  take "$measured"
}

# row LABEL BYTES: one table row from the last measure.
row() {
  awk -v label="$1" -v bytes="$2" -v wall="$m_wall" -v median="$m_median" -v user="$m_user" \
    -v rss="$m_rss" 'BEGIN {
    rate = bytes / 1e6 / wall
    digits = rate < 1 ? 2 : 1
    printf "| %s | %.1f | %.2f | %.2f | %.2f | %." digits "f | %." digits "f | %.1f |\n",
      label, bytes / 1e6, wall, median, user, rate, bytes / 1e6 / median, rss / 1024
  }'
}

# startup_ms CMD...: best and mean wall time of CMD in milliseconds, "BEST MEAN" (hyperfine,
# 200 runs after 20 warm-ups; else a loop of 20 runs after 3).
startup_ms() {
  if [ "$have_hyperfine" = 1 ]; then
    local cmd
    cmd=$(printf '%q ' "$@")
    hyperfine -N --style none --warmup 20 --runs 200 --export-json "$tmp/hf.json" "$cmd" \
      > /dev/null 2> "$tmp/stderr.txt" || {
      cat "$tmp/stderr.txt" >&2
      die "hyperfine failed on: $*"
    }
    if [ "$extract" = python3 ]; then
      python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f" % (1000 * r["min"], 1000 * r["mean"]))' "$tmp/hf.json"
    else
      jq -r '.results[0] | "\(.min * 10000 | round / 10) \(.mean * 10000 | round / 10)"' "$tmp/hf.json"
    fi
  else
    local i start end best="" total=0
    for ((i = 0; i < 23; i++)); do
      start=$(date +%s%N)
      "$@" > /dev/null 2>&1 || true
      end=$(date +%s%N)
      # The first three runs warm the page cache.
      if [ "$i" -ge 3 ]; then
        total=$((total + end - start))
        if [ -z "$best" ] || [ $((end - start)) -lt "$best" ]; then
          best=$((end - start))
        fi
      fi
    done
    awk -v ns="$best" -v total="$total" 'BEGIN {printf "%.1f %.1f", ns / 1e6, total / 20 / 1e6}'
  fi
}

# --- machine -----------------------------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo 2> /dev/null || true)
[ -n "$cpu" ] || cpu=$(uname -m)
ram=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2> /dev/null || echo "?")
rustc_v=$(rustc --version 2> /dev/null || echo "rustc not found")
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")

echo "## istilahi benchmark"
echo
echo "- Machine: $cpu, $(nproc) cores, $ram RAM, $(uname -sr)"
echo "- Load average at start: $load"
echo "- Tools: $("$bin" --version), $rustc_v, $(rg --version | sed -n 1p)$([ "$have_hyperfine" = 1 ] && echo ", $(hyperfine --version)")"
echo "- Input: $source_desc — $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB, $lines lines"
echo "- forms.txt: $n_forms surface forms of the embedded glossary (headwords, variants, plurals; $n_multi multi-word)"
echo "- Best and median of $runs runs, taken in rounds (each corpus row once a round); user s is the best run's; MB = 10^6 bytes of input; MB/s = input MB / wall s; peak RSS from /usr/bin/time -v"
echo

# --- start-up rows, measured first --------------------------------------------------------------
# Measured before the corpus rows and printed after them: right after minutes of full load this
# virtual machine ran the same short commands half again slower (13 ms for what takes 8 ms when
# it is idle), and start-up is what a user meets on a machine not already busy.
seed=$shared/fixtures/seed-article.sw.txt
seed_label="the seed article"
if [ ! -r "$seed" ]; then
  seed=$repo/tests/data/sample.sw.txt
  seed_label="tests/data/sample.sw.txt (no ../shared seed article)"
fi
startup_row() {
  local label=$1 ms
  shift
  ms=$(startup_ms "$@")
  measure 1 "$@"
  read -r best mean <<< "$ms"
  awk -v label="$label" -v best="$best" -v mean="$mean" -v rss="$m_rss" 'BEGIN {
    printf "| %s | %s | %s | %.1f |\n", label, best, mean, rss / 1024
  }'
}
startup_rows=$(
  startup_row "\`lookup balozi\`" "$bin" lookup balozi
  startup_row "\`annotate\` $seed_label (text view)" "$bin" annotate "$seed"
  startup_row "\`annotate --format tsv\` $seed_label" "$bin" annotate --format tsv "$seed"
)

# --- corpus rows -------------------------------------------------------------------------------
echo "| Command | Input MB | Wall s, best | Wall s, median | User s | MB/s, best | MB/s, median | Peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"

# The rows of the corpus, each a command (cmdK) and a label, measured in rounds.
labels=(
  "\`annotate --format tsv\`, 1 thread"
  "\`annotate --format tsv\`, one file in chunks on all cores ($(nproc))"
  "\`annotate --format tsv --exact-only\`, 1 thread"
  "\`annotate\` (text view), 1 thread"
  "\`annotate --format tsv\` two halves, 1 thread"
  "\`annotate --format tsv\` two halves, 2 threads"
  "\`unknown --format tsv\`"
)
# shellcheck disable=SC2034 # each cmdK is read by name in the rounds below
{
  cmd0=("$bin" --threads 1 annotate --format tsv "$input")
  cmd1=("$bin" --threads "$(nproc)" annotate --format tsv "$input")
  cmd2=("$bin" --threads 1 annotate --format tsv --exact-only "$input")
  cmd3=("$bin" --threads 1 annotate --format text "$input")
  cmd4=("$bin" --threads 1 annotate --format tsv "$half_a" "$half_b")
  cmd5=("$bin" --threads 2 annotate --format tsv "$half_a" "$half_b")
  cmd6=("$bin" unknown --format tsv "$input")
  if [ -n "$baseline" ]; then
    labels+=("\`annotate --format tsv\`, 1 thread, baseline $(basename "$baseline")")
    cmd7=("$baseline" --threads 1 annotate --format tsv "$input")
  fi
}
for ((r = 1; r <= runs; r++)); do
  for ((k = 0; k < ${#labels[@]}; k++)); do
    declare -n cmd="cmd$k"
    echo "bench.sh: round $r of $runs: ${cmd[*]/#$tmp\//}" >&2
    run_once "$k" "${cmd[@]}"
    unset -n cmd
  done
done
for ((k = 0; k < ${#labels[@]}; k++)); do
  take "$k"
  row "${labels[k]}" "$bytes"
done
ann1=$(awk -v ns="${b_wall[0]}" 'BEGIN {printf "%.3f", ns / 1e9}')
two1=$(awk -v ns="${b_wall[4]}" 'BEGIN {printf "%.3f", ns / 1e9}')
two2=$(awk -v ns="${b_wall[5]}" 'BEGIN {printf "%.3f", ns / 1e9}')
# the medians too: on a machine whose speed drifts, one lucky best run moves a ratio of bests
take 4
two1_median=$m_median
take 5
two2_median=$m_median

# rg runs once whatever --runs says: with -i and thousands of patterns it is slow (about
# 0.1 MB/s on a 2-core Xeon, so minutes on 100 MB) and its noise does not move the ratio.
measure 1 rg -o -i -w -F -f "$forms" "$input"
row "\`rg -o -i -w -F -f forms.txt\` (1 run)" "$bytes"
rg1=$m_wall

if [ "$gb" = 1 ]; then
  repeat "$input" "$tmp/gb.txt" 1000
  rm -f "$half_a" "$half_b"
  gb_bytes=$(stat -c %s "$tmp/gb.txt")
  measure 1 "$bin" --threads 1 annotate --format tsv "$tmp/gb.txt"
  row "\`annotate --format tsv\` on ~1 GB, 1 thread" "$gb_bytes"
  measure 1 "$bin" --threads "$(nproc)" annotate --format tsv "$tmp/gb.txt"
  row "\`annotate --format tsv\` on ~1 GB, all cores ($(nproc))" "$gb_bytes"
  measure 1 "$bin" unknown --format tsv "$tmp/gb.txt"
  row "\`unknown --format tsv\` on ~1 GB" "$gb_bytes"
  # two files at corpus scale: the halves of the ~1 GB on one thread and on two, two rounds
  # taken in turn, where the fixed costs (start-up, the first sight of the vocabulary, each
  # thread's memory touched for the first time) weigh less than on 100 MB
  split -n l/2 -d "$tmp/gb.txt" "$tmp/gbhalf."
  rm -f "$tmp/gb.txt"
  for round in 1 2; do
    echo "bench.sh: round $round of 2: two halves of ~1 GB, 1 thread and 2" >&2
    run_once 90 "$bin" --threads 1 annotate --format tsv "$tmp/gbhalf.00" "$tmp/gbhalf.01"
    run_once 91 "$bin" --threads 2 annotate --format tsv "$tmp/gbhalf.00" "$tmp/gbhalf.01"
  done
  rm -f "$tmp/gbhalf.00" "$tmp/gbhalf.01"
  take 90
  row "\`annotate --format tsv\` two halves of ~1 GB, 1 thread (2 runs)" "$gb_bytes"
  gb_two1=$m_wall
  take 91
  row "\`annotate --format tsv\` two halves of ~1 GB, 2 threads (2 runs)" "$gb_bytes"
  gb_two2=$m_wall
fi

if [ "$new_words" = 1 ]; then
  # The input's lines interleaved with lines of invented words: syllables of Swahili consonants
  # and vowels, two in five behind a subject and tense prefix, so that nearly every invented
  # word is a type of its own and the analyser meets new words to the end. Seeded: the same
  # text every run.
  awk -v want=100000000 '
    BEGIN {
      srand(7)
      nc = split("b ch d f g h j k l m n ny ng p s sh t v w y z", cons, " ")
      nv = split("a e i o u", vow, " ")
      np = split("wa a ni tu m ku ki vi ma mi u i zi li ya", pre, " ")
      nt = split("na li me ta ki nge ka", ten, " ")
    }
    NR <= 100000 { corpus[NR] = $0 }
    function pick(n) { return int(rand() * n) + 1 }
    function word(   w, k, n) {
      n = 2 + int(rand() * 4)
      w = ""
      for (k = 0; k < n; k++) w = w cons[pick(nc)] vow[pick(nv)]
      if (rand() < 0.4) w = pre[pick(np)] (rand() < 0.85 ? ten[pick(nt)] : "") w
      return w
    }
    END {
      kept = NR < 100000 ? NR : 100000
      written = 0; i = 0
      while (written < want) {
        if (rand() < 0.5) {
          line = corpus[i % kept + 1]; i++
        } else {
          n = 8 + int(rand() * 13)
          line = word()
          for (k = 1; k < n; k++) line = line " " word()
          line = line "."
        }
        print line
        written += length(line) + 1
      }
    }' "$base" > "$tmp/new.txt"
  new_bytes=$(stat -c %s "$tmp/new.txt")
  measure 1 "$bin" --threads 1 annotate --format tsv "$tmp/new.txt"
  row "\`annotate --format tsv\` on ~100 MB rich in new words, 1 thread" "$new_bytes"
  measure 1 "$bin" unknown --format tsv "$tmp/new.txt"
  row "\`unknown --format tsv\` on ~100 MB rich in new words" "$new_bytes"
  measure 1 "$bin" stats "$tmp/new.txt"
  row "\`stats\` on ~100 MB rich in new words" "$new_bytes"
  rm -f "$tmp/new.txt"
fi

echo
awk -v a="$ann1" -v r="$rg1" -v t1="$two1" -v t2="$two2" -v m1="$two1_median" \
  -v m2="$two2_median" 'BEGIN {
  printf "- annotate --format tsv (1 thread) vs rg: %.1f× faster\n", r / a
  printf "- two files, 2 threads vs 1: %.2f× the throughput (best to best), %.2f× (median to median)\n", t1 / t2, m1 / m2
}'
if [ "$gb" = 1 ]; then
  awk -v t1="$gb_two1" -v t2="$gb_two2" 'BEGIN {
    printf "- two files of ~500 MB, 2 threads vs 1: %.2f× the throughput (best to best)\n", t1 / t2
  }'
fi
if [ -n "$baseline" ]; then
  awk -v a="$ann1" -v b="${b_wall[7]}" 'BEGIN {
    printf "- annotate --format tsv (1 thread) vs the baseline, same rounds: %.2f× faster\n", b / 1e9 / a
  }'
fi

# --- start-up rows, printed ----------------------------------------------------------------------
echo
if [ "$have_hyperfine" = 1 ]; then
  echo "Start-up, whole process (200 runs after 20 warm-ups, hyperfine; measured before the corpus rows):"
else
  echo "Start-up, whole process (best of 20 runs after 3 warm-ups, measured before the corpus rows; install hyperfine for better figures):"
fi
echo
echo "| Command | Best ms | Mean ms | Peak RSS MiB |"
echo "|---|---:|---:|---:|"
echo "$startup_rows"
