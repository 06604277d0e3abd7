#!/usr/bin/env python3
"""Helpers of the GitHub Action's scan step (scripts/action.sh).

count SARIF        print the number of results without suppressions
summary JSON CODE  print the job summary (Markdown) of a kube-harden JSON report
"""
import json
import sys


def count(path):
    with open(path, encoding="utf-8") as f:
        sarif = json.load(f)
    print(sum(1 for run in sarif.get("runs", []) for r in run.get("results", [])
              if not r.get("suppressions")))


def cell(text):
    # Values come from scanned files: keep them from breaking the table or adding markup.
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def summary(path, code):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    s = doc["summary"]
    out = ["## kube-harden", ""]
    verdict = {"0": "passed", "1": "failed: findings at or above the fail-on severity",
               "2": "failed: files could not be fully scanned"}.get(code, f"exit code {code}")
    out.append(f"{s['findings']} findings in {s['files']} files ({verdict}); "
               f"{s['suppressed']} suppressed.")
    out += ["", "| severity | findings |", "|---|---|"]
    for sev in ("critical", "high", "medium", "low"):
        out.append(f"| {sev} | {s[sev]} |")
    by_rule = {}
    for f in doc["findings"]:
        if f.get("suppressed") is None:
            key = (f["rule"], f["name"], f["severity"])
            by_rule[key] = by_rule.get(key, 0) + 1
    if by_rule:
        out += ["", "| rule | severity | findings |", "|---|---|---|"]
        for (rule, name, sev), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {rule} {cell(name)} | {sev} | {n} |")
    unscanned = [d for d in doc["diagnostics"] if d["level"] == "error"]
    if unscanned:
        out += ["", "**Files not fully scanned** (the run fails closed):", ""]
        out += [f"- `{cell(d['path'])}`: {cell(d['message'])}" for d in unscanned[:50]]
    # What the repository's configuration relaxed (rules disabled, severities lowered,
    # thresholds raised) and suppressions without a reason: one sentence each.
    policy = s.get("policy") or []
    if policy:
        out += ["", "**Policy relaxed by configuration:**", ""]
        out += [f"- {cell(p)}" for p in policy]
    print("\n".join(out) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "count":
        count(sys.argv[2])
    elif sys.argv[1] == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
