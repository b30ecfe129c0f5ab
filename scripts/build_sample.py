"""Rebuild the bundled sample landing folder (sample/landing) from reference/.

Every value comes from a public source copied under reference/ (see each SOURCE.md);
sample/PROVENANCE.md says which file comes from where and what was derived. Running
this script again gives byte-identical files (a test checks it).

    python scripts/build_sample.py [--out sample/landing]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sample_insar

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reference"
OMP = REFERENCE / "open-mine-production"
CT_ZIP = REFERENCE / "climate-trace-v5.2.0-copper" / "copper_datasets.zip"
MCS = REFERENCE / "usgs-mcs"
COUNTRIES = ROOT / "seeds" / "countries.csv"

MINERALS = {"Copper": "copper", "Iron": "iron", "Aluminium": "bauxite"}
# Ore-bearing concentrate and metal materials of each mineral in the open database.
CONCENTRATES = {"copper": {"Con.Cu"}, "iron": {"Con.Fe", "O.Fe"}, "bauxite": set()}
METALS = {"copper": "Me.Cu", "iron": "Me.Fe"}
CT_YEAR = "2024"  # the only year of Climate TRACE v5.2.0 with graded (non 'very low') confidence
HIGH = {"high", "very high"}

SISHEN = "COM01199.00"
# Paper Table 2: Sishen production (t, MDO) and emissions (t CO2, rounded to thousands).
SISHEN_PRODUCTION = {"2021": 37_900_000, "2022": 39_400_000, "2023": 39_100_000}
SISHEN_EMISSIONS = {"2021": 402_000, "2022": 427_000, "2023": 424_000}
SISHEN_OWNER = "Kumba Iron Ore"
PAPER = "Jolleys (2025) Climate TRACE mineral-extraction methodology, Table 2"

# The open database's activity_status, in the data contract's words.
STATUSES = {"active": "Production", "inactive": "Closed", "care and maintenance": "Suspended"}
# A facility that reports production in or after this year is taken as producing.
RECENT_YEAR = "2019"

OWNER_SHARE = re.compile(r"\s*,?\s*(.+?)\s*\((\d+(?:\.\d+)?)\s*%\)")
GEOM_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def number(value: float) -> str:
    """A quantity as plain text: no exponent, no trailing zeros."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text not in {"-0", ""} else "0"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, columns: list[str], rows: Iterable[dict[str, object]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = list(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def name_key(name: str) -> str:
    """Mine name for matching across databases: no 'mine'/'complex' words, no punctuation."""
    words = r"\b(mines?|complex|project|operations?|open pit|underground|copper)\b"
    return re.sub(r"[^a-z0-9]", "", re.sub(words, "", name.lower()))


def lat_lon(geom: str) -> tuple[str, str]:
    """Point of the database's R-deparsed geometry: c(lon, lat), or the centre of a
    c(xmin, xmax, ymin, ymax) box."""
    values = [float(v) for v in GEOM_NUMBERS.findall(geom)] if "NaN" not in geom else []
    if len(values) == 2:
        lon, lat = values
    elif len(values) == 4:
        lon, lat = (values[0] + values[1]) / 2, (values[2] + values[3]) / 2
    else:
        return "", ""
    return f"{lat:.6f}", f"{lon:.6f}"


def operation_type(equipment: str) -> str:
    kinds = set()
    for part in equipment.lower().split(","):
        part = part.strip()
        if part.startswith(("open pit", "open cut", "surface", "open-pit")):
            kinds.add("Open Pit")
        elif part.startswith("underground"):
            kinds.add("Underground")
    return "Both" if len(kinds) == 2 else next(iter(kinds), "")


def owners(text: str) -> list[tuple[str, float]]:
    return [(m.group(1).strip(), float(m.group(2))) for m in OWNER_SHARE.finditer(text)]


@dataclass(frozen=True)
class CtMine:
    source_id: str
    name: str
    status: str
    activity: float  # t ore in CT_YEAR
    emissions: float  # t CO2 in CT_YEAR
    capacity: float  # t reserves in CT_YEAR
    ef_confidence: str
    owner: str


def climate_trace_mines() -> dict[tuple[str, str], CtMine]:
    """Climate TRACE v5.2.0 copper mines by (iso3, name key), with their CT_YEAR totals."""
    with zipfile.ZipFile(CT_ZIP) as archive:

        def table(name: str) -> csv.DictReader:
            return csv.DictReader(io.TextIOWrapper(archive.open(f"DATA/{name}"), "utf-8"))

        confidence = {
            row["source_id"]: row["emissions_factor"]
            for row in table("copper-mining_emissions_sources_confidence_v5_2_0.csv")
            if row["start_time"].startswith(CT_YEAR)
        }
        owner: dict[str, str] = {}
        operator: dict[str, str] = {}
        for row in table("copper-mining_emissions_sources_ownership_v5_2_0.csv"):
            if row["parent_name"]:
                owner.setdefault(row["source_id"], row["parent_name"])
            if row["source_operator"]:
                operator.setdefault(row["source_id"], row["source_operator"])
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        info: dict[str, tuple[str, str, str]] = {}
        for row in table("copper-mining_emissions_sources_v5_2_0.csv"):
            info.setdefault(
                row["source_id"], (row["iso3_country"], row["source_name"], row["other2"])
            )
            if row["start_time"].startswith(CT_YEAR):
                total = totals[row["source_id"]]
                total[0] += float(row["activity"] or 0)
                total[1] += float(row["emissions_quantity"] or 0)
                total[2] += float(row["capacity"] or 0)
    mines: dict[tuple[str, str], CtMine] = {}
    for source_id in sorted(info, key=int):
        iso3, name, status = info[source_id]
        activity, emissions, capacity = totals[source_id]
        mines.setdefault(
            (iso3, name_key(name)),
            CtMine(
                source_id,
                name,
                status,
                activity,
                emissions,
                capacity,
                confidence.get(source_id, ""),
                owner.get(source_id) or operator.get(source_id, ""),
            ),
        )
    return mines


def build(out: Path) -> dict[str, int]:
    countries = {row["iso3"] for row in read(COUNTRIES)}
    citations = {row["source_id"]: row["sources"] for row in read(OMP / "source_ids.csv")}
    minerals_rows = read(OMP / "minerals.csv")
    producing = {row["facility_id"] for row in minerals_rows}
    facilities = {
        row["facility_id"]: row
        for row in read(OMP / "facilities.csv")
        if row["primary_commodity"] in MINERALS
        and "Mine" in row["facility_type"]
        and row["GID_0"] in countries
        and row["facility_id"] in producing
    }
    mineral_of = {fid: MINERALS[row["primary_commodity"]] for fid, row in facilities.items()}
    ct_mines = climate_trace_mines()
    ct_match = {
        fid: ct_mines[(row["GID_0"], name_key(row["facility_name"]))]
        for fid, row in facilities.items()
        if mineral_of[fid] == "copper"
        and (row["GID_0"], name_key(row["facility_name"])) in ct_mines
    }

    # owners: the latest year the open database gives for each facility
    latest_owner: dict[str, dict[str, str]] = {}
    for row in read(OMP / "ownership.csv"):
        if row["facility_id"] in facilities:
            current = latest_owner.get(row["facility_id"])
            if current is None or row["year"] > current["year"]:
                latest_owner[row["facility_id"]] = row
    shares: dict[str, dict[str, float]] = {}
    for fid, row in latest_owner.items():
        merged: dict[str, float] = defaultdict(float)
        for organisation, share in owners(row["owners"]):
            merged[organisation] += share
        if merged:
            shares[fid] = dict(merged)
    shares[SISHEN] = {SISHEN_OWNER: 100.0}

    def main_owner(fid: str) -> str:
        """The largest shareholder, else Climate TRACE's parent company or operator."""
        held = shares.get(fid)
        if held:
            return max(sorted(held), key=held.get)
        return ct_match[fid].owner if fid in ct_match else ""

    # production reported by companies, as compiled in the open database
    production: dict[tuple[str, str, str], list] = defaultdict(lambda: [0.0, set()])

    def add(fid: str, year: str, product: str, value: str, source_id: str) -> None:
        if value.strip():
            entry = production[(fid, year, product)]
            entry[0] += float(value)
            entry[1].add(citations.get(source_id, source_id))

    for row in minerals_rows:
        fid = row["facility_id"]
        if fid not in facilities:
            continue
        if row["type"] == "Ore mined" and row["material"].startswith("O."):
            add(fid, row["year"], "ore", row["value_tonnes"], row["source_id"])
        elif row["type"] == "Ore processed" and row["material"].startswith("O."):
            add(fid, row["year"], "ore_processed", row["value_tonnes"], row["source_id"])
        elif row["type"] == "Concentrate" and row["material"] in CONCENTRATES[mineral_of[fid]]:
            add(fid, row["year"], "concentrate", row["value_tonnes"], row["source_id"])
    metal_rows: dict[tuple[str, str], dict[bool, list[dict[str, str]]]] = defaultdict(
        lambda: {True: [], False: []}
    )
    for row in read(OMP / "commodities.csv"):
        fid = row["facility_id"]
        if fid in facilities and METALS.get(mineral_of[fid]) == row["commodity"]:
            recovered = not row["material"].startswith("O.")
            metal_rows[(fid, row["year"])][recovered].append(row)
    for (fid, year), kinds in metal_rows.items():
        for row in kinds[True] or kinds[False]:  # recovered metal first, else metal in ore
            add(fid, year, "metal_content", row["value_tonnes"], row["source_id"])

    reporting_recently = {fid for fid, year, _ in production if year >= RECENT_YEAR}

    def status(fid: str) -> tuple[str, str]:
        """Climate TRACE's status, else the database's, else Production when it reports lately."""
        row = facilities[fid]
        if fid in ct_match:
            return ct_match[fid].status, ""
        if row["activity_status"] in STATUSES:
            mapped = STATUSES[row["activity_status"]]
            return mapped, row["activity_status_year"] if mapped != "Production" else ""
        return ("Production", "") if fid in reporting_recently else ("", "")

    assets = []
    for fid in sorted(facilities):
        row = facilities[fid]
        lat, lon = lat_lon(row["geom"])
        name = row["facility_name"] + (f" - {row['sub_site_name']}" if row["sub_site_name"] else "")
        primary = row["primary_commodity"].lower()
        others = [
            c.strip()
            for c in row["commodities_products"].split(",")
            if c.strip() and primary not in c.strip().lower()
        ]
        asset_status, status_year = status(fid)
        assets.append(
            {
                "asset_id": fid,
                "asset_name": name,
                "iso3_country": row["GID_0"],
                "mineral": mineral_of[fid],
                "lat": lat,
                "lon": lon,
                "operation_type": operation_type(row["facility_equipment"]),
                "status": asset_status,
                "status_year": status_year,
                "other_minerals": "; ".join(others),
                "owner": main_owner(fid),
                "operator": latest_owner.get(fid, {}).get("operators", ""),
            }
        )

    counts = {}
    production_columns = ["asset_id", "year", "product", "quantity", "unit", "period", "citation"]
    counts["mdo/assets.csv"] = write(out / "mdo/assets.csv", list(assets[0]), assets)
    counts["reports/production.csv"] = write(
        out / "reports/production.csv",
        production_columns,
        (
            {
                "asset_id": fid,
                "year": year,
                "product": product,
                "quantity": number(total),
                "unit": "t",
                "period": "year",
                "citation": "; ".join(sorted(sources)),
            }
            for (fid, year, product), (total, sources) in sorted(production.items())
        ),
    )
    counts["mdo/production.csv"] = write(
        out / "mdo/production.csv",
        production_columns,
        (
            {
                "asset_id": SISHEN,
                "year": year,
                "product": "ore",
                "quantity": number(tonnes),
                "unit": "t",
                "period": "year",
                "citation": f"{PAPER} (production reported by Mining Data Online)",
            }
            for year, tonnes in SISHEN_PRODUCTION.items()
        ),
    )
    reported = {fid: m for fid, m in ct_match.items() if m.ef_confidence in HIGH and m.activity > 0}
    ct_citation = "Climate TRACE v5.2.0 copper-mining, source_id {}, {} sum of months"
    counts["additional/production.csv"] = write(
        out / "additional/production.csv",
        production_columns,
        (
            {
                "asset_id": fid,
                "year": CT_YEAR,
                "product": "ore",
                "quantity": number(m.activity),
                "unit": "t",
                "period": "year",
                "citation": ct_citation.format(m.source_id, CT_YEAR) + " (activity)",
            }
            for fid, m in sorted(reported.items())
        ),
    )
    counts["mdo/reserves.csv"] = write(
        out / "mdo/reserves.csv",
        ["asset_id", "year", "reserves", "unit"],
        (
            {"asset_id": fid, "year": CT_YEAR, "reserves": number(m.capacity), "unit": "t"}
            for fid, m in sorted(ct_match.items())
            if m.capacity > 0
        ),
    )
    emission_rows = [
        {
            "organisation": main_owner(fid),
            "asset_id": fid,
            "year": CT_YEAR,
            "co2": number(m.emissions),
            "unit": "t",
            "scaling_factor": "",
            "scaling_factor_sd": "",
            "citation": "derived: "
            + ct_citation.format(m.source_id, CT_YEAR)
            + " (activity x emission factor of confidence high)",
        }
        for fid, m in sorted(reported.items())
        if main_owner(fid)  # a report always has an organisation
    ]
    emission_rows += [
        {
            "organisation": SISHEN_OWNER,
            "asset_id": SISHEN,
            "year": year,
            "co2": number(tonnes),
            "unit": "t",
            "scaling_factor": "",
            "scaling_factor_sd": "",
            "citation": f"derived: {PAPER} (production x emission factor, rounded to thousands)",
        }
        for year, tonnes in SISHEN_EMISSIONS.items()
    ]
    counts["reports/emissions.csv"] = write(
        out / "reports/emissions.csv", list(emission_rows[0]), emission_rows
    )
    counts["reports/ownership.csv"] = write(
        out / "reports/ownership.csv",
        ["asset_id", "organisation", "share_percent"],
        (
            {"asset_id": fid, "organisation": organisation, "share_percent": number(share)}
            for fid in sorted(shares)
            for organisation, share in sorted(shares[fid].items())
        ),
    )
    for path in sample_insar.write(out):
        counts[path] = 1
    for table in sorted(MCS.glob("*.csv")):
        shutil.copyfile(table, out / "usgs" / table.name)
        counts[f"usgs/{table.name}"] = sum(1 for _ in table.open(encoding="utf-8-sig")) - 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "sample" / "landing")
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "usgs").mkdir(parents=True)
    for path, rows in build(args.out).items():
        print(f"{path}: {rows} rows" if path.endswith(".csv") and "insar" not in path else path)


if __name__ == "__main__":
    main()
