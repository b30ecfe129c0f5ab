"""What each release table and key mart must satisfy, as Great Expectations expectations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from minex.release_files import (
    CONFIDENCE,
    COUNTRY,
    ERS,
    INSAR_PAIRS,
    INSAR_PIXEL_COUNTS,
    OWNERSHIP,
    SOURCES,
    UNCERTAINTY,
    ReleaseFile,
)

CHECKS = Path(__file__).parent / "checks"
TIMESTAMP = r"^\d{4}-\d{2}-\d{2} 00:00:00$"


@dataclass(frozen=True)
class Expectation:
    kind: str  # a great_expectations.expectations class name
    arguments: dict[str, Any]

    def describe(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items() if k != "column_list")
        return f"{self.kind}({shown})"


@dataclass
class TableCheck:
    """A query whose rows must meet the expectations; key columns name an example row."""

    name: str
    query: str
    key_columns: tuple[str, ...]
    expectations: list[Expectation] = field(default_factory=list)

    def expect(self, kind: str, **arguments: Any) -> TableCheck:
        self.expectations.append(Expectation(kind, arguments))
        return self

    def in_set(self, column: str, values: list[Any]) -> TableCheck:
        return self.expect("ExpectColumnValuesToBeInSet", column=column, value_set=values)

    def between(self, column: str, low: float | None, high: float | None = None) -> TableCheck:
        return self.expect(
            "ExpectColumnValuesToBeBetween", column=column, min_value=low, max_value=high
        )

    def not_null(self, *columns: str) -> TableCheck:
        for column in columns:
            self.expect("ExpectColumnValuesToNotBeNull", column=column)
        return self

    def unique(self, *columns: str) -> TableCheck:
        return self.expect("ExpectCompoundColumnsToBeUnique", column_list=list(columns))

    def ordered_columns(self, columns: tuple[str, ...]) -> TableCheck:
        return self.expect("ExpectTableColumnsToMatchOrderedList", column_list=list(columns))

    def at_most(self, lower: str, upper: str) -> TableCheck:
        return self.expect(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            column_A=upper,
            column_B=lower,
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        )


@dataclass(frozen=True)
class Vocabularies:
    confidences: list[str]
    gases: list[str]
    activity_units: list[str]
    methods: list[str]
    ef_levels: list[str]
    countries: list[str]

    @classmethod
    def from_warehouse(cls, con: duckdb.DuckDBPyConnection) -> Vocabularies:
        def column(sql: str) -> list[str]:
            return [row[0] for row in con.execute(sql).fetchall()]

        return cls(
            confidences=column("select confidence from reference.confidence_scale"),
            gases=column("select gas from reference.gases"),
            activity_units=column(
                "select activity_units from reference.minerals where is_asset_level"
            ),
            methods=column("select method from reference.activity_methods"),
            ef_levels=column("select level from reference.emission_factor_levels"),
            countries=column("select iso3 from reference.countries"),
        )


def _table(
    release_file: ReleaseFile, granularity: str, key: tuple[str, ...], vocabularies: Vocabularies
) -> TableCheck:
    """Column order, key, timestamps and gases: what every release table shares."""
    model = release_file.model_for(granularity)
    check = TableCheck(f"exports.{model}", f"select * from exports.{model}", key)
    check.ordered_columns(release_file.columns).unique(*key).not_null(*key)
    if "start_time" in release_file.columns:
        check.expect("ExpectColumnValuesToMatchRegex", column="start_time", regex=TIMESTAMP)
        check.expect("ExpectColumnValuesToMatchRegex", column="end_time", regex=TIMESTAMP)
    if "gas" in release_file.columns:
        check.in_set("gas", vocabularies.gases)
    return check


def release_checks(
    vocabularies: Vocabularies, parameters: dict[str, Any], granularity: str
) -> list[TableCheck]:
    """Every check of a release at this granularity (`annual` or `month`)."""
    confidence = vocabularies.confidences
    period = "annual" if granularity == "annual" else "month"
    ef_band = (parameters["ef_plausible_min"], parameters["ef_plausible_max"])
    tolerance = parameters["check_relative_tolerance"]

    sources = _table(SOURCES, granularity, ("source_id", "start_time", "gas"), vocabularies)
    sources.in_set("temporal_granularity", [period])
    sources.in_set("activity_units", vocabularies.activity_units)
    sources.in_set("capacity_units", ["tonnes"])
    sources.in_set("other4", vocabularies.methods)
    sources.in_set("other5", vocabularies.ef_levels)
    sources.in_set("other7", ["mdo", "company_report", "additional", "insar"])
    sources.in_set("iso3_country", vocabularies.countries)
    for column in ("activity", "capacity", "capacity_factor", "emissions_quantity"):
        sources.between(column, 0)
    sources.between("emissions_factor", *ef_band)

    confidence_file = _table(
        CONFIDENCE, granularity, ("source_id", "start_time", "gas"), vocabularies
    )
    for column in ("source_type", "capacity", "capacity_factor", "activity"):
        confidence_file.in_set(column, confidence)
    for column in ("emissions_factor", "emissions_quantity"):
        confidence_file.in_set(column, confidence)

    ownership = _table(OWNERSHIP, granularity, ("source_id", "parent_name"), vocabularies)
    ownership.between("overall_share_percent", 0, 100)

    country = _table(
        COUNTRY, granularity, ("iso3_country", "subsector", "start_time", "gas"), vocabularies
    )
    country.in_set("iso3_country", vocabularies.countries)
    country.in_set("basis", ["asset", "projected"])
    country.in_set("temporal_granularity", [period])
    for column in ("emissions_quantity", "asset_emissions", "projected_emissions"):
        country.between(column, 0)

    uncertainty = _table(UNCERTAINTY, granularity, ("source_id", "start_time", "gas"), vocabularies)
    uncertainty.at_most("emissions_lower", "emissions_quantity")
    uncertainty.at_most("emissions_quantity", "emissions_upper")
    uncertainty.at_most("activity_lower", "activity_upper")
    uncertainty.at_most("emissions_factor_lower", "emissions_factor_upper")
    for column in ("emissions_lower", "activity_lower", "emissions_factor_lower"):
        uncertainty.between(column, 0)

    ers = _table(ERS, granularity, ("source_id", "start_time", "strategy"), vocabularies)
    ers.unique("source_id", "start_time", "rank")
    ers.in_set("strategy", ["electrification", "close_inefficient_mine"])
    ers.between("rank", 1, 2)
    ers.between("emissions_reduced", 0)
    ers.between("emissions_after", 0)

    pixel_counts = _table(INSAR_PIXEL_COUNTS, granularity, ("asset_id", "year"), vocabularies)
    for column in ("active_pixels", "valid_pixels", "active_area_m2", "n_pairs", "n_pairs_used"):
        pixel_counts.between(column, 0)
    pixel_counts.at_most("active_pixels", "valid_pixels").at_most("n_pairs_used", "n_pairs")

    pairs = _table(INSAR_PAIRS, granularity, ("asset_id", "file"), vocabularies)
    pairs.not_null("kept").between("stable_mean", 0, 1).between("stable_sd", 0)

    tables = [sources, confidence_file, ownership, country, uncertainty, ers, pixel_counts, pairs]

    asset_emissions = TableCheck(
        "marts.fct_asset_emissions",
        "select * from marts.fct_asset_emissions",
        ("asset_id", "year"),
    )
    asset_emissions.unique("asset_id", "year").not_null("asset_id", "year")
    asset_emissions.between("emission_factor", *ef_band).between("activity_t", 0)
    for column in (
        "activity_confidence",
        "ef_confidence",
        "emissions_confidence",
        "capacity_confidence",
        "capacity_factor_confidence",
    ):
        asset_emissions.in_set(column, confidence)
    asset_emissions.at_most("co2_lower_t", "co2_t").at_most("co2_t", "co2_upper_t")

    country_emissions = TableCheck(
        "marts.fct_country_emissions",
        "select * from marts.fct_country_emissions",
        ("iso3_country", "subsector", "year"),
    )
    country_emissions.unique("iso3_country", "subsector", "year")
    country_emissions.in_set("basis", ["asset", "projected"]).between("co2_t", 0)

    return [*tables, asset_emissions, country_emissions, *_derived_checks(granularity, tolerance)]


def _derived_checks(granularity: str, tolerance: float) -> list[TableCheck]:
    models = {
        "sources_model": SOURCES.model_for(granularity),
        "confidence_model": CONFIDENCE.model_for(granularity),
        "uncertainty_model": UNCERTAINTY.model_for(granularity),
        "country_model": COUNTRY.model_for(granularity),
    }

    def query(name: str) -> str:
        return (CHECKS / f"{name}.sql").read_text(encoding="utf-8").format(**models)

    checks = []
    for name, key in (
        ("emissions_equal_activity_times_factor", ("source_id", "start_time", "gas")),
        ("capacity_factor_equals_activity_over_capacity", ("source_id", "start_time", "gas")),
        ("country_equals_sum_of_assets", ("iso3_country", "subsector", "start_time", "gas")),
    ):
        checks.append(TableCheck(name, query(name), key).between("relative_error", 0, tolerance))
    coverage = TableCheck(
        "coverage_years_present", query("coverage_years_present"), ("release_table", "year")
    )
    checks.append(coverage.between("row_count", 1))
    return checks
