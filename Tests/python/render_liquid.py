"""Renders Liquid templates with python-liquid, the reference implementation of the differential test.

Usage: render_liquid.py < JOB.json
JOB: {"data": {...}, "templates": {"name": "template text", ...}}
Prints {"name": "output" | {"error": "..."}} as JSON.
"""
import json
import sys

from liquid import Environment

job = json.load(sys.stdin)
env = Environment()
out = {}
for name, text in job["templates"].items():
    try:
        out[name] = env.from_string(text).render(**job["data"])
    except Exception as e:  # a template python-liquid rejects is reported, not fatal
        out[name] = {"error": f"{type(e).__name__}: {e}"}
json.dump(out, sys.stdout, ensure_ascii=False)
