#!/usr/bin/env bash
# Renders a 300-finding PDF report through the render job's model and the real OpenHTMLtoPDF renderer (no database:
# layout never holds a connection) and prints wall time, pages, size and peak heap. The benchmark is a JUnit class
# tagged "benchmark" that the normal build skips; this runs it alone and appends its line to bench/results.txt. The
# PDF is kept as target/bench/report-render.pdf.
# Options: -Dbench.findings=300 (passed on to Maven); MAVEN_OPTS does not limit the test JVM, use -DargLine=-Xmx512m.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B test -Pbench -Dtest=ReportRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
tail -1 bench/results.txt
