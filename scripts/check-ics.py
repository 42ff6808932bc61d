#!/usr/bin/env python3
"""Checks every calendar (.ics) file Everyday writes with an independent parser (Python's
icalendar, installed by scripts/setup.sh into .tools/pyenv).

    .tools/pyenv/bin/python scripts/check-ics.py [--expect-uid UID ...] FILE_OR_FOLDER ...

For each file: CRLF line ends, no line over 75 octets (RFC 5545 3.1), valid UTF-8; it parses;
VERSION 2.0 and a PRODID; every event has a unique UID of the app's form, DTSTAMP in UTC,
DTSTART (an all-day date or a floating local time: no time zone), a SUMMARY and at least one
DISPLAY alarm with a TRIGGER and a DESCRIPTION; a repeat rule is daily, weekly or monthly.
escaping.ics (from the native tests) must read back to the exact awkward text written.
Exits non-zero with a message per problem.
"""

import datetime
import os
import re
import sys

try:
    import icalendar
except ImportError:
    sys.exit("error: Python's icalendar is not installed: run bash scripts/setup.sh")

UID_FORM = re.compile(r"^[A-Za-z0-9-]+@everyday\.invalid$")
AWKWARD_SUMMARY = (
    "Café, tea; and a \\ backslash — with a long line that must be folded "
    "somewhere past the seventy-fifth octet ✓✓✓✓"
)
AWKWARD_DESCRIPTION = "First line\nSecond line, with a comma; and a semicolon\nThird 🙂 line"


def check_file(path, expect_uids):
    problems = []
    raw = open(path, "rb").read()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"]
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = raw.split(b"\r\n")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: a bare LF or CR (lines must end with CRLF)")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: folding split a UTF-8 character")

    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # the parser's own errors vary by version
        return problems + [f"does not parse: {e}"]
    if str(cal.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not cal.get("PRODID"):
        problems.append("no PRODID")

    events = list(cal.walk("VEVENT"))
    if not events:
        problems.append("no events")
    uids = []
    alarms = 0
    for ev in events:
        uid = str(ev.get("UID", ""))
        where = f"event {uid or '(no UID)'}"
        if not UID_FORM.match(uid):
            problems.append(f"{where}: UID not of the form key@everyday.invalid")
        if uid in uids:
            problems.append(f"{where}: UID repeated")
        uids.append(uid)
        stamp = ev.get("DTSTAMP")
        if stamp is None or stamp.dt.tzinfo is None or stamp.dt.utcoffset() != datetime.timedelta(0):
            problems.append(f"{where}: DTSTAMP missing or not UTC")
        start = ev.get("DTSTART")
        if start is None:
            problems.append(f"{where}: no DTSTART")
        elif isinstance(start.dt, datetime.datetime) and start.dt.tzinfo is not None:
            problems.append(f"{where}: DTSTART has a time zone (should be floating local time)")
        end = ev.get("DTEND")
        if start is not None and end is not None and not end.dt > start.dt:
            problems.append(f"{where}: DTEND is not after DTSTART")
        if not str(ev.get("SUMMARY", "")).strip():
            problems.append(f"{where}: no SUMMARY")
        rule = ev.get("RRULE")
        if rule is not None and rule.get("FREQ") not in (["DAILY"], ["WEEKLY"], ["MONTHLY"]):
            problems.append(f"{where}: unexpected RRULE {rule.to_ical()!r}")
        ev_alarms = list(ev.walk("VALARM"))
        if not ev_alarms:
            problems.append(f"{where}: no alarm")
        for a in ev_alarms:
            alarms += 1
            if str(a.get("ACTION")) != "DISPLAY":
                problems.append(f"{where}: alarm ACTION is not DISPLAY")
            trigger = a.get("TRIGGER")
            if trigger is None or not isinstance(trigger.dt, datetime.timedelta):
                problems.append(f"{where}: alarm has no relative TRIGGER")
            if not str(a.get("DESCRIPTION", "")).strip():
                problems.append(f"{where}: DISPLAY alarm without a DESCRIPTION")

    for uid in expect_uids:
        if uid not in uids:
            problems.append(f"expected an event with UID {uid}")

    if os.path.basename(path) == "escaping.ics":
        awkward = [e for e in events if str(e.get("SUMMARY")) == AWKWARD_SUMMARY]
        if len(awkward) != 1:
            problems.append("the awkward summary did not read back exactly")
        elif str(awkward[0].get("DESCRIPTION")) != AWKWARD_DESCRIPTION:
            problems.append(
                f"the awkward description read back as {str(awkward[0].get('DESCRIPTION'))!r}"
            )

    if not problems:
        print(f"ok: {path}: {len(events)} events, {alarms} alarms, UIDs {', '.join(uids)}")
    return problems


def main(argv):
    expect_uids = []
    paths = []
    args = iter(argv)
    for a in args:
        if a == "--expect-uid":
            expect_uids.append(next(args, ""))
        else:
            paths.append(a)
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".ics"))
        else:
            files.append(p)
    if not files:
        print("error: no .ics files to check", file=sys.stderr)
        return 1
    failed = 0
    for f in files:
        problems = check_file(f, expect_uids)
        if problems:
            failed += 1
            print(f"FAIL: {f}", file=sys.stderr)
            for p in problems:
                print(f"  - {p}", file=sys.stderr)
    print(f"icalendar {icalendar.__version__}: {len(files) - failed} of {len(files)} files passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
