"""The real USGS Mineral Commodity Summaries tables (reference/usgs-mcs), loaded as published."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from ingest.loader import ingest
from minex.dbt_build import run_dbt
from tests.conftest import ASSETS_HEADER, REFERENCE, SEEDS, csv_text, write_landing

MCS = REFERENCE / "usgs-mcs"


@pytest.fixture(scope="module")
def mcs_warehouse(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    work = tmp_path_factory.mktemp("mcs")
    landing = write_landing(
        work / "landing",
        {"mdo/assets.csv": csv_text(ASSETS_HEADER, "A1,Mine,CHL,copper,,,,,,,,")},
    )
    (landing / "usgs").mkdir()
    for table in MCS.glob("*.csv"):
        shutil.copyfile(table, landing / "usgs" / table.name)
    db = work / "minex.duckdb"
    report = ingest(landing, db, SEEDS)
    assert report.rejects == []
    run_dbt(
        [
            "build",
            "--select",
            "+int_national_production_unioned",
            "--indirect-selection",
            "cautious",
        ],
        db,
        {},
    )
    return duckdb.connect(str(db))


def figure(con, iso3: str, mineral: str, basis: str, year: int, edition: int):
    return con.execute(
        """
        select quantity_t, is_estimate, value_code from staging.stg_usgs__mcs_world
        where iso3_country = ? and mineral = ? and basis = ? and year = ? and edition_year = ?
        """,
        [iso3, mineral, basis, year, edition],
    ).fetchall()


def test_chile_copper_2021_is_5620_kt_recoverable_content_in_mcs2023(mcs_warehouse):
    assert figure(mcs_warehouse, "CHL", "copper", "metal_content", 2021, 2023) == [
        (5_620_000.0, False, None)
    ]


def test_second_year_of_an_edition_is_an_estimate(mcs_warehouse):
    assert figure(mcs_warehouse, "CHL", "copper", "metal_content", 2022, 2023) == [
        (5_200_000.0, True, None)
    ]
    # MCS2022 spells the column Prod_kt_Est_2021, MCS2023 Prod_kt_est_2022
    assert figure(mcs_warehouse, "CHL", "copper", "metal_content", 2021, 2022) == [
        (5_600_000.0, True, None)
    ]


def test_later_edition_revises_and_wins_both_kept(mcs_warehouse):
    assert figure(mcs_warehouse, "CHL", "copper", "metal_content", 2022, 2024) == [
        (5_330_000.0, False, None)
    ]
    ranked = mcs_warehouse.execute(
        """
        select edition_year, quantity_t, edition_rank
        from intermediate.int_national_production_unioned
        where iso3_country = 'CHL' and mineral = 'copper' and year in (2021, 2022)
        order by year, edition_rank
        """
    ).fetchall()
    assert ranked == [
        (2023, 5_620_000.0, 1),
        (2022, 5_600_000.0, 2),
        (2024, 5_330_000.0, 1),
        (2023, 5_200_000.0, 2),
    ]


def test_thousands_separators_spaces_and_codes(mcs_warehouse):
    # "102,000" (MCS2024 bauxite), "1230 " (MCS2024 copper), W (US bauxite withheld)
    assert figure(mcs_warehouse, "AUS", "bauxite", "gross_weight", 2022, 2024) == [
        (102_000_000.0, False, None)
    ]
    assert figure(mcs_warehouse, "USA", "copper", "metal_content", 2022, 2024) == [
        (1_230_000.0, False, None)
    ]
    assert figure(mcs_warehouse, "USA", "bauxite", "gross_weight", 2022, 2024) == [
        (None, False, "W")
    ]


def test_notes_flag_other_years_as_estimates(mcs_warehouse):
    # MCS2023: "Production in 2021 is also estimated."; MCS2024: "Also estimated in 2022"
    assert figure(mcs_warehouse, "BRA", "bauxite", "gross_weight", 2021, 2023) == [
        (33_000_000.0, True, None)
    ]
    assert figure(mcs_warehouse, "RUS", "copper", "metal_content", 2022, 2024) == [
        (936_000.0, True, None)
    ]


def test_usgs_country_names_and_aggregates(mcs_warehouse):
    names = dict(
        mcs_warehouse.execute(
            "select distinct country_name, iso3_country from staging.stg_usgs__mcs_world"
        ).fetchall()
    )
    assert names["Congo (Kinshasa)"] == "COD"
    assert names["Korea, Republic of"] == "KOR"
    assert names["United States"] == "USA"
    assert names["World total (rounded)"] is None
    assert names["Other countries"] is None


def test_iron_ore_both_bases_and_byte_order_mark(mcs_warehouse):
    # every row's Source is read although the header starts with a byte-order mark
    assert mcs_warehouse.execute(
        "select count(*) from staging.stg_usgs__mcs_world where edition_year is null"
    ).fetchone() == (0,)
    assert figure(mcs_warehouse, "AUS", "iron", "usable_ore", 2022, 2024) == [
        (944_000_000.0, False, None)
    ]
    assert figure(mcs_warehouse, "AUS", "iron", "metal_content", 2021, 2023)[0][0] > 0


def test_trailing_empty_columns_leave_no_cells(mcs_warehouse):
    unnamed = mcs_warehouse.execute(
        "select count(*) from raw.usgs_mcs_world where column_name like 'column_%'"
    ).fetchone()
    assert unnamed == (0,)


def test_salient_tables_give_us_quarrying(mcs_warehouse):
    rows = mcs_warehouse.execute(
        """
        select mineral, quantity_t, is_estimate from staging.stg_usgs__mcs_salient
        where year = 2023 and edition_year = 2024 and mineral is not null order by mineral
        """
    ).fetchall()
    assert rows == [("rock", 1_500_000_000.0, True), ("sand", 920_000_000.0, True)]
