#!/usr/bin/env python3
"""Validates SARIF files against the official SARIF 2.1.0 JSON schema.

usage: validate_sarif.py SCHEMA FILE...
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    failed = False
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            failed = True
            print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        runs = doc.get("runs", [])
        results = sum(len(r.get("results", [])) for r in runs)
        print(f"{path}: {'INVALID' if errors else 'valid'} ({results} results)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
