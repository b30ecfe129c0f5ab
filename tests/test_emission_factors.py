"""M5 emission factors and M6 emissions through the pipeline: the paper's worked numbers."""

from __future__ import annotations

import csv

import duckdb
import pytest

from ingest.loader import ingest
from minex.dbt_build import run_dbt
from tests.conftest import (
    ASSETS_HEADER,
    PRODUCTION_HEADER,
    REFERENCE,
    SEEDS,
    csv_text,
    write_landing,
)

TABLE4 = REFERENCE / "paper-tables" / "table4_top_assets_2024.csv"
COUNTRIES = {
    "Russia": "RUS",
    "Iran": "IRN",
    "Peru": "PER",
    "DRC": "COD",
    "Indonesia": "IDN",
    "Myanmar": "MMR",
    "Zambia": "ZMB",
}
MINERALS = {"Iron ore": "iron", "Copper": "copper"}
# Sarcheshmeh and Sungun share one organisation-level figure of their operator.
NICICO = "National Iranian Copper Industries Co"
ORGANISATION_LEVEL = {"Sarcheshmeh Complex", "Sungun Mine"}


def table4() -> list[dict[str, str]]:
    with TABLE4.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def table4_warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    """Table 4's assets as landing files: 2024 ore reported, emissions reported by the
    companies (the organisation-level figure = EF x the two Iranian mines' ore)."""
    rows = table4()
    assets, production, emissions, ownership = [], [], [], []
    organisation_co2 = 0.0
    for number, row in enumerate(rows, start=1):
        asset_id = f"T4-{number:02d}"
        assets.append(
            f"{asset_id},{row['asset_name']},{COUNTRIES[row['country']]},"
            f"{MINERALS[row['type']]},,,,Production,,,,"
        )
        production.append(f"{asset_id},2024,ore,{row['activity_t']},t,year,paper Table 4")
        if row["asset_name"] in ORGANISATION_LEVEL:
            ownership.append(f"{asset_id},{NICICO},100")
            organisation_co2 += float(row["activity_t"]) * float(row["emission_factor"])
        else:
            emissions.append(f"Owner of {asset_id},{asset_id},2024,{row['co2_emissions_t']},t,,,")
    emissions.append(f"{NICICO},,2024,{organisation_co2!r},t,,,derived from Table 4")
    work = tmp_path_factory.mktemp("table4")
    landing = write_landing(
        work / "landing",
        {
            "mdo/assets.csv": csv_text(ASSETS_HEADER, *assets),
            "mdo/production.csv": csv_text(PRODUCTION_HEADER, *production),
            "reports/emissions.csv": csv_text(
                "organisation,asset_id,year,co2,unit,scaling_factor,scaling_factor_sd,citation",
                *emissions,
            ),
            "reports/ownership.csv": csv_text("asset_id,organisation,share_percent", *ownership),
        },
    )
    db = work / "minex.duckdb"
    assert ingest(landing, db, SEEDS).rejects == []
    run_dbt(
        ["build", "--select", "+fct_asset_emissions", "--indirect-selection", "cautious"], db, {}
    )
    return duckdb.connect(str(db))


@pytest.mark.parametrize("row", table4(), ids=lambda row: row["asset_name"])
def test_table4_emissions_through_the_pipeline(table4_warehouse, row):
    activity, ef, co2, level, ef_confidence, confidence = table4_warehouse.execute(
        """
        select activity_t, emission_factor, co2_t, ef_level, ef_confidence, emissions_confidence
        from marts.fct_asset_emissions where asset_name = ? and year = 2024
        """,
        [row["asset_name"]],
    ).fetchone()
    assert activity == float(row["activity_t"])
    assert round(ef, 4) == float(row["emission_factor"])
    assert co2 == pytest.approx(float(row["co2_emissions_t"]), abs=0.5)
    if row["asset_name"] in ORGANISATION_LEVEL:
        assert (level, ef_confidence, confidence) == ("organisation", "medium", "medium")
    else:
        assert (level, ef_confidence, confidence) == ("asset", "high", "high")


def test_lebedinsky_and_sarcheshmeh_exactly(table4_warehouse):
    figures = dict(
        table4_warehouse.execute(
            """
            select asset_name, co2_t from marts.fct_asset_emissions
            where year = 2024 and asset_name in ('Lebedinsky Mine', 'Sarcheshmeh Complex')
            """
        ).fetchall()
    )
    assert figures["Lebedinsky Mine"] == pytest.approx(2_602_541)  # reported figure
    # 108,389,603 t x 0.0240 = 2,601,350.472 t
    assert figures["Sarcheshmeh Complex"] == pytest.approx(2_601_350.472, rel=1e-12)


def test_earlier_years_take_the_nearest_year_emission_factor(table4_warehouse):
    rows = table4_warehouse.execute(
        """
        select year, activity_t, emission_factor, ef_level, ef_source_year, co2_t,
            emissions_confidence
        from marts.fct_asset_emissions where asset_name = 'Kansanshi Mine' order by year
        """
    ).fetchall()
    assert [r[0] for r in rows] == list(range(2015, 2025))
    for _year, activity, ef, level, source_year, co2, confidence in rows[:-1]:
        # no activity before 2024, but an EF (the asset's own, nearest year) all the same
        assert (activity, co2, confidence) == (None, None, None)
        assert (level, source_year) == ("asset", 2024)
        assert round(ef, 4) == 0.0454


def test_every_sample_asset_year_has_an_emission_factor(sample_release):
    _, db = sample_release
    with duckdb.connect(str(db)) as con:
        missing, without_activity, zero = con.execute(
            """
            select
                count(*) filter (where emission_factor is null or ef_level is null),
                count(*) filter (
                    where activity_t is null
                    and (co2_t is not null or emissions_confidence is not null)
                ),
                count(*) filter (where activity_t = 0 and co2_t != 0)
            from marts.fct_asset_emissions
            """
        ).fetchone()
        zeros = con.execute(
            "select count(*) from marts.fct_asset_emissions where activity_t = 0 and co2_t = 0"
        ).fetchone()[0]
    assert (missing, without_activity, zero) == (0, 0, 0)
    assert zeros > 0
