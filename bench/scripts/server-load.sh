#!/usr/bin/env bash
# A bounded load test of `signalcheck serve` on loopback: READERS clients of mixed GETs and
# UPLOADERS clients posting a 4,000-row file to POST /api/v1/audits, for SECONDS; then it stops.
# Usage: bench/scripts/server-load.sh [READERS=50] [UPLOADERS=20] [SECONDS=60]
# UPLOADERS may be 0 (one upload first gives the reads a run, then reads alone).
# Environment: READ_PATHS="/api/v1/projects|/healthz" limits the reads to these paths (%d is the run id);
# SIGNALCHECK_JAR is the jar to run (default: this checkout's build); SERVER_JAVA_OPTS are the server JVM's options (e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr).
# At the end it prints the server process's CPU time (user + system) over the load, and per read when
# there were no uploaders: on a shared machine compare CPU, not latency.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readers="${1:-50}"; uploaders="${2:-20}"; seconds="${3:-60}"
jar="${SIGNALCHECK_JAR:-$here/cli/target/signalcheck.jar}"  # SIGNALCHECK_JAR: another build to load
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests -Dclients.skip=true package -pl cli -am)
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
read_token="$(java -jar "$jar" token create --name load-read --scope read --ledger "$work/ledger.db" 2>/dev/null)"
write_token="$(java -jar "$jar" token create --name load-write --scope write --ledger "$work/ledger.db" 2>/dev/null)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -jar "$jar" serve --bind 127.0.0.1 --port "$port" --ledger "$work/ledger.db" --data "$work/data" \
  >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
# a 4,000-row file: the first 4,000 rows of NAB's art_daily_flatmiddle (5-minute steps)
head -n 4001 "$here/testdata/nab/art_daily_flatmiddle.csv" >"$work/load.csv"
echo "server pid $pid on 127.0.0.1:$port; $readers readers, $uploaders uploaders, ${seconds}s; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks="$(getconf CLK_TCK)"
java "$here/bench/scripts/ServerLoad.java" "http://127.0.0.1:$port" "$read_token" "$write_token" \
  "$work/load.csv" "$readers" "$uploaders" "$seconds" "${READ_PATHS:-}" "$pid" | tee "$work/out.txt"
cpu1="$(cpu)"
cpu0="$(sed -n 's/^server cpu ticks at start: //p' "$work/out.txt")"
reads="$(awk '$1 == "reads" {print $2}' "$work/out.txt")"
awk -v a="$cpu0" -v b="$cpu1" -v t="$ticks" -v n="$reads" -v u="$uploaders" 'BEGIN {
  s = (b - a) / t; printf "server CPU over the load: %.1f s", s
  if (u == 0 && n > 0) printf " = %.2f ms per read", 1000 * s / n
  printf "\n" }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$pid"; wait "$pid" || true
tail -n 2 "$work/serve.log"
