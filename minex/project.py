"""Where things are: the dbt project, its seeds, the bundled sample, default outputs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SAMPLE_LANDING = ROOT / "sample" / "landing"
DEFAULT_DB = Path("warehouse") / "minex.duckdb"
DEFAULT_RELEASES = Path("releases")


class StepFailed(Exception):
    """A step of the pipeline failed; the message is the one-line reason shown to the user."""
