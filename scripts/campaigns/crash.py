#!/usr/bin/env python3
"""Crash-safety campaign: `kill -9` of `tickler serve` at random moments, then recovery.

A workspace with ~10 reps and 2 managers, overdue customers, the mail channel (an mbox
spool) and the webhook channel to the receiver fixture on loopback, which answers 500 to a
random 20 % of requests; tick interval 1 s. Each cycle sometimes appends new overdue
customers to the store (so new notices keep coming), starts `serve`, sleeps 0.05-1.5 s and
sends SIGKILL. Then `serve` runs until the outbox is empty (what waits for its backoff is put
back in line with `tickler outbox retry`) and stops on SIGTERM.

Checked against `tickler eval --format json` on the final store (keys and `to` lists):
- lost: an expected (recipient, key) pair in no webhook digest answered 2xx, or in no mail
  of the recipient's mbox (keys read from the bodies; the sum of X-Tickler-Notices per
  recipient must equal the expected count);
- duplicate mails: a Message-ID twice in the spool, or a key in two mails of one recipient;
- duplicate webhook deliveries: a key of one recipient in two *different* webhook-ids that
  were answered 2xx. The same webhook-id sent again (after a 500 or a crash) is a retry,
  allowed and expected; every retry must carry the identical body (and a valid signature).

Usage: crash.py [--cycles N] [--quick] [--seed S]
"""
import argparse
import collections
import random
import sys
import time

import common


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="20 cycles (CI)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the workspace")
    args = parser.parse_args()
    cycles = 20 if args.quick else args.cycles
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    tickler = common.tickler_binary()
    started = time.monotonic()

    ws = common.Workspace("crash", reps=10, managers=2, customers=30)
    receiver = common.Receiver(ws.folder)
    flaky = "/flaky/20"
    ws_config = open(ws.config).read()
    with open(ws.config, "w") as f:
        f.write(ws_config + "  webhook:\n    url: %s%s\n    format: generic\n"
                "    secret: { file: webhook.secret }\n    timeout: 2s\n" % (receiver.base, flaky))
    failures = []
    daemon = None
    try:
        for cycle in range(cycles):
            if rng.random() < 0.4:
                ws.add_customers(rng.randint(1, 6))
            daemon = common.Daemon(tickler, ws)
            time.sleep(rng.uniform(0.05, 1.5))
            if not daemon.alive():
                raise common.Failure("cycle %d: serve exited by itself with status %s (see %s)" % (
                    cycle, daemon.process.returncode, daemon.stderr_path))
            daemon.kill()

        daemon = common.Daemon(tickler, ws)
        time.sleep(2.5)  # at least two ticks: everything the store yields is queued
        put_back = common.drain(tickler, ws, daemon, timeout=180)
        time.sleep(2.5)
        put_back += common.drain(tickler, ws, daemon, timeout=60)
        status = daemon.terminate()
        if status != 0:
            failures.append("serve exited %d on SIGTERM" % status)

        expected = common.expected_notices(tickler, ws)
        expected_pairs = {(r, k) for r, keys in expected.items() for k in keys}

        # Webhook.
        requests = [r for r in receiver.requests() if r["path"] == flaky]
        by_id = collections.defaultdict(list)
        for request in requests:
            if not request["signature_ok"]:
                failures.append("a webhook request with a bad signature: %s" % request["headers"].get("webhook-id"))
            by_id[request["headers"].get("webhook-id")].append(request)
        retries = 0
        delivered_ids = collections.defaultdict(set)  # (recipient, key) -> webhook-ids answered 2xx
        for webhook_id, sent in by_id.items():
            retries += len(sent) - 1
            if len({r["body"] for r in sent}) != 1:
                failures.append("webhook-id %s was sent with different bodies" % webhook_id)
            for r in sent:
                if r["answer"] and 200 <= r["answer"] < 300:
                    recipient, keys = common.webhook_keys(r["body"])
                    for key in keys:
                        delivered_ids[(recipient, key)].add(webhook_id)
        webhook_lost = expected_pairs - set(delivered_ids)
        webhook_dupes = {pair: ids for pair, ids in delivered_ids.items() if len(ids) > 1}
        webhook_extra = set(delivered_ids) - expected_pairs

        # Mail.
        messages = common.mails(ws)
        ids = collections.Counter(m["message_id"] for m in messages)
        duplicate_mails = sum(n - 1 for n in ids.values() if n > 1)
        mail_keys = collections.Counter()
        notices_header = collections.Counter()
        for m in messages:
            if m["header_recipient"] != m["recipient"]:
                failures.append("a mail in %s's mbox is for %s" % (m["recipient"], m["header_recipient"]))
            notices_header[m["recipient"]] += m["notices"]
            if len(m["keys"]) != m["notices"]:
                failures.append("mail %s: X-Tickler-Notices %d but %d keys in the body" % (
                    m["message_id"], m["notices"], len(m["keys"])))
            for key in m["keys"]:
                mail_keys[(m["recipient"], key)] += 1
        mail_lost = expected_pairs - set(mail_keys)
        mail_key_dupes = {pair: n for pair, n in mail_keys.items() if n > 1}
        for recipient, keys in expected.items():
            if notices_header[recipient] != len(keys):
                failures.append("%s: X-Tickler-Notices sum to %d, expected %d" % (
                    recipient, notices_header[recipient], len(keys)))

        lost = len(webhook_lost | mail_lost)
        if webhook_lost:
            failures.append("%d notices never delivered by webhook, e.g. %s" % (len(webhook_lost), sorted(webhook_lost)[:3]))
        if mail_lost:
            failures.append("%d notices never delivered by mail, e.g. %s" % (len(mail_lost), sorted(mail_lost)[:3]))
        if webhook_extra:
            failures.append("%d webhook notices not expected, e.g. %s" % (len(webhook_extra), sorted(webhook_extra)[:3]))
        if duplicate_mails or mail_key_dupes:
            failures.append("%d duplicate Message-IDs, %d keys mailed twice, e.g. %s" % (
                duplicate_mails, len(mail_key_dupes), sorted(mail_key_dupes)[:3]))
        if webhook_dupes:
            failures.append("%d keys delivered in two different webhook digests, e.g. %s" % (
                len(webhook_dupes), sorted(webhook_dupes.items())[:2]))
        if not expected_pairs:
            failures.append("the store yields no notices: the campaign proves nothing")

        print("crash: %d cycles survived, %d notices expected (%d recipients, %d customers), %d lost, "
              "%d duplicate mails, %d duplicate webhook deliveries, %d webhook retries all with the same "
              "webhook-id and body; %d mails, %d webhook requests, %d outbox entries put back in line; "
              "seed %d, %.0f s" % (
                  cycles, len(expected_pairs), len(expected), ws.next_customer, lost,
                  duplicate_mails + len(mail_key_dupes), len(webhook_dupes), retries, len(messages),
                  len(requests), put_back, seed, time.monotonic() - started))
    except common.Failure as error:
        failures.append(str(error))
    finally:
        if daemon is not None and daemon.alive():
            daemon.kill()
        receiver.stop()
    return common.finish("crash", failures, ws, args.keep)


if __name__ == "__main__":
    sys.exit(main())
