#!/usr/bin/env bash
# Issue 16's "<= 3 s for one study including JVM start" with the real-data models: one
# sagittal-only study (the first slice of ../shared/data/sudirman_lumbar_t2, spacing 0.8 mm,
# orientation PI) through `java -Xmx512m -jar cli/target/backstrat.jar imaging`, timed by
# hyperfine (warm-up runs, then RUNS timed runs; each run a fresh JVM that loads both ONNX
# models, reads and checks the PNG, locates, grades and writes the CSV). Beside it, for scale,
# the JVM start alone (`backstrat --version`) in the same hyperfine call.
# Usage: bench/imaging/one_study.sh [SHARED_DATA_DIR] [RUNS]   (defaults: ../shared/data, 20)
# Prints the machine (CPU, nproc, Java), the load average before and after, and hyperfine's
# table; writes bench/work/imaging/one_study/{one.csv,hyperfine.json,hyperfine.md}.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$here/../shared/data}/sudirman_lumbar_t2"
runs="${2:-20}"
work="$here/bench/work/imaging/one_study"
mkdir -p "$work"
[ -d "$data/images" ] || { echo "one_study.sh: $data/images not found" >&2; exit 1; }
data="$(cd "$data" && pwd)"   # absolute: manifest paths are read relative to the manifest
command -v hyperfine >/dev/null || { echo "one_study.sh: hyperfine is needed" >&2; exit 1; }
"$here/backstrat" --version >/dev/null   # builds the jar if needed
jar="$here/cli/target/backstrat.jar"
first="$(cd "$data/images" && ls | sort | head -1)"
printf 'id,sagittal,sagittal_spacing_mm,sagittal_orientation\ns0,%s,0.8,PI\n' \
  "$data/images/$first" > "$work/one.csv"
echo "# machine: $(lscpu | sed -n 's/^Model name: *//p'), nproc $(nproc), $(java -version 2>&1 | head -1)"
echo "# load before: $(uptime)"
hyperfine --warmup 3 --runs "$runs" --export-json "$work/hyperfine.json" \
  --export-markdown "$work/hyperfine.md" \
  -n 'one study (imaging, real models)' \
  "java -Xmx512m -jar $jar imaging --input $work/one.csv --out $work/out.csv --force -q" \
  -n 'JVM start only (--version)' "java -Xmx512m -jar $jar --version"
echo "# load after: $(uptime)"
status="$(/usr/bin/python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1])))[0]; print(r["imaging_status"], r["pfirrmann_l3l4"], r["pfirrmann_l4l5"], r["pfirrmann_l5s1"])' "$work/out.csv")"
echo "# the timed study: status, pfirrmann l3l4 l4l5 l5s1 = $status"
case "$status" in ok*|partial*) ;; *) echo "one_study.sh: the study was not measured" >&2; exit 1;; esac
