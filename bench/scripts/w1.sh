#!/usr/bin/env bash
# Workload W1: the M4 benchmark protocol on Hourly and Weekly, signalcheck against R forecast, whole process,
# same machine, same data. Prints both tables (ours beside the organisers', and R's), then the timings.
# Needs: R with forecast (Debian: r-base-core r-cran-forecast), hyperfine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -Pbench -DskipTests package -pl bench -am
data="$root/core/src/test/resources/m4"
table="$data/m4_benchmarks_hourly_weekly.csv"
jar="$root/bench/target/benchmarks.jar"
for spec in "Hourly 48 24" "Weekly 13 1"; do
  set -- $spec
  java -cp "$jar" dev.signalcheck.bench.M4Protocol "$data" "$1" "$2" "$3" "$table"
  Rscript bench/r/m4_protocol.R "$data" "$1" "$2" "$3"
  echo
done
hyperfine -w 1 -r "${RUNS:-5}" --export-markdown bench/target/w1.md \
  "java -cp $jar dev.signalcheck.bench.M4Protocol $data Hourly 48 24" \
  "Rscript bench/r/m4_protocol.R $data Hourly 48 24" \
  "java -cp $jar dev.signalcheck.bench.M4Protocol $data Weekly 13 1" \
  "Rscript bench/r/m4_protocol.R $data Weekly 13 1"
cat bench/target/w1.md
