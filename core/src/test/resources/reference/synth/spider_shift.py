# Pfirrmann grade shares per lumbar level for the default synthetic cohort, derived from the
# real SPIDER gradings (van der Graaf et al. 2024, CC BY 4.0) and shifted toward a population
# sample.
#
# Command (from the worktree root):
#   /usr/bin/python3 core/src/test/resources/reference/synth/spider_shift.py \
#       ../shared/data/spider_medvisor_subset/radiological_gradings.csv \
#       > core/src/test/resources/reference/synth/spider_shift.csv
#
# SPIDER is a clinical sample (patients with back pain referred for MRI); NFBC1966 at 47 is a
# population birth cohort with less degeneration. We keep SPIDER's shape per level (worse
# caudally) and shift it with an ordered-probit model: per level, cut points are the standard
# normal quantiles of the cumulative SPIDER shares; the population latent is the SPIDER latent
# minus SHIFT (an assumption, SHIFT = 0.5 latent SD), and the shifted shares are read back.
# IVD label 1 = most caudal disc (L5/S1), 2 = L4/L5, ..., 5 = L1/L2.
import sys

import numpy as np
import pandas as pd
from scipy.stats import norm

SHIFT = 0.5
LEVELS = {5: "l1l2", 4: "l2l3", 3: "l3l4", 2: "l4l5", 1: "l5s1"}

d = pd.read_csv(sys.argv[1])
print("level,ivd_label,n,spider_g1,spider_g2,spider_g3,spider_g4,spider_g5,spider_mean,"
      "shifted_g1,shifted_g2,shifted_g3,shifted_g4,shifted_g5,shifted_mean")
for label, level in LEVELS.items():
    g = d.loc[d["IVD label"] == label, "Pfirrman grade"]
    counts = np.array([(g == k).sum() for k in range(1, 6)], dtype=float)
    shares = counts / counts.sum()
    cuts = norm.ppf(np.cumsum(shares)[:-1])
    cdf = np.concatenate([[0.0], norm.cdf(cuts + SHIFT), [1.0]])
    shifted = np.round(np.diff(cdf), 4)
    shifted[-1] = round(1.0 - shifted[:-1].sum(), 4)  # exact sum 1 after rounding
    grades = np.arange(1, 6)
    print(",".join([level, str(label), str(int(counts.sum()))]
                   + [f"{x:.4f}" for x in shares] + [f"{shares @ grades:.3f}"]
                   + [f"{x:.4f}" for x in shifted] + [f"{shifted @ grades:.3f}"]))
