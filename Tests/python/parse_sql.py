"""Parses SQL files with sqlglot in a dialect, failing on any parse error.

Usage: parse_sql.py DIALECT FILE...
"""
import sys

import sqlglot
from sqlglot.errors import ErrorLevel

dialect = sys.argv[1]
failed = False
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        sql = f.read()
    try:
        statements = sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE)
        if len(statements) != 1 or statements[0] is None:
            print(f"{path}: expected one statement, got {len(statements)}")
            failed = True
    except Exception as e:
        print(f"{path}: {e}")
        failed = True
sys.exit(1 if failed else 0)
