#!/usr/bin/env bash
# Read speed of cluster's numeric path, before and after the one table reader (issue 10 item 2),
# in one run, alternating, so the two see the same machine load:  bench/reader/run.sh [REV]
# REV (default cd08587^, the last commit with cluster's own reader) gives the "old" reader: its
# NumericTableReader and LineScanner are compiled from git into bench/work/reader/ under package
# oldrd. Data: bench/cluster/gen_data.py 10^6 x 20 (190 MB). Needs JDK 17, Maven, python3+numpy.
# Prints one line per read: "old|new rep=R read_s=S rows=N" plus wall and peak RSS per JVM.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REV=${1:-cd08587^}
WORK="$ROOT/bench/work/reader"
mkdir -p "$WORK/src/oldrd" "$WORK/classes"
cd "$ROOT"
mvn -B -q -o -pl core,cluster compile
for f in NumericTableReader LineScanner; do
  git show "$REV:cluster/src/main/java/org/backstrat/cluster/job/$f.java" \
    | sed 's/^package org.backstrat.cluster.job;/package oldrd;\nimport org.backstrat.cluster.job.HeaderMode;\nimport org.backstrat.cluster.job.NumericTable;/' \
    > "$WORK/src/oldrd/$f.java"
done
cp bench/reader/Bench.java "$WORK/src/oldrd/"
CP="$WORK/classes:cluster/target/classes:core/target/classes"
javac -d "$WORK/classes" -cp "$CP" "$WORK"/src/oldrd/*.java
DATA="$ROOT/bench/work/cluster/data_1000000x20.csv"
[ -s "$DATA" ] || { mkdir -p "$(dirname "$DATA")"; /usr/bin/python3 bench/cluster/gen_data.py 1000000 20 1 "$DATA"; }
{ date -u; nproc; uptime; java -version 2>&1 | head -1; }
for m in old new old new old new; do
  /usr/bin/time -f "$m wall=%e rss_kb=%M" java -Xmx1g -cp "$CP" oldrd.Bench "$m" "$DATA" 2 2>&1
done
uptime
