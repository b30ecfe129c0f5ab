"""Methodology parameters as dbt sees them: dbt_project.yml vars, overridden by --vars.

The one reader of those vars for Python: the raster stage (M3) and the release checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

DBT_PROJECT = Path(__file__).resolve().parents[1] / "dbt_project.yml"


def project_vars(project: Path = DBT_PROJECT) -> dict[str, Any]:
    """The defaults declared under `vars:` in dbt_project.yml."""
    with project.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle).get("vars") or {})


def effective_vars(
    overrides: Mapping[str, Any] | None = None, project: Path = DBT_PROJECT
) -> dict[str, Any]:
    """Defaults with overrides applied; an unknown name is an error, not a silent no-op."""
    values = project_vars(project)
    unknown = sorted(set(overrides or {}) - set(values))
    if unknown:
        raise KeyError(f"unknown methodology parameters: {', '.join(unknown)}")
    return {**values, **(overrides or {})}
