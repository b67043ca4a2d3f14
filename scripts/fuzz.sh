#!/usr/bin/env bash
# Fuzz istilahi with cargo-fuzz (needs the nightly toolchain and `cargo install cargo-fuzz`).
#
#   scripts/fuzz.sh SECONDS [TARGET...]     default targets: tokenize glossary annotate lookup
#
# Runs each target in turn, one process and one job (the machine is shared), for SECONDS each
# (no sanitizer: the crate forbids unsafe code; debug assertions and overflow checks on),
# starting from fuzz/seeds/TARGET and keeping what it learns in fuzz/corpus/TARGET. An input
# that takes over 10 s counts as a crash (a hang or quadratic blow-up). Crashes land in
# fuzz/artifacts/TARGET/; keep each one as a regression test (tests/regressions.rs) before fixing
# it. The last lines print executions and crashes per target (logs in fuzz/logs/).
set -euo pipefail

seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize glossary annotate lookup)

cd "$(dirname "$0")/../fuzz"
mkdir -p logs

summary=()
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    log="logs/$t.log"
    echo "== fuzzing $t for ${seconds}s (log: fuzz/$log)"
    status=0
    cargo +nightly fuzz run --sanitizer none --debug-assertions "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    summary+=("$t: ${runs:-?} executions, exit $status, $crashes crash file(s) in fuzz/artifacts/$t")
done
printf '%s\n' "${summary[@]}"
