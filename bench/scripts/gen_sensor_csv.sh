#!/usr/bin/env bash
# Writes a synthetic sensor CSV: ROWS readings per sensor at a 5-second step (seeded, reproducible),
# with a few gaps, duplicate stamps and missing values so that every check has work to do.
# usage: gen_sensor_csv.sh ROWS SENSORS OUT.csv
set -euo pipefail
rows=${1:-1000000}; sensors=${2:-1}; out=${3:-sensor.csv}
awk -v rows="$rows" -v sensors="$sensors" 'BEGIN {
  srand(42); OFS=","; print "sensor", "timestamp", "value";
  t0 = 1704067200;  # 2024-01-01T00:00:00Z
  for (s = 1; s <= sensors; s++) {
    level = 20 + s;
    for (i = 0; i < rows; i++) {
      if (i % 100003 == 500) { i += 37; }            # a gap
      t = t0 + 5 * i;
      v = level + 3 * sin(2 * 3.14159265 * (i % 17280) / 17280) + rand() - 0.5;
      ts = strftime("%Y-%m-%d %H:%M:%S", t, 1);
      if (i % 250007 == 11) { print "s" s, ts, "NA"; continue; }
      print "s" s, ts, sprintf("%.3f", v);
      if (i % 333331 == 7) { print "s" s, ts, sprintf("%.3f", v); }   # a duplicate stamp
    }
  }
}' > "$out"
