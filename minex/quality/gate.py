"""Run the release checks with Great Expectations and build their Data Docs."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from minex.project import StepFailed
from minex.quality.suites import Expectation, TableCheck, Vocabularies, release_checks

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass(frozen=True)
class CheckResult:
    table: str
    expectation: str
    success: bool
    unexpected_count: int
    rows: int
    example: str


@dataclass(frozen=True)
class GateReport:
    results: list[CheckResult]

    @property
    def failed(self) -> list[CheckResult]:
        return [result for result in self.results if not result.success]

    def summary(self) -> dict[str, Any]:
        return {
            "status": "failed" if self.failed else "passed",
            "expectations": len(self.results),
            "failed": [
                {"table": r.table, "expectation": r.expectation, "example": r.example}
                for r in self.failed
            ],
        }


def _example(frame: pd.DataFrame, check: TableCheck, config: Any, details: dict) -> str:
    """The key columns and the checked columns of the first failing row."""
    indices = details.get("partial_unexpected_index_list") or []
    if not indices:
        observed = details.get("observed_value", details.get("partial_unexpected_list"))
        return f"observed {observed!r}"
    row = frame.loc[indices[0]]
    columns = list(check.key_columns)
    for name in ("column", "column_A", "column_B"):
        if config.kwargs.get(name) and config.kwargs[name] not in columns:
            columns.append(config.kwargs[name])
    columns += [c for c in config.kwargs.get("column_list", []) if c not in columns]
    return ", ".join(
        f"{column}={_plain(row[column])!r}" for column in columns if column in row.index
    )


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (for messages)."""
    return value.item() if hasattr(value, "item") else value


def _context(project_dir: Path):
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=str(project_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return gx, context


def run_gate(
    db_path: Path,
    parameters: dict[str, Any],
    granularity: str,
    docs_dir: Path | None,
    progress: Callable[[str], None] = lambda message: None,
) -> GateReport:
    """Validate the release tables; write Data Docs to docs_dir; raise StepFailed on failure."""
    with tempfile.TemporaryDirectory(prefix="minex-gx-") as project:
        gx, context = _context(Path(project))
        source = context.data_sources.add_pandas("warehouse")
        results: list[CheckResult] = []
        with duckdb.connect(str(db_path)) as con:
            checks = release_checks(Vocabularies.from_warehouse(con), parameters, granularity)
            sql_parameters = {
                "start_year": parameters["start_year"],
                "end_year": parameters["end_year"],
            }
            for position, check in enumerate(checks, start=1):
                arguments = sql_parameters if "$" in check.query else {}
                frame = con.execute(check.query, arguments).df()
                results += _validate(gx, context, source, check, frame)
                progress(f"[{position}/{len(checks)}] {check.name}: {len(frame):,} rows")
        if docs_dir is not None:
            site = Path(project) / "gx" / "uncommitted" / "data_docs" / "local_site"
            shutil.copytree(site, docs_dir)
    report = GateReport(results)
    if report.failed:
        first = report.failed[0]
        more = len(report.failed) - 1
        raise StepFailed(
            f"data check failed on {first.table}: {first.expectation}: "
            f"{first.unexpected_count:,} of {first.rows:,} rows, e.g. {first.example}"
            + (f" (and {more} more failed expectations)" if more else "")
        )
    return report


def _validate(gx, context, source, check: TableCheck, frame: pd.DataFrame) -> list[CheckResult]:
    name = check.name.replace(".", "__")
    suite = context.suites.add(gx.ExpectationSuite(name=name))
    for expectation in check.expectations:
        suite.add_expectation(getattr(gx.expectations, expectation.kind)(**expectation.arguments))
    batch = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe("all")
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=name,
            validation_definitions=[definition],
            actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")],
            result_format={"result_format": "SUMMARY"},
        )
    )
    outcome = checkpoint.run(batch_parameters={"dataframe": frame})
    results = []
    for run in outcome.run_results.values():
        for result in run.results:
            config = result.expectation_config
            details = result.result or {}
            arguments = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
            results.append(
                CheckResult(
                    table=check.name,
                    expectation=Expectation(config.type, arguments).describe(),
                    success=bool(result.success),
                    unexpected_count=int(details.get("unexpected_count") or 0),
                    rows=len(frame),
                    example="" if result.success else _example(frame, check, config, details),
                )
            )
    return results
