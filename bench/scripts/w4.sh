#!/usr/bin/env bash
# Workload W4, long sensor files: SENSORS sensors x ROWS readings at a 5-second step in one CSV
# (gen_sensor_csv.sh, seeded), side by side:
#   1. DuckDB reading and sorting it, every row fetched through JDBC (DuckDbSortRead: the reference);
#   2. the whole signalcheck audit of the same file at its default settings, with -Xmx1g;
# each RUNS times under /usr/bin/time (wall, user+sys CPU, peak RSS), then the ratios of the means.
# The machine's load is printed before each run: on a shared machine compare the CPU times.
# Env: ROWS (default 2000000), SENSORS (default 5), RUNS (default 2), FILE (default bench/target/w4/w4.csv),
#      AUDIT_ARGS (extra audit options, e.g. "--models fast").
#      GC (default -XX:+UseParallelGC, the collector the launcher gives an audit; e.g. GC=-XX:+UseG1GC).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rows="${ROWS:-2000000}"
sensors="${SENSORS:-5}"
runs="${RUNS:-2}"
work="$root/bench/target/w4"
mkdir -p "$work"
file="${FILE:-$work/w4.csv}"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -ntp -Pbench -DskipTests -Dclients.skip=true package -pl bench,cli -am
fi
jar="$root/bench/target/benchmarks.jar"
if [ ! -s "$file" ]; then
  echo "== writing $file: $sensors sensors x $rows readings"
  bash "$root/bench/scripts/gen_sensor_csv.sh" "$rows" "$sensors" "$file"
fi
echo "== $file: $(wc -l <"$file") lines, $(du -h "$file" | cut -f1)"
timed() { # name, command...: appends "wall user sys rss_kb" to $work/$name.times
  local name="$1"
  shift
  echo "-- $name (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -o "$work/time.tmp" -f "%e %U %S %M" "$@"
  cat "$work/time.tmp" >>"$work/$name.times"
  read -r wall user sys rss <"$work/time.tmp"
  echo "   $wall s wall, $user s user, $sys s sys, peak RSS $((rss / 1024)) MB"
}
rm -f "$work"/duckdb.times "$work"/audit.times
for _ in $(seq "$runs"); do
  timed duckdb java -cp "$jar" dev.signalcheck.bench.DuckDbSortRead "$file" sensor timestamp value
  # shellcheck disable=SC2086
  timed audit java -Xmx1g ${GC:--XX:+UseParallelGC} -Xlog:gc:file="$work/gc-audit.log" -jar cli/target/signalcheck.jar audit "$file" \
    --id sensor --time timestamp --target value --out "$work/report" --no-ledger --quiet --no-progress \
    ${AUDIT_ARGS:-} >"$work/audit.console"
done
echo "heap after GC, max (last audit): $(grep -o -- '->[0-9]*M' "$work/gc-audit.log" | tr -dc '0-9\n' | sort -n | tail -1) MB"
awk '
  FNR == 1 { f++ }
  { w[f] += $1; c[f] += $2 + $3; if ($4 > r[f]) r[f] = $4; n[f]++ }
  END {
    printf "duckdb: mean %.1f s wall, %.1f s CPU, peak RSS %d MB\n", w[1] / n[1], c[1] / n[1], r[1] / 1024
    printf "audit:  mean %.1f s wall, %.1f s CPU, peak RSS %d MB\n", w[2] / n[2], c[2] / n[2], r[2] / 1024
    printf "audit / duckdb: %.2fx wall, %.2fx CPU\n", (w[2] / n[2]) / (w[1] / n[1]), (c[2] / n[2]) / (c[1] / n[1])
  }' "$work/duckdb.times" "$work/audit.times"
