"""Row checks of the data contract: required values, numbers, vocabularies, keys.

A failing row is rejected with a reason that names the column and the value; the
other rows of the file still load. Checks never change a value: raw tables keep the
text as read, and the staging models cast it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ingest.contract import LandingTable
from ingest.vocabularies import Vocabularies

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
YEAR = re.compile(r"^\d{4}$")
COUNT = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Reject:
    """One rejected input row (``row`` None: the whole file)."""

    file: str
    row: int | None
    reason: str

    def message(self) -> str:
        where = f"row {self.row}" if self.row is not None else "whole file"
        return f"{self.file} {where}: {self.reason}"


def _number(value: str, column: str, low: float | None = None, high: float | None = None):
    if not NUMBER.match(value.strip()):
        return f"non-numeric {column} '{value}'"
    number = float(value)
    if low is not None and number < low:
        return f"{column} {value} is below {low:g}"
    if high is not None and number > high:
        return f"{column} {value} is above {high:g}"
    return None


def _in(values: Iterable[str], value: str, what: str) -> str | None:
    return None if value in values else f"unknown {what} '{value}'"


@dataclass(frozen=True)
class ValueChecks:
    """The check of each column kind named in ``LandingTable.checks``.

    Kinds are the ``check_<kind>`` methods below, plus every vocabulary of the
    ``vocabularies`` seed (status, operation_type, period).
    """

    vocabularies: Vocabularies
    assets: frozenset[str]

    def reason(self, kind: str, column: str, value: str) -> str | None:
        value = value.strip()
        if kind in self.vocabularies.terms:
            return _in(self.vocabularies.terms[kind], value, column)
        check: Callable[[str, str], str | None] = getattr(self, f"check_{kind}")
        return check(column, value)

    def check_quantity(self, column: str, value: str) -> str | None:
        return _number(value, column, low=0)

    def check_count(self, column: str, value: str) -> str | None:
        return None if COUNT.match(value) else f"{column} '{value}' is not a whole number >= 0"

    def check_percent(self, column: str, value: str) -> str | None:
        return _number(value, column, low=0, high=100)

    def check_latitude(self, column: str, value: str) -> str | None:
        return _number(value, column, low=-90, high=90)

    def check_longitude(self, column: str, value: str) -> str | None:
        return _number(value, column, low=-180, high=180)

    def check_year(self, column: str, value: str) -> str | None:
        return None if YEAR.match(value.strip()) else f"invalid {column} '{value}'"

    def check_iso3(self, column: str, value: str) -> str | None:
        return _in(self.vocabularies.iso3, value, "country")

    def check_country(self, column: str, value: str) -> str | None:
        known = self.vocabularies.resolve_country(value) is not None
        return None if known else f"unknown country '{value}'"

    def check_mineral(self, column: str, value: str) -> str | None:
        return _in(self.vocabularies.minerals, value, "mineral")

    def check_product(self, column: str, value: str) -> str | None:
        return _in(self.vocabularies.products, value, "product")

    def check_unit(self, column: str, value: str) -> str | None:
        return _in(self.vocabularies.units, value, "unit")

    def check_basis(self, column: str, value: str) -> str | None:
        return _in(self.vocabularies.bases, value, "basis")

    def check_asset(self, column: str, value: str) -> str | None:
        known = value in self.assets
        return None if known else f"unknown asset_id '{value}' (not in mdo/assets.csv)"

    def check_asset_mineral(self, column: str, value: str) -> str | None:
        return self._asset_mineral(value)

    def _asset_mineral(self, value: str) -> str | None:
        if value in self.vocabularies.asset_minerals:
            return None
        if value in self.vocabularies.minerals:
            return f"mineral '{value}' is modelled at country level only, not per asset"
        return f"unknown mineral '{value}'"

    def key_part(self, kind: str | None, value: str) -> str:
        """A key value as compared for duplicates (country names resolved, default period)."""
        if kind == "country":
            return self.vocabularies.resolve_country(value) or value
        if kind == "period":
            return value or "year"
        return value


def _period_rule(record: dict[str, str]) -> str | None:
    lifetime = record.get("period", "") == "lifetime_average"
    if lifetime and record.get("year", ""):
        return "year must be empty when period is lifetime_average"
    if not lifetime and not record.get("year", ""):
        return "missing value for required column 'year'"
    return None


def missing_columns(table: LandingTable, header: Iterable[str]) -> list[str]:
    present = {name.lower() for name in header}
    return [column for column in table.required if column not in present]


def row_reasons(table: LandingTable, record: dict[str, str], checks: ValueChecks) -> list[str]:
    """Every contract break of one row, in column order."""
    reasons = [
        f"missing value for required column '{column}'"
        for column in table.required
        if not record.get(column, "").strip()
    ]
    for column, kind in table.checks.items():
        value = record.get(column, "")
        if value.strip():
            reason = checks.reason(kind, column, value)
            if reason:
                reasons.append(reason)
    if "period" in table.columns:
        reason = _period_rule(record)
        if reason:
            reasons.append(reason)
    return reasons


def duplicate_reasons(
    table: LandingTable, records: list[tuple[int, dict[str, str]]], checks: ValueChecks
) -> dict[int, str]:
    """Rows sharing a key: all of them are rejected, each naming the others."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, record in records:
        key = tuple(
            checks.key_part(table.checks.get(column), record.get(column, "").strip())
            for column in table.key
        )
        groups[key].append(number)
    reasons = {}
    for key, numbers in groups.items():
        if len(numbers) > 1:
            shown = ", ".join(f"{c}={v!r}" for c, v in zip(table.key, key, strict=True))
            rows = ", ".join(str(n) for n in numbers)
            for number in numbers:
                reasons[number] = f"duplicate key ({shown}) in rows {rows}"
    return reasons
