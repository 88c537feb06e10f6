#!/usr/bin/env python3
"""Writes a deterministic synthetic Tickler data store (SPEC section 4) for benchmarks.

    Benchmarks/generate-store.py OUT_DIR [--customers 100000] [--contacts 1000000] [--reps 40] [--seed 1]

Two years of contacts (2025-01-01 .. 2026-12-31, Asia/Shanghai offsets), Chinese and
Latin names, every collection as .jsonl. The same seed gives the same bytes.
"""
import argparse
import datetime as dt
import json
import os
import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
LATIN_FIRST = ["Anna", "Béla", "Carlos", "Dóra", "Elena", "Ferenc", "Gábor", "Hanna", "Iván", "Julia", "Lucía", "Márton"]
LATIN_LAST = ["García", "Kovács", "Nagy", "López", "Szabó", "Martínez", "Tóth", "Fernández", "Horváth", "Smith"]
COMPANY = ["贸易有限公司", "科技有限公司", " Kft.", " S.L.", " Ltd.", "建材商行"]
METHODS = ["phone", "wechat", "visit", "email", "other"]
STATUSES = ["lead", "prospect", "customer", "dead"]
NOTES = ["回访，客户考虑中", "sent the proposal", "约了下周见面", "no answer", "asked for a discount", "", "报价已发"]


def name(rng):
    if rng.random() < 0.6:
        return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    return rng.choice(LATIN_FIRST) + " " + rng.choice(LATIN_LAST)


def write_lines(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    tz = dt.timezone(dt.timedelta(hours=8))
    start = dt.datetime(2025, 1, 1, tzinfo=tz)
    span = int((dt.datetime(2027, 1, 1, tzinfo=tz) - start).total_seconds())

    reps = [f"r{i:03d}" for i in range(args.reps)]
    managers = reps[:max(1, args.reps // 10)]
    write_lines(os.path.join(args.out, "reps.jsonl"), (
        {"id": r, "name": name(rng), "manager": rng.choice(managers), "mailbox": r, "locale": "zh-Hans",
         "team": f"team-{i % 4}"} for i, r in enumerate(reps)))

    customer_rep = []

    def customers():
        for i in range(args.customers):
            rep = rng.choice(reps)
            customer_rep.append(rep)
            registered = start + dt.timedelta(seconds=rng.randrange(span // 2))
            record = {"id": 100000 + i if i % 10 == 0 else f"C{100000 + i}", "name": name(rng) + rng.choice(COMPANY),
                      "rep": rep, "class": rng.choice("ABC"), "status": rng.choice(STATUSES),
                      "phone": f"13{rng.randrange(10**9):09d}",
                      "registered_at": registered.date().isoformat() if i % 3 == 0 else registered.isoformat()}
            if rng.random() < 0.2:
                record["next_contact"] = (registered + dt.timedelta(days=rng.randrange(700))).date().isoformat()
            if rng.random() < 0.3:
                record["expected_amount"] = rng.randrange(1000, 500000)
                record["probability"] = rng.randrange(0, 100)
            yield record
    write_lines(os.path.join(args.out, "customers.jsonl"), customers())

    times = sorted(rng.randrange(span) for _ in range(args.contacts))

    def contacts():
        for t in times:
            c = rng.randrange(args.customers)
            at = start + dt.timedelta(seconds=t)
            yield {"customer": str(100000 + c) if c % 10 == 0 else f"C{100000 + c}", "rep": customer_rep[c],
                   "at": at.isoformat(), "method": rng.choice(METHODS), "progress": rng.randrange(101),
                   "note": rng.choice(NOTES)}
    write_lines(os.path.join(args.out, "contacts.jsonl"), contacts())

    def attendance():
        day = start.date()
        while day < dt.date(2027, 1, 1):
            if day.weekday() < 5:
                for r in reps:
                    minutes = 8 * 60 + 10 + int(rng.expovariate(1 / 12))
                    yield {"rep": r, "date": day.isoformat(), "check_in": f"{minutes // 60:02d}:{minutes % 60:02d}"}
            day += dt.timedelta(days=1)
    write_lines(os.path.join(args.out, "attendance.jsonl"), attendance())

    write_lines(os.path.join(args.out, "events.jsonl"), (
        {"rep": rng.choice(reps), "at": (start + dt.timedelta(seconds=rng.randrange(span))).isoformat(),
         "event": rng.choice(["reception_no_show", "late_greeting", "floor_quarrel"])} for _ in range(2000)))


if __name__ == "__main__":
    main()
