#!/usr/bin/env bash
# The honest real-data check of issue 6: runs `backstrat imaging` on the mid-sagittal T2 slices
# of the 8 SPIDER patients in ../shared/data/spider_medvisor_subset and compares the
# pfirrmann_* output with the radiologists' grades (radiological_gradings.csv). NO tuning on
# these images: the pipeline runs with its defaults and shipped models.
# Usage: bench/imaging/spider.sh [SHARED_DATA_DIR]   (default: ../shared/data beside the repo)
# Writes bench/work/imaging/spider/{manifest.csv,biomarkers.csv,comparison.csv} and prints the
# per patient/level table and the agreement.
#
# Manifest built here, one row per patient:
#   sagittal            = midsagittal_png/<id>_t2.png (8-bit RGBA gray render of the middle
#                         sagittal slice; read as its gray value)
#   sagittal_spacing_mm = PixelSpacing of series <id>_t2 in overview.csv (square pixels in all
#                         eight). overview.csv has no Rows/Columns, so the matrix is checked
#                         indirectly: 1_t2.png is 448x578 like output_file.nii.gz (the 1_t1
#                         slice stored as NIfTI), T1 and T2 renders of one patient differ in size
#                         where their series do, and picture size x spacing gives fields of
#                         view of 234-381 mm (printed below), as expected for lumbar MRI: the
#                         renders keep the native matrix, not a figure size.
#   sagittal_orientation = PS for all eight: anterior on the left, INFERIOR at the top. The
#                         README warns the renders are "sometimes upside-down"; viewing each
#                         picture showed the sacrum at the top of all eight. This is geometry the
#                         PNG export dropped (a DICOM header would carry it), not a tuned value.
#   axial               = empty (no axial slices in this data set: facet columns stay empty).
# IVD label in radiological_gradings.csv counts from the bottom (README: 1 = most caudal disc,
# normally L5/S1), so label 1..5 = l5s1, l4l5, l3l4, l2l3, l1l2; labels 6+ are thoracic.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$here/../shared/data}/spider_medvisor_subset"
work="$here/bench/work/imaging/spider"
py=/usr/bin/python3   # Debian's, with pandas
mkdir -p "$work"
[ -d "$data/midsagittal_png" ] || { echo "spider.sh: $data/midsagittal_png not found" >&2; exit 1; }

"$py" - "$data" "$work/manifest.csv" <<'PY'
import ast, csv, sys
import pandas as pd
from PIL import Image
data, out = sys.argv[1], sys.argv[2]
overview = pd.read_csv(f"{data}/overview.csv")
patients = [1, 2, 3, 5, 10, 100, 104, 112]
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "sagittal", "sagittal_spacing_mm", "sagittal_orientation", "axial"])
    for p in patients:
        row = overview[overview.new_file_name == f"{p}_t2"].iloc[0]
        rows_mm, cols_mm = (float(x) for x in ast.literal_eval(row.PixelSpacing))
        # PixelSpacing is (row spacing, column spacing); the manifest wants column then row
        png = f"{data}/midsagittal_png/{p}_t2.png"
        width, height = Image.open(png).size
        print(f"# patient {p}: {width}x{height} px at {cols_mm:.4g} x {rows_mm:.4g} mm ="
              f" {width * cols_mm:.0f} x {height * rows_mm:.0f} mm")
        w.writerow([p, png, f"{cols_mm:g} {rows_mm:g}", "PS", ""])
PY
echo "# manifest: $work/manifest.csv"
"$here/backstrat" imaging --input "$work/manifest.csv" --out "$work/biomarkers.csv" --force

"$py" - "$data" "$work/biomarkers.csv" "$work/comparison.csv" <<'PY'
import sys
import pandas as pd
data, bio_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
levels = {1: "l5s1", 2: "l4l5", 3: "l3l4", 4: "l2l3", 5: "l1l2"}
g = pd.read_csv(f"{data}/radiological_gradings.csv")
g = g[g["IVD label"].isin(levels)].drop_duplicates(["Patient", "IVD label"])
bio = pd.read_csv(bio_path, dtype={"id": str}, keep_default_na=False)
rows = []
for _, r in g.sort_values(["Patient", "IVD label"], ascending=[True, False]).iterrows():
    b = bio[bio.id == str(r.Patient)]
    if b.empty:
        continue
    level = levels[r["IVD label"]]
    cell = b.iloc[0][f"pfirrmann_{level}"]
    pred = int(cell) if str(cell).strip() else None
    rows.append(dict(patient=r.Patient, level=level, radiologist=int(r["Pfirrman grade"]),
                     backstrat=pred if pred is not None else "",
                     exact="" if pred is None else int(pred == r["Pfirrman grade"]),
                     within_one="" if pred is None else int(abs(pred - r["Pfirrman grade"]) <= 1)))
t = pd.DataFrame(rows)
t.to_csv(out, index=False)
print(t.to_string(index=False))
graded = t[t.backstrat != ""]
n, k = len(t), len(graded)
print(f"\ndiscs with a radiologist grade: {n} ({t.patient.nunique()} patients x L1/2..L5/S1)")
print(f"discs graded by backstrat: {k} of {n}")
if k:
    print(f"exact agreement: {graded.exact.sum()} of {k} ({100 * graded.exact.mean():.0f}%)")
    print(f"within one grade: {graded.within_one.sum()} of {k} ({100 * graded.within_one.mean():.0f}%)")
else:
    print("exact agreement: n/a (nothing graded)")
print("\nstatus and messages per patient:")
for _, b in bio.iterrows():
    print(f"  {b.id}: {b.imaging_status}: {b.imaging_messages}")
PY
