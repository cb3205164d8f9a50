# Independent scikit-learn values on the R partitions of selection_reference.R.
# Regenerate (from the worktree root, after the R script):
#   /usr/bin/python3 cluster/src/test/resources/reference/selection_reference.py ../shared/data cluster/src/test/resources/reference
# Debian python3 with numpy, pandas, scikit-learn 1.2.
# Output: selection_sklearn.csv: k, silhouette_score, calinski_harabasz_score (k >= 2), on the
# vertebral data z-scored as R's scale() does (sample SD).
import sys
import numpy as np
import pandas as pd
from sklearn.metrics import silhouette_score, calinski_harabasz_score

data_dir, out_dir = sys.argv[1], sys.argv[2]
x = pd.read_csv(f"{data_dir}/uci_vertebral_column/column_3C.dat", sep=r"\s+", header=None).iloc[:, :6].to_numpy(float)
x = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
parts = pd.read_csv(f"{out_dir}/selection_partitions.csv")
rows = []
for k in range(2, parts.shape[1] + 1):
    lab = parts[f"k{k}"].to_numpy()
    rows.append((k, silhouette_score(x, lab), calinski_harabasz_score(x, lab)))
with open(f"{out_dir}/selection_sklearn.csv", "w") as f:
    f.write("k,silhouette_score,calinski_harabasz_score\n")
    for k, s, c in rows:
        f.write(f"{k},{s!r},{c!r}\n")
print(open(f"{out_dir}/selection_sklearn.csv").read())
