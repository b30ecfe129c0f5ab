"""The M3 parameters, read from the dbt project's vars (overridable like ``dbt --vars``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ingest.project_vars import DBT_PROJECT, effective_vars


class ParameterError(ValueError):
    """An M3 parameter has a value the raster stage cannot use."""


@dataclass(frozen=True)
class M3Parameters:
    """Every number of METHODOLOGY M3, named as its dbt var."""

    insar_max_days: float
    insar_max_bperp_m: float
    stable_pixel_mean_min: float
    stable_pixel_sd_max: float
    stable_image_mean_min: float
    stable_image_sd_max: float
    active_ndai_min: float
    pixel_area_m2: float | None
    hue_white_saturation_max: float

    @classmethod
    def from_vars(cls, values: Mapping[str, Any]) -> M3Parameters:
        """Parameters from a mapping of dbt vars; raise ParameterError naming a bad one."""
        numbers: dict[str, float | None] = {}
        for name in cls.__dataclass_fields__:
            if name not in values:
                raise ParameterError(f"var {name} is missing from {DBT_PROJECT.name}")
            value = values[name]
            if value is None and name == "pixel_area_m2":
                numbers[name] = None
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ParameterError(f"var {name} must be a number, not {value!r}")
            if not math.isfinite(value) or value < 0:
                raise ParameterError(f"var {name} must be a finite number >= 0, not {value!r}")
            numbers[name] = float(value)
        if numbers["pixel_area_m2"] == 0:
            raise ParameterError("var pixel_area_m2 must be > 0 or null (area from the grid)")
        return cls(**numbers)

    @classmethod
    def from_project(
        cls, overrides: Mapping[str, Any] | None = None, project: Path = DBT_PROJECT
    ) -> M3Parameters:
        """The project's vars with ``overrides`` (as given to ``--vars``) on top."""
        return cls.from_vars(effective_vars(overrides, project))

    def as_vars(self) -> dict[str, float | None]:
        return asdict(self)
