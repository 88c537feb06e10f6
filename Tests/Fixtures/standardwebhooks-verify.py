#!/usr/bin/env python3
"""Verifies one signed webhook with the official Standard Webhooks library (not Tickler's code).

Usage: standardwebhooks-verify.py SECRET_FILE BODY_FILE HEADERS_JSON_FILE

The secret is read as written in the file (the library is given the text, whsec_ prefix,
line breaks and all). Exits 0 when the library accepts the signature, 1 when it refuses it,
3 when the library is not installed (pip install standardwebhooks).
"""
import json
import sys

try:
    from standardwebhooks.webhooks import Webhook
except ImportError:
    sys.exit(3)

secret = open(sys.argv[1], encoding="utf-8").read()
body = open(sys.argv[2], "rb").read()
headers = json.load(open(sys.argv[3], encoding="utf-8"))
try:
    Webhook(secret).verify(body, headers)
except Exception as error:  # the library raises WebhookVerificationError
    print(error, file=sys.stderr)
    sys.exit(1)
