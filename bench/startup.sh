#!/usr/bin/env bash
# Measures launch-to-ready of the packaged application on a fresh embedded database, then on a second start with the
# same data (first start runs initdb and all migrations). Prints the figures and appends them to bench/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -DskipTests package
JAR=$(ls target/bridgehead-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)
PORT=${PORT:-18080}
MGMT=${MGMT:-18081}

measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  java -jar "$JAR" --server.port="$PORT" --management.server.port="$MGMT" \
    --bridgehead.embedded-db.data-dir="$DATA/postgres" >"$DATA/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$MGMT/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "start failed, see $DATA/$label.log" >&2; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" || true
  printf '%s: %.1f s launch to ready\n' "$label" "$(echo "($end - $start) / 1000000000" | bc -l)"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
  measure first-start
  measure second-start
} | tee -a bench/results.txt
rm -rf "$DATA"
