"""Reference separation status for MultinomialRidgeTrainer.separationOf (the practical check).

Generated with (from the worktree root):
  Rscript -e 'data("endometrial", package = "brglm2"); write.csv(endometrial[, c("NV", "PI", "EH", "HG")], "analysis/src/test/resources/reference/validation/endometrial_brglm2.csv", row.names = FALSE)'
  /usr/bin/python3 analysis/src/test/resources/reference/validation/separation_lp.py ../shared/data analysis/src/test/resources/reference/validation

Konis's (2007) linear programs, as in R detectseparation, generalised to K classes and solved by
SciPy's HiGHS: with x_i = (1, features), the classes are separated when some nonzero B has
x_i'(b_{y_i} - b_k) >= 0 for every row i and class k != y_i. Separation: the LP maximising the sum
of those margins under |b| <= 1 has a positive optimum. Complete separation: the LP maximising t
subject to every margin >= t (t <= 1) has t > 0. Data sets (written beside the verdict):
endometrial (Heinze & Schemper 2002, as shipped in R brglm2; HG from NV, PI, EH: quasi-complete
through NV), iris setosa / versicolor / virginica from petal measurements (the three species;
quasi-complete: setosa separates, the other two overlap), iris setosa against the rest from the
sepal measurements (complete), UCI vertebral column 2C (none).
"""
import sys, os
import numpy as np
from scipy.optimize import linprog
from sklearn.datasets import load_iris

shared, out = sys.argv[1], sys.argv[2]


def status(X, y, K):
    n, p = X.shape
    Z = np.hstack([np.ones((n, 1)), X])
    q = p + 1
    rows = []
    for i in range(n):
        for k in range(K):
            if k == y[i]:
                continue
            r = np.zeros(K * q)
            r[y[i] * q:(y[i] + 1) * q] += Z[i]
            r[k * q:(k + 1) * q] -= Z[i]
            rows.append(r)
    A = np.array(rows)
    bounds = [(-1, 1)] * (K * q)
    res = linprog(-A.sum(axis=0), A_ub=-A, b_ub=np.zeros(len(A)), bounds=bounds, method="highs")
    separated = -res.fun > 1e-7
    A2 = np.hstack([-A, np.ones((len(A), 1))])
    res2 = linprog(np.r_[np.zeros(K * q), -1.0], A_ub=A2, b_ub=np.zeros(len(A)),
                   bounds=bounds + [(None, 1)], method="highs")
    complete = -res2.fun > 1e-7
    return "COMPLETE" if complete else ("QUASI_COMPLETE" if separated else "NONE")


# endometrial as shipped in R brglm2 (79 rows), written by the Rscript line in the docstring
E = np.loadtxt(os.path.join(out, "endometrial_brglm2.csv"), delimiter=",", skiprows=1)
sets = {
    "endometrial": (["NV", "PI", "EH"], E[:, :3], E[:, 3].astype(int), 2),
}
iris = load_iris()
sets["iris3"] = (["petal_length", "petal_width"], iris.data[:, 2:4], iris.target.astype(int), 3)
sets["iris_setosa"] = (["sepal_length", "sepal_width"], iris.data[:, 0:2],
                       (iris.target == 0).astype(int), 2)
v = np.loadtxt(os.path.join(shared, "uci_vertebral_column", "column_2C.dat"), dtype=str)
sets["vertebral2c"] = ([f"V{j}" for j in range(1, 7)], v[:, :6].astype(float),
                       (v[:, 6] == "AB").astype(int), 2)
with open(os.path.join(out, "separation_lp.csv"), "w") as f:
    f.write("dataset,classes,separation\n")
    for name, (cols, X, y, K) in sets.items():
        s = status(X, y, K)
        f.write(f"{name},{K},{s}\n")
        print(name, s)
        with open(os.path.join(out, f"separation_{name}.csv"), "w") as g:
            g.write(",".join(["y"] + cols) + "\n")
            for i in range(len(y)):
                g.write(",".join([str(y[i])] + [repr(float(x)) for x in X[i]]) + "\n")
