"""USGS Mineral Commodity Summaries data-release tables, taken as published.

Two layouts are recognised by their header:

- "world" tables (``mcsYYYY-*_world.csv``): Source, Country, Type, then production
  columns whose names drift between editions (``Prod_kt_2021``, ``Prod_kt_Est_2021``,
  ``Prod_kt_est_2022``), notes and reserves;
- "salient" tables (``mcsYYYY-*_salient.csv``): DataSource, Commodity, Year, then one
  column per statistic (``USprod_mmt`` ...), US only.

Rows are stored cell by cell (one raw row per input cell, with the row's identity
columns) so that no column is lost however the header drifts; the staging models parse
column names, thousands separators and the W/NA/XX codes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ingest.csv_file import CsvFile
from ingest.validation import NUMBER, YEAR, Reject
from ingest.vocabularies import Vocabularies

# Codes USGS prints instead of a number: withheld, not available, not applicable, none.
VALUE_CODES = frozenset({"W", "NA", "XX", "--", "-", "—"})


@dataclass(frozen=True)
class McsLayout:
    """One of the two MCS table layouts."""

    name: str
    table: str
    identity: tuple[str, str, str]  # header names of the three identity columns
    raw_identity: tuple[str, str, str]  # their raw column names
    production: re.Pattern[str]  # columns that must hold a number or a USGS code

    def matches(self, header: tuple[str, ...]) -> bool:
        lowered = {name.lower() for name in header}
        return all(name.lower() in lowered for name in self.identity) and any(
            self.production.match(name) for name in header
        )


WORLD = McsLayout(
    name="world",
    table="usgs_mcs_world",
    identity=("Source", "Country", "Type"),
    raw_identity=("source", "country", "mcs_type"),
    production=re.compile(r"^prod_(t|kt|mt)_(est_)?\d{4}$", re.IGNORECASE),
)
SALIENT = McsLayout(
    name="salient",
    table="usgs_mcs_salient",
    identity=("DataSource", "Commodity", "Year"),
    raw_identity=("source", "commodity", "year"),
    production=re.compile(r"^usprod_", re.IGNORECASE),
)
LAYOUTS = (WORLD, SALIENT)


def detect_layout(header: tuple[str, ...]) -> McsLayout | None:
    return next((layout for layout in LAYOUTS if layout.matches(header)), None)


def cell_reason(column: str, value: str) -> str | None:
    """Why a production cell is neither a number (thousands separators allowed) nor a code."""
    cleaned = value.replace(",", "").strip()
    if not cleaned or cleaned.upper() in VALUE_CODES or NUMBER.match(cleaned):
        return None
    return f"non-numeric {column} '{value}'"


@dataclass(frozen=True)
class McsTable:
    """An MCS file as raw cells plus the rows it rejects."""

    layout: McsLayout
    cells: list[tuple]  # (row, identity..., column_position, column_name, cell_value)
    rows: int
    rejects: list[Reject]
    records: dict[int, dict[str, str]]


def read_mcs(csv_file: CsvFile, layout: McsLayout, vocabularies: Vocabularies) -> McsTable:
    by_lower = {name.lower(): name for name in csv_file.header}
    identity = [by_lower[name.lower()] for name in layout.identity]
    records = dict(csv_file.records())
    reasons: dict[int, list[str]] = defaultdict(list)
    keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
    cells = []
    for number, record in records.items():
        ident = tuple(record.get(name, "") for name in identity)
        for name, value in zip(layout.identity, ident, strict=True):
            if not value.strip():
                reasons[number].append(f"missing value for required column '{name}'")
        if layout is WORLD and ident[1].strip() and vocabularies.resolve_country(ident[1]) is None:
            reasons[number].append(f"unknown country '{ident[1]}'")
        if layout is SALIENT and ident[2].strip() and not YEAR.match(ident[2].strip()):
            reasons[number].append(f"invalid Year '{ident[2]}'")
        keys[tuple(value.strip() for value in ident[1:])].append(number)
        for position in range(1, len(csv_file.header) + 1):
            column = csv_file.column_name(position)
            if column in identity or column not in record:
                continue
            value = record[column]
            if layout.production.match(column):
                reason = cell_reason(column, value)
                if reason:
                    reasons[number].append(reason)
            cells.append((number, *ident, position, column, value))
    for key, numbers in keys.items():
        if len(numbers) > 1:
            rows = ", ".join(str(n) for n in numbers)
            for number in numbers:
                reasons[number].append(
                    f"duplicate key ({layout.identity[1]}={key[0]!r}, "
                    f"{layout.identity[2]}={key[1]!r}) in rows {rows}"
                )
    rejects = [
        Reject(csv_file.relative_path, number, "; ".join(found))
        for number, found in sorted(reasons.items())
    ]
    return McsTable(layout, cells, len(records), rejects, records)
