#!/usr/bin/env bash
# Workload W3, the fleet: seeded synthetic hourly series (200-1,000 points; white noise, random walks,
# AR(1), daily cycle on a trend, intermittent counts), through the audit with -Xmx1g.
#   1. in one process without file I/O (FleetBench: series/s by wall and by CPU, heap peak), at the
#      default models and with --models fast, at two fleet sizes to show memory flat in the series;
#   2. whole process: the command line on the fleet written as a CSV, under /usr/bin/time (user+sys
#      CPU, peak RSS) with a GC log (heap after each collection).
# The machine's load is printed before each run: the machine may be shared, so compare CPU times.
# Env: SERIES_DEFAULT (default 500), SERIES_FAST (default 20000), SERIES_CSV (default 5000),
#      ORIGINS (default auto, the command line's default; a number for fixed origins).
#      GC (default -XX:+UseParallelGC, the collector the launcher gives an audit; e.g. GC=-XX:+UseG1GC).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -ntp -Pbench -DskipTests -Dclients.skip=true package -pl bench,cli -am
origins="${ORIGINS:-auto}"
jar="$root/bench/target/benchmarks.jar"
work="$root/bench/target/fleet"
mkdir -p "$work"
bench() { # SERIES MODELS: FleetBench with 2 threads at $origins
  local log="$work/gc-$1-${2/-/default}.log"
  echo "== FleetBench $1 series, models $2, origins $origins (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "process: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
    java -Xmx1g ${GC:--XX:+UseParallelGC} -Xlog:gc:file="$log" -cp "$jar" dev.signalcheck.bench.FleetBench "$1" "$2" 2 "$origins"
  echo "heap after GC, max: $(grep -o -- '->[0-9]*M' "$log" | tr -dc '0-9\n' | sort -n | tail -1) MB"
}
bench "${SERIES_DEFAULT:-500}" -
bench "${SERIES_FAST:-20000}" fast
bench "$(( ${SERIES_FAST:-20000} * 5 ))" fast
csv="$work/fleet.csv"
java -cp "$jar" dev.signalcheck.bench.FleetBench csv "${SERIES_CSV:-5000}" "$csv"
echo "== signalcheck audit fleet.csv --models fast, ${SERIES_CSV:-5000} series (load: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
  java -Xmx1g ${GC:--XX:+UseParallelGC} -Xlog:gc:file="$work/gc-cli.log" -jar cli/target/signalcheck.jar audit "$csv" \
  --id sensor --time ts --target value --models fast --origins "$origins" --json "$work/cli.json" --no-ledger \
  --quiet --no-progress >/dev/null
echo "heap after GC, max: $(grep -o -- '->[0-9]*M' "$work/gc-cli.log" | tr -dc '0-9\n' | sort -n | tail -1) MB"
