"""Loads a test dataset into DuckDB, ClickHouse (chdb) and Spark SQL (local mode) and runs queries
on them, binding `as_of` as each engine's parameter convention says.

Usage: run_engines.py JOB.json RESULT.json

The job names the tables (columns with each engine's type and the language type), a JSON Lines
file per table whose values are all strings (or null), the queries per engine (each saying whether it
binds `as_of`, as Herald decides it outside string literals, and optionally its own `as_of`), and
`as_of`.
Each engine runs with a session time zone other than UTC, to prove the SQL does not depend on it.
The result maps query ids to {"columns": [...], "rows": [[...]]} or {"error": "..."}.
"""
import json
import os
import sys
import tempfile
import time


def load_rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_duckdb(job, queries):
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'America/Los_Angeles'")
    for t in job["tables"]:
        cols = t["columns"]
        con.execute("CREATE TABLE {} ({})".format(q2(t["name"]), ", ".join(f"{q2(c['name'])} {c['duckdb']}" for c in cols)))
        spec = "{" + ", ".join(f"'{c['name']}': 'VARCHAR'" for c in cols) + "}"
        casts = ", ".join(f"CAST({q2(c['name'])} AS {c['duckdb']})" for c in cols)
        if os.path.getsize(t["rows_file"]) > 0:
            con.execute(f"INSERT INTO {q2(t['name'])} SELECT {casts} FROM read_json('{t['rows_file']}', format='newline_delimited', columns={spec})")
    out = {}
    for query in queries:
        try:
            cur = con.execute(query["sql"], [query.get("as_of", job["as_of"])] if query["binds_as_of"] else [])
            out[query["id"]] = {"columns": [d[0] for d in cur.description], "rows": [[plain(v) for v in r] for r in cur.fetchall()]}
        except Exception as e:  # the engine's message is the result
            out[query["id"]] = {"error": str(e)[:2000]}
    return out


def q2(name):
    return '"' + name.replace('"', '""') + '"'


def qb(name):
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


def run_clickhouse(job, queries):
    from chdb import session

    s = session.Session()
    s.query("SET session_timezone = 'Europe/Berlin'")
    s.query("SET param_as_of = '" + job["as_of_sql"] + "'")
    for t in job["tables"]:
        cols = t["columns"]
        defs = []
        for c in cols:
            typ = c["clickhouse"]
            if c["nullable"] and not typ.startswith("Array"):
                typ = f"Nullable({typ})"
            defs.append(f"{qb(c['name'])} {typ}")
        s.query("CREATE TABLE {} ({}) ENGINE = MergeTree ORDER BY tuple()".format(qb(t["name"]), ", ".join(defs)))
        if os.path.getsize(t["rows_file"]) == 0:
            continue
        structure = ", ".join(f"{qb(c['name'])} Nullable(String)" for c in cols)
        selects = []
        for c in cols:
            typ = c["clickhouse"]
            if c["type"] == "timestamp":
                selects.append(f"parseDateTime64BestEffortOrNull({qb(c['name'])}, 3, 'UTC')")
            else:
                selects.append(f"CAST({qb(c['name'])} AS Nullable({typ}))")
        s.query("INSERT INTO {} SELECT {} FROM file('{}', 'JSONEachRow', '{}')".format(
            qb(t["name"]), ", ".join(selects), t["rows_file"], structure.replace("'", "\\'")))
    out = {}
    for query in queries:
        try:
            if "as_of_sql" in query:
                s.query("SET param_as_of = '" + query["as_of_sql"] + "'")
            r = s.query(query["sql"], "JSONCompact")
            data = json.loads(r.bytes() if hasattr(r, "bytes") else str(r))
            out[query["id"]] = {"columns": [m["name"] for m in data["meta"]], "rows": [[plain(v) for v in row] for row in data["data"]]}
        except Exception as e:
            out[query["id"]] = {"error": str(e)[:2000]}
    return out


def run_spark(job, queries):
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.sql.session.timeZone", "Asia/Tokyo")
             .config("spark.sql.shuffle.partitions", "4")
             .config("spark.sql.warehouse.dir", tempfile.mkdtemp())
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    for t in job["tables"]:
        cols = t["columns"]
        schema = ", ".join(f"`{c['name']}` STRING" for c in cols)
        df = spark.read.schema(schema).json(t["rows_file"])
        df = df.selectExpr(*[f"CAST(`{c['name']}` AS {c['spark']}) AS `{c['name']}`" for c in cols])
        df.cache().createOrReplaceTempView(t["name"])
    out = {}
    for query in queries:
        try:
            args = {"as_of": query.get("as_of", job["as_of"])} if query["binds_as_of"] else {}
            rows = spark.sql(query["sql"], args=args).collect()
            columns = rows[0].__fields__ if rows else []
            out[query["id"]] = {"columns": list(columns), "rows": [[plain(v) for v in r] for r in rows]}
        except Exception as e:
            out[query["id"]] = {"error": str(e)[:2000]}
    spark.stop()
    return out


def plain(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def main():
    job_path, result_path = sys.argv[1], sys.argv[2]
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    results = {}
    timings = {}
    runners = {"duckdb": run_duckdb, "clickhouse": run_clickhouse, "spark": run_spark}
    for engine in job["engines"]:
        queries = [q for q in job["queries"] if q["engine"] == engine]
        start = time.time()
        try:
            results.update(runners[engine](job, queries))
        except Exception as e:
            for q in queries:
                results[q["id"]] = {"error": f"{engine} failed to start or load: {e}"[:2000]}
        timings[engine] = round(time.time() - start, 2)
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"results": results, "seconds": timings}, f)


if __name__ == "__main__":
    main()
