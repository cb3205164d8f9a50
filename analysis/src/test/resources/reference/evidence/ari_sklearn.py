"""Reference adjusted Rand indices for AdjustedRand.

Generated with (from the worktree root):
  /usr/bin/python3 analysis/src/test/resources/reference/evidence/ari_sklearn.py > analysis/src/test/resources/reference/evidence/ari_sklearn.csv

scikit-learn's adjusted_rand_score on seeded random label pairs of several sizes and numbers of
clusters, plus a relabelled copy (ARI 1). Output: case,ari,a,b (labels space-separated).
"""
import numpy as np
from sklearn.metrics import adjusted_rand_score

rng = np.random.default_rng(2005)
print("case,ari,a,b")
cases = []
for n, ka, kb in [(10, 2, 3), (50, 3, 3), (200, 4, 2), (31, 5, 5)]:
    a = rng.integers(0, ka, n)
    b = np.where(rng.random(n) < 0.6, a % kb, rng.integers(0, kb, n))
    cases.append((a, b))
a = rng.integers(0, 3, 40)
cases.append((a, (a + 1) % 3))
for i, (a, b) in enumerate(cases):
    print(f"{i},{adjusted_rand_score(a, b)!r},{' '.join(map(str, a))},{' '.join(map(str, b))}")
