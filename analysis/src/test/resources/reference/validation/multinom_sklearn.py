# Reference values for MultinomialLogisticTrainer, computed with scikit-learn (independent of the Java code).
# Generated with (from the worktree root, Debian's python with sklearn 1.2):
#   /usr/bin/python3 analysis/src/test/resources/reference/validation/multinom_sklearn.py ../shared/data analysis/src/test/resources/reference/validation
#
# Unpenalised fits: LogisticRegression(penalty=None, solver='newton-cg', multi_class='multinomial', tol=1e-13)
# gives the symmetric parametrisation w_0..w_{K-1}; the reference-class coefficients are beta_k = w_k - w_0.
# L2 fits: sklearn minimises 0.5*||w||^2 + C * sum_i logloss_i (intercept not penalised with lbfgs/newton-cg),
# i.e. maximises logLik - (1/(2C))*||w||^2. Our trainer maximises logLik - (lambda/2)*||beta||^2 over the
# non-intercept reference-class coefficients, so lambda = 1/C. For K = 2 the two parametrisations coincide
# (binary logistic regression), so the L2 check uses a binary data set (vertebral column 2C: AB vs NO, with
# NO as reference... see below). For K > 2 sklearn penalises all K symmetric vectors, a different model; there
# the reference is a direct numerical maximisation of our objective with scipy (BFGS on the analytic gradient).
import sys, os
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from scipy.optimize import minimize
from scipy.special import logsumexp

shared, out = sys.argv[1], sys.argv[2]

def loglik_ref(X, y, B):
    # B: (K-1) x (p+1), reference class 0 has eta = 0
    Xa = np.c_[np.ones(len(X)), X]
    eta = np.c_[np.zeros(len(X)), Xa @ B.T]
    return float(np.sum(eta[np.arange(len(y)), y] - logsumexp(eta, axis=1)))

def write(name, classes, terms, B, ll, extra=""):
    rows = []
    for k in range(1, len(classes)):
        for j, t in enumerate(terms):
            rows.append((name, classes[k], t, repr(float(B[k - 1, j]))))
    rows.append((name, "", "logLik", repr(ll)))
    with open(os.path.join(out, f"sklearn_{name}.csv"), "w") as f:
        f.write("dataset,class,term,estimate\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print(name, "logLik", repr(ll), extra)

def unpenalised(name, X, y, classes, terms):
    m = LogisticRegression(penalty=None, solver="newton-cg", multi_class="multinomial", tol=1e-13, max_iter=100000)
    m.fit(X, y)
    W = np.c_[m.intercept_, m.coef_]
    B = W[1:] - W[0]
    write(name, classes, terms, B, loglik_ref(X, y, B), f"n_iter={m.n_iter_}")

# UCI vertebral column 3C, classes DH (reference), SL, NO
v = pd.read_csv(os.path.join(shared, "uci_vertebral_column", "column_3C.dat"), sep=" ", header=None)
classes = ["DH", "SL", "NO"]
Xv = v.iloc[:, :6].to_numpy(float)
yv = v[6].map({c: i for i, c in enumerate(classes)}).to_numpy()
unpenalised("vertebral", Xv, yv, classes, ["(Intercept)"] + [f"V{i}" for i in range(1, 7)])

# Heymans: Satisfaction 1 (reference), 2, 3
h = pd.read_csv(os.path.join(shared, "heymans_lbp_example", "lbp_orig_159x15.csv"))
cols = ["Gender", "Smoking", "Chronic", "Age", "BMI", "Duration"]
h = h.dropna(subset=cols + ["Satisfaction"])
Xh = h[cols].to_numpy(float)
yh = (h["Satisfaction"].to_numpy(int) - 1)
unpenalised("heymans", Xh, yh, ["1", "2", "3"], ["(Intercept)"] + cols)

# L2, binary: vertebral column 2C, classes NO (reference, 0) and AB (1); C = 0.05 -> lambda = 20
v2 = pd.read_csv(os.path.join(shared, "uci_vertebral_column", "column_2C.dat"), sep=" ", header=None)
X2 = v2.iloc[:, :6].to_numpy(float)
y2 = (v2[6] == "AB").to_numpy(int)
C = 0.05
m = LogisticRegression(penalty="l2", C=C, solver="newton-cg", tol=1e-13, max_iter=100000)
m.fit(X2, y2)
B = np.c_[m.intercept_, m.coef_]
write("vertebral2c_l2_lambda20", ["NO", "AB"], ["(Intercept)"] + [f"V{i}" for i in range(1, 7)], B,
      loglik_ref(X2, y2, B), f"C={C}")

# L2, three classes (Heymans), lambda = 5: direct maximisation of our objective with scipy.
lam = 5.0
Xa = np.c_[np.ones(len(Xh)), Xh]
K, p1 = 3, Xa.shape[1]
Y = np.eye(K)[yh]
def negobj(theta):
    B = theta.reshape(K - 1, p1)
    eta = np.c_[np.zeros(len(Xa)), Xa @ B.T]
    lse = logsumexp(eta, axis=1)
    P = np.exp(eta - lse[:, None])
    ll = np.sum(eta[np.arange(len(yh)), yh] - lse)
    pen = 0.5 * lam * np.sum(B[:, 1:] ** 2)
    G = (Y - P)[:, 1:].T @ Xa
    G[:, 1:] -= lam * B[:, 1:]
    return -(ll - pen), -G.ravel()
r = minimize(negobj, np.zeros((K - 1) * p1), jac=True, method="BFGS", options={"gtol": 1e-11, "maxiter": 100000})
B = r.x.reshape(K - 1, p1)
write("heymans_l2_lambda5", ["1", "2", "3"], ["(Intercept)"] + cols, B, loglik_ref(Xh, yh, B),
      f"scipy success={r.success} grad_inf={np.abs(r.jac).max():.2e}")
