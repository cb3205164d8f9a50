# Reference cut points for OrdinalCuts (ordered probit on a mixture of normals), computed
# independently with SciPy: cut k solves sum_i w_i Phi((c - m_i) / s_i) / sum_i w_i = the
# cumulative target share, by Brent's method on a bracketing interval.
#
# Command (from the worktree root):
#   /usr/bin/python3 core/src/test/resources/reference/synth/ordinal_cuts_reference.py \
#       > core/src/test/resources/reference/synth/ordinal_cuts.json
import json

import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm

CASES = [
    # one standard normal: cuts are plain normal quantiles
    {"weights": [1.0], "means": [0.0], "sds": [1.0], "shares": [0.25, 0.5, 0.25]},
    # the default spec's Pfirrmann L4/5 level: three strata, loading 0.8, noise SD 1
    {"weights": [0.30, 0.35, 0.35], "means": [-2.8, 2.0, 2.0],
     "sds": [1.2806248474865698] * 3, "shares": [0.2188, 0.1742, 0.3416, 0.1824, 0.0830]},
    # unequal SDs, unnormalised weights, a zero share
    {"weights": [2.0, 1.0], "means": [-1.0, 3.0], "sds": [0.5, 2.0],
     "shares": [0.1, 0.0, 0.6, 0.3]},
    # LBP frequency shares with far-apart components
    {"weights": [0.3, 0.35, 0.35], "means": [-6.0, 0.0, 5.0], "sds": [1.5, 1.0, 2.5],
     "shares": [0.28, 0.245, 0.185, 0.17, 0.12]},
]


def mixture_cdf(x, w, m, s):
    w = np.asarray(w) / np.sum(w)
    return float(np.sum(w * norm.cdf((x - np.asarray(m)) / np.asarray(s))))


out = []
for case in CASES:
    cum = np.cumsum(case["shares"])[:-1]
    lo = min(m - 40 * s for m, s in zip(case["means"], case["sds"]))
    hi = max(m + 40 * s for m, s in zip(case["means"], case["sds"]))
    cuts = [brentq(lambda x, p=p: mixture_cdf(x, case["weights"], case["means"], case["sds"]) - p,
                   lo, hi, xtol=1e-14, rtol=1e-15, maxiter=500) for p in cum]
    out.append(dict(case, cuts=cuts))
print(json.dumps(out, indent=2))
