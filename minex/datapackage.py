"""datapackage.json of a release: a Frictionless Data Package describing every CSV.

Column types, descriptions and units come from the export models' YAML
(models/exports/_exports__models.yml), the same documentation analysts read in dbt.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from minex.project import ROOT
from minex.release_files import ReleaseFile

EXPORTS_YAML = ROOT / "models" / "exports" / "_exports__models.yml"
FIELD_TYPES = {
    "varchar": "string",
    "double": "number",
    "bigint": "integer",
    "integer": "integer",
    "boolean": "boolean",
}
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"

LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    }
]
SOURCES = [
    {
        "title": "Climate TRACE mineral-extraction methodology (Jolleys, 2025)",
        "path": "https://climatetrace.org",
    },
    {
        "title": "USGS Mineral Commodity Summaries data releases (US public domain)",
        "path": "https://doi.org/10.5066/P144BA54",
    },
    {
        "title": "Open database on global coal and metal mine production (Jasansky et al., 2023)",
        "path": "https://doi.org/10.5281/zenodo.7369478",
    },
    {
        "title": "ISO 3166-1 countries with UN M49 regions (lukes, CC BY-SA 4.0)",
        "path": "https://github.com/lukes/ISO-3166-Countries-with-Regional-Codes",
    },
]


@cache
def _model_columns() -> dict[str, list[dict[str, Any]]]:
    with EXPORTS_YAML.open(encoding="utf-8") as handle:
        models = yaml.safe_load(handle)["models"]
    return {model["name"]: model["columns"] for model in models}


def _field(column: dict[str, Any]) -> dict[str, Any]:
    field = {
        "name": column["name"],
        "type": FIELD_TYPES[column["data_type"]],
        "description": column.get("description", ""),
    }
    if column["name"] in {"start_time", "end_time", "created_date", "modified_date"}:
        field["type"] = "datetime"
        field["format"] = TIMESTAMP_FORMAT
    if column["name"] in {"reference_date", "secondary_date"}:
        field["type"] = "date"
    unit = (column.get("meta") or {}).get("unit")
    if unit:
        field["unit"] = unit
    return field


def resource(path: str, release_file: ReleaseFile, granularity: str, sha256: str) -> dict:
    """A Tabular Data Resource for one written CSV."""
    columns = _model_columns()[release_file.model_for(granularity)]
    return {
        "name": Path(path).stem.lower().replace("_", "-"),
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{sha256}",
        "schema": {"fields": [_field(column) for column in columns], "missingValues": [""]},
    }


def datapackage(release_id: str, created: str, resources: list[dict]) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": release_id.lower(),
        "title": "minex emissions inventory of mining and quarrying",
        "description": (
            "Asset- and country-level CO2 estimates for copper, iron and bauxite mines and "
            "rock and sand quarries, Climate TRACE v5 layout (see manifest.json)."
        ),
        "version": release_id,
        "created": created.replace(" ", "T") + "Z",
        "licenses": LICENSES,
        "sources": SOURCES,
        "resources": resources,
    }
