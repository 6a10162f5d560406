"""The clients' results equal the command line's on the same data, series by series."""

import gzip
import shutil

import pandas as pd
import pytest

import signalcheck as sc
from conftest import FEW_MODELS, cli_json, data, series_key

EC2 = data("nab/ec2_request_latency_system_failure.csv")
AMBIENT = data("nab/ambient_temperature_system_failure.csv")


def keys(report):
    return [series_key(s) for s in report["series"]]


def test_a_file_gives_the_command_lines_report():
    r = sc.audit(EC2)
    cli = cli_json(EC2)
    assert keys(r.json) == keys(cli)
    assert r.json["input"] == cli["input"]
    assert r.json["summary"] == cli["summary"]


def test_a_dataframe_read_from_the_file_gives_the_same_series_and_verdicts():
    df = pd.read_csv(EC2, parse_dates=["timestamp"], float_precision="round_trip")
    assert df["timestamp"].dtype == "datetime64[ns]"
    r = sc.audit(df, time="timestamp", target="value")
    cli = cli_json(EC2)
    assert keys(r.json) == keys(cli)
    s, c = r.json["series"][0], cli["series"][0]
    assert (s["start"], s["end"]) == (c["start"], c["end"]) == ("2014-03-07T03:41:00", "2014-03-21T03:41:00")
    assert r.json["input"]["rows"] == cli["input"]["rows"] == len(df)
    # the rows named by findings are the DataFrame's positions + 1, as in the file
    assert [f["rows"] for f in s["findings"]] == [f["rows"] for f in c["findings"]]


def test_a_tz_aware_frame_is_the_same_instants_with_their_offsets():
    df = pd.read_csv(AMBIENT, parse_dates=["timestamp"], float_precision="round_trip")
    df["timestamp"] = df["timestamp"].dt.tz_localize("UTC").dt.tz_convert("Europe/Rome")
    r = sc.audit(df, time="timestamp", target="value", models=FEW_MODELS)
    cli = cli_json(AMBIENT, "--timezone", "UTC", "--models", ",".join(FEW_MODELS))
    assert keys(r.json) == keys(cli)
    # 2013-07-04T00:00 UTC is 02:00 in Rome (summer time)
    assert r.json["series"][0]["start"] == "2013-07-04T02:00:00+02:00"
    assert r.series["step"].tolist() == ["PT1H"]


def quarterly_subset(tmp_path, n_series):
    """The first series of M3 Quarterly (long layout), as a plain CSV file."""
    path = tmp_path / "m3_quarterly.csv"
    with gzip.open(data("m3/M3_quarterly_TSTS.csv.gz"), "rt", encoding="utf-8") as src, open(
        path, "w", encoding="utf-8"
    ) as out:
        out.write(src.readline())
        seen = []
        for line in src:
            sid = line.split(",", 1)[0]
            if sid not in seen:
                if len(seen) == n_series:
                    break
                seen.append(sid)
            out.write(line)
    return path


def test_long_layout_with_categorical_ids_and_quarterly_periods(tmp_path):
    path = quarterly_subset(tmp_path, 8)
    df = pd.read_csv(path, float_precision="round_trip")
    df["series_id"] = df["series_id"].astype("category")
    df["timestamp"] = pd.PeriodIndex(df["timestamp"].str.replace("-", ""), freq="Q")
    assert isinstance(df["series_id"].dtype, pd.CategoricalDtype)
    r = sc.audit(df, time="timestamp", id="series_id", target="value")
    cli = cli_json(path, "--time", "timestamp", "--id", "series_id", "--target", "value")
    assert len(cli["series"]) == 8
    assert keys(r.json) == keys(cli)
    assert r.series["id"].tolist() == [s["id"] for s in cli["series"]]
    assert r.series["step"].unique().tolist() == ["P3M"]


def test_a_messy_real_file_read_by_pandas_matches_the_command_line_on_the_file():
    """UCI Air Quality: decimal commas, day-first dates, '18.00.00' times, -200 for missing,
    trailing ';;;' lines."""
    src = data("uci/AirQualityUCI_semicolon.csv")
    df = pd.read_csv(src, sep=";", decimal=",", usecols=range(15), float_precision="round_trip")
    df["ts"] = pd.to_datetime(df["Date"] + " " + df["Time"], format="%d/%m/%Y %H.%M.%S")
    r = sc.audit(df, time="ts", target=["CO(GT)", "T"], models=FEW_MODELS)
    cli = cli_json(src, "--time", "Date,Time", "--target", "CO(GT),T", "--models", ",".join(FEW_MODELS))
    assert keys(r.json) == keys(cli)
    assert {f["check"] for f in r.json["series"][0]["findings"]} >= {"value.sentinel"}
    # the all-empty trailing lines are rejected rows in both, never dropped silently
    assert r.json["input"]["rejectedRows"] == cli["input"]["rejectedRows"] > 0


def test_a_list_of_files_is_one_file_with_their_rows_in_order(tmp_path):
    lines = EC2.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "ec2-part1.csv", tmp_path / "ec2-part2.csv.gz"
    a.write_text("".join(lines[:2001]), encoding="utf-8")
    with gzip.open(b, "wt", encoding="utf-8") as f:
        f.write(lines[0] + "".join(lines[2001:]).rstrip("\n"))  # no final newline
    r = sc.audit([a, b], models=FEW_MODELS)
    assert keys(r.json) == keys(cli_json(EC2, "--models", ",".join(FEW_MODELS)))
    assert r.json["input"]["source"] == "ec2-part1-and-1-more.csv"
    assert r.json["input"]["rows"] == len(lines) - 1


def test_a_series_with_a_datetime_index(tmp_path):
    df = pd.read_csv(EC2, parse_dates=["timestamp"], index_col="timestamp", float_precision="round_trip")
    r = sc.audit(df["value"], models=FEW_MODELS)
    assert keys(r.json) == keys(cli_json(EC2, "--models", ",".join(FEW_MODELS)))


def test_models_table_equals_the_report(tmp_path):
    r = sc.audit(EC2, models=["naive", "seasonal-naive", "ses", "theta"])
    report_models = r.json["series"][0]["backtest"]["models"]
    assert r.models["model"].tolist() == [m["name"] for m in report_models]
    assert set(r.models["model"]) >= {"naive", "seasonal-naive", "ses", "theta"}
    for row, m in zip(r.models.itertuples(), report_models):
        assert row.mase == m["mase"]
        assert row.smape == m["smape"]
        assert row.baseline == m["baseline"]
    assert r.models["best"].sum() == 1
    assert r.models.loc[r.models["best"], "model"].item() == r.json["series"][0]["backtest"]["best"]


def test_out_keeps_the_report_folder(tmp_path):
    out = tmp_path / "report"
    r = sc.audit(EC2, out=out, models="naive,ses")
    assert (out / "report.json").is_file() and (out / "report.html").is_file()
    assert r.html_path == out / "report.html"
    del r
    assert (out / "report.html").is_file()


def test_a_temporary_report_folder_goes_with_its_result():
    r = sc.audit(EC2, models=["naive"])
    folder = r.report_dir
    assert (folder / "report.html").is_file()
    del r
    import gc

    gc.collect()
    assert not folder.exists()


def test_a_path_object_and_a_string_are_the_same(tmp_path):
    p = tmp_path / "x.csv"
    shutil.copyfile(EC2, p)
    cli = keys(cli_json(EC2, "--models", ",".join(FEW_MODELS)))
    assert keys(sc.audit(p, models=FEW_MODELS).json) == cli
    assert keys(sc.audit(str(p), models=FEW_MODELS).json) == cli
