#!/usr/bin/env bash
# Held-out evaluation of the bundled imaging models, end to end through ImagingJob on phantoms
# with NO label images (HeldOutEvaluation in imaging's test sources): every disc found within
# 5 mm, Pfirrmann exact / within-one agreement, facet angle MAE, seconds per study.
# Usage: bench/imaging/heldout.sh [N] [SEED]   (default: 300 studies, seed 20261130; the models
# were trained on seed 20261128 and validated on 20261129)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-300}"
seed="${2:-20261130}"
work="$here/bench/work/imaging-heldout"
rm -rf "$work"
mkdir -p "$here/bench/work"
cd "$here"
mvn -B -q -o -pl imaging -am install -DskipTests >/dev/null
mvn -B -q -o -pl imaging test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$here/bench/work/imaging-heldout.cp" >/dev/null
echo "# $(date -u +%FT%TZ) n=$n seed=$seed load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "imaging/target/test-classes:imaging/target/classes:$(cat "$here/bench/work/imaging-heldout.cp")" \
  org.backstrat.imaging.bench.HeldOutEvaluation "$n" "$seed" "$work"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
