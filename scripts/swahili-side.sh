#!/usr/bin/env bash
# The Swahili side of ../shared/corpus as one text, the default input of scripts/bench.sh and
# scripts/icount.sh: voa-news.sw.txt, then the `swahili` column (the second) of mafand-dev.tsv
# and of tico19-en-sw.tsv, without their header lines.
#
# Usage: scripts/swahili-side.sh OUT   (exit 2 with a message if a corpus file is missing)
set -euo pipefail

[ $# -eq 1 ] || {
  echo "usage: scripts/swahili-side.sh OUT" >&2
  exit 2
}
corpus=$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus
for f in voa-news.sw.txt mafand-dev.tsv tico19-en-sw.tsv; do
  [ -r "$corpus/$f" ] || {
    echo "swahili-side.sh: $corpus/$f is missing" >&2
    exit 2
  }
done
{
  cat "$corpus/voa-news.sw.txt"
  tail -n +2 "$corpus/mafand-dev.tsv" | cut -f 2
  tail -n +2 "$corpus/tico19-en-sw.tsv" | cut -f 2
} > "$1"
