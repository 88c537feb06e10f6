#!/usr/bin/env python3
"""What the alert cost bound allows, measured: `tickler eval` of the shipped rules with the
most expensive alerts `tickler check` accepts, against the same rules without them.

    Benchmarks/alerts-cost.py [--size 10000:100000] [--repeat 3] [--tickler PATH]

The rules file's alerts may cost at most ExpressionCost.fileBudget weighted units together
(docs/expressions.md, "Limits"). This script builds two rules files from rules/office.yaml:
- `base`: its own alerts removed;
- `limit`: base plus alerts at the budget, over contacts (10x weight): each sums three
  `count_*` calls, the costliest terms, so the file's alerts cost exactly the budget;
checks that `tickler check` accepts `limit` and refuses it with one more alert, and prints
the eval wall time and peak memory of `limit` as a ratio of `base` on the same store.
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
    when: count_contacts(7d) + count_contacts(30d) + count_events(30d) > {i}
    notify: [rep]
"""
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
    for name, alerts in [("base", 0), ("limit", count), ("over", count + 1)]:
        text = base
        if alerts:
            text += "\nalerts:\n" + "".join(ALERT.format(i=i) for i in range(alerts))
        paths[name] = os.path.join(folder, name + ".yaml")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write(text)
    for name, wanted in [("base", 0), ("limit", 0), ("over", 1)]:
        status = subprocess.run([args.tickler, "check", paths[name]], capture_output=True).returncode
        if status != wanted:
            sys.exit(f"alerts-cost: `tickler check` of {name} exited {status}, expected {wanted}")
    figures = {}
    for name in ["base", "limit"]:
        argv = [args.tickler, "eval", "--rules", paths[name], "--store", store, "--at", bench.AT, "--format", "json"]
        figures[name] = bench.best(argv, args.repeat)
    (t0, m0, _), (t1, m1, _) = figures["base"], figures["limit"]
    print(f"store: {customers} customers, {contacts} contacts; {count} alerts at the budget of {BUDGET} units")
    print(f"eval wall time, alerts at the limit / no alerts: {t1 / t0:.2f}x")
    print(f"eval peak memory, alerts at the limit / no alerts: {m1 / m0:.2f}x")


if __name__ == "__main__":
    main()
