"""DataFrames in (times, ids, missing values, names) and DataFrames out (columns and dtypes)."""

import html

import numpy as np
import pandas as pd
import pytest

import signalcheck as sc
from signalcheck import _frame, _options
from conftest import FEW_MODELS, cli_json, data, series_key

EC2 = data("nab/ec2_request_latency_system_failure.csv")


@pytest.fixture(scope="module")
def ec2():
    return pd.read_csv(EC2, parse_dates=["timestamp"], float_precision="round_trip")


@pytest.fixture(scope="module")
def result(ec2):
    return sc.audit(ec2, time="timestamp", target="value")


def test_series_table_columns_and_dtypes(result):
    s = result.series
    assert list(s.columns[:12]) == [
        "id", "target", "n", "start", "end", "step", "season", "horizon", "verdict", "skill",
        "predictability", "best_model",
    ]  # fmt: skip
    assert s["n"].dtype == "int64"
    assert s["season"].dtype == "Int64" and s["horizon"].dtype == "Int64"
    assert isinstance(s["verdict"].dtype, pd.CategoricalDtype)
    assert list(s["verdict"].cat.categories) == ["strong", "weak", "none", "insufficient-data"]
    assert s["worst_severity"].cat.ordered
    for c in ["skill", "predictability", "expected_mase"]:
        assert s[c].dtype == "float64"
    row = s.iloc[0]
    v = result.json["series"][0]["verdict"]
    assert (row["id"], row["n"], row["step"], row["season"]) == ("value", 4032, "PT5M", 288)
    assert (row["verdict"], row["skill"], row["expected_mase"]) == (v["signal"], v["skill"], v["expected"]["mase"])
    assert row["best_model"] == result.json["series"][0]["backtest"]["best"]
    # the worst finding: the first of the most severe (the console's "worst:")
    assert (row["worst_severity"], row["worst_finding"]) == ("warning", "time.duplicate")
    assert result.summary == result.json["summary"]


def test_findings_table_has_each_finding_with_its_first_interval(result):
    f = result.findings
    report = result.json["series"][0]["findings"]
    assert f["check"].tolist() == [x["check"] for x in report]
    assert f["severity"].dtype == pd.CategoricalDtype(["info", "warning", "critical"], ordered=True)
    assert f["count"].dtype == "Int64" and f["first_row"].dtype == "Int64"
    dup = f[f["check"] == "time.duplicate"].iloc[0]
    assert (dup["from"], dup["to"], dup["count"], dup["first_row"]) == (
        "2014-03-09T03:00:00", "2014-03-09T03:00:00", 11, 558,
    )  # fmt: skip
    gaps = f[f["check"] == "time.gap"].iloc[0]
    assert gaps["intervals"] == 2


def test_models_table_dtypes(result):
    m = result.models
    assert m[["baseline", "best", "skipped", "overfit"]].dtypes.tolist() == [np.dtype(bool)] * 4
    assert m["mase"].dtype == "float64"
    assert set(m["series"]) == {"value"}


def test_nan_values_are_missing_not_dropped(ec2):
    df = ec2.copy()
    df.loc[100:109, "value"] = np.nan
    df.loc[[500, 900, 1300], "value"] = np.nan
    df.loc[[2000, 2001], "timestamp"] = pd.NaT
    r = sc.audit(df, time="timestamp", target="value", models=FEW_MODELS)
    assert r.json["input"]["rows"] == len(df)
    f = r.findings.set_index("check")
    # 13 missing values in 4 runs; the first at the DataFrame's position 100 (row 101)
    assert f.loc["value.missing", "count"] == 13
    assert f.loc["value.missing", "first_row"] == 101
    assert f.loc["time.unparseable", "count"] == 2
    assert f.loc["time.unparseable", "first_row"] == 2001


def test_time_text_keeps_what_the_frame_holds():
    naive = pd.Series(pd.to_datetime(["2024-01-01 00:00", "2024-01-01 01:30:15", None]))
    assert _frame.column_text(naive).tolist() == ["2024-01-01T00:00:00", "2024-01-01T01:30:15", ""]
    days = pd.Series(pd.date_range("2024-01-01", periods=2, freq="D"))
    assert _frame.column_text(days).tolist() == ["2024-01-01", "2024-01-02"]
    ms = pd.Series(pd.to_datetime(["2024-01-01 00:00:00.250"]))
    assert _frame.column_text(ms).tolist() == ["2024-01-01T00:00:00.250"]
    aware = pd.Series(pd.date_range("2024-03-31 00:00", periods=3, freq="H", tz="Europe/Rome"))
    assert _frame.column_text(aware).tolist() == [
        "2024-03-31T00:00:00+01:00", "2024-03-31T01:00:00+01:00", "2024-03-31T03:00:00+02:00",
    ]  # fmt: skip
    midnights = pd.Series(pd.date_range("2024-01-01", periods=2, freq="D", tz="UTC"))
    assert _frame.column_text(midnights).tolist() == ["2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00"]
    quarters = pd.Series(pd.period_range("1984Q1", periods=2, freq="Q"))
    assert _frame.column_text(quarters).tolist() == ["1984-Q1", "1984-Q2"]
    years = pd.Series(pd.period_range("1975", periods=2, freq="Y"))
    assert _frame.column_text(years).tolist() == ["1975", "1976"]
    months = pd.Series(pd.period_range("2020-11", periods=2, freq="M"))
    assert _frame.column_text(months).tolist() == ["2020-11-01", "2020-12-01"]


def test_names_with_commas_quotes_and_markup_reach_the_report_as_they_are(ec2):
    df = ec2.rename(columns={"timestamp": "time (UTC)", "value": "latency, ms"})
    df["<script>alert(1)</script>"] = df["latency, ms"] * 2
    df["$(touch pwned)"] = 1.0
    r = sc.audit(df, time="time (UTC)", target=["latency, ms", "<script>alert(1)</script>"], models=["naive"])
    assert r.json["input"]["targets"] == ["latency, ms", "<script>alert(1)</script>"]
    assert r.series["id"].tolist() == ["latency, ms", "<script>alert(1)</script>"]
    assert "<script>alert(1)</script>" not in r.html


def test_only_the_named_columns_are_written_when_time_and_target_are_given(ec2, tmp_path):
    df = ec2.assign(extra=1.0, label="x")
    from signalcheck._audit import _columns_to_write

    assert _columns_to_write(df, {"time": "timestamp", "target": "value"}) == {"timestamp", "value"}
    assert _columns_to_write(df, {"time": "timestamp", "target": "nope"}) is None
    assert _columns_to_write(df, {"time": None, "target": "value"}) is None


def test_options_become_command_line_arguments():
    args = _options.to_args(
        {
            "time": ["Date", "Time"],
            "id": None,
            "target": ["a,b", "c"],
            "known_ahead": ("promo",),
            "horizon": np.int64(14),
            "min": -5,
            "max": 2.5,
            "quiet": True,
            "no_progress": False,
            "step": pd.Timedelta(minutes=5),
            "models": [],
        }
    )
    assert args == [
        "--time=Date,Time", '--target="a,b",c', "--known-ahead=promo", "--horizon=14", "--min=-5",
        "--max=2.5", "--quiet", "--step=PT300S",
    ]  # fmt: skip
    assert _options.to_args({"target": "a,b"}, columns=["a,b"]) == ['--target="a,b"']
    assert _options.to_args({"target": "a,b"}, columns=["a", "b"]) == ["--target=a,b"]


def test_repr_html_is_the_report_in_a_sandboxed_frame(result):
    frame = result._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" ')
    assert "allow-same-origin" not in frame
    srcdoc = frame.split('srcdoc="', 1)[1].rsplit('"></iframe>', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc
    page = html.unescape(srcdoc)
    assert page == result.html
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page
    assert repr(result).startswith("<signalcheck report of dataframe.parquet: 1 series")


def test_a_named_frame_is_reported_under_its_name(ec2):
    r = sc.audit(ec2.head(600), name="ec2 latency/March", models=["naive"])
    assert r.json["input"]["source"] == "ec2_latency_March.parquet"


def test_long_frame_with_a_multiindex(ec2):
    a = ec2.assign(sensor="a")
    b = ec2.assign(sensor="b", value=ec2["value"] * 3)
    df = pd.concat([a, b]).set_index(["sensor", "timestamp"])
    r = sc.audit(df, id="sensor", target="value", models=["naive", "ses"])
    assert r.series["id"].tolist() == ["a", "b"]
    assert r.series["n"].tolist() == [4032, 4032]
    one = cli_json(EC2, "--models", "naive,ses")
    assert series_key(r.json["series"][0])["verdict"] == series_key(one["series"][0])["verdict"]


@pytest.mark.parametrize(
    "stamps",
    [
        pd.date_range("2024-03-30", periods=20_000, freq="5min", tz="Europe/Rome"),  # across a DST change
        pd.date_range("1999-12-31 23:59:59.250", periods=500, freq="250ms", tz="America/St_Johns"),
        pd.date_range("2021-06-01 00:00:00.000123", periods=500, freq="1001us", tz="Asia/Kolkata"),
        pd.date_range("1700-01-01", periods=50, freq="D", tz="Etc/GMT+5"),
    ],
)
def test_aware_times_are_written_as_their_text(stamps):
    """The Parquet column's bytes equal the ISO 8601 text of each stamp, offset included."""
    from signalcheck import _parquet

    s = pd.Series(stamps)
    s[3] = pd.NaT
    column = _parquet.column("t", s)
    data = column.values(0, len(s))
    texts, i = [], 0
    while i < len(data):
        n = int.from_bytes(data[i : i + 4], "little")
        texts.append(data[i + 4 : i + 4 + n].decode())
        i += 4 + n
    expected = [t for t in _frame.column_text(s) if t]
    assert texts == expected
    assert column.present.sum() == len(s) - 1


def test_every_column_type_reaches_the_engine(ec2, monkeypatch):
    """Dates, nullable integers, text ids with a missing one, booleans, several row groups."""
    from signalcheck import _parquet

    monkeypatch.setattr(_parquet, "ROW_GROUP", 1000)  # 4032 rows: five row groups
    r = sc.audit(ec2, time="timestamp", target="value", models=FEW_MODELS)
    assert series_key(r.json["series"][0]) == series_key(cli_json(EC2, "--models", ",".join(FEW_MODELS))["series"][0])

    days = pd.DataFrame(
        {
            "day": np.tile(pd.date_range("2020-01-01", periods=200, freq="D").values, 2),
            "site": np.repeat(["north", "south"], 200).astype(object),
            "units": pd.array([v if v % 37 else None for v in range(400)], dtype="Int64"),
            "open": np.arange(400) % 7 != 0,
        }
    )
    days.loc[205, "site"] = None
    r = sc.audit(days, time="day", id="site", target="units", models=["naive", "seasonal-naive"])
    assert r.json["input"]["rejectedRows"] == 1  # the row without a site: counted, not dropped
    assert r.series["id"].tolist() == ["north", "south"]
    assert r.series["step"].tolist() == ["P1D", "P1D"]
    assert r.series["start"].tolist() == ["2020-01-01", "2020-01-01"]
    assert r.series["n"].tolist() == [200, 199]
    missing = r.findings[r.findings["check"] == "value.missing"]
    assert missing["count"].sum() == sum(1 for v in range(400) if v % 37 == 0)
