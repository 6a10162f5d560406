#!/usr/bin/env python3
"""Builds the reference populations shipped with the ledger from signalcheck's own audits.

usage: ledger/reference/make-reference.py DATA_DIR [SIGNALCHECK]

DATA_DIR holds m4/Dataset/{Train,Test}/{Hourly,Weekly}-{train,test}.csv (the M4 organisers' files)
and m3/M3_{yearly,quarterly,other}_TSTS.csv (M3 in long form, forvis/forvision_data). Each series is
audited whole (M4: training and test values joined, so the last origin's horizon is the official test
period) as an integer-indexed long table, with the season and horizon below
and all models, by `signalcheck audit ... --no-ledger`, once under each origin policy of
SIGNALCHECK_REFERENCE_ORIGINS (comma-separated, default "auto,3"): the first is the population's plain
name (e.g. "M4 Hourly"), each other one is named with its policy ("M4 Hourly (3 origins)"), so the
ledger places a run only beside the population of its own policy. The per-series results go to
ledger/src/main/resources/dev/signalcheck/ledger/reference/populations.csv.gz, the settings and the
SHA-256 of every source file to populations.json beside it.
"""
import csv, gzip, hashlib, io, json, os, subprocess, sys, tempfile

POPULATIONS = [
    # name, source files (relative to DATA_DIR), reader, season, horizon
    ("M4 Hourly", ["m4/Dataset/Train/Hourly-train.csv", "m4/Dataset/Test/Hourly-test.csv"], "m4", 24, 48),
    ("M4 Weekly", ["m4/Dataset/Train/Weekly-train.csv", "m4/Dataset/Test/Weekly-test.csv"], "m4", 52, 13),
    ("M3 Yearly", ["m3/M3_yearly_TSTS.csv"], "m3", 1, 6),
    ("M3 Quarterly", ["m3/M3_quarterly_TSTS.csv"], "m3", 4, 8),
    ("M3 Other", ["m3/M3_other_TSTS.csv"], "m3", 1, 8),
]
# the origin policies of the shipped files: auto (the audit's default, up to 30 origins by series
# length) and a fixed 3; SIGNALCHECK_REFERENCE_OUT writes them elsewhere
POLICIES = [int(p) if p.strip().isdigit() else p.strip()
            for p in os.environ.get("SIGNALCHECK_REFERENCE_ORIGINS", "auto,3").split(",") if p.strip()]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.environ.get("SIGNALCHECK_REFERENCE_OUT") or os.path.join(
    ROOT, "ledger/src/main/resources/dev/signalcheck/ledger/reference")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def m4_series(train, test):
    out = {}
    for path in (train, test):
        with open(path, newline="") as f:
            r = csv.reader(f)
            next(r)
            for row in r:
                out.setdefault(row[0], []).extend(v for v in row[1:] if v != "")
    return out


def m3_series(path):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["series_id"], []).append(row["value"])
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    tool = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "signalcheck")
    version = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    rows, meta = [], []
    for policy in POLICIES:
        for base, files, kind, season, horizon in POPULATIONS:
            name = base if policy == POLICIES[0] else f"{base} ({policy} origins)"
            audit(data, tool, rows, meta, name, files, kind, season, horizon, policy)
    write(version, rows, meta)


def audit(data, tool, rows, meta, name, files, kind, season, horizon, origins):
    paths = [os.path.join(data, p) for p in files]
    series = m4_series(*paths) if kind == "m4" else m3_series(paths[0])
    with tempfile.TemporaryDirectory() as tmp:
        long_csv = os.path.join(tmp, "long.csv")
        with open(long_csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "t", "value"])
            for sid, values in series.items():
                for i, v in enumerate(values, 1):
                    w.writerow([sid, i, v])
        report = os.path.join(tmp, "report.json")
        args = ["audit", long_csv, "--id", "id", "--time", "t", "--target", "value",
                "--step", "1", "--season", str(season), "--horizon", str(horizon),
                "--origins", str(origins), "--json", report, "--quiet", "--no-progress", "--no-ledger"]
        subprocess.run([tool] + args, check=True, stdout=subprocess.DEVNULL)
        with open(report) as f:
            r = json.load(f)
    for s in r["series"]:
        bt = s.get("backtest") or {}
        best = bt.get("best")
        mase = next((m.get("mase") for m in bt.get("models", []) if m["name"] == best), None)
        v = s.get("verdict") or {}
        rows.append([name, s["id"], s["n"], bt.get("season", season), bt.get("horizon", horizon),
                     bt.get("origins", ""), v.get("signal", ""), num(v.get("skill")),
                     num(v.get("predictability")), best or "", num(mase),
                     num((v.get("expected") or {}).get("mase"))])
    meta.append({"name": name, "series": len(r["series"]), "season": season, "horizon": horizon,
                 "origins": origins, "models": "all", "generator": r["generator"],
                 "command": "signalcheck " + " ".join(a if a != long_csv and a != report else
                                                     ("LONG.csv" if a == long_csv else "report.json")
                                                     for a in args),
                 "sources": [{"file": p, "sha256": sha256(os.path.join(data, p))} for p in files]})
    print(f"{name}: {len(r['series'])} series", file=sys.stderr, flush=True)


def write(version, rows, meta):
    os.makedirs(OUT, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["population", "series", "n", "season", "horizon", "origins", "verdict", "skill",
                "predictability", "best_model", "best_mase", "expected_mase"])
    w.writerows(rows)
    with gzip.GzipFile(os.path.join(OUT, "populations.csv.gz"), "wb", mtime=0) as f:
        f.write(buf.getvalue().encode("utf-8"))
    with open(os.path.join(OUT, "populations.json"), "w") as f:
        json.dump({"tool": version, "populations": meta}, f, indent=2)
        f.write("\n")


def num(x):
    return "" if x is None else repr(float(x))


if __name__ == "__main__":
    main()
