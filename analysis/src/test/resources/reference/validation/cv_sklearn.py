# End-to-end reference for RepeatedCrossValidation.runWithFolds on the UCI vertebral column, with fixed folds
# (repeat r, row i -> fold (i + r * floor(i / 5)) % 5, 2 repeats), z-scoring fitted on each training fold (StandardScaler) and
# unpenalised multinomial logistic regression (sklearn newton-cg), metrics from sklearn.metrics.
# Generated with (from the worktree root):
#   /usr/bin/python3 analysis/src/test/resources/reference/validation/cv_sklearn.py ../shared/data > analysis/src/test/resources/reference/validation/cv_vertebral.csv
# Output lines: fold,repeat,fold,accuracy,balanced_accuracy,macro_f1 ; summary,accuracy_mean,accuracy_sd (ddof 1),
# balanced_accuracy_mean,macro_f1_mean ; confusion,true_class,counts over predicted classes (summed over folds x repeats).
import sys, os, warnings
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score, confusion_matrix
warnings.filterwarnings("ignore")

v = pd.read_csv(os.path.join(sys.argv[1], "uci_vertebral_column", "column_3C.dat"), sep=" ", header=None)
classes = ["DH", "SL", "NO"]
X = v.iloc[:, :6].to_numpy(float)
y = v[6].map({c: i for i, c in enumerate(classes)}).to_numpy()
n = len(y)
acc, bal, f1 = [], [], []
pooled = np.zeros((3, 3), dtype=int)
lines = []
for r in range(2):
    fold = (np.arange(n) + r * (np.arange(n) // 5)) % 5
    for f in range(5):
        tr, te = fold != f, fold == f
        sc = StandardScaler().fit(X[tr])
        m = LogisticRegression(penalty=None, solver="newton-cg", multi_class="multinomial", tol=1e-12, max_iter=10000)
        m.fit(sc.transform(X[tr]), y[tr])
        proba = m.predict_proba(sc.transform(X[te]))
        srt = np.sort(proba, axis=1)
        assert np.min(srt[:, -1] - srt[:, -2]) > 1e-6, "near tie in predicted probabilities"
        pred = np.argmax(proba, axis=1)
        a, b, c = accuracy_score(y[te], pred), balanced_accuracy_score(y[te], pred), f1_score(y[te], pred, average="macro")
        acc.append(a); bal.append(b); f1.append(c)
        pooled += confusion_matrix(y[te], pred, labels=[0, 1, 2])
        lines.append(f"fold,{r},{f},{a!r},{b!r},{c!r}")
print("\n".join(lines))
print(f"summary,{np.mean(acc)!r},{np.std(acc, ddof=1)!r},{np.mean(bal)!r},{np.mean(f1)!r}")
for k in range(3):
    print(f"confusion,{k}," + " ".join(str(x) for x in pooled[k]))
