"""Rebuild seeds/countries.csv from reference/countries/all.csv (ISO 3166-1 with UN M49).

The seed keeps the 249 ISO 3166-1 entries as published and adds Kosovo as ``XKX``
(Climate TRACE's GADM adaptation, METHODOLOGY vocabulary). Entries without a UN M49
region (Antarctica, Taiwan) keep an empty region: rules that need one fall back to
global (M7).
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "reference" / "countries" / "all.csv"
SEED = ROOT / "seeds" / "countries.csv"

KOSOVO = {
    "iso3": "XKX",
    "country_name": "Kosovo",
    "m49_code": "",
    "region": "Europe",
    "sub_region": "Southern Europe",
}


def build() -> list[dict[str, str]]:
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        rows = [
            {
                "iso3": row["alpha-3"],
                "country_name": row["name"],
                "m49_code": row["country-code"],
                "region": row["region"],
                "sub_region": row["sub-region"],
            }
            for row in csv.DictReader(handle)
        ]
    rows.append(KOSOVO)
    return sorted(rows, key=lambda row: row["iso3"])


def main() -> None:
    rows = build()
    with SEED.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(KOSOVO), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {SEED.relative_to(ROOT)}: {len(rows)} countries")


if __name__ == "__main__":
    main()
