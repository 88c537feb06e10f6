#!/usr/bin/env python3
"""Load campaign: one tick with many reps and notices, and a slow webhook receiver.

A store of REPS reps (and REPS/20 managers) and CUSTOMERS never-contacted customers (each
yields one overdue notice for its rep and manager); the webhook channel (one digest per
recipient) to the receiver fixture's /slow/SECONDS route, which answers after SECONDS;
the journal off; interval 5 s, so ticks come due while the first one is still delivering.
Measured:
- bounded concurrency: the most requests the receiver had in flight at once must not
  exceed the outbox drain's limit (4);
- ticks never overlap: each "Last tick AT: ..., MS ms" line starts after the previous
  one ended;
- peak RSS of the daemon (VmHWM from /proc/PID/status) stays under --max-rss-mib (512 MiB
  with --quick, 1536 MiB otherwise) and is reported next to the peak RSS of
  `tickler eval` on the same store (ru_maxrss of the finished child), and must stay under
  --max-rss-ratio times eval's (2.5; measured about 1.05 for the first tick, up to 1.8 over
  the ticks that follow while the outbox delivers, see docs/daemon.md "Resource limits");
- every notice delivered once (keys of the 2xx-answered digests vs `tickler eval`).

Usage: load.py [--quick] [--reps 500] [--customers 100000] [--slow 1]
"""
import argparse
import datetime
import os
import re
import resource
import sys
import time

import common

LIMIT = 4
TICK = re.compile(r"Last tick (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)[^:]*: (\d+) notices.*?, (\d+) ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 reps, 10,000 notices (CI)")
    parser.add_argument("--reps", type=int, default=500)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--slow", type=float, default=1.0, help="seconds the receiver takes per request")
    parser.add_argument("--max-rss-mib", type=int, default=None,
                        help="peak RSS bound (default 512 with --quick, 1536 otherwise: a debug build)")
    parser.add_argument("--max-rss-ratio", type=float, default=2.5,
                        help="the daemon's peak RSS bound, in multiples of `tickler eval`'s on the same store")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.reps, args.customers = 100, 10_000
    if args.max_rss_mib is None:
        args.max_rss_mib = 512 if args.quick else 1536
    tickler = common.tickler_binary()
    started = time.monotonic()
    managers = max(1, args.reps // 20)
    ws = common.Workspace("load", reps=args.reps, managers=managers, customers=0, interval="5s", mail=False)
    ws.add_customers(args.customers)
    receiver = common.Receiver(ws.folder, lifetime=3600)
    route = "/slow/%g" % args.slow
    with open(ws.config, "a") as f:
        f.write("  webhook:\n    url: %s%s\n    format: generic\n    secret: { file: webhook.secret }\n"
                "    timeout: %ds\n" % (receiver.base, route, int(args.slow) + 10))
    failures = []
    daemon = None
    try:
        t0 = time.monotonic()
        expected = common.expected_notices(tickler, ws)
        eval_seconds = time.monotonic() - t0
        # The receiver is still running: eval is the only child that finished so far.
        eval_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        notices = len({k for keys in expected.values() for k in keys})
        recipients = len(expected)
        daemon = common.Daemon(tickler, ws)
        t0 = time.monotonic()
        # Queueing 100,000 notices takes minutes in a debug build on a busy machine.
        budget = 300 + args.customers / 100 + recipients * args.slow / LIMIT * 2

        def all_answered():
            if not daemon.alive():
                raise common.Failure("serve exited (status %s)" % daemon.process.returncode)
            ids = {r["headers"].get("webhook-id") for r in receiver.requests()
                   if r["answer"] == 200 and r["path"] == route}
            return len(ids) >= recipients

        if not common.wait_until(all_answered, budget, step=2):
            raise common.Failure("not every digest arrived within %d s" % budget)
        delivery_seconds = time.monotonic() - t0
        time.sleep(6)  # one more tick after the delivery
        common.drain(tickler, ws, daemon, 60)
        rss = daemon.peak_rss_kib()
        status = daemon.terminate(timeout=60)
        if status != 0:
            failures.append("serve exited %d on SIGTERM" % status)

        requests = [r for r in receiver.requests() if r["path"] == route]
        in_flight = max((r["in_flight"] for r in requests), default=0)
        if in_flight > LIMIT:
            failures.append("%d requests in flight at once; the limit is %d" % (in_flight, LIMIT))
        lost, duplicates, retries, problems = common.webhook_check(requests, expected)
        failures += problems
        if lost:
            failures.append("%d notices not delivered, e.g. %s" % (len(lost), sorted(lost)[:3]))
        if duplicates:
            failures.append("%d notices in two digests" % len(duplicates))

        ticks = []
        with open(daemon.stderr_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                match = TICK.search(line)
                if match:
                    at = datetime.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S")
                    ticks.append((at, int(match.group(2)), int(match.group(3))))
        overlaps = 0
        for (at, _, ms), (next_at, _, _) in zip(ticks, ticks[1:]):
            if next_at + datetime.timedelta(seconds=1) < at + datetime.timedelta(milliseconds=ms):
                overlaps += 1
        if overlaps:
            failures.append("%d ticks started before the previous one ended" % overlaps)
        if not ticks:
            failures.append("no tick line on stderr")
        if rss is None:
            failures.append("could not read VmHWM")
        elif rss > args.max_rss_mib * 1024:
            failures.append("peak RSS %d MiB above %d MiB" % (rss // 1024, args.max_rss_mib))
        elif rss > eval_rss * args.max_rss_ratio:
            failures.append("peak RSS %d MiB, more than %g times tickler eval's %d MiB" % (
                rss // 1024, args.max_rss_ratio, eval_rss // 1024))
        first = ticks[0] if ticks else (None, 0, 0)
        print("load: %d reps, %d customers, %d notices to %d recipients in one tick (%d ms, journal off); "
              "%d digests to a receiver taking %g s each, delivered in %.0f s; at most %d requests in flight "
              "(limit %d); %d ticks, none overlapping; peak RSS %s MiB (bound %d; tickler eval %d MiB); %d lost, %d duplicate; eval %.1f s; "
              "%.0f s in all" % (
                  args.reps, args.customers, notices, recipients, first[2], len({r["headers"].get("webhook-id") for r in requests}),
                  args.slow, delivery_seconds, in_flight, LIMIT, len(ticks), rss // 1024 if rss else "?", args.max_rss_mib,
                  eval_rss // 1024, len(lost), len(duplicates), eval_seconds, time.monotonic() - started))
    except common.Failure as error:
        failures.append(str(error))
    finally:
        if daemon is not None and daemon.alive():
            daemon.kill()
        receiver.stop()
    return common.finish("load", failures, ws, args.keep)


if __name__ == "__main__":
    sys.exit(main())
