#!/usr/bin/env bash
# Parquet in and out of the `cluster` verb against CSV (issue 13 item 4), whole process:
# a 10^6-row scored cohort (synth seed 1, then `score` to CSV and to Parquet), clustered on 6
# features at k = 3 with 1 restart, reading CSV or Parquet and writing CSV or Parquet,
# alternating, ROUNDS rounds; wall seconds and peak RSS by /usr/bin/time.
# Usage: bench/parquet/run.sh [ROWS] [ROUNDS]   (from the repository root)
set -euo pipefail
rows="${1:-1000000}"
rounds="${2:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
b="$root/backstrat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$b" --version >/dev/null
"$b" synth -q --n "$rows" --seed 1 --out "$work/c.csv"
"$b" score -q --data "$work/c.csv" --out "$work/s.csv"
"$b" score -q --data "$work/c.csv" --out "$work/s.parquet"
echo "rows=$rows  csv=$(stat -c %s "$work/s.csv") B  parquet=$(stat -c %s "$work/s.parquet") B  load=$(cut -d' ' -f1 /proc/loadavg)"
features=age,bmi,sbt_total,ompsq_total,dd_sum,ft_max
for r in $(seq "$rounds"); do
  for case in "csv csv" "parquet csv" "csv parquet" "parquet parquet"; do
    set -- $case
    rm -rf "$work/o"
    /usr/bin/time -f "round $r  in=$1 out=$2  %e s  %M KB" "$b" cluster -q \
      --data "$work/s.$1" --features "$features" --k 3 --restarts 1 --out-format "$2" \
      --out "$work/o" 2>&1 | tail -1
  done
done
