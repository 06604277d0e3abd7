#!/usr/bin/env python3
"""Peer coverage: rules/coverage.tsv maps every check of kube-bench (CIS 1.12), Checkov, Trivy and
Kubescape to the kube-harden rules that cover it. This script keeps that map honest against the
rule pages and prints the per-anchor counts.

Checks (exit 1 on any failure):
- every rule a row names exists (rules/<ID>.md);
- a row marked covered or partial names at least one rule, and one of them cites the check in
  its page's references;
- a Trivy KCV row that restates a CIS check ("= CIS 1.2.17") has that check's status;
- a page that cites a check makes the check's row covered or partial, naming that rule (a
  check the map calls n/a or peer-wrong may be cited, to say why it is not adopted).

Usage: python3 scripts/coverage.py [--summary]
"""
import csv
import glob
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSV = os.path.join(ROOT, "rules", "coverage.tsv")

# Peer check ids as rule pages write them.
PEER_ID = re.compile(r"\b(CKV2?_[A-Z0-9]+_\d+|(?:AWS|GCP|AZU|KSV|KCV|KUBE)-\d{4,5}|C-\d{4})\b")
CIS_ID = re.compile(r"\b(\d+\.\d+(?:\.\d+)?)(?:\s*-\s*(\d+\.\d+(?:\.\d+)?))?")


def expand(first, last):
    """`1.2.17-1.2.19` -> 1.2.17, 1.2.18, 1.2.19 (same prefix, last number ranging)."""
    if not last:
        return [first]
    a, b = first.rsplit(".", 1), last.rsplit(".", 1)
    if len(a) != 2 or len(b) != 2 or a[0] != b[0]:
        return [first, last]
    return [f"{a[0]}.{n}" for n in range(int(a[1]), int(b[1]) + 1)]


def page_citations():
    """rule id -> set of (anchor kind, check id) its page cites."""
    cites = defaultdict(set)
    for path in glob.glob(os.path.join(ROOT, "rules", "*.md")):
        text = open(path, encoding="utf-8").read()
        front = text.split("---")[1] if text.startswith("---") else ""
        rule = re.search(r"^id:\s*(\S+)", front, re.M).group(1)
        refs = front.split("references:", 1)[1] if "references:" in front else ""
        for line in refs.splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            for m in PEER_ID.finditer(line):
                cites[rule].add(("peer", m.group(1)))
            # kube-bench and the CIS Kubernetes Benchmark share their numbering; the managed
            # benchmarks (CIS GKE/EKS/AKS) do not.
            if line.startswith("- kube-bench") or line.startswith("- CIS Kubernetes Benchmark"):
                body = re.sub(r"^- (kube-bench|CIS Kubernetes Benchmark v[\d.]+)", "", line)
                for m in CIS_ID.finditer(body):
                    for cid in expand(m.group(1), m.group(2)):
                        cites[rule].add(("cis", cid))
    return cites


def key(row):
    kind = "cis" if row["anchor"].startswith("kube-bench") else "peer"
    return (kind, row["check_id"])


def main():
    rows = list(csv.DictReader(open(TSV, encoding="utf-8"), delimiter="\t"))
    rules = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(ROOT, "rules", "*.md"))}
    cites = page_citations()
    errors = []
    by_key = defaultdict(list)
    for row in rows:
        by_key[key(row)].append(row)
        named = [r for r in re.split(r"[,\s]+", row["kube_harden_rules"]) if r and r != "-"]
        where = f"{row['anchor']} {row['check_id']}"
        for r in named:
            if r not in rules:
                errors.append(f"{where}: names {r}, which has no page")
        if row["status"] in ("covered", "partial"):
            if not named:
                errors.append(f"{where}: {row['status']} but names no rule")
            elif not any(key(row) in cites.get(r, ()) for r in named if r in rules):
                errors.append(f"{where}: none of {', '.join(named)} cites {row['check_id']} in its page")
    for rule, cited in sorted(cites.items()):
        for k in sorted(cited):
            for row in by_key.get(k, []):
                named = re.split(r"[,\s]+", row["kube_harden_rules"])
                # A page may cite a check the map calls n/a or peer-wrong (to say why not).
                if row["status"] in ("n/a", "peer-wrong"):
                    continue
                if row["status"] not in ("covered", "partial") or rule not in named:
                    errors.append(
                        f"rules/{rule}.md cites {k[1]}, but coverage.tsv has "
                        f"{row['anchor']} {row['check_id']} as {row['status']} with {row['kube_harden_rules']}"
                    )
    # Trivy's KCV checks restate CIS ones ("= CIS 1.2.17" in the notes): the same verdict.
    cis = {r["check_id"]: r for r in rows if r["anchor"].startswith("kube-bench")}
    for row in rows:
        m = re.match(r"= CIS (\d+\.\d+\.\d+)", row["notes"])
        if row["anchor"] == "Trivy-KCV" and m and m.group(1) in cis:
            if cis[m.group(1)]["status"] != row["status"]:
                errors.append(
                    f"Trivy-KCV {row['check_id']} restates CIS {m.group(1)} but is {row['status']}, "
                    f"CIS {m.group(1)} is {cis[m.group(1)]['status']}"
                )
    if "--summary" in sys.argv or not errors:
        summary(rows)
    for e in errors:
        print("error:", e, file=sys.stderr)
    return 1 if errors else 0


def summary(rows):
    print("anchor\tchecks\trelevant&decidable\tcovered\tpartial\tnot covered")
    anchors = []
    for row in rows:
        if row["anchor"] not in anchors:
            anchors.append(row["anchor"])
    for a in anchors:
        mine = [r for r in rows if r["anchor"] == a]
        dec = [r for r in mine if decidable(r)]
        c = Counter(r["status"] for r in dec)
        print(f"{a}\t{len(mine)}\t{len(dec)}\t{c['covered']}\t{c['partial']}\t{c['not-covered']}")
    kb = [r for r in rows if r["anchor"].startswith("kube-bench") and decidable(r)]
    cfg = [r for r in kb if "host provisioning" not in r["statically_decidable"]]
    c = Counter(r["status"] for r in cfg)
    print(f"kube-bench config/flags/manifests: {len(cfg)} decidable, {c['covered']} covered, "
          f"{c['partial']} partly, {c['not-covered']} not")


def decidable(row):
    return (row["relevant"] in ("yes", "marginal") and row["status"] != "n/a"
            and not row["statically_decidable"].startswith("no"))


if __name__ == "__main__":
    sys.exit(main())
