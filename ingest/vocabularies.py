"""Reference vocabularies the loaders check values against, read from the dbt seeds.

The seeds in ``seeds/`` are the single source of truth: the same CSV files become the
``reference`` schema in the warehouse when dbt runs.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

FOOTNOTE = re.compile(r"[0-9 ,]+$")


def country_lookup_key(name: str) -> str:
    """Normalise a country name for lookup: trim, drop glued footnote digits, lowercase.

    The staging model ``stg_usgs__mcs_world`` applies the same rule in SQL
    (macro ``country_lookup_key``).
    """
    return FOOTNOTE.sub("", name.strip()).strip().lower()


def _read(seed_dir: Path, name: str) -> list[dict[str, str]]:
    with (seed_dir / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Vocabularies:
    """Allowed values of each checked column kind."""

    iso3: frozenset[str]
    country_names: dict[str, str]  # lookup key -> iso3 ('' for aggregate rows such as World total)
    minerals: frozenset[str]
    asset_minerals: frozenset[str]
    products: frozenset[str]
    units: frozenset[str]
    bases: frozenset[str]
    terms: dict[str, frozenset[str]]  # vocabulary name -> values (status, operation_type, period)

    @classmethod
    def from_seeds(cls, seed_dir: Path) -> Vocabularies:
        countries = _read(seed_dir, "countries")
        names = {country_lookup_key(row["iso3"]): row["iso3"] for row in countries}
        names.update({country_lookup_key(row["country_name"]): row["iso3"] for row in countries})
        names.update(
            {
                country_lookup_key(row["country_alias"]): row["iso3"]
                for row in _read(seed_dir, "country_aliases")
            }
        )
        minerals = _read(seed_dir, "minerals")
        terms: dict[str, set[str]] = {}
        for row in _read(seed_dir, "vocabularies"):
            terms.setdefault(row["vocabulary"], set()).add(row["value"])
        return cls(
            iso3=frozenset(row["iso3"] for row in countries),
            country_names=names,
            minerals=frozenset(row["mineral"] for row in minerals),
            asset_minerals=frozenset(
                row["mineral"] for row in minerals if row["is_asset_level"] == "true"
            ),
            products=frozenset(row["product"] for row in _read(seed_dir, "products")),
            units=frozenset(row["unit"] for row in _read(seed_dir, "units")),
            bases=frozenset(row["basis"] for row in _read(seed_dir, "national_statistics_bases")),
            terms={name: frozenset(values) for name, values in terms.items()},
        )

    def resolve_country(self, name: str) -> str | None:
        """ISO3 of a country name, alias or code; '' for an aggregate row; None if unknown."""
        return self.country_names.get(country_lookup_key(name))
