"""M1 conversion factors, M2 activity ranks and M6 capacity through the real pipeline."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from ingest.loader import ingest
from minex.cli import main
from minex.dbt_build import run_dbt
from tests.conftest import ASSETS_HEADER, PRODUCTION_HEADER, SEEDS, csv_text, write_landing

# Concentrate ratios: C1 (CHL) 4, C2 (CHL) 8, P1 (PER) 10. P2 (PER) reports only
# concentrate in 2021 and takes a factor from its country, else its region.
FACTOR_LANDING = {
    "mdo/assets.csv": csv_text(
        ASSETS_HEADER,
        "C1,Chile One,CHL,copper,,,,,,,,",
        "C2,Chile Two,CHL,copper,,,,,,,,",
        "P1,Peru One,PER,copper,,,,,,,,",
        "P2,Peru Two,PER,copper,,,,,,,,",
    ),
    "mdo/production.csv": csv_text(
        PRODUCTION_HEADER,
        "C1,2020,ore,400,t,year,",
        "C1,2020,concentrate,100,t,year,",
        "C2,2020,ore,800,t,year,",
        "C2,2020,concentrate,100,t,year,",
        "P1,2020,ore,1000,t,year,",
        "P1,2020,concentrate,100,t,year,",
        "P2,2021,concentrate,30,t,year,",
    ),
}


def build_with(tmp_path: Path, dbt_vars: dict) -> duckdb.DuckDBPyConnection:
    landing = write_landing(tmp_path / "landing", FACTOR_LANDING)
    db = tmp_path / "minex.duckdb"
    assert ingest(landing, db, SEEDS).rejects == []
    run_dbt(
        ["build", "--select", "+int_activity_selected", "--indirect-selection", "cautious"],
        db,
        dbt_vars,
    )
    return duckdb.connect(str(db))


@pytest.mark.parametrize(
    ("min_group_assets", "level", "factor"),
    [
        # PER has one asset with a ratio: national usable only with min_group_assets 1
        (1, "national", 10.0),
        # otherwise the Americas: (4 + 8 + 10) / 3
        (2, "regional", 22 / 3),
    ],
)
def test_min_group_assets_changes_the_factor_level(tmp_path, min_group_assets, level, factor):
    con = build_with(tmp_path, {"min_group_assets": min_group_assets})
    row = con.execute(
        """
        select activity_t, activity_method, activity_confidence, conversion_factor_level,
            conversion_factor, activity_source_year
        from intermediate.int_activity_selected where asset_id = 'P2' and year = 2021
        """
    ).fetchone()
    assert row[1:4] == ("scaled_product", "medium", level)
    assert row[4] == pytest.approx(factor, rel=1e-12)
    assert row[0] == pytest.approx(30 * factor, rel=1e-12)
    # 2022 carries the 2021 product forward (rank 7), flagged
    carried = con.execute(
        """
        select activity_method, activity_confidence, is_forward_filled, activity_source_year
        from intermediate.int_activity_selected where asset_id = 'P2' and year = 2022
        """
    ).fetchone()
    assert carried == ("scaled_product_earlier_year", "very low", True, 2021)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_sample_release_carries_method_source_year_and_capacity(sample_release):
    out, db = sample_release
    with duckdb.connect(str(db)) as con:
        asset_id, year, product, source_year = con.execute(
            """
            select asset_id, year, activity_product, activity_source_year
            from marts.fct_asset_emissions
            where activity_method = 'scaled_product' and subsector = 'copper-mining'
            order by asset_id, year limit 1
            """
        ).fetchone()
        capacity = con.execute(
            """
            select asset_id, activity_t, capacity_t, capacity_factor, capacity_confidence,
                capacity_factor_confidence
            from marts.fct_asset_emissions
            where year = 2024 and capacity_source_year = 2024 and activity_method = 'reported_ore'
            order by asset_id limit 1
            """
        ).fetchone()
    sources = read(out / "DATA" / "copper-mining_emissions_sources.csv")
    confidence = read(out / "DATA" / "copper-mining_emissions_sources_confidence.csv")
    row = next(
        r for r in sources if r["source_id"] == asset_id and r["start_time"].startswith(str(year))
    )
    assert (row["other4"], row["other8"]) == ("scaled_product", str(source_year))
    assert product in {"ore_processed", "concentrate", "metal_content"}
    asset_id, activity, reserves, factor, capacity_confidence, factor_confidence = capacity
    assert factor == pytest.approx(activity / reserves, rel=1e-12)
    assert (capacity_confidence, factor_confidence) == ("high", "high")
    row = next(
        r
        for r in sources
        if r["source_id"] == asset_id and r["start_time"] < "2025" and r["start_time"] >= "2024"
    )
    assert float(row["capacity"]) == reserves and float(row["capacity_factor"]) == factor
    conf = next(r for r in confidence if r["source_id"] == asset_id and r["start_time"] >= "2024")
    assert (conf["capacity"], conf["capacity_factor"]) == ("high", "high")


def test_activity_report_counts_every_asset_year(sample_release, capsys):
    _, db = sample_release
    assert main(["report", "activity_methods", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == [
        "rank",
        "activity_method",
        "activity_confidence",
        "asset_years",
        "assets",
    ]
    counted = sum(int(line.split()[-2].replace(",", "")) for line in lines[4:])
    with duckdb.connect(str(db)) as con:
        (assets,) = con.execute("select count(*) from marts.dim_assets").fetchone()
    assert counted == assets * 10
    assert any(line.split()[1] == "reported_ore" and "very high" in line for line in lines[4:])


def test_sample_insar_activity_fills_the_years_after_reported_ore(sample_release):
    """Kolomela reports ore until 2020; its synthetic InSAR stack gives 2021-2023 (rank 4)."""
    out, db = sample_release
    with duckdb.connect(str(db)) as con:
        productivity, level = con.execute(
            "select productivity, productivity_level "
            "from intermediate.int_insar_productivity_estimated where asset_id = 'COM00661.00'"
        ).fetchone()
        rows = con.execute(
            """
            select year, activity_method, activity_confidence, activity_t
            from marts.fct_asset_emissions where asset_id = 'COM00661.00' and year >= 2019
            order by year
            """
        ).fetchall()
        areas = dict(
            con.execute(
                "select year, active_area_m2 from intermediate.int_insar_areas_unioned "
                "where asset_id = 'COM00661.00'"
            ).fetchall()
        )
    assert level == "asset"
    methods = {year: (method, confidence) for year, method, confidence, _ in rows}
    assert methods[2020] == ("reported_ore", "very high")
    assert methods[2021] == methods[2022] == methods[2023] == ("insar", "medium")
    assert methods[2024] == ("reported_ore_earlier_year", "low")
    activity = {year: value for year, _, _, value in rows}
    assert activity[2022] == pytest.approx(productivity * areas[2022], rel=1e-12)
    sources = read(out / "DATA" / "iron-mining_emissions_sources.csv")
    row = next(
        r
        for r in sources
        if r["source_id"] == "COM00661.00"
        and r["start_time"].startswith("2022")
        and r["gas"] == "co2"
    )
    assert (row["other4"], row["other7"]) == ("insar", "insar")
    assert (out / "insar" / "COM00661.00_2021-2023.png").exists()
