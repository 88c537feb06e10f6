"""Shared pieces of the reliability campaigns (crash.py, faults.py, load.py).

A workspace is a temporary folder with rules (UTC, no office hours, so delivery is never
deferred), a generated store of reps, managers and overdue customers, a webhook secret
(mode 0600) and a daemon config. The webhook receiver is the test fixture
Tests/Fixtures/webhook-receiver.py (a real HTTP server on loopback that checks signatures).
Everything here is the standard library only.
"""
import base64
import email
import email.policy
import json
import mailbox
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RECEIVER = os.path.join(ROOT, "Tests", "Fixtures", "webhook-receiver.py")
SECRET = "whsec_" + base64.b64encode(b"a secret of thirty-two bytes!!!!").decode()

RULES = """version: 1
timezone: UTC
locale: en
calendar:
  workdays: [mon, tue, wed, thu, fri]
followup:
  cadence: { A: 7d, B: 14d, C: 30d }
  remind_before: 1d
  overdue:
    - after: 0d
      notify: [rep]
    - after: 3d
      notify: [rep, manager]
"""


class Failure(Exception):
    """A campaign check that failed."""


def tickler_binary():
    path = os.environ.get("TICKLER")
    if path:
        return path
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    path = os.path.join(bin_path, "tickler")
    if not os.access(path, os.X_OK):
        raise Failure(f"{path} is missing: run `swift build` first")
    return path


def rep_id(i):
    return "r%03d" % i


def manager_id(i):
    return "m%02d" % i


def reps_records(reps, managers):
    records = [{"id": manager_id(m), "name": "Manager %d" % m, "mailbox": "mgr%02d" % m} for m in range(managers)]
    records += [
        {"id": rep_id(i), "name": "Rep %d" % i, "manager": manager_id(i % managers), "mailbox": "rep%03d" % i}
        for i in range(reps)
    ]
    return records


def customer_record(n, reps, registered="2020-01-06T09:00:00Z"):
    return {
        "id": "C%06d" % n, "name": "Customer %d" % n, "rep": rep_id(n % reps),
        "class": "ABC"[n % 3], "registered_at": registered,
    }


class Workspace:
    """A temporary office: rules, store, state, spool, secret and config."""

    def __init__(self, name, reps=10, managers=2, customers=30, base=None, interval="1s",
                 webhook_url=None, spool=None, state=None, journal=False, mail=True):
        self.folder = tempfile.mkdtemp(prefix="tickler-%s-" % name, dir=base)
        self.reps, self.managers = reps, managers
        self.next_customer = 0
        os.makedirs(self.path("store"))
        with open(self.path("rules.yaml"), "w") as f:
            f.write(RULES)
        with open(self.path("store/reps.json"), "w") as f:
            json.dump(reps_records(reps, managers), f)
        open(self.path("store/customers.jsonl"), "w").close()
        open(self.path("store/contacts.jsonl"), "w").close()
        self.add_customers(customers)
        secret = self.path("webhook.secret")
        with open(secret, "w") as f:
            f.write(SECRET)
        os.chmod(secret, 0o600)
        self.spool = spool or self.path("spool")
        self.state = state or self.path("state")
        os.makedirs(self.spool, exist_ok=True)
        lines = ["rules: rules.yaml", "store: store", "state: %s" % self.state, "interval: %s" % interval,
                 "channels:"]
        if journal:
            lines.append("  journal: { identifier: tickler-campaign }")
        if mail:
            lines += ["  mail:", "    spool: %s" % self.spool, '    from: "Tickler <tickler@office.example>"']
        if webhook_url:
            lines += ["  webhook:", "    url: %s" % webhook_url, "    format: generic",
                      "    secret: { file: webhook.secret }", "    timeout: 2s"]
        with open(self.config, "w") as f:
            f.write("\n".join(lines) + "\n")

    @property
    def config(self):
        return self.path("tickler.yaml")

    def path(self, name):
        return os.path.join(self.folder, name)

    def add_customers(self, count):
        """Appends `count` never-contacted customers (overdue) with one fsync'd write."""
        lines = "".join(
            json.dumps(customer_record(self.next_customer + k, self.reps)) + "\n" for k in range(count))
        self.next_customer += count
        fd = os.open(self.path("store/customers.jsonl"), os.O_WRONLY | os.O_APPEND)
        try:
            os.write(fd, lines.encode())
            os.fsync(fd)
        finally:
            os.close(fd)

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


class Receiver:
    """The webhook receiver fixture, on loopback, logging to a file."""

    def __init__(self, folder, lifetime=3600):
        secret = os.path.join(folder, "receiver.secret")
        with open(secret, "w") as f:
            f.write(SECRET)
        self.log = os.path.join(folder, "receiver.log")
        self.process = subprocess.Popen(
            [sys.executable, RECEIVER, secret, self.log, str(lifetime)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())
        self.base = "http://127.0.0.1:%d" % self.port

    def set(self, route):
        """Makes /switch behave as `route` (e.g. "/status/500")."""
        import urllib.request
        urllib.request.urlopen(urllib.request.Request(self.base + "/set" + route, data=b"", method="POST")).read()

    def requests(self):
        if not os.path.exists(self.log):
            return []
        out = []
        with open(self.log, encoding="utf-8") as f:
            for line in f:
                if line.endswith("\n"):
                    out.append(json.loads(line))
        return out

    def stop(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run(args, timeout=120, check=True):
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise Failure("%s exited %d: %s" % (" ".join(args), result.returncode, result.stderr.strip()[-2000:]))
    return result


def expected_notices(tickler, ws):
    """{recipient: set(keys)} from `tickler eval --format json` on the workspace."""
    out = run([tickler, "eval", "--rules", ws.path("rules.yaml"), "--store", ws.path("store"), "--format", "json"])
    expected = {}
    for line in out.stdout.splitlines():
        if not line.strip():
            continue
        notice = json.loads(line)
        for recipient in notice.get("to") or [notice["rep"]]:
            expected.setdefault(recipient, set()).add(notice["key"])
    return expected


def outbox(tickler, ws):
    out = run([tickler, "outbox", "--config", ws.config, "--format", "json"])
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip().startswith("{")]


def retry_all(tickler, ws, entries):
    for entry in entries:
        run([tickler, "outbox", "retry", entry["id"], "--config", ws.config], check=False)


def mailbox_to_recipient(ws):
    return {r["mailbox"]: r["id"] for r in reps_records(ws.reps, ws.managers)}


KEY_IN_BODY = re.compile(r"\[([a-z-]+/[^\]\s]+)\]")


def mails(ws):
    """Every message of every mbox in the spool: (recipient, message-id, notices header, keys)."""
    owners = mailbox_to_recipient(ws)
    out = []
    for name in sorted(os.listdir(ws.spool)):
        if name.endswith(".lock") or name not in owners:
            continue
        box = mailbox.mbox(os.path.join(ws.spool, name), create=False)
        for message in box:
            parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
            body = parsed.get_body(("plain",))
            text = body.get_content() if body is not None else ""
            out.append({
                "recipient": owners[name], "header_recipient": parsed.get("X-Tickler-Recipient"),
                "message_id": parsed.get("Message-ID"), "notices": int(parsed.get("X-Tickler-Notices", "0")),
                "keys": KEY_IN_BODY.findall(text),
            })
        box.close()
    return out


def webhook_keys(body):
    payload = json.loads(body)
    return payload["recipient"]["id"], [n["key"] for n in payload.get("notices", [])]


class Daemon:
    """`tickler serve --config` as a child process, its stderr in a file."""

    def __init__(self, tickler, ws, stderr_name="serve.stderr"):
        self.stderr_path = ws.path(stderr_name)
        self.stderr = open(self.stderr_path, "ab")
        self.process = subprocess.Popen(
            [tickler, "serve", "--config", ws.config], stdout=subprocess.DEVNULL, stderr=self.stderr)

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process.poll() is None

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.stderr.close()

    def terminate(self, timeout=30):
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            self.stderr.close()
            raise Failure("serve did not stop within %d s of SIGTERM" % timeout)
        self.stderr.close()
        return status

    def peak_rss_kib(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None


def wait_until(condition, timeout, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def drain(tickler, ws, daemon, timeout):
    """Waits until the outbox has nothing pending or dead, putting back in line (`outbox
    retry`) whatever waits for its backoff. Returns the number of `outbox retry` calls."""
    deadline = time.monotonic() + timeout
    retried = 0
    while time.monotonic() < deadline:
        if daemon is not None and not daemon.alive():
            raise Failure("serve exited during recovery (status %s)" % daemon.process.returncode)
        entries = [e for e in outbox(tickler, ws) if e["status"] in ("pending", "dead")]
        if not entries:
            return retried
        retry_all(tickler, ws, entries)
        retried += len(entries)
        time.sleep(1.5)
    raise Failure("the outbox still holds %d entries after %d s" % (
        len([e for e in outbox(tickler, ws) if e["status"] in ("pending", "dead")]), timeout))


def mail_check(ws, expected):
    """(lost pairs, duplicate count) of the mbox spool against {recipient: keys}."""
    expected_pairs = {(r, k) for r, keys in expected.items() for k in keys}
    seen = {}
    duplicates = 0
    ids = set()
    for m in mails(ws):
        if m["message_id"] in ids:
            duplicates += 1
        ids.add(m["message_id"])
        for key in m["keys"]:
            pair = (m["recipient"], key)
            if pair in seen:
                duplicates += 1
            seen[pair] = True
    return expected_pairs - set(seen), duplicates


def webhook_check(requests, expected, path=None):
    """(lost pairs, duplicate pairs, retries, problems) of the receiver's log against
    {recipient: keys}: a duplicate is a key of one recipient in two different webhook-ids
    answered 2xx; a retry is the same webhook-id sent again, which must carry the same body."""
    expected_pairs = {(r, k) for r, keys in expected.items() for k in keys}
    by_id = {}
    problems = []
    for r in requests:
        if path is not None and r["path"] != path:
            continue
        if not r["signature_ok"]:
            problems.append("bad signature on %s" % r["headers"].get("webhook-id"))
        by_id.setdefault(r["headers"].get("webhook-id"), []).append(r)
    delivered = {}
    retries = 0
    for webhook_id, sent in by_id.items():
        retries += len(sent) - 1
        if len({r["body"] for r in sent}) != 1:
            problems.append("webhook-id %s sent with different bodies" % webhook_id)
        for r in sent:
            if r["answer"] is not None and 200 <= r["answer"] < 300:
                recipient, keys = webhook_keys(r["body"])
                for key in keys:
                    delivered.setdefault((recipient, key), set()).add(webhook_id)
    duplicates = {pair for pair, ids in delivered.items() if len(ids) > 1}
    return expected_pairs - set(delivered), duplicates, retries, problems


def fault_lines(path, start=0):
    """The warning and error lines the daemon wrote to stderr after byte offset `start`."""
    with open(path, "rb") as f:
        f.seek(start)
        text = f.read().decode("utf-8", "replace")
    return [line for line in text.splitlines() if ": warning: " in line or ": error: " in line
            or ": critical: " in line]


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def finish(name, failures, ws, keep):
    """Prints a campaign's failures and returns its exit status; removes the workspace when it
    passed (unless kept), keeps it for a look when it failed."""
    for failure in failures:
        print("%s: FAIL: %s" % (name, failure), file=sys.stderr)
    if failures:
        print("%s: workspace kept at %s" % (name, ws.folder), file=sys.stderr)
    elif not keep:
        ws.remove()
    return 1 if failures else 0
