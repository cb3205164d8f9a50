#!/usr/bin/env bash
# Per-study speed and batch memory of `backstrat imaging` on phantom studies (one sagittal T2 +
# three axial T2 levels each, 256x256, with label images).
# Usage: bench/imaging/run.sh [BATCH ...]   (default: 1 10 100 1000)
# Generates the phantoms once (seed 11) under bench/work/imaging, then for each batch size runs
# `backstrat imaging` once under /usr/bin/time and prints: studies, wall s, user s, peak RSS MB,
# and wall seconds per study. The per-study cost without JVM start-up is the slope between the
# two largest batches. The heap is capped (BACKSTRAT_JAVA_OPTS, default -Xmx512m) so that memory
# growing with the batch would show as growing RSS or an OutOfMemoryError, not hide in a large
# default heap. The phantoms carry label images; the timed runs pass --ignore-label-images so
# every study goes through all three CNNs (disc localiser, Pfirrmann classifier, facet
# segmenter), as a real study without label images would (BENCH_USE_LABELS=1 times the
# label-image path instead).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$here/bench/work/imaging"
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100 1000)
max=0
for n in "${sizes[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
export BACKSTRAT_JAVA_OPTS="${BACKSTRAT_JAVA_OPTS:--Xmx512m}"
labels_flag=--ignore-label-images
[ "${BENCH_USE_LABELS:-0}" = 1 ] && labels_flag=""

echo "# machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)' || true
free -g | head -2
java -version 2>&1 | head -1
echo "# java options: $BACKSTRAT_JAVA_OPTS; imaging flags: ${labels_flag:-(label images used)}"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$here/backstrat" --version >/dev/null   # builds the jar if needed
jar="$here/cli/target/backstrat.jar"       # timed runs call it directly (no staleness check)
all="$work/phantoms_$max"
if [ ! -f "$all/truth.csv" ]; then
  rm -rf "$all"
  /usr/bin/time -f "%e" -o "$work/gen_time" \
    java $BACKSTRAT_JAVA_OPTS -jar "$jar" phantoms --n "$max" --seed 11 --out "$all" --quiet
  echo "# generated $max phantom studies in $(cat "$work/gen_time") s"
fi
# batch n = the first n study folders, linked into a folder of their own
printf '%-8s %10s %10s %10s %12s\n' studies wall_s user_s peak_MB wall_s/study
prev_n=""; prev_wall=""
for n in "${sizes[@]}"; do
  batch="$work/batch_$n"
  if [ ! -d "$batch" ]; then
    mkdir -p "$batch"
    find "$all" -mindepth 1 -maxdepth 1 -type d | sort >"$work/all_studies.txt"
    head -n "$n" "$work/all_studies.txt" \
      | while read -r d; do ln -s "$d" "$batch/$(basename "$d")"; done
  fi
  out="$work/biomarkers_$n.csv"
  /usr/bin/time -f "%e %U %M" -o "$work/time_$n" \
    java $BACKSTRAT_JAVA_OPTS -jar "$jar" imaging --models PHANTOM --input "$batch" --out "$out" --force --quiet $labels_flag 2>"$work/err_$n" \
    || { cat "$work/err_$n"; exit 1; }
  read -r wall user rss <"$work/time_$n"
  printf '%-8s %10s %10s %10d %12.3f\n' "$n" "$wall" "$user" "$((rss / 1024))" \
    "$(echo "$wall / $n" | bc -l)"
  if [ -n "$prev_n" ]; then
    echo "#   slope $prev_n -> $n studies: $(echo "($wall - $prev_wall) / ($n - $prev_n)" \
      | bc -l | cut -c1-6) s per study (JVM start-up excluded)"
  fi
  prev_n=$n; prev_wall=$wall
done
col=$(head -1 "$work/biomarkers_$max.csv" | tr ',' '\n' | grep -n '^imaging_status$' | cut -d: -f1)
echo "# status counts of the largest batch: $(cut -d, -f"$col" "$work/biomarkers_$max.csv" \
  | tail -n +2 | sort | uniq -c | tr '\n' ' ')"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
