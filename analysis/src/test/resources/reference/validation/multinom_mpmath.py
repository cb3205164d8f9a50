# High-precision reference for the unpenalised multinomial MLE: Newton-Raphson in 40-digit arithmetic (mpmath),
# independent of the Java code. Needed because the vertebral column design is nearly collinear
# (pelvic incidence = pelvic tilt + sacral slope up to rounding, condition number ~5e4), so the likelihood is
# very flat along one direction and first-order optimisers stop early: nnet::multinom (BFGS, reltol 1e-14) and
# sklearn newton-cg (tol 1e-13) disagree with each other by ~1e-3 on V1/V2/V4 although their log-likelihoods
# agree to 3e-10. Exact Newton iterations in high precision give the true maximiser.
# Generated with (from the worktree root):
#   /usr/bin/python3 analysis/src/test/resources/reference/validation/multinom_mpmath.py ../shared/data analysis/src/test/resources/reference/validation
# Starting point: the sklearn solution (sklearn_<name>.csv, written by multinom_sklearn.py, which must run first).
import sys, os, csv
import mpmath as mp
import pandas as pd

mp.mp.dps = 40
shared, out = sys.argv[1], sys.argv[2]

def newton(name, X, y, K, terms, classes):
    start = {}
    with open(os.path.join(out, f"sklearn_{name}.csv")) as f:
        for r in csv.DictReader(f):
            if r["term"] != "logLik":
                start[(r["class"], r["term"])] = r["estimate"]
    n, p1 = len(X), len(terms)
    Xa = [[mp.mpf(1)] + [mp.mpf(str(v)) for v in row] for row in X]
    m = (K - 1) * p1
    theta = [mp.mpf(start[(classes[k], terms[j])]) for k in range(1, K) for j in range(p1)]
    for it in range(30):
        g = [mp.mpf(0)] * m
        H = mp.zeros(m, m)
        ll = mp.mpf(0)
        for i in range(n):
            eta = [mp.mpf(0)] + [mp.fsum(theta[(k - 1) * p1 + j] * Xa[i][j] for j in range(p1)) for k in range(1, K)]
            mx = max(eta)
            s = mp.fsum(mp.exp(e - mx) for e in eta)
            lse = mx + mp.log(s)
            P = [mp.exp(e - lse) for e in eta]
            ll += eta[y[i]] - lse
            for k in range(1, K):
                r = (1 if y[i] == k else 0) - P[k]
                for j in range(p1):
                    g[(k - 1) * p1 + j] += r * Xa[i][j]
                for l in range(1, K):
                    w = P[k] * ((1 if k == l else 0) - P[l])
                    for j in range(p1):
                        a = w * Xa[i][j]
                        for jj in range(p1):
                            H[(k - 1) * p1 + j, (l - 1) * p1 + jj] += a * Xa[i][jj]
        delta = mp.lu_solve(H, mp.matrix(g))
        theta = [theta[t] + delta[t] for t in range(m)]
        step = max(abs(d) for d in delta)
        print(name, it, mp.nstr(ll, 25), mp.nstr(step, 5), flush=True)
        if step < mp.mpf("1e-25"):
            break
    with open(os.path.join(out, f"mpmath_{name}.csv"), "w") as f:
        f.write("dataset,class,term,estimate\n")
        for k in range(1, K):
            for j in range(p1):
                f.write(f"{name},{classes[k]},{terms[j]},{mp.nstr(theta[(k - 1) * p1 + j], 20)}\n")
        f.write(f"{name},,logLik,{mp.nstr(ll, 20)}\n")

v = pd.read_csv(os.path.join(shared, "uci_vertebral_column", "column_3C.dat"), sep=" ", header=None, dtype=str)
classes = ["DH", "SL", "NO"]
newton("vertebral", v.iloc[:, :6].values.tolist(), [classes.index(c) for c in v[6]], 3,
       ["(Intercept)"] + [f"V{i}" for i in range(1, 7)], classes)
