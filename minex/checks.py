"""The data-quality gate: Great Expectations suites on the release tables.

GX validates pandas frames read from DuckDB (its SQL route to DuckDB fails). A failed
expectation blocks the export; the message names the expectation and an example row.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from minex.project import StepFailed
from minex.release_files import (
    ASSET_SUBSECTOR_FILES,
    CONFIDENCE,
    COUNTRY,
    ERS,
    OWNERSHIP,
    SOURCES,
    UNCERTAINTY,
)

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass(frozen=True)
class Expectation:
    kind: str  # a great_expectations.expectations class name
    arguments: dict[str, Any]

    def describe(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items() if k != "column_list")
        return f"{self.kind}({shown})"


def _expectations(model: str, confidences: list[str], gases: list[str]) -> list[Expectation]:
    files = {file.model: file for file in ASSET_SUBSECTOR_FILES}
    suite = [
        Expectation(
            "ExpectTableColumnsToMatchOrderedList", {"column_list": list(files[model].columns)}
        )
    ]

    def in_set(column: str, values: list[str]) -> None:
        suite.append(
            Expectation("ExpectColumnValuesToBeInSet", {"column": column, "value_set": values})
        )

    def at_least(column: str, low: float, high: float | None = None) -> None:
        suite.append(
            Expectation(
                "ExpectColumnValuesToBeBetween",
                {"column": column, "min_value": low, "max_value": high},
            )
        )

    if model == SOURCES.model:
        in_set("gas", gases)
        in_set("temporal_granularity", ["annual", "month"])
        for column in ("activity", "emissions_quantity", "emissions_factor", "capacity"):
            at_least(column, 0)
    elif model == CONFIDENCE.model:
        in_set("gas", gases)
        for column in CONFIDENCE.columns[7:11] + CONFIDENCE.columns[12:14]:
            in_set(column, confidences)
    elif model == OWNERSHIP.model:
        at_least("overall_share_percent", 0, 100)
    elif model == UNCERTAINTY.model:
        in_set("gas", gases)
        bounds = (
            ("emissions_lower", "emissions_quantity"),
            ("emissions_quantity", "emissions_upper"),
            ("activity_lower", "activity_upper"),
            ("emissions_factor_lower", "emissions_factor_upper"),
        )
        for smaller, larger in bounds:
            suite.append(
                Expectation(
                    "ExpectColumnPairValuesAToBeGreaterThanB",
                    {
                        "column_A": larger,
                        "column_B": smaller,
                        "or_equal": True,
                        "ignore_row_if": "either_value_is_missing",
                    },
                )
            )
        for column in ("emissions_lower", "activity_lower", "emissions_factor_lower"):
            at_least(column, 0)
    elif model == ERS.model:
        in_set("strategy", ["electrification", "close_inefficient_mine"])
        at_least("rank", 1, 2)
        at_least("emissions_reduced", 0)
        at_least("emissions_after", 0)
    elif model == COUNTRY.model:
        in_set("gas", gases)
        in_set("basis", ["asset", "projected"])
        at_least("emissions_quantity", 0)
    return suite


@dataclass(frozen=True)
class CheckResult:
    model: str
    expectation: str
    success: bool
    unexpected_count: int
    example: str


def _gx_context():
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return gx, context


def check_release_tables(db_path: Path) -> list[CheckResult]:
    """Validate every export table; raise StepFailed naming the first failed expectation."""
    gx, context = _gx_context()
    source = context.data_sources.add_pandas("minex")
    with duckdb.connect(str(db_path)) as con:
        confidences = [
            row[0]
            for row in con.execute("select confidence from reference.confidence_scale").fetchall()
        ]
        gases = [row[0] for row in con.execute("select gas from reference.gases").fetchall()]
        frames = {
            file.model: con.execute(f"select * from exports.{file.model}").df()
            for file in ASSET_SUBSECTOR_FILES
        }
    results: list[CheckResult] = []
    for model, frame in frames.items():
        expectations = _expectations(model, confidences, gases)
        suite = context.suites.add(gx.ExpectationSuite(name=model))
        for expectation in expectations:
            suite.add_expectation(
                getattr(gx.expectations, expectation.kind)(**expectation.arguments)
            )
        batch = source.add_dataframe_asset(name=model).add_batch_definition_whole_dataframe("all")
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=model, data=batch, suite=suite)
        )
        outcome = validation.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
        for result in outcome.results:
            details = result.result or {}
            example = details.get("partial_unexpected_list") or details.get("observed_value") or ""
            config = result.expectation_config
            arguments = {k: v for k, v in config.kwargs.items() if k not in {"batch_id"}}
            results.append(
                CheckResult(
                    model,
                    Expectation(config.type, arguments).describe(),
                    bool(result.success),
                    int(details.get("unexpected_count") or 0),
                    repr(example[:3] if isinstance(example, list) else example),
                )
            )
    failed = [result for result in results if not result.success]
    if failed:
        first = failed[0]
        more = f" (and {len(failed) - 1} more failed expectations)" if len(failed) > 1 else ""
        raise StepFailed(
            f"data check failed on exports.{first.model}: {first.expectation}: "
            f"{first.unexpected_count} rows, e.g. {first.example}{more}"
        )
    return results
