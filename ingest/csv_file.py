"""Reading one landing CSV exactly as written: bytes, hash, header and numbered rows."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path


class UnreadableFile(Exception):
    """The file cannot be read as a UTF-8 CSV with a header row."""


@dataclass(frozen=True)
class CsvRow:
    number: int  # row number as a spreadsheet shows it: the header is row 1
    values: tuple[str, ...]

    def is_blank(self) -> bool:
        return all(not value.strip() for value in self.values)


@dataclass(frozen=True)
class CsvFile:
    relative_path: str
    sha256: str
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]

    def records(self) -> list[tuple[int, dict[str, str]]]:
        """Non-blank rows as header -> value, padded with '' where a row is short."""
        out = []
        for row in self.rows:
            if row.is_blank():
                continue
            values = row.values + ("",) * (len(self.header) - len(row.values))
            record = {}
            for position, value in enumerate(values, start=1):
                name = self.column_name(position)
                if name.startswith("column_") and not value:
                    continue  # an unnamed, empty trailing cell
                record[name] = value
            out.append((row.number, record))
        return out

    def column_name(self, position: int) -> str:
        """Header name of a 1-based column position; ``column_N`` where the header has none."""
        if position <= len(self.header) and self.header[position - 1]:
            return self.header[position - 1]
        return f"column_{position}"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path, relative_path: str) -> CsvFile:
    """Read a CSV file; raise UnreadableFile with the reason when that is impossible."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot open: {error.strerror}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from error
    if "\x00" in text:
        raise UnreadableFile("not a text file (contains NUL bytes)")
    try:
        parsed = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise UnreadableFile(f"not a valid CSV: {error}") from error
    if not parsed or not any(cell.strip() for cell in parsed[0]):
        raise UnreadableFile("empty file: no header row")
    header = tuple(cell.strip() for cell in parsed[0])
    named = [name for name in header if name]
    duplicated = sorted({name for name in named if named.count(name) > 1})
    if duplicated:
        raise UnreadableFile(f"duplicate column names in the header: {', '.join(duplicated)}")
    rows = tuple(
        CsvRow(number=index, values=tuple(values))
        for index, values in enumerate(parsed[1:], start=2)
    )
    return CsvFile(
        relative_path=relative_path,
        sha256=hashlib.sha256(data).hexdigest(),
        header=header,
        rows=rows,
    )
