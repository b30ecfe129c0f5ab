"""What each step of the last runs reported, kept in the warehouse for the manifest."""

from __future__ import annotations

import json
from typing import Any

import duckdb

TABLE = "raw._minex_steps"


def record(con: duckdb.DuckDBPyConnection, step: str, summary: dict[str, Any]) -> None:
    con.execute("create schema if not exists raw")
    con.execute(f"create table if not exists {TABLE} (step varchar primary key, summary varchar)")
    con.execute(
        f"insert or replace into {TABLE} values (?, ?)", [step, json.dumps(summary, sort_keys=True)]
    )


def latest(con: duckdb.DuckDBPyConnection, step: str) -> dict[str, Any] | None:
    exists = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'raw' and table_name = '_minex_steps'"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = con.execute(f"select summary from {TABLE} where step = ?", [step]).fetchone()
    return json.loads(row[0]) if row else None
