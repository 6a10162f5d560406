"""How a pandas DataFrame reaches the engine: ways of writing it, then sc.audit(df) against the
command line on the same file, interleaved, medians of several rounds.

    PYTHONPATH=<installed signalcheck package> python3 bench/scripts/clients_frame.py [ROWS] [ROUNDS]

The frame: 5 sensors (categorical ids) x ROWS/5 readings 5 s apart, float values with 0.1% NaN.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import signalcheck as sc
from signalcheck import _frame, _java, _parquet

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
sensors = 5
per = rows // sensors
rng = np.random.default_rng(7)
stamps = pd.date_range("2024-01-01", periods=per, freq="5s")
t = np.arange(per)
values = np.concatenate([np.sin(2 * np.pi * t / 17280) * (k + 1) + rng.normal(0, 0.3, per) for k in range(sensors)])
df = pd.DataFrame(
    {
        "ts": np.tile(stamps.values, sensors),
        "sensor": pd.Categorical(np.repeat([f"s{k}" for k in range(sensors)], per)),
        "value": values,
    }
)
df.loc[rng.choice(len(df), len(df) // 1000, replace=False), "value"] = np.nan
aware = df.assign(ts=df["ts"].dt.tz_localize("UTC").dt.tz_convert("Europe/Rome"))

tmp = Path(tempfile.mkdtemp(prefix="clients-frame-"))


def timed(fn, n=rounds):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def size(p):
    return os.path.getsize(p) / 1e6


def iso_csv(frame, p):
    frame.assign(ts=_frame.column_text(frame["ts"])).to_csv(p, index=False)


writers = {
    "CSV: pandas to_csv, datetime64 as pandas writes it": lambda p: df.to_csv(p, index=False),
    "CSV: epoch-ms integers + to_csv": lambda p: df.assign(
        ts=df["ts"].values.astype("datetime64[ms]").astype("int64")
    ).to_csv(p, index=False),
    "CSV: numpy ISO 8601 text + to_csv": lambda p: iso_csv(df, p),
    "CSV: the same, tz-aware (local time + offset)": lambda p: iso_csv(aware, p),
    "JSON lines: to_json (loses digits: at most 15)": lambda p: df.to_json(
        p, orient="records", lines=True, date_format="iso"
    ),
    "chosen: Parquet written with numpy (naive)": lambda p: _parquet.write(df, p),
    "chosen: Parquet, tz-aware (text with offsets)": lambda p: _parquet.write(aware, p),
}

print(f"frame: {len(df):,} rows, {sensors} series, {df['value'].isna().sum():,} NaN")
print()
print("| way of writing the frame | median s | min s | max s | MB |")
print("|---|---:|---:|---:|---:|")
for label, write in writers.items():
    p = tmp / ("w.jsonl" if "JSON" in label else "w.parquet" if "Parquet" in label else "w.csv")
    med, lo, hi = timed(lambda: write(p))
    print(f"| {label} | {med:.2f} | {lo:.2f} | {hi:.2f} | {size(p):.0f} |")

# the file the client writes, for the command line; and the same frame as CSV
same = tmp / "dataframe.parquet"
_parquet.write(df, same)
as_csv = tmp / "dataframe.csv"
iso_csv(df, as_csv)
options = dict(time="ts", id="sensor", target="value")
flags = ["--time=ts", "--id=sensor", "--target=value", "--no-progress", "--quiet"]
cli_args = ["audit", str(same), *flags]

client_times, cli_times, csv_times = [], [], []
verdicts = {}
for i in range(rounds):
    t0 = time.perf_counter()
    proc = _java.run(["audit", str(as_csv), *flags, f"--out={tmp / f'csv-{i}'}"])
    csv_times.append(time.perf_counter() - t0)
    assert proc.returncode == 0, proc.stderr
    t0 = time.perf_counter()
    r = sc.audit(df, **options)
    client_times.append(time.perf_counter() - t0)
    verdicts["client"] = r.series[["id", "n", "verdict", "best_model"]].to_dict("records")
    out = tmp / f"cli-{i}"
    t0 = time.perf_counter()
    proc = _java.run([*cli_args, f"--out={out}"])
    cli_times.append(time.perf_counter() - t0)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text())
    verdicts["cli"] = [
        {"id": s["id"], "n": s["n"], "verdict": s["verdict"]["signal"], "best_model": s["backtest"].get("best")}
        for s in report["series"]
    ]
    del r

print()
print(f"whole audit, {rounds} rounds interleaved (all write report.json and report.html):")
print()
print("| command | median s | min s | max s |")
print("|---|---:|---:|---:|")
print(
    f"| sc.audit(df) (write the frame + the command line) | {statistics.median(client_times):.2f} | "
    f"{min(client_times):.2f} | {max(client_times):.2f} |"
)
print(
    f"| signalcheck audit on the same Parquet file | {statistics.median(cli_times):.2f} | "
    f"{min(cli_times):.2f} | {max(cli_times):.2f} |"
)
print(
    f"| signalcheck audit on the frame as CSV | {statistics.median(csv_times):.2f} | "
    f"{min(csv_times):.2f} | {max(csv_times):.2f} |"
)
print()
print("same series and verdicts:", verdicts["client"] == verdicts["cli"])
subprocess.run(["rm", "-rf", str(tmp)], check=False)
