"""The files of a release (DATA_CONTRACT.md, release folder) and the export model behind each.

Each CSV is one export model of the warehouse, filtered to one subsector (or, for the
InSAR files, written once for all): an analyst
can query exactly what was published with ``select * from exports.<model>``.
"""

from __future__ import annotations

from dataclasses import dataclass

OTHER_COLUMNS = tuple(name for n in range(1, 11) for name in (f"other{n}", f"other{n}_def"))


@dataclass(frozen=True)
class ReleaseFile:
    model: str
    suffix: str  # file name: {subsector}_{suffix}.csv
    subsector_column: str | None  # None: the file has none; its source_id names the asset
    order_by: tuple[str, ...]
    columns: tuple[str, ...]  # the contract's header, in order
    once_for_all: bool = False  # one file for all subsectors: DATA/{suffix}.csv

    def file_name(self, subsector: str | None) -> str:
        return f"{self.suffix}.csv" if self.once_for_all else f"{subsector}_{self.suffix}.csv"

    @property
    def periodic(self) -> bool:
        """Rows per period: split by month with --granularity month."""
        return "start_time" in self.columns

    def model_for(self, granularity: str) -> str:
        """The export model behind the file at this granularity (annual or month)."""
        return f"{self.model}_monthly" if granularity == "month" and self.periodic else self.model

    def subsector_filter(self, subsector: str | None, alias: str) -> str:
        """SQL condition selecting the rows of one subsector from the model aliased `alias`."""
        if self.once_for_all:
            return "true"
        if self.subsector_column:
            return f"{alias}.{self.subsector_column} = '{subsector}'"
        return (
            f"{alias}.source_id in "
            f"(select asset_id from marts.dim_assets where subsector = '{subsector}')"
        )


SOURCES = ReleaseFile(
    model="export_emissions_sources",
    suffix="emissions_sources",
    subsector_column="subsector",
    order_by=("source_id", "start_time", "gas"),
    columns=(
        "source_id",
        "source_name",
        "source_type",
        "iso3_country",
        "sector",
        "subsector",
        "start_time",
        "end_time",
        "lat",
        "lon",
        "geometry_ref",
        "gas",
        "emissions_quantity",
        "temporal_granularity",
        "activity",
        "activity_units",
        "emissions_factor",
        "emissions_factor_units",
        "capacity",
        "capacity_units",
        "capacity_factor",
        *OTHER_COLUMNS,
        "created_date",
        "modified_date",
    ),
)
CONFIDENCE = ReleaseFile(
    model="export_emissions_sources_confidence",
    suffix="emissions_sources_confidence",
    subsector_column="subsector",
    order_by=("source_id", "start_time", "gas"),
    columns=(
        "source_id",
        "source_name",
        "iso3_country",
        "sector",
        "subsector",
        "start_time",
        "end_time",
        "source_type",
        "capacity",
        "capacity_factor",
        "activity",
        "gas",
        "emissions_factor",
        "emissions_quantity",
        "created_date",
        "modified_date",
    ),
)
OWNERSHIP = ReleaseFile(
    model="export_emissions_sources_ownership",
    suffix="emissions_sources_ownership",
    subsector_column="source_subsector",
    order_by=("source_id", "parent_name"),
    columns=(
        "parent_name",
        "parent_entity_id",
        "parent_entity_type",
        "parent_lei",
        "parent_permid",
        "parent_registration_country",
        "parent_headquarter_country",
        "overall_share_percent",
        "ownership_path",
        "ownership_path_datasource_ids",
        "immediate_source_owner",
        "immediate_source_owner_entity_id",
        "source_operator",
        "source_operator_id",
        "source_id",
        "source_name",
        "source_sector",
        "source_subsector",
    ),
)
COUNTRY = ReleaseFile(
    model="export_country_emissions",
    suffix="country_emissions",
    subsector_column="subsector",
    order_by=("iso3_country", "start_time", "gas"),
    columns=(
        "iso3_country",
        "sector",
        "subsector",
        "start_time",
        "end_time",
        "gas",
        "emissions_quantity",
        "emissions_quantity_units",
        "temporal_granularity",
        "created_date",
        "modified_date",
        "asset_emissions",
        "projected_emissions",
        "basis",
    ),
)

UNCERTAINTY = ReleaseFile(
    model="export_emissions_sources_uncertainty",
    suffix="emissions_sources_uncertainty",
    subsector_column=None,
    order_by=("source_id", "start_time", "gas"),
    columns=(
        "source_id",
        "start_time",
        "end_time",
        "gas",
        "emissions_quantity",
        "emissions_lower",
        "emissions_upper",
        "activity_lower",
        "activity_upper",
        "emissions_factor_lower",
        "emissions_factor_upper",
    ),
)

ERS = ReleaseFile(
    model="export_emissions_sources_ers",
    suffix="emissions_sources_ers",
    subsector_column=None,
    order_by=("source_id", "start_time", "rank"),
    columns=(
        "source_id",
        "start_time",
        "end_time",
        "strategy",
        "rank",
        "emissions_reduced",
        "emissions_after",
    ),
)

# The files of each asset subsector (copper, iron and bauxite mining).
ASSET_SUBSECTOR_FILES = (SOURCES, CONFIDENCE, OWNERSHIP, COUNTRY, UNCERTAINTY, ERS)
# The files of the country-level subsectors (rock and sand quarrying).
COUNTRY_SUBSECTOR_FILES = (COUNTRY,)

INSAR_PIXEL_COUNTS = ReleaseFile(
    model="export_insar_pixel_counts",
    suffix="insar_pixel_counts",
    subsector_column=None,
    order_by=("asset_id", "year"),
    columns=(
        "asset_id",
        "year",
        "active_pixels",
        "valid_pixels",
        "active_area_m2",
        "n_pairs",
        "n_pairs_used",
        "site_ndai",
    ),
    once_for_all=True,
)
INSAR_PAIRS = ReleaseFile(
    model="export_insar_pairs",
    suffix="insar_pairs",
    subsector_column=None,
    order_by=("asset_id", "file"),
    columns=(
        "asset_id",
        "file",
        "reference_date",
        "secondary_date",
        "bperp_m",
        "stable_mean",
        "stable_sd",
        "kept",
        "reason",
    ),
    once_for_all=True,
)
# The InSAR files (M3), written once for all subsectors.
INSAR_FILES = (INSAR_PIXEL_COUNTS, INSAR_PAIRS)
