#!/usr/bin/env bash
# The client list with 10,000 clients and 100,000 projects in one workspace: p50/p95/max of GET /clients for each sort
# and the main filters, with EXPLAIN (ANALYZE, BUFFERS) verdicts of the SQL behind it. The benchmark is a JUnit class
# tagged "benchmark" that the normal build skips; this runs it alone. It appends its table to bench/results.txt and
# writes the table with the full plans to target/bench/client-list.txt.
# Options: -Dbench.runs=200 -Dbench.warmup=50 (passed on to Maven).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B test -Pbench -Dtest=ClientListBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench/client-list.txt
