#!/usr/bin/env python3
"""Reference principal components of the UCI vertebral column data (310 x 6, class dropped),
computed OUTSIDE the Java code with numpy's SVD of the centred data.

Writes pca_reference.csv beside this script: kind,component,index,value with
  share  c -  explained variance ratio of component c (numpy: s^2 / sum s^2)
  axis   c j  loading of column j on component c, sign fixed so the largest |loading| is > 0
  score  c i  score of row i (first 5 rows) on component c: (x_i - mean) . axis_c
Command (from the repository root, with ../shared/data present):
    /usr/bin/python3 cluster/src/test/resources/reference/pca_reference.py ../shared/data
"""
import csv
import os
import sys

import numpy as np

data_dir = sys.argv[1]
rows = []
with open(os.path.join(data_dir, "uci_vertebral_column", "column_3C.dat")) as f:
    for line in f:
        t = line.split()
        if t:
            rows.append([float(v) for v in t[:6]])
x = np.array(rows)
xc = x - x.mean(axis=0)
_, s, vt = np.linalg.svd(xc, full_matrices=False)
share = s ** 2 / np.sum(s ** 2)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pca_reference.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kind", "component", "index", "value"])
    for c in range(6):
        w.writerow(["share", c, "", repr(float(share[c]))])
    for c in range(6):
        v = vt[c].copy()
        if v[np.argmax(np.abs(v))] < 0:
            v = -v
        for j in range(6):
            w.writerow(["axis", c, j, repr(float(v[j]))])
        for i in range(5):
            w.writerow(["score", c, i, repr(float(xc[i] @ v))])
