"""Shared fixtures: the repository's testdata/, a ledger of the test's own, the CLI run directly."""

import copy
import functools
import json
import os
from pathlib import Path

import pytest

import signalcheck as sc
from signalcheck import _java

REPO = Path(__file__).resolve().parents[3]
TESTDATA = REPO / "testdata"


def data(rel):
    return TESTDATA / rel


@pytest.fixture(autouse=True)
def own_ledger(tmp_path, monkeypatch):
    """Audits run by the tests are never recorded in the user's ledger."""
    monkeypatch.setenv("SIGNALCHECK_LEDGER", str(tmp_path / "ledger.db"))


# fewer models where the point is what reaches the engine, not the model search (faster tests)
FEW_MODELS = ["naive", "seasonal-naive", "ses", "theta", "ar"]


def cli_json(path, *args):
    """The command line's own JSON report for ``path`` (``signalcheck audit PATH --json -``)."""
    return copy.deepcopy(_cli_json(str(path), tuple(args)))


@functools.lru_cache(maxsize=None)
def _cli_json(path, args):
    proc = _java.run(["audit", path, "--json", "-", "--no-progress", *args])
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def cli_error(path, *args):
    """The command line's exit code and one-line error for a bad call."""
    proc = _java.run(["audit", str(path), "--json", "-", *args])
    assert proc.returncode != 0
    return proc.returncode, _java.error_line(proc.stderr)


def series_key(s):
    """What must agree between a client's run and the command line's, for one series."""
    freq = s["frequency"]
    verdict = s["verdict"]
    backtest = s.get("backtest") or {}
    return {
        "id": s["id"],
        "n": s["n"],
        "step": freq.get("step"),
        "season": freq.get("season"),
        "verdict": verdict["signal"],
        "skill": verdict.get("skill"),
        "predictability": verdict.get("predictability"),
        "best": backtest.get("best"),
        "expected": (verdict.get("expected") or {}).get("mase"),
        "findings": [(f["check"], f["severity"], f["count"]) for f in s["findings"]],
    }


__all__ = ["sc", "data", "cli_json", "cli_error", "series_key", "FEW_MODELS", "REPO", "TESTDATA", "os"]
