"""The M3 steps one by one: pair dates and selection, footprints, pixel areas, NDAI,
composite classes and the hue segmentation, parameters."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest
from affine import Affine
from rasterio.crs import CRS
from rasterio.io import MemoryFile

from ingest.insar.composite import CLASSES, class_codes, class_of_code, composite_rgb
from ingest.insar.footprints import Footprint, footprint_pixels, read_footprints
from ingest.insar.hue_segmentation import segment
from ingest.insar.ndai import ndai
from ingest.insar.pairs import CoherencePair, dates_from_name, read_pairs_csv, selection_reason
from ingest.insar.parameters import M3Parameters, ParameterError
from ingest.insar.picture import OUTLINE_RGB, composite_png
from ingest.insar.pixel_area import GridError, pixel_area
from ingest.insar.stable_pixels import StableSet, stable_statistics
from ingest.loader import LandingError, ingest
from minex.cli import main
from tests.conftest import ASSETS_HEADER, SEEDS, csv_text

DEFAULTS = M3Parameters.from_project()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("S1_20210105_20210117_coh.tif", (date(2021, 1, 5), date(2021, 1, 17))),
        ("cropA_20180106-20180130_VV_8rlks_flat_eqa_cc.tif", (date(2018, 1, 6), date(2018, 1, 30))),
        ("coh_20210105.tif", "the name holds 1 YYYYMMDD dates, not 2"),
        ("coh_20210105_20210117_20210129.tif", "the name holds 3 YYYYMMDD dates, not 2"),
        ("coh_20211305_20210117.tif", "the name holds 1 YYYYMMDD dates, not 2"),  # month 13
        ("id123456789_20210105_20210117.tif", (date(2021, 1, 5), date(2021, 1, 17))),
    ],
)
def test_pair_dates_from_the_file_name(name, expected):
    found = dates_from_name(name)
    if isinstance(expected, str):
        assert found.startswith(expected)
    else:
        assert found == expected


def test_pairs_csv_rows_are_checked(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text(
        "file,reference_date,secondary_date,bperp_m\n"
        "a.tif,2021-01-05,2021-01-17,120\n"
        "b.tif,2021-01-05,17/01/2021,\n"
        "c.tif,2021-01-05,2021-01-17,\n"
        "a2.tif,2021-02-30,2021-03-01,far\n"
        "d.tif,2021-01-05,2021-01-17,\n"
        "d.tif,2021-01-05,2021-01-29,\n",
        encoding="utf-8",
    )
    listed, rejects = read_pairs_csv(
        path, "insar/A/pairs.csv", {"a.tif", "b.tif", "a2.tif", "d.tif"}
    )
    assert set(listed) == {"a.tif"} and listed["a.tif"].bperp_m == 120
    assert [r.message() for r in rejects] == [
        "insar/A/pairs.csv row 3: secondary_date '17/01/2021' is not a date YYYY-MM-DD",
        "insar/A/pairs.csv row 4: file 'c.tif' is not a .tif of this folder",
        "insar/A/pairs.csv row 5: reference_date '2021-02-30' is not a calendar date; "
        "non-numeric bperp_m 'far'",
        "insar/A/pairs.csv row 6: duplicate key (file='d.tif') in rows 6, 7",
        "insar/A/pairs.csv row 7: duplicate key (file='d.tif') in rows 6, 7",
    ]


def test_pair_selection_m3_1():
    def pair(days: int, bperp: float | None) -> CoherencePair:
        first = date(2021, 1, 1)
        return CoherencePair("p.tif", first, first + timedelta(days=days), bperp, "")

    assert selection_reason(pair(24, None), DEFAULTS) is None
    assert selection_reason(pair(24, -250), DEFAULTS) is None
    assert selection_reason(pair(25, None), DEFAULTS) == (
        "M3.1 temporal baseline 25 days > insar_max_days 24"
    )
    assert selection_reason(pair(12, -251.5), DEFAULTS) == (
        "M3.1 perpendicular baseline 251.5 m > insar_max_bperp_m 250"
    )
    late = CoherencePair("p.tif", date(2022, 1, 2), date(2021, 12, 27), None, "")
    assert (late.year, late.temporal_baseline_days) == (2021, 6)


def test_footprint_pixels_are_those_whose_centre_is_inside():
    # a triangle over a 4 x 4 grid of unit pixels: centres (c + 0.5, r + 0.5) below y = x
    grid = Affine(1, 0, 0, 0, -1, 4)
    triangle = Footprint(
        "A", {"type": "Polygon", "coordinates": [[[0, 4], [4, 4], [4, 0], [0, 4]]]}, "EPSG:32734", 1
    )
    mask = footprint_pixels(triangle, CRS.from_epsg(32734), grid, (4, 4))
    rows, cols = np.indices((4, 4))
    centre_x, centre_y = cols + 0.5, 4 - (rows + 0.5)
    assert (mask == (centre_y > 4 - centre_x)).all()
    assert mask.sum() == 6  # the 4 diagonal pixels have their centre on no side: outside


def test_footprints_geojson_is_checked(tmp_path):
    square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    features = [
        {"properties": {"asset_id": "A"}, "geometry": {"type": "Polygon", "coordinates": square}},
        {"properties": {"asset_id": "B"}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
        {"properties": {}, "geometry": {"type": "Polygon", "coordinates": square}},
        {
            "properties": {"asset_id": "C"},
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
        },
        {
            "properties": {"asset_id": "D"},
            "geometry": {"type": "MultiPolygon", "coordinates": [square]},
        },
        {"properties": {"asset_id": "D"}, "geometry": {"type": "Polygon", "coordinates": square}},
    ]
    path = tmp_path / "footprints.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32734"}},
                "features": [{"type": "Feature", **f} for f in features],
            }
        ),
        encoding="utf-8",
    )
    footprints = read_footprints(path, "insar/footprints.geojson", frozenset("ABCD"))
    assert {f.crs for f in footprints.features} == {"EPSG:32734"}
    assert list(footprints.accepted()) == ["A"]
    assert [(r.row, r.reason) for r in footprints.rejects] == [
        (2, "geometry 'Point' is not a Polygon or MultiPolygon"),
        (3, "missing property 'asset_id'"),
        (4, "a ring is not closed (first and last positions differ)"),
        (5, "duplicate key (asset_id='D') in features 5, 6"),
        (6, "duplicate key (asset_id='D') in features 5, 6"),
    ]
    path.write_text("{not json", encoding="utf-8")
    (reject,) = read_footprints(path, "insar/footprints.geojson", frozenset()).rejects
    assert reject.row is None and reject.reason.startswith("not a GeoJSON file")


def test_pixel_area_from_the_grid_or_the_var():
    north_up = Affine(5, 0, 500_000, 0, -20, 7_000_000)
    assert pixel_area(CRS.from_epsg(32734), north_up, 3, None).row_area_m2.tolist() == [100.0] * 3
    rotated = Affine(3, 4, 0, 4, -3, 0)  # |a e - b d| = 25
    assert pixel_area(CRS.from_epsg(32734), rotated, 1, None).row_area_m2[0] == 25.0
    feet = pixel_area(CRS.from_epsg(2227), Affine(10, 0, 0, 0, -10, 0), 1, None)  # US feet
    assert feet.row_area_m2[0] == pytest.approx(100 * 0.30480060960121924**2)
    override = pixel_area(CRS.from_epsg(4326), Affine(1, 0, 0, 0, -1, 0), 2, 100.0)
    assert (override.row_area_m2.tolist(), override.source) == ([100.0, 100.0], "pixel_area_m2")
    # the whole WGS84 ellipsoid in 1-degree cells: 510,065,621.724 km2
    world = pixel_area(CRS.from_epsg(4326), Affine(1, 0, -180, 0, -1, 90), 180, None)
    assert world.row_area_m2.sum() * 360 == pytest.approx(5.10065621724e14, rel=1e-12)
    assert world.source == "geodesic (WGS84)"
    with pytest.raises(GridError, match="rotated geographic grid"):
        pixel_area(CRS.from_epsg(4326), Affine(1, 0.1, 0, 0.1, -1, 0), 2, None)


def test_ndai_and_stable_statistics():
    assert ndai(0.9, np.array([0.9, 0.3, 0.0])) == pytest.approx([0.0, 0.5, 1.0], abs=1e-15)
    assert (
        stable_statistics(np.array([[0.9, 0.7]]), StableSet.of(np.array([[True, False]]))).sd == 0.0
    )
    both = stable_statistics(np.array([[0.9, 0.7]]), StableSet.of(np.array([[True, True]])))
    assert both.mean == pytest.approx(0.8) and both.sd == pytest.approx(0.1414213562373095)
    assert both.drop_reason(DEFAULTS) is None
    low = stable_statistics(np.array([[0.5, 0.7]]), StableSet.of(np.array([[True, True]])))
    assert low.drop_reason(DEFAULTS) == (
        "M3.4 stable-pixel mean coherence 0.6000 < stable_image_mean_min 0.8"
    )


def test_composite_classes_follow_table_1():
    bits = np.array(list(CLASSES))  # 8 patterns
    codes = class_codes((bits[:, 0], bits[:, 1], bits[:, 2]))
    assert class_of_code(codes).tolist() == list(CLASSES.values())
    rgb = composite_rgb((np.array([0.5, np.nan]), np.array([-0.3, 1.2]), np.array([0.2, 0.0])))
    assert rgb.tolist() == [[128, 0, 51], [0, 255, 0]]


def test_hue_segmentation_agrees_with_the_bits_on_saturated_colours():
    """M3.10: active years NDAI within a factor 0.6 of each other (0.6..1), inactive years
    NDAI <= 0 or undefined, for every bit pattern: same class both ways."""
    generator = np.random.default_rng(5)
    n = 20_000
    bits = generator.integers(0, 2, size=(n, 3)).astype(bool)
    active_ndai = generator.uniform(0.6, 1.0, size=(n, 3))
    inactive_ndai = np.where(generator.random((n, 3)) < 0.2, np.nan, -generator.random((n, 3)))
    annual = np.where(bits, active_ndai, inactive_ndai)
    rgb = composite_rgb((annual[:, 0], annual[:, 1], annual[:, 2]))
    by_bits = class_of_code(class_codes((bits[:, 0], bits[:, 1], bits[:, 2])))
    by_hue = segment(rgb, DEFAULTS.active_ndai_min, DEFAULTS.hue_white_saturation_max)
    assert (by_hue == by_bits).all()
    assert set(by_bits) == set(CLASSES.values())
    # unsaturated colours may differ: active 2021 (0.25) with an inactive 0.15 in 2022
    mixed = composite_rgb((np.array([0.25]), np.array([0.15]), np.array([0.0])))
    assert segment(mixed, 0.2, 0.5).tolist() == ["yellow"]


def test_parameters_come_from_the_dbt_vars_and_overrides():
    assert DEFAULTS.insar_max_days == 24 and DEFAULTS.pixel_area_m2 is None
    assert M3Parameters.from_project({"pixel_area_m2": 100}).pixel_area_m2 == 100.0
    with pytest.raises(ParameterError, match="var stable_pixel_sd_max must be a number"):
        M3Parameters.from_project({"stable_pixel_sd_max": "high"})
    with pytest.raises(ParameterError, match="pixel_area_m2 must be > 0 or null"):
        M3Parameters.from_project({"pixel_area_m2": 0})


def test_bad_vars_stop_the_ingest_in_one_line(tmp_path, capsys):
    landing = tmp_path / "landing"
    (landing / "mdo").mkdir(parents=True)
    (landing / "mdo" / "assets.csv").write_text(csv_text(ASSETS_HEADER), encoding="utf-8")
    with pytest.raises(LandingError, match="var insar_max_days must be a finite number >= 0"):
        ingest(landing, tmp_path / "w.duckdb", SEEDS, dbt_vars={"insar_max_days": -1})
    code = main(
        [
            "ingest",
            "--data",
            str(landing),
            "--db",
            str(tmp_path / "w.duckdb"),
            "--vars",
            "{active_ndai_min: x}",
        ]
    )
    assert code == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "minex: error: var active_ndai_min must be a number, not 'x'"
    )


@pytest.mark.filterwarnings("ignore::rasterio.errors.NotGeoreferencedWarning")
def test_composite_png_shows_the_footprint_outlined():
    footprint = np.array([[True, True, False], [True, False, False]])
    rgb = np.zeros((2, 3, 3), dtype=np.uint8)
    rgb[..., 0] = 200
    with MemoryFile(composite_png(rgb, footprint)) as memory, memory.open() as picture:
        bands = picture.read()  # RGBA, the window plus a one-pixel margin
    assert bands.shape == (4, 4, 5)
    assert bands[:, 1, 1].tolist() == [200, 0, 0, 255]  # a footprint pixel
    assert bands[:, 0, 0].tolist() == [*OUTLINE_RGB, 255]  # the outline, outside
    assert bands[:, 2, 3].tolist() == [
        *OUTLINE_RGB,
        255,
    ]  # inside the window, outside the footprint
    assert bands[3, 3, 4] == 0  # transparent beyond the outline
