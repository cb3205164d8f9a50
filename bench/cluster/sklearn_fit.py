"""scikit-learn side of the benchmark: read the CSV (pandas C parser), fit KMeans.

Usage: /usr/bin/python3 sklearn_fit.py DATA.csv
Prints: sklearn read_s=... fit_s=... inertia=... n_iter=...
"""
import sys
import time
import pandas as pd
from sklearn.cluster import KMeans

t0 = time.perf_counter()
x = pd.read_csv(sys.argv[1]).to_numpy(dtype="float64")
t1 = time.perf_counter()
km = KMeans(n_clusters=3, n_init=10, random_state=1).fit(x)
t2 = time.perf_counter()
print(f"sklearn read_s={t1 - t0:.3f} fit_s={t2 - t1:.3f} inertia={km.inertia_:.6g} n_iter={km.n_iter_}")
