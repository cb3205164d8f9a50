#!/usr/bin/env bash
# Times the demo with two (or more) built jars, alternately, and checks every output directory
# against the first run's byte for byte. Usage:
#   ROUNDS=2 bench/demo/ab.sh main=/path/to/main.jar new=cli/target/backstrat.jar
# Prints one line per run: time, label, wall/user/sys seconds, load average before -> after, and
# whether the output is identical to the first run's. Needs /usr/bin/time.
set -euo pipefail
work="$(mktemp -d)"
first=""
for r in $(seq 1 "${ROUNDS:-2}"); do
  for spec in "$@"; do
    label="${spec%%=*}"
    jar="${spec#*=}"
    out="$work/$label-$r"
    l0="$(cut -d' ' -f1 /proc/loadavg)"
    SOURCE_DATE_EPOCH=1 /usr/bin/time -o "$work/time.txt" -f "%e %U %S" \
      java -jar "$jar" demo --out "$out" -q >/dev/null 2>&1
    l1="$(cut -d' ' -f1 /proc/loadavg)"
    if [ -z "$first" ]; then
      first="$out"
      same="reference"
    elif diff -rq "$first" "$out" >/dev/null; then
      same="identical"
    else
      same="DIFFERENT"
    fi
    echo "$(date -u +%H:%M) $label wall/user/sys $(tail -1 "$work/time.txt") load $l0 -> $l1 $same"
  done
done
rm -rf "$work"
