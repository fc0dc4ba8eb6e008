#!/usr/bin/env bash
# The findings lists with 200,000 findings in one workspace (2,000 in one project): p50/p95/max of GET /findings and
# GET /projects/{id}/findings for each sort and the main filters, with EXPLAIN (ANALYZE, BUFFERS) verdicts of the SQL
# behind them. The benchmark is a JUnit class
# tagged "benchmark" that the normal build skips; this runs it alone. It appends its table to bench/results.txt and
# writes the table with the full plans to target/bench/findings-list.txt.
# Options: -Dbench.runs=150 -Dbench.warmup=30 (passed on to Maven).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B test -Pbench -Dtest=FindingListBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench/findings-list.txt
