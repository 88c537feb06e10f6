#!/usr/bin/env python3
"""Tickler benchmark: cold `tickler eval`, daemon ticks and peak memory, each as a ratio
against a baseline measured in the same run (Python's orjson merely parsing the same
JSON Lines files, no evaluation at all).

    Benchmarks/run.py [--sizes 10000:100000,100000:1000000] [--repeat 3] [--no-build]
                      [--appends 1,1000,100000] [--binary PATH]

SIZES are CUSTOMERS:CONTACTS pairs. Stores are generated once (deterministically, by
Benchmarks/generate-store.py) under .build/bench/ and reused. The tickler binary is the
release build (`swift build -c release`), built first unless --no-build (or the one named
with --binary, e.g. a debug build to try the script quickly).

Cold `eval` is measured twice: with the simple follow-up rules of
Benchmarks/simple-followup.yaml and with the shipped rules/office.yaml (every section on).
Daemon ticks run the shipped rules: with nothing changed, and after appending each of
--appends contacts to contacts.jsonl before a tick.

Every figure is the best of --repeat runs (wall time) and the largest peak resident set of
those runs; the baseline is measured in the same run on the same files, so the ratios hold
on a loaded or slower machine where the absolute figures would not.
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "bench")
RULES = os.path.join(ROOT, "rules", "office.yaml")
SIMPLE_RULES = os.path.join(ROOT, "Benchmarks", "simple-followup.yaml")
AT = "2026-11-24T10:00"

BASELINE = r"""
import orjson, os, sys
n = 0
for name in sorted(os.listdir(sys.argv[1])):
    if name.endswith(".jsonl"):
        with open(os.path.join(sys.argv[1], name), "rb") as f:
            for line in f:
                if line.strip():
                    orjson.loads(line)
                    n += 1
print(n)
"""


def run(argv, stdin=None):
    """Runs argv with stdout discarded; returns (seconds, peak RSS in bytes, stdout bytes)."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin)
    out_chunks = []
    while True:
        chunk = proc.stdout.read(1 << 20)
        if not chunk:
            break
        out_chunks.append(chunk[:4096] if len(out_chunks) < 4 else b"")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"benchmark: {' '.join(argv)} failed:\n{err.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024, b"".join(out_chunks)


def best(argv, repeat):
    times, peak, out = [], 0, b""
    for _ in range(repeat):
        seconds, rss, out = run(argv)
        times.append(seconds)
        peak = max(peak, rss)
    return min(times), peak, out


def store_for(customers, contacts):
    path = os.path.join(BENCH, f"store-{customers}-{contacts}")
    if not os.path.exists(os.path.join(path, ".complete")):
        print(f"generating {customers} customers / {contacts} contacts in {path} ...", flush=True)
        shutil.rmtree(path, ignore_errors=True)
        subprocess.check_call([sys.executable, os.path.join(ROOT, "Benchmarks", "generate-store.py"), path,
                               "--customers", str(customers), "--contacts", str(contacts)])
        open(os.path.join(path, ".complete"), "w").close()
    return path


def disk_size(path):
    return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path) if n.endswith((".json", ".jsonl")))


def mib(n):
    return f"{n / 2**20:.0f} MiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000:100000,100000:1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ticks", type=int, default=5, help="ticks per daemon measurement")
    parser.add_argument("--appends", default="1,1000,100000",
                        help="contacts appended before a tick, one measurement each")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", help="the tickler binary to measure (default: the release build)")
    args = parser.parse_args()
    try:
        import orjson  # noqa: F401
    except ImportError:
        sys.exit("benchmark: the baseline needs Python's orjson (pip install orjson)")

    if not args.no_build and not args.binary:
        print("building tickler (release) ...", flush=True)
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "tickler"], cwd=ROOT,
                              stdout=subprocess.DEVNULL)
    binary = args.binary or os.path.join(
        subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, text=True).strip(),
        "tickler")
    appends = [int(n) for n in args.appends.split(",") if n]
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    rows = []
    for pair in args.sizes.split(","):
        customers, contacts = (int(x) for x in pair.split(":"))
        store = store_for(customers, contacts)
        size = disk_size(store)
        base_s, base_rss, _ = best([sys.executable, "-c", BASELINE, store], args.repeat)
        eval_s, eval_rss, _ = best([binary, "eval", "--rules", RULES, "--store", store, "--at", AT,
                                    "--format", "json"], args.repeat)
        simple_s, simple_rss, _ = best([binary, "eval", "--rules", SIMPLE_RULES, "--store", store, "--at", AT,
                                        "--format", "json"], args.repeat)
        row = {"customers": customers, "contacts": contacts, "store_bytes": size,
               "baseline_s": base_s, "baseline_rss": base_rss, "eval_s": eval_s, "eval_rss": eval_rss,
               "simple_eval_s": simple_s, "simple_eval_rss": simple_rss, "ticks": {}}
        for count in appends:
            tick_out = run([binary, "bench-ticks", "--rules", RULES, "--store", store, "--at", AT,
                            "--ticks", str(args.ticks), "--append-contacts", str(count)])[2]
            row["ticks"][str(count)] = json.loads(tick_out.decode().strip().splitlines()[-1])
        rows.append(row)
        print(f"\n{customers:,} customers / {contacts:,} contacts ({mib(size)} on disk)")
        print(f"  baseline, orjson parse only     {base_s * 1000:9.0f} ms   {mib(base_rss):>9}   1.00")
        print(f"  cold eval, simple follow-up     {simple_s * 1000:9.0f} ms   {mib(simple_rss):>9}   "
              f"{simple_s / base_s:.2f} x baseline time")
        print(f"  cold eval, rules/office.yaml    {eval_s * 1000:9.0f} ms   {mib(eval_rss):>9}   "
              f"{eval_s / base_s:.2f} x baseline time")
        unchanged = min(t["unchanged_ms"] for t in row["ticks"].values()) if row["ticks"] else None
        if unchanged is not None:
            print(f"  tick, nothing changed           {unchanged:9.1f} ms               "
                  f"{unchanged / 1000 / base_s:.3f} x baseline time")
        for count, t in row["ticks"].items():
            label = f"tick, {int(count):,} contact{'' if int(count) == 1 else 's'} appended"
            print(f"  {label:<31} {t['appended_ms']:9.1f} ms               "
                  f"{t['appended_ms'] / 1000 / base_s:.3f} x baseline time")
        print(f"  peak memory of cold eval        {eval_rss / size:.2f} x the store's size on disk "
              f"({eval_rss / base_rss:.2f} x the baseline's; simple rules {simple_rss / size:.2f} x)")
    if len(rows) > 1:
        print("\ncost per MiB of store (linearity):")
        for row in rows:
            per = row["eval_s"] * 1000 / (row["store_bytes"] / 2**20)
            base = row["baseline_s"] * 1000 / (row["store_bytes"] / 2**20)
            simple = row["simple_eval_s"] * 1000 / (row["store_bytes"] / 2**20)
            print(f"  {mib(row['store_bytes']):>9}: eval {per:6.1f} ms/MiB (simple rules {simple:6.1f}), "
                  f"baseline {base:6.1f} ms/MiB")
    with open(os.path.join(BENCH, "last-run.json"), "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
