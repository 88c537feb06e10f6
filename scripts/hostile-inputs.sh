#!/usr/bin/env bash
# The hostile-input campaign (docs/reliability.md): feeds every input under scripts/hostile/
# and a few large ones generated here (1 GiB sparse files, 100,000 nested brackets, a FIFO
# and /dev/zero as collections) to the
# real `tickler` binary, and checks that each is refused cleanly:
#   - the process exits by itself with status 1 or 2 (eval: 0 is fine when bad records were
#     reported and skipped), never by a signal or a Swift runtime trap;
#   - within the time limit (else it is a hang), under a 4 GiB address-space limit;
#   - standard error says why, as FILE:LINE[:COLUMN]: lines (or PATH: message for a store
#     that cannot be read at all), holds no raw control character, and never the secret.
# Prints "hostile inputs: N refused cleanly, C crashes, H hangs" and exits non-zero unless
# every input was refused cleanly.
#
#   scripts/hostile-inputs.sh              build (debug) and run
#   TICKLER=path/to/tickler scripts/hostile-inputs.sh
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
hostile="scripts/hostile"
limit_seconds=30
secret="hunter2-S3CRET-7f3a9c"

if [[ -z "${TICKLER:-}" ]]; then
    swift build --product tickler >/dev/null 2>&1 || { echo "hostile-inputs: swift build failed" >&2; exit 2; }
    TICKLER="$(swift build --show-bin-path)/tickler"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Large inputs, made here rather than committed. Sparse files take no disk and no time.
gen="$work/generated"
mkdir -p "$gen/rules" "$gen/tests" "$gen/configs" "$gen/stores"
python3 - "$gen" "$root" <<'PY'
import os, sys
gen, root = sys.argv[1], sys.argv[2]
def w(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f: f.write(data if isinstance(data, bytes) else data.encode())
def sparse(path, head, size, tail):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(head.encode()); f.seek(size - len(tail)); f.write(tail.encode())
GiB = 1 << 30
head = "version: 1\ntimezone: Asia/Shanghai\n"
rep = '{"id": "r1", "name": "Li", "mailbox": "li"}'
sparse(f"{gen}/rules/one-gib.yaml", head + "# ", GiB, "\n")
w(f"{gen}/rules/flood-brackets.yaml", head + "x: " + "[" * 100000 + "\n")
w(f"{gen}/rules/deep-block-1000.yaml", head + "".join(" " * i + "k:\n" for i in range(1000)))
rel = os.path.relpath(root, f"{gen}/tests")
w(f"{gen}/tests/deep.test.yaml", f"rules: {rel}/rules/office.yaml\nstore: {rel}/rules/example-store\ncases: " + "[" * 100000 + "\n")
sparse(f"{gen}/tests/one-gib.test.yaml", "rules: x\n# ", GiB, "\n")
w(f"{gen}/configs/deep.yaml", "rules: r.yaml\nstore: s\nstate: t\nchannels: " + "[" * 100000 + "\n")
sparse(f"{gen}/configs/one-gib.yaml", "rules: r.yaml\n# ", GiB, "\n")
sparse(f"{gen}/stores/one-gib-line/contacts.jsonl", '{"customer": "C1", "rep": "r1", "note": "', GiB,
       '"}\n{"customer": "C1", "rep": "r1", "at": "2026-11-20T10:00:00Z"}\n')
w(f"{gen}/stores/one-gib-line/reps.jsonl", rep + "\n")
sparse(f"{gen}/stores/one-gib-json/customers.json", "[", GiB, "]\n")
w(f"{gen}/stores/deep-nesting/reps.jsonl", rep + "\n" + "[" * 100000 + "]" * 100000 + "\n" + "{" * 100000 + "\n")
w(f"{gen}/stores/deep-nesting/customers.json", "[\n" + "[" * 100000 + "\n")
w(f"{gen}/stores/long-lines/reps.jsonl", rep + "\n" + '{"id": "r2", "name": "' + "x" * (64 << 20) + '"}\n')
PY
# A FIFO and a device where a collection belongs: refused at once, never waited on or read.
mkdir -p "$gen/stores/fifo-collection" "$gen/stores/dev-zero-collection"
mkfifo "$gen/stores/fifo-collection/contacts.jsonl"
ln -s /dev/zero "$gen/stores/dev-zero-collection/customers.json"

total=0
clean=0
crashes=0
hangs=0
failures=()

# run NAME EXPECTED_STATUSES COMMAND...: one input through one command, judged as above.
run() {
    local name="$1" allowed="$2"
    shift 2
    total=$((total + 1))
    local out="$work/out" err="$work/err" status
    ( ulimit -v $((4 << 20)); exec timeout -s KILL "$limit_seconds" "$@" ) >"$out" 2>"$err" </dev/null
    status=$?
    local why=""
    if ((status == 137)); then
        hangs=$((hangs + 1))
        why="no answer within ${limit_seconds} s (hang)"
    elif ((status >= 128)) || grep -qE "Fatal error|Stack dump|Segmentation fault|Illegal instruction|Aborted|AddressSanitizer" "$err"; then
        crashes=$((crashes + 1))
        why="crashed (status $status): $(grep -m1 -E "Fatal error|Stack dump|error" "$err" | cut -c1-200)"
    elif [[ " $allowed " != *" $status "* ]]; then
        why="exit status $status, expected one of: $allowed"
    elif ! grep -qE '^[^ ]+:[0-9]+(:[0-9]+)?: |^[^ ]+: ' "$err"; then
        why="no FILE:LINE: diagnostic on standard error"
    elif LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$err"; then
        why="a raw control character reached standard error"
    elif grep -qF "$secret" "$err" "$out"; then
        why="the secret reached the output"
    fi
    if [[ -n "$why" ]]; then
        failures+=("$name: $why")
    else
        clean=$((clean + 1))
    fi
}

office="rules/office.yaml"
for f in "$hostile"/rules/* "$gen"/rules/*; do
    run "check $(basename "$f")" "1 2" "$TICKLER" check "$f"
    run "eval --rules $(basename "$f")" "1 2" "$TICKLER" eval --rules "$f" --store rules/example-store --at 2026-11-24T10:00
done
for d in "$hostile"/stores/* "$gen"/stores/*; do
    run "check --store $(basename "$d")" "1 2" "$TICKLER" check "$office" --store "$d"
    run "eval --store $(basename "$d")" "0 2" "$TICKLER" eval --rules "$office" --store "$d" --at 2026-11-24T10:00 --format json
done
for f in "$hostile"/tests/* "$gen"/tests/*; do
    run "test $(basename "$f")" "1 2" "$TICKLER" test "$f"
done
for f in "$hostile"/configs/* "$gen"/configs/*; do
    run "serve --config $(basename "$f")" "1 2" "$TICKLER" serve --config "$f" --once
done

for failure in "${failures[@]}"; do echo "  FAIL $failure"; done
echo "hostile inputs: $clean refused cleanly, $crashes crashes, $hangs hangs"
((clean == total))
