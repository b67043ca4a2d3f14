#!/usr/bin/env bash
# Time istilahi on pathological inputs and glossaries at sizes n, 2n and 4n, to see that the
# time grows linearly (about ×2 per step), never quadratically (×4).
#
#   scripts/scale.sh [BIN]     default BIN: target/release/istilahi (built if missing)
#
# Everything is generated in a temporary directory (python3). Prints one line per run:
# case, size, seconds, peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/istilahi}
[ -x "$bin" ] || cargo build --release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ISTILAHI_USER_GLOSSARY="$tmp/none.toml" NO_COLOR=1

gen() { python3 -c "import sys; $1" > "$2"; }

timed() { # label size command...
    local label=$1 size=$2
    shift 2
    /usr/bin/time -o "$tmp/time" -f '%e %M' "$@" >/dev/null 2>"$tmp/err" || true
    read -r secs kb < <(tail -1 "$tmp/time")
    printf '%-44s %10s  %6ss  %7s KB\n' "$label" "$size" "$secs" "$kb"
}

for mb in 5 10 20; do
    gen "sys.stdout.write('balozi wanatarajiwa kukutana jijini ' * ($mb * 1024 * 1024 // 35))" "$tmp/line"
    for format in tsv json; do
        timed "single line of words, annotate $format" "${mb}MB" "$bin" annotate --format "$format" "$tmp/line"
    done
done
for mb in 5 10 20; do
    gen "sys.stdout.write('Balozi alifika. ' * ($mb * 1024 * 1024 // 16))" "$tmp/line"
    timed "single line of sentences, annotate text" "${mb}MB" "$bin" annotate --format text "$tmp/line"
done
for mb in 1 2 4; do
    gen "sys.stdout.write('a' * ($mb * 1024 * 1024))" "$tmp/word"
    timed "one word, annotate json" "${mb}MB" "$bin" annotate --format json "$tmp/word"
done
for n in 100000 200000 400000; do
    gen "sys.stdout.write('(' * $n + ' Juma')" "$tmp/brackets"
    timed "brackets then a name, annotate json" "$n" "$bin" annotate --format json "$tmp/brackets"
done
for n in 1 2 4; do
    gen "sys.stdout.write('x' * ($n * 1024 * 1024))" "$tmp/query"
    timed "lookup of one long query" "${n}MB" "$bin" lookup "$(head -c 100000 "$tmp/query")"
done

# glossaries: only the generated one
own=(--no-default-glossary --glossary "$tmp/g.toml")
entry='[[entry]]\nsw = \"{}\"\nen = [\"{}\"]\npos = \"{}\"\n\n'
for n in 25000 50000 100000; do
    gen "sys.stdout.write(''.join('$entry'.format('neno%d' % i, 'word %d' % i, 'noun') for i in range($n)))" "$tmp/g.toml"
    timed "glossary of n entries, lookup" "$n" "$bin" "${own[@]}" lookup neno7
done
gen "sys.stdout.write('wa ' * 100000)" "$tmp/wa"
for n in 2500 5000 10000; do
    gen "sys.stdout.write(''.join('$entry'.format('wa neno%d' % i, 'term %d' % i, 'phrase') for i in range($n)))" "$tmp/g.toml"
    timed "n terms sharing a first word, 100k 'wa'" "$n" "$bin" "${own[@]}" annotate --format tsv "$tmp/wa"
done
gen "sys.stdout.write(''.join('$entry'.format('wa neno%d' % i, 'term %d' % i, 'phrase') for i in range(5000)))" "$tmp/g.toml"
for n in 50000 100000 200000; do
    gen "sys.stdout.write('wa ' * $n)" "$tmp/wa"
    timed "5000 terms sharing a first word, n 'wa'" "$n" "$bin" "${own[@]}" annotate --format tsv "$tmp/wa"
done
gen "sys.stdout.write('$entry'.format(' '.join(['wa'] * 63 + ['x']), 'long term', 'phrase'))" "$tmp/g.toml"
for n in 100000 200000 400000; do
    gen "sys.stdout.write('wa ' * $n)" "$tmp/wa"
    timed "a 64-word term 'wa wa … x', n 'wa'" "$n" "$bin" "${own[@]}" annotate --format tsv "$tmp/wa"
done
for n in 2000 4000 8000; do
    gen "import json; sys.stdout.write('[[entry]]\nsw = \"neno\"\nen = [\"word\"]\npos = \"noun\"\nvariants = ' + json.dumps(['lahaja%d' % i for i in range($n)]) + '\n')" "$tmp/g.toml"
    gen "sys.stdout.write(' '.join('lahaja%d' % (i % $n) for i in range(100000)))" "$tmp/text"
    timed "an entry of n variants, 100k of them" "$n" "$bin" "${own[@]}" annotate --format tsv "$tmp/text"
done
for n in 1 2 4; do
    gen "sys.stdout.write('[[entry]]\nsw = \"neno\"\nen = [\"word\"]\npos = \"noun\"\nnote = \"' + 'x' * ($n * 1024 * 1024) + '\"\n')" "$tmp/g.toml"
    timed "an entry with a huge note" "${n}MB" "$bin" "${own[@]}" lookup neno
done
