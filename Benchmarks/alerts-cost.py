#!/usr/bin/env python3
"""What the alert cost bound allows, measured: `tickler eval` of the shipped rules with the
most expensive alerts `tickler check` accepts, against the same rules without them.

    Benchmarks/alerts-cost.py [--size 10000:100000] [--repeat 3] [--tickler PATH]

The rules file's alerts may cost at most ExpressionCost.fileBudget weighted units together
(docs/expressions.md, "Limits"). This script builds two rules files from rules/office.yaml:
- `base`: its own alerts removed;
- `quiet` and `firing`: base plus alerts at the budget, over contacts (10x weight): each
  sums three `count_*` calls, the costliest terms, so the file's alerts cost exactly the
  budget; in `quiet` no condition is ever true (the evaluation cost alone), in `firing`
  every condition is true for every contact (each contact a notice of every alert);
checks that `tickler check` accepts them and refuses one more alert, and prints the eval
wall time and peak memory of each as a ratio of `base` on the same store.
Ratios, not seconds: they hold on a loaded or slower machine (docs/performance.md).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "Benchmarks", "run.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# 3 counts (32 units each) and 4 other terms: 100 units a contact, 1000 weighted.
ALERT = """  - name: costly-{i}
    for: contacts
    when: count_contacts(7d) + count_contacts(30d) + count_events(30d) {test}
    notify: [rep]
"""
# Never true: the cost of evaluating the alerts alone. Always true: every contact also
# becomes a notice of every alert (the worst a rules file at the budget can do).
TESTS = {"quiet": "> 1000000", "firing": ">= 0"}
BUDGET = 12_000
PER_ALERT = 1_000


def rules_without_alerts(text):
    """office.yaml without its `alerts:` section (up to the next top-level key)."""
    return re.sub(r"(?ms)^alerts:\n.*?(?=^[a-z_]+:)", "", text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="10000:100000", help="CUSTOMERS:CONTACTS")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tickler", default=os.path.join(ROOT, ".build", "release", "tickler"))
    args = parser.parse_args()
    customers, contacts = (int(x) for x in args.size.split(":"))
    store = bench.store_for(customers, contacts)
    with open(os.path.join(ROOT, "rules", "office.yaml"), encoding="utf-8") as f:
        base = rules_without_alerts(f.read())
    folder = tempfile.mkdtemp(prefix="tickler-alerts-cost-")
    paths = {}
    count = BUDGET // PER_ALERT
    for name, alerts, test in [("base", 0, ""), ("quiet", count, TESTS["quiet"]), ("firing", count, TESTS["firing"]),
                               ("over", count + 1, TESTS["quiet"])]:
        text = base
        if alerts:
            text += "\nalerts:\n" + "".join(ALERT.format(i=i, test=test) for i in range(alerts))
        paths[name] = os.path.join(folder, name + ".yaml")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write(text)
    for name, wanted in [("base", 0), ("quiet", 0), ("firing", 0), ("over", 1)]:
        status = subprocess.run([args.tickler, "check", paths[name]], capture_output=True).returncode
        if status != wanted:
            sys.exit(f"alerts-cost: `tickler check` of {name} exited {status}, expected {wanted}")
    figures = {}
    for name in ["base", "quiet", "firing"]:
        argv = [args.tickler, "eval", "--rules", paths[name], "--store", store, "--at", bench.AT, "--format", "json"]
        figures[name] = bench.best(argv, args.repeat)
    t0, m0, _ = figures["base"]
    print(f"store: {customers} customers, {contacts} contacts; {count} alerts at the budget of {BUDGET} units")
    for name in ["quiet", "firing"]:
        t1, m1, _ = figures[name]
        print(f"{name}: eval wall time {t1 / t0:.2f}x, peak memory {m1 / m0:.2f}x of the rules without alerts")


if __name__ == "__main__":
    main()
