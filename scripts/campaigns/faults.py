#!/usr/bin/env python3
"""Fault campaign: `tickler serve` under faults, then after they clear.

(a) full disk: the state folder and the mail spool on two small tmpfs, filled up (root
    only: skipped with a message otherwise);
(b) read-only spool: a tmpfs remounted read-only (root), or a 0555 folder (non-root);
(c) webhook receiver that hangs (beyond the 2 s timeout), resets the connection, answers
    500, answers 429 with Retry-After: 2 (the retry must come from the daemon's own
    schedule, without `outbox retry`);
(d) a store file rewritten in place (truncate, then write in small pieces) in a loop while
    the daemon reads it: no notice may come from a half-written file (every customer has a
    recent contact in the full file, so no overdue notice is expected at all).

For each fault: the daemon keeps running (the process is alive throughout), each fault is
reported once (a warning or error line, after normalising ids and numbers, appears at most
once while the fault lasts; the per-message "will be retried" line is allowed once per
attempt, and attempts follow the backoff, not the ticks) and, after the fault clears (and
`tickler outbox retry` skipped the backoff), everything `tickler eval` expects was
delivered, with no duplicate.

Usage: faults.py [--quick] [--only a,b,c,d]
"""
import argparse
import collections
import errno
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

import common

TICK_LINE = re.compile(r"Last tick|tick failed")


def normalise(line):
    line = re.sub(r"tickler-[0-9a-f]{8,}", "ID", line)
    return re.sub(r"\d+", "N", line)


def reported_once(lines):
    """Problems with the fault lines of one window: a line (normalised) repeated."""
    counts = collections.Counter(normalise(l) for l in lines if "will be retried" not in l)
    retries = collections.Counter(re.search(r"tickler-[0-9a-f]+", l).group(0) for l in lines
                                  if "will be retried" in l and re.search(r"tickler-[0-9a-f]+", l))
    problems = ["reported %d times: %s" % (n, line) for line, n in counts.items() if n > 1]
    problems += ["message %s reported as retried %d times in one window" % (i, n) for i, n in retries.items() if n > 2]
    return problems


def ticks_in(path, start):
    with open(path, "rb") as f:
        f.seek(start)
        return len([l for l in f.read().decode("utf-8", "replace").splitlines() if TICK_LINE.search(l)])


def fill(folder):
    """Fills the file system of `folder` with a filler file; returns its path."""
    filler = os.path.join(folder, "filler")
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (65536, 4096, 512, 1):
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler


def can_mount():
    if os.geteuid() != 0:
        return False
    probe = "/tmp/tickler-campaign-mount-probe-%d" % os.getpid()
    os.makedirs(probe, exist_ok=True)
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
                        capture_output=True).returncode == 0
    if ok:
        subprocess.run(["umount", probe])
    os.rmdir(probe)
    return ok


def mount_tmpfs(folder, size):
    os.makedirs(folder, exist_ok=True)
    common.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0755" % size, "tmpfs", folder])


def umount(folder):
    subprocess.run(["umount", "-l", folder], capture_output=True)


class Fault:
    """One fault's run: a workspace, a daemon, a window while the fault lasts."""

    def __init__(self, name, tickler, **workspace):
        self.name = name
        self.tickler = tickler
        self.ws = common.Workspace("fault-" + re.sub(r"[^a-z]+", "-", name.lower()).strip("-"), **workspace)
        self.daemon = None
        self.problems = []
        self.mounts = []

    def start(self):
        self.daemon = common.Daemon(self.tickler, self.ws)

    def settle(self, timeout=60):
        """Waits for the first ticks, then until the outbox is empty."""
        time.sleep(2.5)
        common.drain(self.tickler, self.ws, self.daemon, timeout)

    def window(self, seconds):
        """Lets the daemon tick `seconds` under the fault; checks it stays up and reports once."""
        start = common.size(self.daemon.stderr_path)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self.daemon.alive():
                raise common.Failure("serve exited under the fault (status %s)" % self.daemon.process.returncode)
            time.sleep(0.25)
        lines = common.fault_lines(self.daemon.stderr_path, start)
        self.problems += reported_once(lines)
        return lines, seconds

    def finish(self, check_mail=True, receiver=None, path=None):
        common.drain(self.tickler, self.ws, self.daemon, 120)
        time.sleep(2.5)
        common.drain(self.tickler, self.ws, self.daemon, 60)
        status = self.daemon.terminate()
        if status != 0:
            self.problems.append("serve exited %d on SIGTERM" % status)
        expected = common.expected_notices(self.tickler, self.ws)
        count = sum(len(k) for k in expected.values())
        if check_mail:
            lost, duplicates = common.mail_check(self.ws, expected)
            if lost:
                self.problems.append("%d notices never mailed, e.g. %s" % (len(lost), sorted(lost)[:3]))
            if duplicates:
                self.problems.append("%d duplicate mails" % duplicates)
        if receiver is not None:
            lost, duplicates, _, problems = common.webhook_check(receiver.requests(), expected)
            self.problems += problems
            if lost:
                self.problems.append("%d notices never delivered by webhook, e.g. %s" % (len(lost), sorted(lost)[:3]))
            if duplicates:
                self.problems.append("%d notices in two webhook digests" % len(duplicates))
        return count

    def cleanup(self):
        if self.daemon is not None and self.daemon.alive():
            self.daemon.kill()
        for folder in reversed(self.mounts):
            umount(folder)


def full_disk(tickler, quick):
    fault = Fault("(a) full disk", tickler, customers=20)
    try:
        state, spool = fault.ws.path("statefs"), fault.ws.path("spoolfs")
        for folder in (state, spool):
            mount_tmpfs(folder, "1m")
            fault.mounts.append(folder)
        fault.ws = rewire(fault.ws, state=state + "/state", spool=spool + "/spool")
        fault.start()
        fault.settle()
        fillers = [fill(spool), fill(state)]
        fault.ws.add_customers(10)
        lines, ticks = fault.window(6 if quick else 20)
        if not lines:
            fault.problems.append("the full disk was not reported")
        for filler in fillers:
            os.remove(filler)
        delivered = fault.finish()
        return fault, "%d s (1 s ticks) with full state and spool disks, %d fault lines, %d notices mailed after recovery" % (
            ticks, len(lines), delivered)
    finally:
        fault.cleanup()


def rewire(ws, state=None, spool=None):
    """Points the workspace's config at another state folder or spool."""
    text = open(ws.config).read()
    if state:
        text = text.replace("state: %s" % ws.state, "state: %s" % state)
        ws.state = state
    if spool:
        text = text.replace("spool: %s" % ws.spool, "spool: %s" % spool)
        ws.spool = spool
    os.makedirs(ws.state, exist_ok=True)
    os.makedirs(ws.spool, exist_ok=True)
    with open(ws.config, "w") as f:
        f.write(text)
    return ws


def read_only_spool(tickler, quick, mounts):
    fault = Fault("(b) read-only spool", tickler, customers=20)
    try:
        spool = fault.ws.path("spoolfs")
        if mounts:
            mount_tmpfs(spool, "4m")
            fault.mounts.append(spool)
        fault.ws = rewire(fault.ws, spool=spool + "/spool")
        fault.start()
        fault.settle()
        if mounts:
            common.run(["mount", "-o", "remount,ro", spool])
        else:
            os.chmod(fault.ws.spool, 0o555)
            for name in os.listdir(fault.ws.spool):
                os.chmod(os.path.join(fault.ws.spool, name), 0o444)
        fault.ws.add_customers(10)
        # Force attempts while read-only: nothing may be lost or half-written.
        time.sleep(2)
        common.retry_all(tickler, fault.ws, [e for e in common.outbox(tickler, fault.ws) if e["status"] == "pending"])
        lines, ticks = fault.window(6 if quick else 20)
        waiting = [e for e in common.outbox(tickler, fault.ws) if e["status"] in ("pending", "dead")]
        if not waiting:
            fault.problems.append("nothing waits in the outbox while the spool is read-only")
        if mounts:
            common.run(["mount", "-o", "remount,rw", spool])
        else:
            os.chmod(fault.ws.spool, 0o2775)
            for name in os.listdir(fault.ws.spool):
                os.chmod(os.path.join(fault.ws.spool, name), 0o660)
        delivered = fault.finish()
        how = "remounted read-only" if mounts else "mode 0555"
        return fault, "%d s (1 s ticks) with the spool %s, %d messages waited, %d fault lines, %d notices mailed after" % (
            ticks, how, len(waiting), len(lines), delivered)
    finally:
        fault.cleanup()


def webhook_faults(tickler, quick):
    fault = Fault("(c) webhook", tickler, customers=10, mail=False)
    receiver = common.Receiver(fault.ws.folder)
    try:
        with open(fault.ws.config, "a") as f:
            f.write("  webhook:\n    url: %s/switch\n    format: generic\n"
                    "    secret: { file: webhook.secret }\n    timeout: 2s\n" % receiver.base)
        fault.start()
        fault.settle()
        seen = {}
        for route in ("/hang", "/reset", "/status/500", "/status/429?retry_after=2"):
            receiver.set(route)
            fault.ws.add_customers(3)
            path = route.split("?")[0]
            before = len([r for r in receiver.requests() if r["path"] == path])
            deadline = time.monotonic() + 30
            forced = route != "/status/429?retry_after=2"
            while time.monotonic() < deadline:
                n = len([r for r in receiver.requests() if r["path"] == path]) - before
                if (n >= 1 and forced) or n >= 3:
                    break
                if forced:
                    common.retry_all(tickler, fault.ws,
                                     [e for e in common.outbox(tickler, fault.ws) if e["status"] == "pending"])
                if not fault.daemon.alive():
                    raise common.Failure("serve exited under %s" % route)
                time.sleep(1)
            seen[route] = len([r for r in receiver.requests() if r["path"] == path]) - before
            if seen[route] == 0:
                fault.problems.append("no request reached %s" % route)
            if not forced and seen[route] < 3:
                fault.problems.append("Retry-After: 2 not honoured: %d requests in 30 s" % seen[route])
        receiver.set("/status/200")
        delivered = fault.finish(check_mail=False, receiver=receiver)
        lost, dupes, retries, _ = common.webhook_check(receiver.requests(), common.expected_notices(tickler, fault.ws))
        return fault, "hang/reset/500/429 got %s requests; %d retries, all with the same webhook-id and body; %d notices delivered after" % (
            "/".join(str(n) for n in seen.values()), retries, delivered)
    finally:
        receiver.stop()
        fault.cleanup()


def store_rewrite(tickler, quick):
    fault = Fault("(d) store rewritten while read", tickler, customers=0)
    customers = 300
    fault.ws.add_customers(customers)
    yesterday = time.strftime("%Y-%m-%dT09:00:00Z", time.gmtime(time.time() - 86400))
    contacts = "".join(json.dumps({"customer": "C%06d" % n, "rep": common.rep_id(n % fault.ws.reps),
                                   "at": yesterday, "method": "phone"}) + "\n" for n in range(customers)).encode()
    path = fault.ws.path("store/contacts.jsonl")
    with open(path, "wb") as f:
        f.write(contacts)
    stop = threading.Event()
    rewrites = [0]

    def writer():
        rng = random.Random(1)
        while not stop.is_set():
            fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
            for offset in range(0, len(contacts), 997):
                os.write(fd, contacts[offset:offset + 997])
                time.sleep(rng.uniform(0, 0.003))
            os.close(fd)
            rewrites[0] += 1
            time.sleep(rng.uniform(0, 0.02))

    try:
        expected = common.expected_notices(tickler, fault.ws)
        if expected:
            raise common.Failure("the full store must yield no notice, got %d" % sum(map(len, expected.values())))
        fault.start()
        time.sleep(2.5)
        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        lines, ticks = fault.window(8 if quick else 30)
        stop.set()
        thread.join()
        time.sleep(3)
        if not fault.daemon.alive():
            raise common.Failure("serve exited")
        status = fault.daemon.terminate()
        if status != 0:
            fault.problems.append("serve exited %d on SIGTERM" % status)
        mailed = sum(m["notices"] for m in common.mails(fault.ws))
        if mailed:
            fault.problems.append(
                "%d notices mailed from half-written snapshots (every customer has a contact in the full file)" % mailed)
        return fault, "%d rewrites during %d s (1 s ticks), %d notices from torn snapshots, %d fault lines" % (
            rewrites[0], ticks, mailed, len(lines))
    finally:
        stop.set()
        fault.cleanup()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short fault windows (CI)")
    parser.add_argument("--only", default="a,b,c,d")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    tickler = common.tickler_binary()
    mounts = can_mount()
    started = time.monotonic()
    survived, skipped, failed = 0, 0, 0
    campaigns = {
        "a": lambda: full_disk(tickler, args.quick),
        "b": lambda: read_only_spool(tickler, args.quick, mounts),
        "c": lambda: webhook_faults(tickler, args.quick),
        "d": lambda: store_rewrite(tickler, args.quick),
    }
    for letter in args.only.split(","):
        if letter == "a" and not mounts:
            print("faults: (a) full disk SKIPPED: needs root and tmpfs mounts (run as root, as CI does)")
            skipped += 1
            continue
        if letter == "b" and not mounts and os.geteuid() == 0:
            print("faults: (b) read-only spool SKIPPED: root ignores mode 0555 and tmpfs cannot be mounted here")
            skipped += 1
            continue
        fault = None
        try:
            fault, figures = campaigns[letter]()
            problems = fault.problems
        except common.Failure as error:
            figures, problems = "", [str(error)]
        name = fault.name if fault else letter
        if problems:
            failed += 1
            for problem in problems:
                print("faults: %s FAIL: %s" % (name, problem), file=sys.stderr)
            if fault:
                print("faults: %s: workspace kept at %s" % (name, fault.ws.folder), file=sys.stderr)
        else:
            survived += 1
            print("faults: %s: survived; %s" % (name, figures))
            if fault and not args.keep:
                fault.ws.remove()
    if failed:
        print("faults: %d of %d faults FAILED (above)" % (failed, survived + failed), file=sys.stderr)
        return 1
    print("faults: %d faults survived, each reported once, everything delivered after recovery%s (%.0f s)" % (
        survived, "; %d skipped" % skipped if skipped else "", time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
