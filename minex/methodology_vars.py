"""Methodology parameters as dbt sees them: dbt_project.yml vars, overridden by --vars."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from minex.project import ROOT


def project_vars(root: Path = ROOT) -> dict[str, Any]:
    """The defaults declared under `vars:` in dbt_project.yml."""
    with (root / "dbt_project.yml").open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle).get("vars") or {})


def effective_vars(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults with overrides applied; an unknown name is an error, not a silent no-op."""
    values = project_vars()
    unknown = sorted(set(overrides or {}) - set(values))
    if unknown:
        raise KeyError(f"unknown methodology parameters: {', '.join(unknown)}")
    return {**values, **(overrides or {})}
