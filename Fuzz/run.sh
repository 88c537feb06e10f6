#!/usr/bin/env bash
# Builds the libFuzzer harnesses (this folder's own package, see Package.swift) and runs each
# for a fixed time, then prints its figures (docs/reliability.md).
#
#   Fuzz/run.sh --seconds 60               every harness, 60 s each
#   Fuzz/run.sh --seconds 600 FuzzRules    one harness
#   Fuzz/run.sh --no-build --seconds 15    reuse the last build
#
# Corpora grow in Fuzz/corpus/HARNESS (ignored by git; seeded from Fuzz/seeds/HARNESS).
# A crash, a hang (-timeout) or an out-of-memory input is kept as Fuzz/crashes/HARNESS-KIND-HASH;
# replay it with `ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/HARNESS Fuzz/crashes/FILE`. Exit status 1 when any harness
# found one, 2 on a usage or build error.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
all=(FuzzRules FuzzExpressions FuzzStore FuzzJSONLines FuzzDaemonConfig FuzzRuleTests)
seconds=30
build=1
harnesses=()
while (($#)); do
    case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    Fuzz*) harnesses+=("$1"); shift ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]] || { echo "run.sh: --seconds takes a whole number >= 1" >&2; exit 2; }
((${#harnesses[@]})) || harnesses=("${all[@]}")

cd "$here"
mkdir -p corpus crashes logs
if ((build)); then
    echo "== fuzz build (debug, -sanitize=fuzzer,address)"
    start=$(date +%s)
    if ! swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >logs/build.log 2>&1; then
        tail -40 logs/build.log >&2
        echo "run.sh: the fuzz build failed (full log: Fuzz/logs/build.log)" >&2
        exit 2
    fi
    echo "built in $(($(date +%s) - start)) s"
fi
bin="$(swift build -c debug --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

total_runs=0
total_crashes=0
for h in "${harnesses[@]}"; do
    [[ -x "$bin/$h" ]] || { echo "run.sh: no harness $h in $bin" >&2; exit 2; }
    mkdir -p "corpus/$h"
    before=$(ls crashes | grep -c "^$h-" || true)
    # -timeout: an input taking more than 5 s is a hang; -rss_limit_mb / -malloc_limit_mb: one
    # over 2 GiB is a leak or an unbounded allocation. Both are kept as reproducers like
    # crashes. -detect_leaks=0: Swift keeps enum case tags in the spare bits of pointers, so
    # LeakSanitizer cannot see those references and reports live objects as leaked; real
    # unbounded growth still trips the RSS limit.
    TMPDIR="$work" ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$h" "corpus/$h" "seeds/$h" \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=0 \
        -print_final_stats=1 \
        -artifact_prefix="crashes/$h-" >"logs/$h.log" 2>&1
    status=$?
    runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "logs/$h.log" | grep -oE "[0-9]+$" | tail -1)
    runs=${runs:-0}
    after=$(ls crashes | grep -c "^$h-" || true)
    found=$((after - before))
    if ((status != 0 && found == 0)); then found=1; fi
    printf '%-17s %10d executions, %d crashes\n' "$h:" "$runs" "$found"
    if ((found)); then
        grep -E "ERROR: |Fatal error|Precondition failed|SUMMARY|Test unit written" "logs/$h.log" | head -8 | sed 's/^/    /'
    fi
    total_runs=$((total_runs + runs))
    total_crashes=$((total_crashes + found))
done
echo "fuzz: ${#harnesses[@]} harnesses, $total_runs executions, $total_crashes crashes"
((total_crashes == 0))
