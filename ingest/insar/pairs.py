"""Coherence pairs: acquisition dates from the file name or pairs.csv, and M3.1 selection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.csv_file import UnreadableFile, read_csv
from ingest.insar.parameters import M3Parameters
from ingest.validation import NUMBER, Reject

NAME_DATE = re.compile(r"(?<!\d)(\d{8})(?!\d)")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PAIRS_COLUMNS = ("file", "reference_date", "secondary_date")


@dataclass(frozen=True)
class CoherencePair:
    """One coherence raster of an asset and the two acquisitions it compares."""

    file: str  # name inside the asset folder
    reference_date: date
    secondary_date: date
    bperp_m: float | None
    date_source: str  # 'file name' or 'pairs.csv'

    @property
    def temporal_baseline_days(self) -> int:
        return abs((self.secondary_date - self.reference_date).days)

    @property
    def year(self) -> int:
        """M3.6: a pair belongs to the year of its earlier acquisition."""
        return min(self.reference_date, self.secondary_date).year


@dataclass(frozen=True)
class ListedPair:
    """A row of pairs.csv."""

    reference_date: date
    secondary_date: date
    bperp_m: float | None


def dates_from_name(name: str) -> tuple[date, date] | str:
    """The two YYYYMMDD dates in a file name, or why there are not exactly two."""
    found = NAME_DATE.findall(Path(name).stem)
    dates = []
    for text in found:
        try:
            dates.append(date(int(text[:4]), int(text[4:6]), int(text[6:])))
        except ValueError:
            continue
    if len(dates) != 2:
        return f"the name holds {len(dates)} YYYYMMDD dates, not 2, and pairs.csv has no row for it"
    return dates[0], dates[1]


def _iso_date(value: str, column: str) -> date | str:
    text = value.strip()
    if not ISO_DATE.match(text):
        return f"{column} '{value}' is not a date YYYY-MM-DD"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return f"{column} '{value}' is not a calendar date"


def read_pairs_csv(
    path: Path, relative: str, files: set[str]
) -> tuple[dict[str, ListedPair], list[Reject]]:
    """Rows of an asset's pairs.csv by file name; rejects name the row and the reason."""
    try:
        csv_file = read_csv(path, relative)
    except UnreadableFile as error:
        return {}, [Reject(relative, None, str(error))]
    header = {name.lower() for name in csv_file.header}
    missing = [column for column in PAIRS_COLUMNS if column not in header]
    if missing:
        names = ", ".join(f"'{column}'" for column in missing)
        return {}, [Reject(relative, None, f"missing required column(s) {names}")]
    listed: dict[str, ListedPair] = {}
    rows_of: dict[str, list[int]] = {}
    rejects = []
    for number, record in csv_file.records():
        values = {name.lower(): value.strip() for name, value in record.items()}
        reasons = [
            f"missing value for required column '{c}'" for c in PAIRS_COLUMNS if not values.get(c)
        ]
        name = values.get("file", "")
        if name and name not in files:
            reasons.append(f"file '{name}' is not a .tif of this folder")
        dates = {c: _iso_date(values[c], c) for c in PAIRS_COLUMNS[1:] if values.get(c)}
        reasons += [d for d in dates.values() if isinstance(d, str)]
        bperp = values.get("bperp_m", "")
        if bperp and not NUMBER.match(bperp):
            reasons.append(f"non-numeric bperp_m '{bperp}'")
        if reasons:
            rejects.append(Reject(relative, number, "; ".join(reasons)))
            continue
        rows_of.setdefault(name, []).append(number)
        listed[name] = ListedPair(
            dates["reference_date"], dates["secondary_date"], float(bperp) if bperp else None
        )
    for name, numbers in rows_of.items():
        if len(numbers) > 1:
            shown = ", ".join(map(str, numbers))
            rejects += [
                Reject(relative, n, f"duplicate key (file='{name}') in rows {shown}")
                for n in numbers
            ]
            del listed[name]
    return listed, sorted(rejects, key=lambda r: r.row or 0)


def resolve_pair(name: str, listed: dict[str, ListedPair]) -> CoherencePair | str:
    """The pair of a raster: dates from pairs.csv when it lists the file, else from the name."""
    if name in listed:
        row = listed[name]
        return CoherencePair(name, row.reference_date, row.secondary_date, row.bperp_m, "pairs.csv")
    dates = dates_from_name(name)
    if isinstance(dates, str):
        return dates
    return CoherencePair(name, dates[0], dates[1], None, "file name")


def selection_reason(pair: CoherencePair, parameters: M3Parameters) -> str | None:
    """M3.1: why a pair is not kept, or None when its baselines are short enough."""
    if pair.temporal_baseline_days > parameters.insar_max_days:
        return (
            f"M3.1 temporal baseline {pair.temporal_baseline_days} days > "
            f"insar_max_days {parameters.insar_max_days:g}"
        )
    if pair.bperp_m is not None and abs(pair.bperp_m) > parameters.insar_max_bperp_m:
        return (
            f"M3.1 perpendicular baseline {abs(pair.bperp_m):g} m > "
            f"insar_max_bperp_m {parameters.insar_max_bperp_m:g}"
        )
    return None
