"""Read-only reports on a built warehouse: one SQL file per report, printed as a table.

The SQL files are plain queries an analyst can also run in any DuckDB client.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

REPORTS = Path(__file__).parent


def available() -> list[str]:
    return sorted(path.stem for path in REPORTS.glob("*.sql"))


def description(name: str) -> str:
    """The report's leading SQL comment."""
    lines = []
    for line in (REPORTS / f"{name}.sql").read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def run(db_path: Path, name: str) -> tuple[list[str], list[tuple]]:
    return run_query(db_path, REPORTS / f"{name}.sql", {})


def run_query(
    db_path: Path, sql_file: Path, parameters: dict[str, object]
) -> tuple[list[str], list[tuple]]:
    """Run a SQL file with named parameters ($name); return column names and rows."""
    with duckdb.connect(str(db_path)) as con:
        cursor = con.execute(sql_file.read_text(encoding="utf-8"), parameters)
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


def paper_tables(db_path: Path, year: int, top: int) -> list[tuple[str, list[str], list[tuple]]]:
    """The paper's Tables 3-6 for a year: (title, columns, rows) each."""
    tables = []
    for sql_file in sorted((REPORTS / "paper_tables").glob("table*.sql")):
        title = sql_file.read_text(encoding="utf-8").splitlines()[0].removeprefix("--").strip()
        parameters = (
            {"year": year, "top": top} if "$top" in sql_file.read_text() else {"year": year}
        )
        columns, rows = run_query(db_path, sql_file, parameters)
        tables.append((title, columns, rows))
    return tables


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """Rows as an aligned text table (numbers right-aligned, thousands separated)."""

    def cell(value: object, column: str) -> str:
        if value is None:
            return ""
        if isinstance(value, int) and "year" not in column.lower():
            return f"{value:,}"
        if isinstance(value, float):
            if value.is_integer() or abs(value) >= 1000:
                return f"{value:,.0f}"
            return f"{value:,.4f}".rstrip("0").rstrip(".")
        return str(value)

    cells = [
        [cell(value, column) for value, column in zip(row, columns, strict=True)] for row in rows
    ]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows)
        for i in range(len(columns))
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)])
