#!/usr/bin/env python3
"""A webhook receiver on loopback for Tickler's tests, written apart from Tickler's code.

Usage: webhook-receiver.py SECRET_FILE LOG_FILE [LIFETIME_SECONDS]

Prints the port it listens on (127.0.0.1), then serves POST requests:
  /status/CODE[?retry_after=VALUE]  answers CODE (with Retry-After: VALUE when given)
  /sequence/C1,C2,...               answers C1 to the first request on this path, C2 to
                                    the second, ...; the last code repeats
  /hang                             answers only after 30 seconds
  /reset                            closes the connection with a TCP reset, no answer
  /reply/CODE/BODY                  answers CODE with BODY (URL-decoded) as JSON
  /flaky/PERCENT                    answers 500 to a random PERCENT % of requests, else 200
  /slow/SECONDS                     answers 200 after SECONDS (a slow receiver)
  /dribble/head                     sends its answer's status line and headers one byte
                                    a second (for about 10 minutes)
  /dribble/body                     sends a 200 head at once, then a 600-byte body one
                                    byte a second
  /dingtalk[?access_token=...]      answers as a DingTalk robot with 加签 would: HTTP 200 with
                                    {"errcode":0} when `timestamp` and `sign` in the query
                                    are right for SECRET (as written), else errcode 310000
  /feishu                           answers as a Feishu bot with 签名校验 would: {"code":0}
                                    when `timestamp` and `sign` in the body are right, else
                                    code 19021
  /switch                           behaves as the route last set with /set/ROUTE (for
                                    example POST /set/status/429?retry_after=2); at first
                                    as /status/200. /set requests are answered 204, not logged.
Each request is appended to LOG_FILE as one JSON line *before* the answer is sent:
path, headers (lower-case names), body (text) and signature_ok, checked the Standard
Webhooks way (https://www.standardwebhooks.com) with Python's hmac and hashlib; also
`answer` (the status code it is about to send, when it sends one), `in_flight` (requests
being handled at that moment, this one included), `received` (Unix time),
`dingtalk_sign_ok` and `feishu_sign_ok` (the tools' own signatures, checked as their docs
specify, null when the request carries none), and
`within_limits`: whether a chat tool's message is within that tool's published limits
(Slack: 50 blocks, 3,000 characters a section, 40,000 in all; DingTalk: markdown text of
20,000 bytes; WeCom: markdown content of 4,096 bytes; Feishu: a body of 20 KB; Teams: a
body of 21 KB: Teams documents 28 KB but refuses cards from about 21 KB), counted here apart from Tickler's own checks (null for other bodies).
It exits when its standard input closes (the test ended) or after LIFETIME_SECONDS
(default 300).
"""
import base64
import hashlib
import hmac
import json
import os
import random
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

secret_text = open(sys.argv[1], "rb").read().strip()
SECRET_TEXT = secret_text
if secret_text.startswith(b"whsec_"):
    KEY = base64.b64decode(secret_text[len(b"whsec_"):])
else:
    KEY = secret_text
LOG = sys.argv[2]
lock = threading.Lock()
counts = {}
in_flight = 0
switch = "/status/200"


def signature_ok(headers, body):
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        return False
    if abs(time.time() - int(timestamp)) > 300:
        return False
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def dingtalk_sign_ok(query):
    """DingTalk 加签: sign = urlencode(base64(HMAC-SHA256(secret, "{timestamp}\\n{secret}")))."""
    values = urllib.parse.parse_qs(query)
    if "timestamp" not in values or "sign" not in values:
        return None
    timestamp = values["timestamp"][0]
    if abs(time.time() * 1000 - int(timestamp)) > 3600 * 1000:
        return False
    digest = hmac.new(SECRET_TEXT, timestamp.encode() + b"\n" + SECRET_TEXT, hashlib.sha256).digest()
    return hmac.compare_digest(values["sign"][0], base64.b64encode(digest).decode())


def feishu_sign_ok(body):
    """Feishu 签名校验: sign = base64(HMAC-SHA256(key "{timestamp}\\n{secret}", empty message))."""
    try:
        message = json.loads(body)
    except ValueError:
        return None
    if not isinstance(message, dict) or "sign" not in message or "timestamp" not in message:
        return None
    timestamp = message["timestamp"]
    if not isinstance(timestamp, str) or abs(time.time() - int(timestamp)) > 3600:
        return False
    digest = hmac.new(timestamp.encode() + b"\n" + SECRET_TEXT, b"", hashlib.sha256).digest()
    return hmac.compare_digest(message["sign"], base64.b64encode(digest).decode())


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def within_limits(body):
    """The chat tool's published limits, for a body in one of their shapes; None otherwise."""
    try:
        message = json.loads(body)
    except ValueError:
        return None
    if not isinstance(message, dict):
        return None
    if "blocks" in message:
        texts = [b.get("text", {}).get("text", "") for b in message["blocks"]]
        return (len(message["blocks"]) <= 50 and all(utf16_length(t) <= 3000 for t in texts)
                and sum(utf16_length(t) for t in texts) <= 40000)
    if message.get("msgtype") == "markdown" and "content" in message.get("markdown", {}):
        return len(message["markdown"]["content"].encode("utf-8")) <= 4096
    if message.get("msgtype") == "markdown":
        return len(message["markdown"].get("text", "").encode("utf-8")) <= 20000
    if message.get("msg_type") == "post":
        return len(body) <= 20000
    if message.get("type") == "message" and "attachments" in message:
        return len(body) <= 21000  # documented 28 KB; refusals are reported from about 21 KB
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self, code, body=b"", headers=()):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def dribble(self, what):
        """Sends an answer one byte a second; stops when the client goes away."""
        body = b"x" * 600
        head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body)
        if what == "body":
            self.wfile.write(head)
            self.wfile.flush()
            slow = body
        else:
            slow = head + body
        self.close_connection = True
        try:
            for i in range(len(slow)):
                self.wfile.write(slow[i:i + 1])
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    def do_POST(self):
        global in_flight
        with lock:
            in_flight += 1
        try:
            self.handle_post()
        finally:
            with lock:
                in_flight -= 1

    def handle_post(self):
        global switch
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = {k.lower(): v for k, v in self.headers.items()}
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/set/"):
            with lock:
                switch = self.path[len("/set"):]
            self.answer(204)
            return
        if url.path == "/switch":
            with lock:
                url = urllib.parse.urlsplit(switch)
        parts = url.path.strip("/").split("/", 2)
        with lock:
            counts[url.path] = counts.get(url.path, 0) + 1
            n = counts[url.path]
        answer = None
        if parts[0] in ("status", "reply"):
            answer = int(parts[1])
        elif parts[0] == "sequence":
            codes = parts[1].split(",")
            answer = int(codes[min(n, len(codes)) - 1])
        elif parts[0] == "flaky":
            answer = 500 if random.random() * 100 < float(parts[1]) else 200
        elif parts[0] in ("slow", "hang", "dribble", "dingtalk", "feishu"):
            answer = 200
        record = {
            "path": url.path,
            "headers": headers,
            "body": body.decode("utf-8"),
            "signature_ok": signature_ok(headers, body),
            "answer": answer,
            "in_flight": in_flight,
            "received": time.time(),
            "within_limits": within_limits(body),
            "dingtalk_sign_ok": dingtalk_sign_ok(url.query),
            "feishu_sign_ok": feishu_sign_ok(body),
        }
        with lock:
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
                log.flush()
                os.fsync(log.fileno())
        query = urllib.parse.parse_qs(url.query)
        if parts[0] == "status":
            extra = [("Retry-After", query["retry_after"][0])] if "retry_after" in query else []
            self.answer(answer, ("status " + parts[1]).encode(), extra)
        elif parts[0] == "sequence":
            self.answer(answer, ("attempt %d" % n).encode())
        elif parts[0] == "flaky":
            self.answer(answer, b"flaky")
        elif parts[0] == "slow":
            time.sleep(float(parts[1]))
            self.answer(200)
        elif parts[0] == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif parts[0] == "dribble":
            self.dribble(parts[1] if len(parts) > 1 else "body")
        elif parts[0] == "hang":
            time.sleep(30)
            self.answer(200)
        elif parts[0] == "dingtalk":
            ok = record["dingtalk_sign_ok"]
            reply = {"errcode": 0, "errmsg": "ok"} if ok else {"errcode": 310000, "errmsg": "sign not match"}
            self.answer(200, json.dumps(reply).encode(), [("Content-Type", "application/json")])
        elif parts[0] == "feishu":
            ok = record["feishu_sign_ok"]
            reply = {"code": 0, "msg": "success"} if ok else {"code": 19021, "msg": "sign match fail"}
            self.answer(200, json.dumps(reply).encode(), [("Content-Type", "application/json")])
        elif parts[0] == "reply":
            self.answer(int(parts[1]), urllib.parse.unquote(parts[2]).encode(), [("Content-Type", "application/json")])
        else:
            self.answer(404, b"no such test route")


def exit_when_parent_is_gone():
    sys.stdin.read()
    os._exit(0)


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that goes away mid-request (a killed daemon, a timeout) is expected.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


server = Server(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Thread(target=exit_when_parent_is_gone, daemon=True).start()
threading.Timer(float(sys.argv[3]) if len(sys.argv) > 3 else 300, lambda: os._exit(0)).start()
print(server.server_address[1], flush=True)
server.serve_forever()
