#!/usr/bin/env python3
"""Checks kube-harden's CI report formats the way their consumers read them.

usage: validate_formats.py DIR   (DIR holds report.junit.xml, report.checkstyle.xml,
                                  report.gitlab.json, report.rdjson and report.json of one scan)

- JUnit: parsed by junitparser (the library many CI uploaders use); counts must agree with the
  JSON report, every failure names a rule.
- Checkstyle: the element/attribute structure of Checkstyle 4.3 XML (checkstyle > file[name] >
  error[line, column, severity in error|warning|info, message, source]).
- GitLab Code Quality: the fields GitLab documents as required (description, check_name,
  fingerprint unique per report, severity in info|minor|major|critical|blocker,
  location.path, location.lines.begin >= 1).
- rdjson: the types of reviewdog's DiagnosticResult schema (proto/rdf/jsonschema), with
  1-based line/column positions and ERROR|WARNING|INFO severities.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

import junitparser


def fail(msg):
    sys.exit(f"validate_formats: {msg}")


def main(d):
    report = json.load(open(os.path.join(d, "report.json"), encoding="utf-8"))
    active = [f for f in report["findings"] if f.get("suppressed") is None]
    errors = [x for x in report["diagnostics"] if x["level"] == "error"]

    xml = junitparser.JUnitXml.fromfile(os.path.join(d, "report.junit.xml"))
    failures = sum(1 for suite in xml for case in suite
                   for r in case.result if isinstance(r, junitparser.Failure))
    errs = sum(1 for suite in xml for case in suite
               for r in case.result if isinstance(r, junitparser.Error))
    if failures != len(active) or errs != len(errors):
        fail(f"junit: {failures} failures / {errs} errors, JSON has {len(active)} / {len(errors)}")
    for suite in xml:
        if suite.tests != len(list(suite)) or suite.failures != failures:
            fail("junit: testsuite counts disagree with its test cases")

    root = ET.parse(os.path.join(d, "report.checkstyle.xml")).getroot()
    if root.tag != "checkstyle" or not root.get("version"):
        fail("checkstyle: root must be <checkstyle version=...>")
    n = 0
    for f in root:
        if f.tag != "file" or not f.get("name"):
            fail("checkstyle: children of <checkstyle> are <file name=...>")
        for e in f:
            n += 1
            if e.tag != "error" or e.get("severity") not in ("error", "warning", "info"):
                fail(f"checkstyle: bad <error>: {e.attrib}")
            if int(e.get("line")) < 1 or int(e.get("column")) < 1 or not e.get("message") \
                    or not e.get("source"):
                fail(f"checkstyle: <error> needs line, column, message, source: {e.attrib}")
    if n != len(active) + len(report["diagnostics"]):
        fail("checkstyle: one <error> per finding and diagnostic")

    issues = json.load(open(os.path.join(d, "report.gitlab.json"), encoding="utf-8"))
    prints = set()
    for i in issues:
        for k in ("description", "check_name", "fingerprint", "severity"):
            if not isinstance(i.get(k), str) or not i[k]:
                fail(f"gitlab: {k} must be a non-empty string: {i}")
        if i["severity"] not in ("info", "minor", "major", "critical", "blocker"):
            fail(f"gitlab: bad severity {i['severity']}")
        loc = i.get("location", {})
        if not isinstance(loc.get("path"), str) or loc.get("lines", {}).get("begin", 0) < 1:
            fail(f"gitlab: location.path and location.lines.begin >= 1 required: {i}")
        if i["fingerprint"] in prints:
            fail(f"gitlab: duplicate fingerprint {i['fingerprint']}")
        prints.add(i["fingerprint"])

    rd = json.load(open(os.path.join(d, "report.rdjson"), encoding="utf-8"))
    if not isinstance(rd.get("source", {}).get("name"), str):
        fail("rdjson: source.name")
    for x in rd["diagnostics"]:
        if not isinstance(x["message"], str) or x["severity"] not in ("ERROR", "WARNING", "INFO"):
            fail(f"rdjson: message/severity: {x}")
        locs = [x["location"]] + [r["location"] for r in x.get("related_locations", [])]
        for loc in locs:
            if not isinstance(loc["path"], str):
                fail(f"rdjson: location.path: {x}")
            for end in ("start", "end"):
                p = loc.get("range", {}).get(end)
                if p is not None and (p["line"] < 1 or p["column"] < 1):
                    fail(f"rdjson: positions are 1-based: {x}")
    print(f"validate_formats: junit, checkstyle, gitlab, rdjson agree with {len(active)} findings")


if __name__ == "__main__":
    main(sys.argv[1])
