"""The landing folder of DATA_CONTRACT.md, one declaration per file kind.

Each ``LandingTable`` names the raw table a file loads into, the contract's columns in
order (required ones first-class), the key that must be unique within one file, and
the check applied to each column's values (see ``ingest.validation``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class LandingTable:
    """One kind of landing CSV and the raw table it loads into."""

    table: str
    pattern: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]
    checks: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""

    def __post_init__(self) -> None:
        unknown = [c for c in (*self.required, *self.key, *self.checks) if c not in self.columns]
        if unknown:
            raise ValueError(f"{self.table}: columns {unknown} are not in the contract columns")


PRODUCTION_COLUMNS = ("asset_id", "year", "product", "quantity", "unit", "period", "citation")
PRODUCTION_CHECKS = MappingProxyType(
    {
        "asset_id": "asset",
        "year": "year",
        "product": "product",
        "quantity": "quantity",
        "unit": "unit",
        "period": "period",
    }
)


def _production(table: str, pattern: str, source: str) -> LandingTable:
    return LandingTable(
        table=table,
        pattern=pattern,
        columns=PRODUCTION_COLUMNS,
        # year may be empty when period is lifetime_average (checked row by row)
        required=("asset_id", "product", "quantity", "unit"),
        key=("asset_id", "year", "product", "period"),
        checks=PRODUCTION_CHECKS,
        description=f"production per asset, year and product; source {source}",
    )


ASSETS = LandingTable(
    table="mdo_assets",
    pattern="mdo/assets.csv",
    columns=(
        "asset_id",
        "asset_name",
        "iso3_country",
        "mineral",
        "lat",
        "lon",
        "operation_type",
        "status",
        "status_year",
        "other_minerals",
        "owner",
        "operator",
    ),
    required=("asset_id", "asset_name", "iso3_country", "mineral"),
    key=("asset_id",),
    checks=MappingProxyType(
        {
            "iso3_country": "iso3",
            "mineral": "asset_mineral",
            "lat": "latitude",
            "lon": "longitude",
            "operation_type": "operation_type",
            "status": "status",
            "status_year": "year",
        }
    ),
    description="assets: one mine x mineral each",
)

RESERVES = LandingTable(
    table="mdo_reserves",
    pattern="mdo/reserves.csv",
    columns=("asset_id", "year", "reserves", "unit"),
    required=("asset_id", "year", "reserves", "unit"),
    key=("asset_id", "year"),
    checks=MappingProxyType(
        {"asset_id": "asset", "year": "year", "reserves": "quantity", "unit": "unit"}
    ),
    description="total reserves per asset and year",
)

MDO_PRODUCTION = _production("mdo_production", "mdo/production.csv", "mdo")
REPORTS_PRODUCTION = _production("reports_production", "reports/production.csv", "company_report")
ADDITIONAL_PRODUCTION = _production(
    "additional_production", "additional/production.csv", "additional"
)

EMISSIONS = LandingTable(
    table="reports_emissions",
    pattern="reports/emissions.csv",
    columns=(
        "organisation",
        "asset_id",
        "year",
        "co2",
        "unit",
        "scaling_factor",
        "scaling_factor_sd",
        "citation",
    ),
    required=("organisation", "year", "co2", "unit"),
    key=("organisation", "asset_id", "year"),
    checks=MappingProxyType(
        {
            "asset_id": "asset",
            "year": "year",
            "co2": "quantity",
            "unit": "unit",
            "scaling_factor": "quantity",
            "scaling_factor_sd": "quantity",
        }
    ),
    description="reported CO2 emissions of an asset or an organisation (t CO2)",
)

OWNERSHIP = LandingTable(
    table="reports_ownership",
    pattern="reports/ownership.csv",
    columns=("asset_id", "organisation", "share_percent"),
    required=("asset_id", "organisation"),
    key=("asset_id", "organisation"),
    checks=MappingProxyType({"asset_id": "asset", "share_percent": "percent"}),
    description="owners of each asset with their share",
)

USGS_PRODUCTION = LandingTable(
    table="usgs_production",
    pattern="usgs/*.csv",
    # edition: publication year of the figure (optional); the latest edition wins (M7)
    columns=("country", "mineral", "year", "quantity", "unit", "basis", "flag", "edition"),
    required=("country", "mineral", "year", "quantity", "unit", "basis"),
    key=("country", "mineral", "year", "basis", "edition"),
    checks=MappingProxyType(
        {
            "country": "country",
            "mineral": "mineral",
            "year": "year",
            "quantity": "quantity",
            "unit": "unit",
            "basis": "basis",
            "edition": "year",
        }
    ),
    description="national production statistics in the canonical layout",
)

PIXEL_COUNTS = LandingTable(
    table="insar_pixel_counts",
    pattern="insar/pixel_counts.csv",
    columns=("asset_id", "year", "active_pixels", "valid_pixels", "pixel_area_m2"),
    required=("asset_id", "year", "active_pixels", "pixel_area_m2"),
    key=("asset_id", "year"),
    checks=MappingProxyType(
        {
            "asset_id": "asset",
            "year": "year",
            "active_pixels": "count",
            "valid_pixels": "count",
            "pixel_area_m2": "quantity",
        }
    ),
    description="InSAR active pixel counts computed elsewhere (M3), per asset and year",
)

# Loaded in this order: assets first, since the other files refer to them.
CONTRACT_TABLES: tuple[LandingTable, ...] = (
    ASSETS,
    RESERVES,
    MDO_PRODUCTION,
    REPORTS_PRODUCTION,
    ADDITIONAL_PRODUCTION,
    EMISSIONS,
    OWNERSHIP,
    USGS_PRODUCTION,
    PIXEL_COUNTS,
)

# Files whose rows name assets: reloaded whenever mdo/assets.csv changes.
REFERS_TO_ASSETS = frozenset(t.table for t in CONTRACT_TABLES if "asset" in t.checks.values())
