"""The command line explains itself and fails in one line; the sample rebuilds exactly."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from minex.cli import main
from tests.conftest import ROOT, SAMPLE


def test_help_explains_every_step(capsys):
    try:
        main(["--help"])
    except SystemExit as exit_:
        assert exit_.code == 0
    text = capsys.readouterr().out
    for command in ("ingest", "build", "check", "export", "run"):
        assert command in text
    assert "Climate TRACE" in text


def test_missing_landing_folder_fails_in_one_line(tmp_path, capsys):
    code = main(["run", "--data", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.duckdb")])
    assert code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1] == f"minex: error: landing folder {tmp_path / 'nowhere'} does not exist"


def test_build_without_warehouse_fails_in_one_line(tmp_path, capsys):
    assert main(["build", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "run `minex ingest` first" in capsys.readouterr().err


def test_invalid_vars_fail_in_one_line(sample_copy, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    assert main(["ingest", "--data", str(sample_copy), "--db", str(db)]) == 0
    assert main(["build", "--db", str(db), "--vars", "[1, 2]"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "minex: error: --vars must be a mapping, e.g. '{electrification_share: 0.7}'"
    )


def test_sample_script_rebuilds_the_bundled_sample_byte_for_byte(tmp_path):
    out = tmp_path / "landing"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_sample.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    built = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file())
    assert built == shipped
    _, mismatch, errors = filecmp.cmpfiles(out, SAMPLE, [str(p) for p in built], shallow=False)
    assert mismatch == [] and errors == []


def test_provenance_names_every_sample_file():
    provenance = (ROOT / "sample" / "PROVENANCE.md").read_text(encoding="utf-8")
    for path in (p for p in SAMPLE.rglob("*") if p.is_file()):
        relative = path.relative_to(SAMPLE).as_posix()
        folder_glob = f"{Path(relative).parent.as_posix()}/*"
        assert relative in provenance or folder_glob in provenance, relative
