#!/usr/bin/env bash
# The real-data done-when and speed of issue 16: `backstrat imaging` with its default (real-data)
# models on manifests of the 414 real mid-sagittal T2 slices of
# ../shared/data/sudirman_lumbar_t2 (columns id, sagittal, sagittal_spacing_mm = 0.8,
# sagittal_orientation = PI; no axial columns).
# Usage: bench/imaging/real.sh [SHARED_DATA_DIR]   (default: ../shared/data beside the repo)
# 1. all 414 slices once: exit status and the share of slices with pfirrmann_l3l4, _l4l5 and
#    _l5s1 all filled (target >= 95%), statuses, and agreement with the published grades
#    (in-sample: these slices trained the shipped models, so this is NOT an accuracy estimate;
#    the cross-validated figures are in BENCHMARKS.md);
# 2. batches of 1, 10, 100 and 1000 studies (the slices repeated under new ids), each one
#    `java -Xmx512m -jar backstrat.jar imaging` under /usr/bin/time: wall, CPU, peak RSS; the
#    marginal cost per study is the slope between 100 and 1000.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$here/../shared/data}/sudirman_lumbar_t2"
work="$here/bench/work/imaging/real"
py=/usr/bin/python3
mkdir -p "$work"
[ -d "$data/images" ] || { echo "real.sh: $data/images not found" >&2; exit 1; }
export BACKSTRAT_JAVA_OPTS="${BACKSTRAT_JAVA_OPTS:--Xmx512m}"
echo "# machine"
lscpu | grep -E '^(Model name|CPU\(s\))' || true
java -version 2>&1 | head -1
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/backstrat" --version >/dev/null   # builds the jar if needed
jar="$here/cli/target/backstrat.jar"

"$py" - "$data" "$work" <<'PY'
import csv, os, sys
data, work = sys.argv[1], sys.argv[2]
images = sorted(r['image'] for r in csv.DictReader(open(f'{data}/grades.csv')))
def write(name, n):
    with open(f'{work}/{name}', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'sagittal', 'sagittal_spacing_mm', 'sagittal_orientation'])
        for k in range(n):
            w.writerow([f's{k:04d}', f'{data}/images/{images[k % len(images)]}', '0.8', 'PI'])
write('all.csv', len(images))
for n in (1, 10, 100, 1000):
    write(f'batch_{n}.csv', n)
PY

echo "# 1. all 414 slices"
set +e
java $BACKSTRAT_JAVA_OPTS -jar "$jar" imaging --input "$work/all.csv" --out "$work/all_out.csv" --force
echo "exit status: $?"
set -e
"$py" - "$data" "$work/all.csv" "$work/all_out.csv" <<'PY'
import csv, collections, sys
data, manifest, out = sys.argv[1:]
truth = {r['image']: r for r in csv.DictReader(open(f'{data}/grades.csv'))}
ids = {r['id']: r['sagittal'].rsplit('/', 1)[1] for r in csv.DictReader(open(manifest))}
rows = list(csv.DictReader(open(out)))
levels = ['l3l4', 'l4l5', 'l5s1']
filled = sum(all(r[f'pfirrmann_{l}'] for l in levels) for r in rows)
print(f'slices: {len(rows)}; all three lower grades filled: {filled} ({filled / len(rows):.1%})')
print('per level filled:', {l: sum(bool(r[f"pfirrmann_{l}"]) for r in rows) for l in levels})
print('statuses:', dict(collections.Counter(r['imaging_status'] for r in rows)))
exact = n = 0
for r in rows:
    t = truth[ids[r['id']]]
    for l in levels:
        if r[f'pfirrmann_{l}']:
            n += 1
            exact += int(r[f'pfirrmann_{l}']) == int(t[f'pfirrmann_{l}'])
print(f'in-sample exact agreement (NOT an accuracy estimate): {exact}/{n}')
PY

echo "# 2. speed and memory: studies, wall s, user s, peak RSS MB"
for n in 1 10 100 1000; do
  /usr/bin/time -f "%e %U %M" -o "$work/time_$n" java $BACKSTRAT_JAVA_OPTS -jar "$jar" imaging \
    --input "$work/batch_$n.csv" --out "$work/batch_${n}_out.csv" --force -q
  read -r wall user rss < "$work/time_$n"
  echo "$n $wall $user $((rss / 1024))"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
