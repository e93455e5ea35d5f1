"""Turns the application's insert statement (from bench/AppStatement.java, JDBC '?' parameters)
into a pgbench script line: each parameter becomes an SQL expression that makes ROWS realistic
entries at the checkpoint pgbench picked (:n, its village :v). It reads the statement's own
shape: a parameter `CAST(? AS type) AS name` by its name, a parameter inside
`unnest(...) ... AS r(columns)` by its column, or, when it is the only one there, as the rows
(an array of a composite type with those columns).

Usage: APP_STATEMENT=... python3 bench/app_statement.py ROWS CHECKPOINT VILLAGE RECORDER COUNTY ZONE
"""
import os
import re
import sys

rows, checkpoint, village, recorder, county, zone = sys.argv[1:7]
statement = os.environ["APP_STATEMENT"]


def uuidv7(moment):
    """A version 7 UUID (RFC 9562) for a timestamptz expression, as the gate app makes its ids."""
    return (f"CAST(lpad(to_hex(floor(extract(epoch FROM {moment}) * 1000)::bigint), 12, '0') || '7' "
            "|| substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15) AS uuid)")


# When the rows happened, as bench/entry.lua sends them (TIMES, see there): "live", one row a
# few seconds ago or row g of a backlog 2 ms after the one before, up to now, with time-ordered
# ids; "hour", a random moment of the last hour with a random id.
if os.environ.get("TIMES", "live") == "hour":
    occurred, entry_id = "now() - random() * interval '1 hour'", "gen_random_uuid()"
elif rows == "1":
    occurred = "now() - random() * interval '5 seconds'"
    entry_id = uuidv7(occurred)
else:
    occurred = f"now() - ({rows} - g) * interval '2 milliseconds'"
    entry_id = uuidv7(occurred)

# One realistic row (resident, green code, admitted), as SQL evaluated per row g; others NULL.
value = {
    "id": entry_id,
    "county_id": f"CAST('{county}' AS uuid)",
    "checkpoint_id": checkpoint,
    "village_id": village,
    "occurred_at": occurred,
    "occurred_offset": "28800",
    "received_at": "now()",
    "direction": "CASE WHEN random() < 0.5 THEN 'IN' ELSE 'OUT' END",
    "resident": "true",
    "party_size": "1 + floor(random() * 4)::int",
    "health_code": "'GREEN'",
    "health_code_read": "'SCANNED'",
    "temperature": "round(CAST(36 + random() AS numeric), 1)",
    "fever": "false",
    "decision": "'ADMITTED'",
    "recorded_by": recorder,
    "content_hash": "sha256(CAST(random()::text AS bytea))",
    "content_digest_version": "3",
}
json_value = dict(value, content_hash="encode(sha256(CAST(random()::text AS bytea)), 'hex')")
named = {
    "zone": f"'{zone}'",
    "now": "now()",
    "recorder": recorder,
    "alert_ids": "CAST('{}' AS uuid[])",
    "alert_kinds": "CAST('{}' AS text[])",
    # the rows as one JSON array (the statement of main before the ingest rewrite)
    "rows": "(SELECT jsonb_agg(jsonb_build_object(" + ", ".join(
        f"'{k}', {v}" for k, v in [("ord", "g")] + list(json_value.items()) if k != "county_id")
        + f")) FROM generate_series(1, {rows}) g)",
}

unnest = re.search(r"unnest\((.*?)\)\s+WITH ORDINALITY\s+AS\s+r\(([^)]*)\)", statement, re.S)
columns = [c.strip() for c in unnest.group(2).split(",") if c.strip() != "ord"] if unnest else []
parameters = []
column_index = 0
for match in re.finditer(r"\?", statement):
    at = match.start()
    cast = re.match(r"\?\s+AS\s+([\w ]+?)(\[\])?\)(\s+AS\s+(\w+))?", statement[at:])
    if unnest and unnest.start(1) <= at < unnest.end(1) and unnest.group(1).count("?") == 1:
        # the rows as one array of a composite type whose attributes are the columns, in order
        element = f"CAST(ROW({', '.join(value.get(c, 'NULL') for c in columns)}) AS {cast.group(1)})"
        parameters.append(f"ARRAY[{element}]" if rows == "1"
                          else f"ARRAY(SELECT {element} FROM generate_series(1, {rows}) g)")
    elif unnest and unnest.start(1) <= at < unnest.end(1):
        column = columns[column_index]
        column_index += 1
        element = f"CAST({value.get(column, 'NULL')} AS {cast.group(1)})"
        # one row: a plain array constructor, as cheap as the bound array the application sends
        parameters.append(f"ARRAY[{element}]" if rows == "1"
                          else f"ARRAY(SELECT {element} FROM generate_series(1, {rows}) g)")
    elif cast and cast.group(4) in named:
        parameters.append(named[cast.group(4)])
    else:
        sys.exit(f"bench/app_statement.py does not know the parameter at: {statement[max(0, at - 60):at + 40]!r}")
parts = statement.split("?")
print("".join(p + q for p, q in zip(parts, parameters + [""])).rstrip().rstrip(";") + ";")
