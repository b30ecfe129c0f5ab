"""Paper Table 2 (Sishen, 2021-2023) through the real pipeline: a synthetic coherence stack
whose footprint pixels have exactly Table 2's activity bits, the raster stage (M3), dbt
(M4 productivity, M2 rank 4, M5/M6 emissions) and the release's InSAR files."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pytest
import yaml
from affine import Affine
from rasterio.crs import CRS

from ingest.loader import ingest
from minex.dbt_build import run_dbt
from minex.export import _write_csv
from minex.insar_pictures import write_pictures
from minex.release_files import INSAR_FILES
from tests.conftest import ASSETS_HEADER, PRODUCTION_HEADER, REFERENCE, SEEDS, csv_text
from tests.insar_stacks import Scene, coherence_of_year, footprints_geojson, write_stack

SISHEN = "COM01199.00"
TABLES = REFERENCE / "paper-tables"
COLOURS = {  # Table 2 colour -> bits (2021, 2022, 2023)
    "Red": (1, 0, 0),
    "Green": (0, 1, 0),
    "Blue": (0, 0, 1),
    "Yellow": (1, 1, 0),
    "Magenta": (1, 0, 1),
    "Cyan": (0, 1, 1),
    "White": (1, 1, 1),
}
FOOTPRINT_PIXELS = 369_786  # Table 2 "Total area"
INVALID_PIXELS = 1_000  # black pixels that are nodata in every pair
# 30 m x 30 m pixels on the grid; the paper's 100 m2 comes from var pixel_area_m2
SCENE = Scene(
    CRS.from_epsg(32734),
    Affine(30, 0, 520_000, 0, -30, 6_960_000),
    (660, 640),
    # rows 20..635 x cols 20..619 (616 x 600 = 369,600 px) and row 636, cols 20..205 (186 px)
    ((20, 20), (620, 20), (620, 636), (206, 636), (206, 637), (20, 637)),
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def table2_classes() -> dict[str, int]:
    rows = read_csv(TABLES / "table2_sishen_insar_pixel_counts.csv")
    return {row["colour"].lower(): int(row["pixel_count"]) for row in rows}


def table2_annual() -> dict[int, dict[str, str]]:
    return {int(r["year"]): r for r in read_csv(TABLES / "table2_sishen_insar_annual.csv")}


def sishen_stack(folder: Path) -> None:
    """Footprint pixels in row-major order take Table 2's classes in turn, black last."""
    footprint = np.zeros(SCENE.shape, dtype=bool)
    footprint[20:636, 20:620] = True
    footprint[636, 20:206] = True
    assert footprint.sum() == FOOTPRINT_PIXELS
    counts = table2_classes()
    bits = np.zeros((FOOTPRINT_PIXELS, 3), dtype=bool)
    start = 0
    for colour, pattern in COLOURS.items():
        stop = start + counts[colour.lower()]
        bits[start:stop] = pattern
        start = stop
    assert FOOTPRINT_PIXELS - start == 78_241  # black
    rows, cols = np.nonzero(footprint)
    invalid = np.zeros(SCENE.shape, dtype=bool)
    invalid[rows[-INVALID_PIXELS:], cols[-INVALID_PIXELS:]] = True
    pairs = []
    for position, year in enumerate((2021, 2022, 2023)):
        active = np.zeros(SCENE.shape, dtype=bool)
        active[rows, cols] = bits[:, position]
        values = coherence_of_year(footprint, active, invalid)
        for month in (3, 9):  # two 12-day pairs a year
            first = date(year, month, 1)
            pairs.append((first, first + timedelta(days=12), values))
    write_stack(folder, SCENE, pairs)


@pytest.fixture(scope="module")
def table2(tmp_path_factory) -> tuple[duckdb.DuckDBPyConnection, Path]:
    work = tmp_path_factory.mktemp("table2")
    landing = work / "landing"
    sishen_stack(landing / "insar" / SISHEN)
    annual = table2_annual()
    files = {
        "mdo/assets.csv": csv_text(
            ASSETS_HEADER,
            f"{SISHEN},Sishen Mine,ZAF,iron,-27.7,23.0,Open Pit,Production,,,Kumba Iron Ore,",
            "B1,Iron Two,ZAF,iron,,,Open Pit,Production,,,,",
        ),
        "mdo/production.csv": csv_text(
            PRODUCTION_HEADER,
            *(
                f"{SISHEN},{y},ore,{r['production_t']},t,year,paper Table 2"
                for y, r in annual.items()
            ),
        ),
        "reports/emissions.csv": csv_text(
            "organisation,asset_id,year,co2,unit,scaling_factor,scaling_factor_sd,citation",
            *(f"Kumba Iron Ore,{SISHEN},{y},{r['emissions_t']},t,,," for y, r in annual.items()),
        ),
        # B1: counts computed elsewhere, no ore reported -> M2 rank 4 from Sishen's k
        "insar/pixel_counts.csv": csv_text(
            "asset_id,year,active_pixels,valid_pixels,pixel_area_m2", "B1,2022,1000,5000,100"
        ),
        "insar/footprints.geojson": footprints_geojson(
            {SISHEN: SCENE.polygon(CRS.from_epsg(4326))}
        ),
    }
    for relative, text in files.items():
        (landing / relative).parent.mkdir(parents=True, exist_ok=True)
        (landing / relative).write_text(text, encoding="utf-8")
    db = work / "minex.duckdb"
    dbt_vars = {"pixel_area_m2": 100, "min_group_assets": 1}
    assert ingest(landing, db, SEEDS, dbt_vars=dbt_vars).rejects == []
    select = (
        "+fct_asset_emissions +fct_insar_production_fit +export_insar_pixel_counts "
        "+export_insar_pairs +export_insar_composite_pictures stg_insar__composite_classes"
    )
    run_dbt(["build", "--select", select, "--indirect-selection", "cautious"], db, dbt_vars)
    return duckdb.connect(str(db)), work


def test_table2_class_counts_from_the_rasters(table2):
    con, _ = table2
    expected = {**table2_classes(), "black": 78_241}
    for classifier in ("bits", "hue"):
        counts = dict(
            con.execute(
                """
                select colour, pixel_count from staging.stg_insar__composite_classes
                where asset_id = ? and window_start = 2021 and window_end = 2023
                    and classifier = ?
                """,
                [SISHEN, classifier],
            ).fetchall()
        )
        assert counts == expected, classifier
    assert sum(expected.values()) == FOOTPRINT_PIXELS


def test_table2_active_pixels_and_areas(table2):
    con, _ = table2
    rows = con.execute(
        """
        select year, footprint_pixels, valid_pixels, active_pixels, active_area_m2
        from staging.stg_insar__raster_counts where asset_id = ? order by year
        """,
        [SISHEN],
    ).fetchall()
    annual = table2_annual()
    assert [r[0] for r in rows] == [2021, 2022, 2023]
    for year, footprint, valid, active, area in rows:
        assert (footprint, valid) == (FOOTPRINT_PIXELS, FOOTPRINT_PIXELS - INVALID_PIXELS)
        assert active == int(annual[year]["total_pixel_count"])  # 185,431 / 192,185 / 123,123
        assert area == float(annual[year]["area_m2"])  # at 100 m2 (var pixel_area_m2)
    # red + yellow + magenta + white = the 2021 count (M3.9)
    assert rows[0][3] == 51_710 + 72_926 + 15_827 + 44_968


def test_table2_productivity_and_emissions(table2):
    con, _ = table2
    productivity = dict(
        con.execute(
            "select year, productivity_t_per_m2 from intermediate.int_insar_productivity_observed "
            "where asset_id = ?",
            [SISHEN],
        ).fetchall()
    )
    assert round(productivity[2021], 2) == 2.04 and round(productivity[2023], 2) == 3.18
    emissions = con.execute(
        """
        select year, activity_t, activity_method, emission_factor, co2_t
        from marts.fct_asset_emissions where asset_id = ? and year between 2021 and 2023
        order by year
        """,
        [SISHEN],
    ).fetchall()
    annual = table2_annual()
    for year, activity, method, ef, co2 in emissions:
        assert (activity, method) == (float(annual[year]["production_t"]), "reported_ore")
        assert round(ef, 4) == float(annual[year]["emission_factor_tco2e_per_t"])
        assert co2 == pytest.approx(float(annual[year]["emissions_t"]), rel=1e-12)
    # B1 (loaded counts, no ore): M2 rank 4 = k_m x its area; with min_group_assets 1 k_m
    # is the mean of the iron assets' k_a (Sishen's alone), sd 0 (sd of a single value)
    (k_a,) = con.execute(
        "select productivity from intermediate.int_insar_productivity_estimated where asset_id = ?",
        [SISHEN],
    ).fetchone()
    assert k_a == pytest.approx(
        (37.9e6 / 18_543_100 + 39.4e6 / 19_218_500 + 39.1e6 / 12_312_300) / 3
    )
    b1 = con.execute(
        "select activity_t, activity_sd_t, activity_method, activity_source "
        "from marts.fct_asset_emissions where asset_id = 'B1' and year = 2022"
    ).fetchone()
    assert b1[2:] == ("insar", "insar")
    assert b1[0] == pytest.approx(k_a * 100_000) and b1[1] == 0


def test_table2_fit_and_release_files(table2):
    con, work = table2
    fit = con.execute(
        "select slope_t_per_pixel, n_asset_years, n_assets, r_squared "
        "from marts.fct_insar_production_fit where mineral = 'iron'"
    ).fetchone()
    x = np.array([185_431, 192_185, 123_123])
    y = np.array([37.9e6, 39.4e6, 39.1e6])
    slope, _ = np.polyfit(x, y, 1)
    assert fit[0] == pytest.approx(slope, rel=1e-9) and fit[1:3] == (3, 1)
    assert fit[3] == pytest.approx(np.corrcoef(x, y)[0, 1] ** 2, rel=1e-9)
    release = work / "release"
    (release / "DATA").mkdir(parents=True)
    for release_file in INSAR_FILES:
        path = release / "DATA" / release_file.file_name(None)
        _write_csv(con, release_file, None, "annual", path)
    counts = read_csv(release / "DATA" / "insar_pixel_counts.csv")
    assert list(counts[0]) == list(INSAR_FILES[0].columns)
    sishen = [r for r in counts if r["asset_id"] == SISHEN]
    assert [(r["year"], r["active_pixels"], r["n_pairs"], r["n_pairs_used"]) for r in sishen] == [
        ("2021", "185431", "2", "2"),
        ("2022", "192185", "2", "2"),
        ("2023", "123123", "2", "2"),
    ]
    assert float(sishen[0]["active_area_m2"]) == 18_543_100
    pairs = read_csv(release / "DATA" / "insar_pairs.csv")
    assert len(pairs) == 6 and {p["kept"] for p in pairs} == {"true"}
    assert pairs[0]["reference_date"] == "2021-03-01" and pairs[0]["secondary_date"] == "2021-03-13"
    assert write_pictures(con, release) == [f"insar/{SISHEN}_2021-2023.png"]
    png = (release / "insar" / f"{SISHEN}_2021-2023.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_insar_release_columns_match_the_data_contract_and_the_dbt_contracts():
    contract = (Path(__file__).parents[1] / "docs" / "spec" / "DATA_CONTRACT.md").read_text(
        encoding="utf-8"
    )
    exports = yaml.safe_load(
        (Path(__file__).parents[1] / "models" / "exports" / "_exports__models.yml").read_text(
            encoding="utf-8"
        )
    )
    dbt_columns = {m["name"]: [c["name"] for c in m["columns"]] for m in exports["models"]}
    for release_file in INSAR_FILES:
        (line,) = [
            line
            for line in contract.splitlines()
            if line.startswith(f"| `{release_file.file_name(None)}`")
        ]
        columns = [c.strip() for c in line.split("|")[2].split(",")]
        assert list(release_file.columns) == columns == dbt_columns[release_file.model]
