#!/usr/bin/env python3
"""Filters swift-argument-parser's `--experimental-dump-help` JSON (stdin to stdout):
drops the commands and arguments marked `shouldDisplay: false`, which the parser's
generate-manual tool would otherwise print in the man page (the hidden `bench-ticks`).

    tickler --experimental-dump-help | packaging/visible-help.py
"""
import json
import sys


def visible(command):
    """`command` without its hidden subcommands and arguments, recursively."""
    if "subcommands" in command:
        command["subcommands"] = [visible(c) for c in command["subcommands"] if c.get("shouldDisplay", True)]
    if "arguments" in command:
        command["arguments"] = [a for a in command["arguments"] if a.get("shouldDisplay", True)]
    return command


def main():
    dump = json.load(sys.stdin)
    dump["command"] = visible(dump["command"])
    json.dump(dump, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
