#!/usr/bin/env bash
# The Spark job in local mode beside the command line on the same data, whole process, same machine:
# M3 quarterly (756 short series, real data) and a generated fleet of long hourly series. Checks that
# both give the same summary, then times both with hyperfine.
# Needs: hyperfine, python3. RUNS (default 3), SERIES and POINTS for the fleet (default 200 × 2000).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl cli,spark -am
work="$root/bench/target/spark-local"
mkdir -p "$work"
zcat testdata/m3/M3_quarterly_TSTS.csv.gz > "$work/m3_quarterly.csv"
python3 - "$work/fleet.csv" "${SERIES:-200}" "${POINTS:-2000}" <<'PY'
import datetime, math, random, sys
path, series, points = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
t0 = datetime.datetime(2020, 1, 1)
with open(path, "w") as f:
    f.write("sensor,ts,value\n")
    for s in range(series):
        # white noise, random walk, and both with a daily cycle
        level, phase, kind = 50.0, rnd.random() * 24, s % 4
        for i in range(points):
            if kind % 2 == 1:
                level += rnd.gauss(0, 0.3)
            season = 5 * math.sin(2 * math.pi * (i + phase) / 24) if kind >= 2 else 0
            t = t0 + datetime.timedelta(hours=i)
            f.write("s%04d,%s,%.3f\n" % (s, t.strftime("%Y-%m-%d %H:%M:%S"), level + season + rnd.gauss(0, 1)))
PY
cli="java -jar $root/cli/target/signalcheck.jar"
spark="$root/spark/run-local.sh"
fast="naive,seasonal-naive,ses,theta,ar"
m3="--id series_id --time timestamp --target value"
fl="--id sensor --time ts --target value --models $fast"
# same numbers first
$cli audit "$work/m3_quarterly.csv" $m3 --json "$work/cli-m3.json" --quiet --no-progress >/dev/null
$spark --input "$work/m3_quarterly.csv" $m3 --output "$work/spark-m3" >/dev/null 2>&1
$cli audit "$work/fleet.csv" $fl --json "$work/cli-fleet.json" --quiet --no-progress >/dev/null
$spark --input "$work/fleet.csv" $fl --output "$work/spark-fleet" >/dev/null 2>&1
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
for name in ("m3", "fleet"):
    a = json.load(open(f"{w}/cli-{name}.json"))["summary"]
    b = json.load(open(f"{w}/spark-{name}/report.json"))["summary"]
    print(name, "same summary" if a == b else f"DIFFERENT: {a} vs {b}", a)
    assert a == b
PY
hyperfine -w 0 -r "${RUNS:-3}" --export-markdown "$work/spark-local.md" \
  -n "cli m3-quarterly" "$cli audit $work/m3_quarterly.csv $m3 --json /dev/null --quiet --no-progress" \
  -n "spark local[2] m3-quarterly" "$spark --input $work/m3_quarterly.csv $m3 --output $work/spark-m3" \
  -n "cli fleet" "$cli audit $work/fleet.csv $fl --json /dev/null --quiet --no-progress" \
  -n "spark local[2] fleet" "$spark --input $work/fleet.csv $fl --output $work/spark-fleet"
cat "$work/spark-local.md"
