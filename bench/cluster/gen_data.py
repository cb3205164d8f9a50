"""Benchmark data: n rows x d columns, 3 Gaussian clusters plus 5% gross outliers, as CSV.

Usage: /usr/bin/python3 gen_data.py N D SEED OUT.csv
Centres ~ N(0, 5^2 I); points ~ N(centre, I); outliers uniform in [-50, 50]^d; rows shuffled;
header x1..xd; values written with 6 decimals.
"""
import sys
import numpy as np

n, d, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = np.random.default_rng(seed)
n_out = n // 20
n_in = n - n_out
centres = rng.normal(0, 5, size=(3, d))
lab = rng.integers(0, 3, size=n_in)
x = np.empty((n, d))
x[:n_in] = centres[lab] + rng.normal(size=(n_in, d))
x[n_in:] = rng.uniform(-50, 50, size=(n_out, d))
x = x[rng.permutation(n)]
with open(out, "w") as f:
    f.write(",".join(f"x{j + 1}" for j in range(d)) + "\n")
    chunk = 100_000
    for s in range(0, n, chunk):
        np.savetxt(f, x[s:s + chunk], fmt="%.6f", delimiter=",")
