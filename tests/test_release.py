"""`minex run` on the bundled sample: the release folder of the data contract."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import yaml

from minex.release_files import ASSET_SUBSECTOR_FILES, COUNTRY, INSAR_FILES
from tests.conftest import ROOT

SUBSECTORS = ("copper-mining", "iron-mining", "bauxite-mining")
GASES = ("co2", "ch4", "n2o", "co2e_100yr", "co2e_20yr")
CONTRACT = ROOT / "docs" / "spec" / "DATA_CONTRACT.md"


def contract_headers() -> dict[str, list[str]]:
    """The release table of DATA_CONTRACT.md: file suffix -> columns in order."""
    headers = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `\{subsector\}_(\w+)\.csv` \| (.+) \|$", line)
        if match:
            columns = [c.strip() for c in match.group(2).split(",")]
            columns = [c.split(" (")[0] for c in columns]
            gap = [i for i, c in enumerate(columns) if c.startswith("…")]
            if gap:  # other1, other1_def, … other10, other10_def
                at = gap[0]
                columns[at - 2 : at + 2] = [
                    name for n in range(1, 11) for name in (f"other{n}", f"other{n}_def")
                ]
            headers[match.group(1)] = columns
    return headers


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_release_columns_match_the_data_contract_and_the_dbt_contracts():
    headers = contract_headers()
    exports = yaml.safe_load((ROOT / "models/exports/_exports__models.yml").read_text())
    dbt_columns = {m["name"]: [c["name"] for c in m["columns"]] for m in exports["models"]}
    for release_file in ASSET_SUBSECTOR_FILES:
        assert list(release_file.columns) == headers[release_file.suffix], release_file.suffix
        assert dbt_columns[release_file.model] == list(release_file.columns)


def test_release_has_the_files_of_each_subsector_with_the_contract_headers(sample_release):
    out, _ = sample_release
    headers = contract_headers()
    names = sorted(p.name for p in (out / "DATA").iterdir())
    expected = [f.file_name(s) for s in SUBSECTORS for f in ASSET_SUBSECTOR_FILES]
    expected += [COUNTRY.file_name(s) for s in ("rock-quarrying", "sand-quarrying")]
    expected += [f.file_name(None) for f in INSAR_FILES]
    assert names == sorted(expected)
    for release_file in ASSET_SUBSECTOR_FILES:
        for subsector in SUBSECTORS:
            with (out / "DATA" / release_file.file_name(subsector)).open(encoding="utf-8") as f:
                assert next(csv.reader(f)) == headers[release_file.suffix]
    assert not list(out.parent.glob(".*partial"))


def test_five_gas_rows_per_source_and_year_every_asset_every_year(sample_release):
    out, db = sample_release
    with duckdb.connect(str(db)) as con:
        assets = dict(
            con.execute("select subsector, count(*) from marts.dim_assets group by 1").fetchall()
        )
    for subsector in SUBSECTORS:
        sources = read(out / "DATA" / f"{subsector}_emissions_sources.csv")
        per_period = Counter((r["source_id"], r["start_time"]) for r in sources)
        assert set(per_period.values()) == {5}
        assert len(per_period) == assets[subsector] * 10  # coverage 2015..2024
        assert {r["gas"] for r in sources} == set(GASES)
        assert {r["temporal_granularity"] for r in sources} == {"annual"}
        for row in sources:
            year = row["start_time"][:4]
            assert row["start_time"] == f"{year}-01-01 00:00:00"
            assert row["end_time"] == f"{year}-12-31 00:00:00"
            if row["gas"] in ("ch4", "n2o"):
                assert row["emissions_quantity"] == "" and row["emissions_factor"] == ""


def test_sishen_emissions_from_the_paper_table_2(sample_release):
    out, _ = sample_release
    rows = {
        (r["start_time"][:4], r["gas"]): r
        for r in read(out / "DATA" / "iron-mining_emissions_sources.csv")
        if r["source_id"] == "COM01199.00"
    }
    for year, activity, emissions in (
        ("2021", 37.9e6, 402_000),
        ("2022", 39.4e6, 427_000),
        ("2023", 39.1e6, 424_000),
    ):
        co2 = rows[(year, "co2")]
        assert float(co2["activity"]) == activity
        assert float(co2["emissions_quantity"]) == pytest.approx(emissions, rel=1e-12)
        assert float(rows[(year, "co2e_100yr")]["emissions_quantity"]) == float(
            co2["emissions_quantity"]
        )
        assert co2["other4"] == "reported_ore" and co2["other7"] == "mdo"
        assert co2["other5"] == "asset" and co2["other6"] == year
    ef = {
        year: round(float(rows[(year, "co2")]["emissions_factor"]), 4)
        for year in ("2021", "2022", "2023")
    }
    assert ef == {"2021": 0.0106, "2022": 0.0108, "2023": 0.0108}
    # 2015: ore reported by the company (open database), Sishen's own EF of the nearest year
    assert rows[("2015", "co2")]["activity"] == "31392800.0"
    assert (rows[("2015", "co2")]["other5"], rows[("2015", "co2")]["other6"]) == ("asset", "2021")
    assert float(rows[("2015", "co2")]["emissions_quantity"]) == pytest.approx(
        31_392_800 * 402_000 / 37.9e6
    )


def test_tenke_fungurume_matches_the_paper_table_4(sample_release):
    """Climate TRACE's 2024 activity and EF (the sample's derived inputs) give Table 4's row."""
    out, _ = sample_release
    (row,) = [
        r
        for r in read(out / "DATA" / "copper-mining_emissions_sources.csv")
        if r["source_name"].startswith("Tenke")
        and r["gas"] == "co2"
        and r["start_time"] < "2025"
        and r["start_time"].startswith("2024")
    ]
    assert float(row["activity"]) == pytest.approx(14_199_200, abs=1)
    assert round(float(row["emissions_factor"]), 4) == 0.0944
    assert float(row["emissions_quantity"]) == pytest.approx(1_340_404, abs=1)


def test_confidence_file_and_country_file(sample_release):
    out, _ = sample_release
    confidence = read(out / "DATA" / "iron-mining_emissions_sources_confidence.csv")
    sishen_2021 = [
        r
        for r in confidence
        if r["source_id"] == "COM01199.00" and r["start_time"].startswith("2021")
    ]
    assert {
        (r["gas"], r["activity"], r["emissions_factor"], r["emissions_quantity"])
        for r in sishen_2021
    } == {
        ("co2", "very high", "high", "high"),
        ("co2e_100yr", "very high", "high", "high"),
        ("co2e_20yr", "very high", "high", "high"),
        ("ch4", "very high", "", ""),
        ("n2o", "very high", "", ""),
    }
    country = read(out / "DATA" / "iron-mining_country_emissions.csv")
    assert len({r["iso3_country"] for r in country}) == 250
    with duckdb.connect(str(sample_release[1])) as con:
        zaf_total, asset_co2, projected_co2 = con.execute(
            """
            select
                (select sum(co2_t) from marts.fct_asset_emissions
                 where iso3_country = 'ZAF' and subsector = 'iron-mining' and year = 2021),
                asset_co2_t,
                projected_co2_t
            from marts.fct_country_emissions
            where iso3_country = 'ZAF' and subsector = 'iron-mining' and year = 2021
            """
        ).fetchone()
    assert asset_co2 == pytest.approx(zaf_total) and zaf_total > 402_000  # Sishen and others
    zaf = [r for r in country if r["iso3_country"] == "ZAF" and r["start_time"].startswith("2021")]
    co2 = next(r for r in zaf if r["gas"] == "co2")
    assert float(co2["asset_emissions"]) == pytest.approx(asset_co2)
    assert float(co2["projected_emissions"]) == pytest.approx(projected_co2)
    larger = "projected" if projected_co2 > asset_co2 else "asset"
    assert co2["basis"] == larger
    assert float(co2["emissions_quantity"]) == pytest.approx(max(asset_co2, projected_co2))
    aruba = next(r for r in country if r["iso3_country"] == "ABW" and r["gas"] == "co2")
    assert aruba["emissions_quantity"] == "0.0" and aruba["basis"] == ""


def test_manifest_lists_inputs_outputs_and_results(sample_release):
    out, _ = sample_release
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["created"] == "2025-01-01 00:00:00"
    assert manifest["release_id"] == "minex-20250101T000000Z"
    assert len(manifest["inputs"]) == 23  # 21 CSV files, the InSAR footprints and one stack
    for output in manifest["outputs"]:
        path = out / output["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == output["sha256"]
        if "rows" in output:  # a CSV (pictures and datapackage.json have no rows)
            assert output["rows"] == len(read(path))
    assert {o["path"] for o in manifest["outputs"]} >= {"datapackage.json"}
    assert manifest["versions"]["duckdb"] == "2.0.1"
    assert manifest["parameters"]["electrification_share"] == 0.5
    assert manifest["data_checks"]["status"] == "passed"
    assert manifest["dbt_build"]["nodes"].get("error", 0) == 0
    created = {
        r["created_date"] for r in read(out / "DATA" / "copper-mining_emissions_sources.csv")
    }
    assert created == {"2025-01-01 00:00:00"}


def test_release_tables_are_queryable_as_published(sample_release):
    """Each CSV is one export model filtered to its subsector."""
    out, db = sample_release
    with duckdb.connect(str(db)) as con:
        for release_file in ASSET_SUBSECTOR_FILES:
            for subsector in SUBSECTORS:
                (count,) = con.execute(
                    f"select count(*) from exports.{release_file.model} "
                    f"as published where {release_file.subsector_filter(subsector, 'published')}"
                ).fetchone()
                assert count == len(read(out / "DATA" / release_file.file_name(subsector)))
