# Reference decision curves for the dcurves example data (df_binary), computed independently of the Java code
# with numpy, following dcurves' dca() (R/dca.r, R/test_consequences.R at commit 2362730):
#   risks equal to 0 become -eps and risks equal to 1 become 1+eps; treated when risk >= threshold;
#   tp_rate = mean(risk[cancer] >= t) * prevalence, fp_rate = mean(risk[!cancer] >= t) * (1 - prevalence);
#   net_benefit = tp_rate - t / (1 - t) * fp_rate; treat all = risk 1, treat none = risk 0;
#   net_intervention_avoided = (net_benefit - net_benefit_all) / (t / (1 - t))   (nper = 1; undefined at t = 0).
# Thresholds are the exact decimals 0, 0.01, ..., 0.99 (nearest doubles), not R's seq() sums.
# Generated with (from the worktree root):
#   /usr/bin/python3 analysis/src/test/resources/reference/dca/dca_reference.py ../shared/data/dcurves_df_binary/df_binary.csv > analysis/src/test/resources/reference/dca/df_binary_curves.csv
import sys
from decimal import Decimal
import numpy as np
import pandas as pd

d = pd.read_csv(sys.argv[1])
y = d["cancer"].astype(str).str.upper().eq("TRUE").to_numpy()
n = len(y)
prev = y.mean()
eps = np.finfo(float).eps
thresholds = [Decimal(i) / Decimal(100) for i in range(0, 100)]

def nudge(r):
    r = np.asarray(r, float).copy()
    r[r == 0] = -eps
    r[r == 1] = 1 + eps
    return r

models = [("treat_all", np.ones(n)), ("treat_none", np.zeros(n)),
          ("cancerpredmarker", d["cancerpredmarker"].to_numpy(float)),
          ("famhistory", d["famhistory"].to_numpy(float))]
rows = {}
for name, risk in models:
    r = nudge(risk)
    for t in thresholds:
        tf = float(t)
        treated = r >= tf
        tp = int(np.sum(treated & y)); fp = int(np.sum(treated & ~y))
        tp_rate = np.mean(r[y] >= tf) * prev
        fp_rate = np.mean(r[~y] >= tf) * (1 - prev)
        rows[(name, t)] = (tp, fp, tp_rate - tf / (1 - tf) * fp_rate)
print("threshold,model,net_benefit,tp,fp,net_intervention_avoided")
for name, _ in models:
    for t in thresholds:
        tp, fp, nb = rows[(name, t)]
        tf = float(t)
        nia = "" if tf == 0 else repr((nb - rows[("treat_all", t)][2]) / (tf / (1 - tf)))
        label = format(t.normalize(), "f") if t != 0 else "0"
        print(f"{label},{name},{nb!r},{tp},{fp},{nia}")
