"""Bad input: each kind gets a message naming file, row and reason; good rows still load."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingest.loader import LandingError, ingest
from minex.cli import main
from tests.conftest import ASSETS_HEADER, PRODUCTION_HEADER, SEEDS, csv_text

ASSETS = csv_text(
    ASSETS_HEADER,
    "A1,Mine One,CHL,copper,-22.3,-68.9,Open Pit,Production,,,Org One,",
    "A2,Mine Two,PER,copper,,,,,,,,",
)


def load(landing: Path, tmp_path: Path):
    db = tmp_path / "minex.duckdb"
    return ingest(landing, db, SEEDS), db


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db)) as con:
        return con.execute(sql).fetchall()


def accepted(db: Path, table: str) -> list[tuple]:
    """Raw rows of a table that staging would read (not listed in raw._rejects)."""
    return rows(
        db,
        f"""
        select _row from raw.{table} as t
        where not exists (
            select 1 from raw._rejects as r
            where r.file_path = t._file and (r.row_number = t._row or r.row_number is null)
        )
        order by _row
        """,
    )


def single_reject(report, file: str, row: int | None) -> str:
    matching = [r for r in report.rejects if r.file == file and r.row == row]
    assert len(matching) == 1, report.rejects
    return matching[0].message()


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("A1,2021,ore,1000,lbs,year,", "unknown unit 'lbs'"),
        ("A1,2021,ore,abc,t,year,", "non-numeric quantity 'abc'"),
        ('A1,2021,ore,"1,000",t,year,', "non-numeric quantity '1,000'"),
        ("A1,2021,ore,-5,t,year,", "quantity -5 is below 0"),
        ("A1,2021,gold bars,5,t,year,", "unknown product 'gold bars'"),
        ("A9,2021,ore,5,t,year,", "unknown asset_id 'A9' (not in mdo/assets.csv)"),
        ("A1,,ore,5,t,year,", "missing value for required column 'year'"),
        ("A1,21,ore,5,t,year,", "invalid year '21'"),
        ("A1,2021,ore,5,t,monthly,", "unknown period 'monthly'"),
    ],
)
def test_bad_production_row_is_rejected_and_good_rows_load(landing, tmp_path, bad_row, reason):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "mdo/production.csv": csv_text(
                PRODUCTION_HEADER, "A1,2020,ore,1000,t,year,", bad_row, "A2,2020,ore,2,kt,year,"
            ),
        }
    )
    report, db = load(folder, tmp_path)
    assert single_reject(report, "mdo/production.csv", 3) == f"mdo/production.csv row 3: {reason}"
    assert rows(db, "select file_path, row_number, reason from raw._rejects") == [
        ("mdo/production.csv", 3, reason)
    ]
    assert accepted(db, "mdo_production") == [(2,), (4,)]
    # raw keeps every row as read, the rejected one included
    assert rows(db, "select quantity, unit from raw.mdo_production order by _row")[1][0] is not None


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("A3,Mine Three,XXA,copper,,,,,,,,", "unknown country 'XXA'"),
        ("A3,Mine Three,CHL,gold,,,,,,,,", "unknown mineral 'gold'"),
        ("A3,Mine Three,CHL,sand,,,,,,,,", "mineral 'sand' is modelled at country level only"),
        ("A3,Mine Three,CHL,copper,95,,,,,,,", "lat 95 is above 90"),
        ("A3,Mine Three,CHL,copper,,,Open pit,,,,,", "unknown operation_type 'Open pit'"),
        ("A3,Mine Three,CHL,copper,,,,Active,,,,", "unknown status 'Active'"),
        ("A3,,CHL,copper,,,,,,,,", "missing value for required column 'asset_name'"),
    ],
)
def test_bad_asset_row_is_rejected(landing, tmp_path, bad_row, reason):
    folder = landing({"mdo/assets.csv": ASSETS + bad_row + "\n"})
    report, db = load(folder, tmp_path)
    assert single_reject(report, "mdo/assets.csv", 4).startswith(f"mdo/assets.csv row 4: {reason}")
    assert accepted(db, "mdo_assets") == [(2,), (3,)]


def test_rows_of_a_rejected_asset_are_rejected_too(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS + "A3,Mine Three,XXA,copper,,,,,,,,\n",
            "mdo/production.csv": csv_text(PRODUCTION_HEADER, "A3,2020,ore,10,t,year,"),
        }
    )
    report, _ = load(folder, tmp_path)
    assert single_reject(report, "mdo/production.csv", 2) == (
        "mdo/production.csv row 2: unknown asset_id 'A3' (not in mdo/assets.csv)"
    )


def test_duplicate_keys_reject_every_row_sharing_them(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "reports/production.csv": csv_text(
                PRODUCTION_HEADER,
                "A1,2020,ore,1000,t,year,first",
                "A1,2020,ore,1100,t,,second (period defaults to year)",
                "A1,2021,ore,1200,t,year,",
            ),
        }
    )
    report, db = load(folder, tmp_path)
    reason = "duplicate key (asset_id='A1', year='2020', product='ore', period='year') in rows 2, 3"
    assert single_reject(report, "reports/production.csv", 2).endswith(reason)
    assert single_reject(report, "reports/production.csv", 3).endswith(reason)
    assert accepted(db, "reports_production") == [(4,)]


def test_missing_required_column_rejects_the_file_and_other_files_load(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "mdo/production.csv": csv_text(PRODUCTION_HEADER, "A1,2020,ore,1000,t,year,"),
            "reports/production.csv": csv_text(
                "asset_id,year,product,quantity,period", "A1,2020,ore,1000,year"
            ),
        }
    )
    report, db = load(folder, tmp_path)
    assert single_reject(report, "reports/production.csv", None) == (
        "reports/production.csv whole file: missing required column 'unit'"
    )
    assert rows(db, "select count(*) from raw.reports_production") == [(1,)]
    assert accepted(db, "reports_production") == []
    assert accepted(db, "mdo_production") == [(2,)]


def test_unreadable_file_is_named_and_the_rest_loads(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "mdo/reserves.csv": b"asset_id,year,reserves,unit\nA1,2020,5,Mt\n" + b"\xe9\xff",
            "mdo/production.csv": csv_text(PRODUCTION_HEADER, "A1,2020,ore,1000,t,year,"),
        }
    )
    report, db = load(folder, tmp_path)
    message = single_reject(report, "mdo/reserves.csv", None)
    assert message.startswith("mdo/reserves.csv whole file: not UTF-8 text (byte 0xe9")
    assert accepted(db, "mdo_production") == [(2,)]


def test_unknown_country_name_in_national_statistics(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "usgs/chile.csv": csv_text(
                "country,mineral,year,quantity,unit,basis,flag",
                "Chile,copper,2021,5620,thousand metric tons,metal_content,",
                "Atlantis,copper,2021,10,kt,metal_content,",
                "CHL,copper,2021,5620,kt,metal_content,e",
            ),
        }
    )
    report, _ = load(folder, tmp_path)
    assert (
        single_reject(report, "usgs/chile.csv", 3)
        == "usgs/chile.csv row 3: unknown country 'Atlantis'"
    )
    # "Chile" and "CHL" are the same country: a duplicate key
    assert "duplicate key" in single_reject(report, "usgs/chile.csv", 2)
    assert "duplicate key" in single_reject(report, "usgs/chile.csv", 4)


def test_pixel_counts_must_be_whole_numbers(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "insar/pixel_counts.csv": csv_text(
                "asset_id,year,active_pixels,valid_pixels,pixel_area_m2",
                "A1,2021,185431,369786,100",
                "A1,2022,192185.5,369786,100",
            ),
        }
    )
    report, db = load(folder, tmp_path)
    assert single_reject(report, "insar/pixel_counts.csv", 3) == (
        "insar/pixel_counts.csv row 3: active_pixels '192185.5' is not a whole number >= 0"
    )
    assert accepted(db, "insar_pixel_counts") == [(2,)]


def test_several_reasons_of_one_row_are_all_named(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "mdo/production.csv": csv_text(PRODUCTION_HEADER, "A1,2020,ore,lots,tons,year,"),
        }
    )
    report, _ = load(folder, tmp_path)
    assert single_reject(report, "mdo/production.csv", 2) == (
        "mdo/production.csv row 2: non-numeric quantity 'lots'; unknown unit 'tons'"
    )


def test_extra_columns_are_kept(landing, tmp_path):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS_HEADER
            + ",Region Note\n"
            + "A1,Mine One,CHL,copper,,,,,,,,,north\n"
        }
    )
    report, db = load(folder, tmp_path)
    assert report.rejects == []
    assert rows(db, "select _extra from raw.mdo_assets") == [('{"Region Note": "north"}',)]


def test_landing_folder_without_asset_list_is_refused(landing, tmp_path):
    folder = landing({"mdo/production.csv": csv_text(PRODUCTION_HEADER)})
    with pytest.raises(LandingError, match=r"has no mdo/assets\.csv"):
        load(folder, tmp_path)


def test_command_exits_non_zero_on_rejects_unless_allowed(landing, tmp_path, capsys):
    folder = landing(
        {
            "mdo/assets.csv": ASSETS,
            "mdo/production.csv": csv_text(
                PRODUCTION_HEADER, "A1,2020,ore,1000,t,year,", "A1,2021,ore,1000,lbs,year,"
            ),
        }
    )
    db = tmp_path / "minex.duckdb"
    assert main(["ingest", "--data", str(folder), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "rejected: mdo/production.csv row 3: unknown unit 'lbs'" in err
    assert "error: ingest: 1 rejected rows in 1 files" in err.splitlines()[-1]
    assert main(["ingest", "--data", str(folder), "--db", str(db), "--allow-rejects"]) == 0
    assert accepted(db, "mdo_production") == [(2,)]
