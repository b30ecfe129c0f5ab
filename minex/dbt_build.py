"""Running the dbt project (seeds, models, data tests, unit tests) against a warehouse."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from minex.project import ROOT, StepFailed


def dbt_environment(db_path: Path) -> None:
    """Point the dbt profile at the warehouse file; keep dbt quiet about analytics."""
    os.environ["MINEX_DB"] = str(db_path.resolve())
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DBT_TARGET_PATH", str(ROOT / "target"))
    os.environ.setdefault("DBT_LOG_PATH", str(ROOT / "logs"))


def _one_line(message: str | None, limit: int = 240) -> str:
    text = " ".join((message or "no message").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def run_dbt(command: list[str], db_path: Path, dbt_vars: dict[str, Any]) -> Any:
    """Invoke dbt in this process; raise StepFailed naming what failed."""
    from dbt.cli.main import dbtRunner  # imported late: dbt is slow to import

    dbt_environment(db_path)
    args = [
        *command,
        "--project-dir",
        str(ROOT),
        "--profiles-dir",
        str(ROOT),
        "--no-version-check",
        "--vars",
        json.dumps(dbt_vars),
    ]
    outcome = dbtRunner().invoke(args)
    if outcome.success:
        return outcome.result
    if outcome.exception is not None:
        raise StepFailed(f"dbt {command[0]} could not run: {outcome.exception}")
    failures = [
        f"{result.node.resource_type} {result.node.name} "
        f"({result.status}: {_one_line(result.message)})"
        for result in outcome.result.results
        if str(result.status) in {"error", "fail"}
    ]
    shown = "; ".join(failures[:3]) + (
        f"; and {len(failures) - 3} more" if len(failures) > 3 else ""
    )
    raise StepFailed(f"dbt {command[0]} failed: {shown}")


def build(db_path: Path, dbt_vars: dict[str, Any]) -> dict[str, int]:
    """dbt build; returns the count of nodes by status (pass, success, ...)."""
    result = run_dbt(["build"], db_path, dbt_vars)
    counts: dict[str, int] = {}
    for node in result.results:
        counts[str(node.status)] = counts.get(str(node.status), 0) + 1
    return counts
