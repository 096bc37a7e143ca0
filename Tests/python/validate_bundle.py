"""Validates a bundle's JSON files against docs/schema/bundle.schema.json.

Usage: validate_bundle.py SCHEMA BUNDLE_DIR   prints one line per problem; exit 1 if any.
"""
import json
import os
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
bundle = sys.argv[2]
kinds = {"manifest.json": "manifest", "campaign.json": "campaign", "message.json": "message"}
problems = 0
checked = 0
for root, _, files in os.walk(bundle):
    for name in sorted(files):
        if name not in kinds:
            continue
        sub = dict(schema)
        sub["$ref"] = "#/$defs/" + kinds[name]
        validator = jsonschema.Draft202012Validator(sub)
        path = os.path.join(root, name)
        for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
            problems += 1
            print(f"{os.path.relpath(path, bundle)}: {'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
        checked += 1
print(f"checked {checked} files")
sys.exit(1 if problems or checked == 0 else 0)
