"""M7 country files for all five subsectors, M8 solutions and M9 tables on the sample."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from minex.cli import main

SUBSECTORS = ("copper-mining", "iron-mining", "bauxite-mining", "rock-quarrying", "sand-quarrying")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float | None:
    return float(text) if text else None


@pytest.mark.parametrize("subsector", SUBSECTORS)
def test_country_file_every_country_every_year_larger_of_asset_and_projection(
    sample_release, subsector
):
    out, _ = sample_release
    rows = read(out / "DATA" / f"{subsector}_country_emissions.csv")
    assert len({r["iso3_country"] for r in rows}) == 250
    per_country_year = Counter((r["iso3_country"], r["start_time"]) for r in rows)
    assert set(per_country_year.values()) == {5} and len(per_country_year) == 2500
    for row in (r for r in rows if r["gas"] == "co2"):
        asset, projected = number(row["asset_emissions"]), number(row["projected_emissions"])
        quantity = float(row["emissions_quantity"])
        if asset is None and projected is None:
            assert (quantity, row["basis"]) == (0.0, "")
        elif projected is None or (asset is not None and asset >= projected):
            assert (quantity, row["basis"]) == (asset, "asset")
        else:
            assert (quantity, row["basis"]) == (projected, "projected")


def test_quarrying_comes_from_us_national_statistics(sample_release):
    out, db = sample_release
    for subsector, tonnes_2023 in (("rock-quarrying", 1_500e6), ("sand-quarrying", 920e6)):
        nonzero = {
            r["iso3_country"]
            for r in read(out / "DATA" / f"{subsector}_country_emissions.csv")
            if r["gas"] == "co2" and float(r["emissions_quantity"]) > 0
        }
        assert nonzero == {"USA"}
        with duckdb.connect(str(db)) as con:
            activity, method, confidence, co2, ef = con.execute(
                """
                select projected_activity_t, projection_method, projected_activity_confidence,
                    co2_t, projected_ef
                from marts.fct_country_emissions
                where iso3_country = 'USA' and subsector = ? and year = 2023
                """,
                [subsector],
            ).fetchone()
        # MCS2024 salient: 2023 US production (estimated), gross weight, factor 1
        assert (activity, method, confidence) == (tonnes_2023, "reported", "high")
        assert co2 == pytest.approx(activity * ef)


def test_us_crushed_stone_2024_is_forecast_by_the_line(sample_release):
    _, db = sample_release
    with duckdb.connect(str(db)) as con:
        activity, method, slope, intercept = con.execute(
            """
            select activity_t, projection_method, slope, intercept
            from intermediate.int_national_production_projected
            where iso3_country = 'USA' and mineral = 'rock' and year = 2024
            """
        ).fetchone()
        points = con.execute(
            """
            select year, ore_t from intermediate.int_national_production_selected
            where iso3_country = 'USA' and mineral = 'rock' order by year
            """
        ).fetchall()
    # MCS2023 and MCS2024 salient tables: 2018..2023, the latest edition for each year
    assert [year for year, _ in points] == [2018, 2019, 2020, 2021, 2022, 2023]
    n = len(points)
    mean_x = sum(y for y, _ in points) / n
    mean_y = sum(v for _, v in points) / n
    by_hand = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
        (x - mean_x) ** 2 for x, _ in points
    )
    assert method == "forecast"
    assert slope == pytest.approx(by_hand, rel=1e-9)
    assert activity == pytest.approx(max(0.0, intercept + slope * 2024), rel=1e-12)


def test_ers_file_ranks_both_strategies(sample_release):
    out, _ = sample_release
    for subsector in ("copper-mining", "iron-mining", "bauxite-mining"):
        ers = read(out / "DATA" / f"{subsector}_emissions_sources_ers.csv")
        sources = {
            (r["source_id"], r["start_time"]): float(r["emissions_quantity"])
            for r in read(out / "DATA" / f"{subsector}_emissions_sources.csv")
            if r["gas"] == "co2" and r["emissions_quantity"]
        }
        assert ers, subsector
        by_asset_year: dict[tuple[str, str], list[dict[str, str]]] = {}
        for row in ers:
            by_asset_year.setdefault((row["source_id"], row["start_time"]), []).append(row)
            emissions = sources[(row["source_id"], row["start_time"])]
            reduced, after = float(row["emissions_reduced"]), float(row["emissions_after"])
            assert reduced > 0 and after == pytest.approx(emissions - reduced)
            if row["strategy"] == "electrification":
                assert reduced == pytest.approx(0.5 * emissions)  # electrification_share
        for rows in by_asset_year.values():
            ranked = sorted(rows, key=lambda r: int(r["rank"]))
            assert [int(r["rank"]) for r in ranked] == list(range(1, len(rows) + 1))
            reductions = [float(r["emissions_reduced"]) for r in ranked]
            assert reductions == sorted(reductions, reverse=True)


def test_tables_command_prints_the_papers_tables(sample_release, capsys):
    _, db = sample_release
    assert main(["tables", "--db", str(db), "--year", "2024", "--top", "5"]) == 0
    text = capsys.readouterr().out
    for title in ("Table 3", "Table 4", "Table 5", "Table 6"):
        assert title in text
    with duckdb.connect(str(db)) as con:
        (top_asset,) = con.execute(
            "select asset_name from marts.fct_asset_rankings "
            "where year = 2024 and emissions_rank = 1"
        ).fetchone()
    table4 = text[text.index("Table 4") :].splitlines()
    assert table4[4].startswith(top_asset)
    assert len([line for line in table4[4:] if line and not line.startswith("Table")]) >= 5


def test_coverage_report(sample_release, capsys):
    _, db = sample_release
    assert main(["report", "country_coverage", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == [
        "iso3_country",
        "country_name",
        "year",
        "assets",
        "assets_with_activity",
        "coverage_percent",
    ]
