#!/usr/bin/env bash
# Runs the reliability campaigns (docs/reliability-campaigns.md) and prints their figures.
#   scripts/campaigns/run.sh [--quick|--full]
# --quick (the default; CI): 20 crash cycles, short fault windows, 100 reps / 10,000 notices.
# --full: 100 crash cycles, longer fault windows, 500 reps / 100,000 notices.
# Uses the debug build (`swift build` first) unless TICKLER names a binary. Exits non-zero
# when any campaign fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
mode=--quick
case "${1:-}" in
    --quick | "") mode=--quick ;;
    --full) mode=--full ;;
    *) echo "usage: $0 [--quick|--full]" >&2; exit 2 ;;
esac
if [[ -z "${TICKLER:-}" ]]; then
    TICKLER="$(swift build --show-bin-path)/tickler"
    export TICKLER
fi
[[ -x "$TICKLER" ]] || { echo "no tickler binary at $TICKLER: run swift build first" >&2; exit 1; }

quick=()
[[ "$mode" == --quick ]] && quick=(--quick)
summary=()
failed=0
started=$SECONDS
for campaign in crash faults load; do
    echo "== $campaign.py ${quick[*]}"
    out=$(mktemp)
    timeout 1800 python3 "scripts/campaigns/$campaign.py" "${quick[@]}" 2>&1 | tee "$out"
    status=${PIPESTATUS[0]}
    if [[ $status -ne 0 ]]; then
        failed=1
        summary+=("$campaign: FAILED (exit $status)")
    fi
    while IFS= read -r line; do summary+=("$line"); done < <(grep -E "^$campaign: [0-9]|^faults: \([a-d]\).*SKIPPED" "$out")
    rm -f "$out"
done
echo
echo "== reliability campaigns ($mode, $((SECONDS - started)) s)"
printf '%s\n' "${summary[@]}"
exit $failed
