"""The result of an audit: the JSON report as dicts and DataFrames, and the HTML report."""

import html as _html
import json
import shutil
import weakref
from pathlib import Path

import numpy as np
import pandas as pd

SEVERITIES = ["info", "warning", "critical"]
VERDICTS = ["strong", "weak", "none", "insufficient-data"]

_SEVERITY = pd.CategoricalDtype(SEVERITIES, ordered=True)
_VERDICT = pd.CategoricalDtype(VERDICTS)

_MODEL_METRICS = ["mase", "smape", "rmsse", "mae", "rmse", "me", "owa"]


def _num(x):
    return np.nan if x is None else float(x)


def _int(x):
    return pd.NA if x is None else int(x)


def worst(findings):
    """The most severe finding, the first of them on a tie (as the console and the HTML report)."""
    best = None
    for f in findings:
        if best is None or SEVERITIES.index(f["severity"]) > SEVERITIES.index(best["severity"]):
            best = f
    return best


class Result:
    """One audit.

    Attributes:
        json: the full report (schemaVersion 1) as a dict.
        console: the console summary the command line printed.
        report_dir: the folder holding report.json and report.html.
        exit_code: 0, or 1 when ``fail_on`` was given and reached.
    """

    def __init__(self, report_dir, console="", exit_code=0, temporary=False):
        self.report_dir = Path(report_dir)
        self.console = console
        self.exit_code = exit_code
        with open(self.report_dir / "report.json", encoding="utf-8") as f:
            self.json = json.load(f)
        self._cache = {}
        if temporary:
            self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.report_dir), True)

    # -- the report's parts ------------------------------------------------------------------

    @property
    def summary(self):
        """Counts of series, verdicts and findings (the report's ``summary``)."""
        return self.json["summary"]

    @property
    def html_path(self):
        return self.report_dir / "report.html"

    @property
    def json_path(self):
        return self.report_dir / "report.json"

    @property
    def html(self):
        """The self-contained HTML report as text."""
        return self.html_path.read_text(encoding="utf-8")

    @property
    def series(self):
        """One row per series: id, n, step, season, verdict, skill, predictability, best model,
        expected MASE, worst finding and more."""
        if "series" not in self._cache:
            self._cache["series"] = self._series()
        return self._cache["series"]

    @property
    def findings(self):
        """One row per finding (dataset-level ones have no series), with its first interval."""
        if "findings" not in self._cache:
            self._cache["findings"] = self._findings()
        return self._cache["findings"]

    @property
    def models(self):
        """One row per series and backtested model, with its metrics averaged over origins."""
        if "models" not in self._cache:
            self._cache["models"] = self._models()
        return self._cache["models"]

    # -- tables ------------------------------------------------------------------------------

    def _series(self):
        rows = []
        for s in self.json["series"]:
            freq = s.get("frequency") or {}
            verdict = s.get("verdict") or {}
            expected = verdict.get("expected") or {}
            backtest = s.get("backtest") or {}
            findings = s.get("findings") or []
            w = worst(findings)
            rows.append(
                {
                    "id": s["id"],
                    "target": s.get("target"),
                    "n": int(s["n"]),
                    "start": s.get("start"),
                    "end": s.get("end"),
                    "step": freq.get("step"),
                    "season": _int(freq.get("season")),
                    "horizon": _int(freq.get("horizon")),
                    "verdict": verdict.get("signal"),
                    "skill": _num(verdict.get("skill")),
                    "predictability": _num(verdict.get("predictability")),
                    "best_model": backtest.get("best"),
                    "expected_mase": _num(expected.get("mase")),
                    "expected_mase_low": _num(expected.get("low")),
                    "expected_mase_high": _num(expected.get("high")),
                    "useful_horizon": _int(verdict.get("usefulHorizon")),
                    "worst_finding": w["check"] if w else None,
                    "worst_severity": w["severity"] if w else None,
                    "critical": sum(f["severity"] == "critical" for f in findings),
                    "warning": sum(f["severity"] == "warning" for f in findings),
                    "info": sum(f["severity"] == "info" for f in findings),
                    "headline": verdict.get("headline"),
                }
            )
        columns = [
            "id", "target", "n", "start", "end", "step", "season", "horizon", "verdict", "skill",
            "predictability", "best_model", "expected_mase", "expected_mase_low", "expected_mase_high",
            "useful_horizon", "worst_finding", "worst_severity", "critical", "warning", "info", "headline",
        ]  # fmt: skip
        df = pd.DataFrame(rows, columns=columns)
        return df.astype(
            {
                "n": "int64",
                "season": "Int64",
                "horizon": "Int64",
                "useful_horizon": "Int64",
                "verdict": _VERDICT,
                "worst_severity": _SEVERITY,
                "critical": "int64",
                "warning": "int64",
                "info": "int64",
                "skill": "float64",
                "predictability": "float64",
                "expected_mase": "float64",
                "expected_mase_low": "float64",
                "expected_mase_high": "float64",
            }
        )

    def _findings(self):
        rows = []

        def add(series_id, f):
            intervals = f.get("intervals") or []
            first = intervals[0] if intervals else {}
            found_rows = f.get("rows") or []
            rows.append(
                {
                    "series": series_id,
                    "check": f["check"],
                    "severity": f["severity"],
                    "category": f.get("category"),
                    "count": _int(f.get("count")),
                    "from": first.get("from"),
                    "to": first.get("to"),
                    "intervals": len(intervals),
                    "first_row": _int(found_rows[0]) if found_rows else pd.NA,
                    "covariate": f.get("covariate"),
                    "message": f.get("message"),
                }
            )

        for f in self.json.get("findings") or []:
            add(None, f)
        for s in self.json["series"]:
            for f in s.get("findings") or []:
                add(s["id"], f)
        columns = [
            "series", "check", "severity", "category", "count", "from", "to", "intervals",
            "first_row", "covariate", "message",
        ]  # fmt: skip
        df = pd.DataFrame(rows, columns=columns)
        return df.astype(
            {"severity": _SEVERITY, "count": "Int64", "intervals": "int64", "first_row": "Int64"}
        )

    def _models(self):
        rows = []
        for s in self.json["series"]:
            backtest = s.get("backtest") or {}
            best = backtest.get("best")
            for m in backtest.get("models") or []:
                row = {
                    "series": s["id"],
                    "model": m["name"],
                    "baseline": bool(m.get("baseline", False)),
                    "best": m["name"] == best,
                    "skipped": bool(m.get("skipped", False)),
                }
                for k in _MODEL_METRICS:
                    row[k] = _num(m.get(k))
                row["in_sample_mase"] = _num(m.get("inSampleMase"))
                row["overfit"] = bool(m.get("overfit", False))
                row["description"] = m.get("description")
                row["reason"] = m.get("reason")
                rows.append(row)
        columns = (
            ["series", "model", "baseline", "best", "skipped"]
            + _MODEL_METRICS
            + ["in_sample_mase", "overfit", "description", "reason"]
        )
        df = pd.DataFrame(rows, columns=columns)
        return df.astype(
            {"baseline": "bool", "best": "bool", "skipped": "bool", "overfit": "bool", "in_sample_mase": "float64"}
            | {k: "float64" for k in _MODEL_METRICS}
        )

    # -- display -----------------------------------------------------------------------------

    def __repr__(self):
        s = self.summary
        v = s["verdicts"]
        f = s["findings"]
        return (
            f"<signalcheck report of {self.json['input']['source']}: {s['series']} series "
            f"(strong {v['strong']}, weak {v['weak']}, none {v['none']}, "
            f"insufficient data {v['insufficient-data']}); findings: {f['critical']} critical, "
            f"{f['warning']} warning, {f['info']} info>"
        )

    def _repr_html_(self):
        """The HTML report in a sandboxed frame: its scripts run, its Content-Security-Policy holds,
        and it cannot reach the notebook's page."""
        return (
            '<iframe sandbox="allow-scripts" style="width:100%;height:720px;border:1px solid #ccc" '
            f'title="signalcheck report" srcdoc="{_html.escape(self.html, quote=True)}"></iframe>'
        )
