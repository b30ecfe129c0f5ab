"""The raw schema of the warehouse: raw tables, the file registry and the rejects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ingest.contract import CONTRACT_TABLES
from ingest.usgs_mcs import LAYOUTS
from ingest.validation import Reject

SCHEMA = "raw"
LINEAGE = (
    ("_file", "varchar"),
    ("_row", "integer"),
    ("_sha256", "varchar"),
    ("_loaded_at", "timestamp"),
)


@dataclass(frozen=True)
class RawTable:
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, SQL type) before the lineage columns

    @property
    def all_columns(self) -> tuple[tuple[str, str], ...]:
        return (*self.columns, *LINEAGE)


RAW_TABLES: dict[str, RawTable] = {
    table.table: RawTable(
        table.table, (*((c, "varchar") for c in table.columns), ("_extra", "varchar"))
    )
    for table in CONTRACT_TABLES
}
RAW_TABLES.update(
    {
        layout.table: RawTable(
            layout.table,
            (
                *((c, "varchar") for c in layout.raw_identity),
                ("column_position", "integer"),
                ("column_name", "varchar"),
                ("cell_value", "varchar"),
            ),
        )
        for layout in LAYOUTS
    }
)

FILES = RawTable(
    "_files",
    (
        ("file_path", "varchar"),
        ("table_name", "varchar"),
        ("sha256", "varchar"),
        ("row_count", "integer"),
        ("rejected_rows", "integer"),
        ("loaded_at", "timestamp"),
    ),
)
REJECTS = RawTable(
    "_rejects",
    (
        ("file_path", "varchar"),
        ("row_number", "integer"),
        ("reason", "varchar"),
        ("record", "varchar"),
        ("loaded_at", "timestamp"),
    ),
)


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path))


def ensure_table(con: duckdb.DuckDBPyConnection, name: str, columns: Sequence[tuple[str, str]]):
    """Create a raw table; recreate it (and forget its files) when its columns changed."""
    existing = con.execute(
        "select column_name, lower(data_type) from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [SCHEMA, name],
    ).fetchall()
    wanted = [(column, sql_type) for column, sql_type in columns]
    if existing and existing != wanted:
        con.execute(f'drop table {SCHEMA}."{name}"')
        con.execute(f"delete from {SCHEMA}._files where table_name = ?", [name])
    if existing != wanted:
        body = ", ".join(f'"{column}" {sql_type}' for column, sql_type in columns)
        con.execute(f'create table {SCHEMA}."{name}" ({body})')


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create schema if not exists {SCHEMA}")
    ensure_table(con, FILES.name, FILES.columns)
    ensure_table(con, REJECTS.name, REJECTS.columns)
    for table in RAW_TABLES.values():
        ensure_table(con, table.name, table.all_columns)


def registry(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """file path -> (raw table, sha256) of every file in the warehouse."""
    rows = con.execute(f"select file_path, table_name, sha256 from {SCHEMA}._files").fetchall()
    return {path: (table, sha) for path, table, sha in rows}


def forget_file(con: duckdb.DuckDBPyConnection, file_path: str, table: str) -> None:
    if table in RAW_TABLES:
        con.execute(f'delete from {SCHEMA}."{table}" where _file = ?', [file_path])
    con.execute(f"delete from {SCHEMA}._rejects where file_path = ?", [file_path])
    con.execute(f"delete from {SCHEMA}._files where file_path = ?", [file_path])


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: RawTable,
    rows: Sequence[tuple],
    lineage: tuple[str, str, datetime],
) -> None:
    """Insert data rows (first value: row number, then the data columns) with lineage."""
    if not rows:
        return
    file_path, sha256, loaded_at = lineage
    types = {"varchar": pa.string(), "integer": pa.int32()}
    arrays = {"_row": pa.array([row[0] for row in rows], pa.int32())}
    for position, (name, sql_type) in enumerate(table.columns, start=1):
        arrays[name] = pa.array([row[position] for row in rows], types[sql_type])
    columns = ", ".join(f'"{name}"' for name, _ in table.columns)
    con.register("_raw_batch", pa.table(arrays))
    try:
        con.execute(
            f'insert into {SCHEMA}."{table.name}" ({columns}, _file, _row, _sha256, _loaded_at) '
            f"select {columns}, ?, _row, ?, ? from _raw_batch",
            [file_path, sha256, loaded_at],
        )
    finally:
        con.unregister("_raw_batch")


def record_file(
    con: duckdb.DuckDBPyConnection,
    file_path: str,
    table: str,
    sha256: str,
    counts: tuple[int, int],
    loaded_at: datetime,
) -> None:
    con.execute(
        f"insert into {SCHEMA}._files values (?, ?, ?, ?, ?, ?)",
        [file_path, table, sha256, counts[0], counts[1], loaded_at],
    )


def record_rejects(
    con: duckdb.DuckDBPyConnection,
    rejects: Sequence[Reject],
    records: dict[int, dict[str, str]],
    loaded_at: datetime,
) -> None:
    if not rejects:
        return
    con.executemany(
        f"insert into {SCHEMA}._rejects values (?, ?, ?, ?, ?)",
        [
            (
                reject.file,
                reject.row,
                reject.reason,
                json.dumps(records[reject.row], ensure_ascii=False)
                if reject.row in records
                else None,
                loaded_at,
            )
            for reject in rejects
        ],
    )


def stored_rejects(con: duckdb.DuckDBPyConnection) -> list[Reject]:
    rows = con.execute(
        f"select file_path, row_number, reason from {SCHEMA}._rejects "
        "order by file_path, row_number nulls first"
    ).fetchall()
    return [Reject(path, row, reason) for path, row, reason in rows]


def accepted_assets(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    rows = con.execute(
        f"""
        select distinct trim(a.asset_id) from {SCHEMA}.mdo_assets as a
        where not exists (
            select 1 from {SCHEMA}._rejects as r
            where r.file_path = a._file and (r.row_number = a._row or r.row_number is null)
        )
        """
    ).fetchall()
    return frozenset(row[0] for row in rows)
