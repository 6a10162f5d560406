#!/usr/bin/env bash
# Ledger scale benchmark: fills a ledger with RUNS runs of SERIES series (default 10,000 × 100 =
# 1,000,000 series rows) through the recorder, then times the ledger commands whole-process.
# usage: bench/scripts/ledger.sh [LEDGER_URL] [RUNS] [SERIES]   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
url="${1:-$(mktemp -d)/ledger.db}"
runs="${2:-10000}"
series="${3:-100}"
./mvnw -B -ntp -q -Pbench -DskipTests package -pl bench,cli -am
/usr/bin/time -v java -cp bench/target/benchmarks.jar dev.signalcheck.bench.LedgerFill "$url" "$runs" "$series" 2>&1 \
  | grep -E 'filled|Elapsed|Maximum resident'
sc="./signalcheck"   # the launcher: class-data-sharing archive, first JIT tier for ledger commands
./signalcheck --version >/dev/null   # makes the archive once, outside the timings
last=$((runs + 10)); prev=$((runs + 9))   # the ten reference populations (five, under two origin policies) are runs 1-10
hyperfine -w 1 -r "${RUNS_EACH:-5}" -N \
  "$sc ledger runs --ledger $url" \
  "$sc ledger runs --ledger $url --project project-7 --offset 400" \
  "$sc ledger show latest --ledger $url" \
  "$sc ledger compare $prev $last --ledger $url" \
  "$sc ledger projects --ledger $url" \
  "java -jar cli/target/signalcheck.jar ledger projects --ledger $url" \
  "$sc --version"
