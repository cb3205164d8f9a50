#!/usr/bin/env bash
# Spark module benchmarks (issue 13), one command from anywhere:  bench/spark/run.sh [ROWS]
# Builds the spark module's test classes (nothing installed), then in one JVM under local[2]:
#   kmeans ROWS x 20, k = 3, 10 restarts, 4 partitions, read from Parquet (written once under
#   bench/work/spark): distributed fit vs the single-machine engine (2 threads) on the same
#   rows, the fits repeated Spark, single, single, Spark in the same JVM (the ratio of the sums
#   is the one read on a shared machine), per-phase CPU/GC/JIT, the fit's CPU by thread and task
#   metrics, and the bytes the fit's tasks sent back per pass;
#   kmeans 10^5 x 20 with the same settings, to show the bytes per pass do not grow with n;
#   imaging on BENCH_STUDIES phantom studies (default 1000; generated once under bench/work).
# ROWS defaults to 10^7 (needs about 6 GB of heap: BENCH_XMX, default 8g). BENCH_PARTS=kmeans
# or imaging runs one part only. -Xss8m: ONNX Runtime's native code needs a larger thread
# stack than the default (without it the imaging part crashed the JVM with SIGSEGV).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/bench/work/spark"
mkdir -p "$WORK"
cd "$ROOT"
ROWS=${1:-10000000}
# one reactor run: the sibling modules resolve to their target/classes (nothing installed);
# the spark module, built last, writes the classpath file last
mvn -B -q -pl spark -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/spark/target/test-classes:$ROOT/spark/target/classes:$(cat "$WORK/cp.txt")"
# the Java 17 module openings Spark needs, as the parent pom's spark.java17.opens lists them
OPENS=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' pom.xml)
{ date -u; lscpu | grep -E '^(Model name|CPU\(s\))'; free -g | head -2; uptime; java -version 2>&1 | head -1; } | tee "$WORK/machine.txt"
run() { java -Xmx"${BENCH_XMX:-8g}" -Xss8m $OPENS -cp "$CP" org.backstrat.spark.bench.SparkBench "$@" 2>>"$WORK/stderr.txt"; }
: >"$WORK/stderr.txt"
PARTS=${BENCH_PARTS:-kmeans imaging}
if [[ $PARTS == *kmeans* ]]; then
  run kmeans "$ROWS" 20 3 10 4 "$WORK"
  run kmeans 100000 20 3 10 4 "$WORK"
fi
if [[ $PARTS == *imaging* ]] && [ "${BENCH_STUDIES:-1000}" != 0 ]; then
  run imaging "${BENCH_STUDIES:-1000}" "$WORK"
fi
uptime | tee -a "$WORK/machine.txt"
