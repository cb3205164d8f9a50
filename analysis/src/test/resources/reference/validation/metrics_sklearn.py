# Reference classification metrics from sklearn.metrics on fixed predictions.
# Generated with (from the worktree root, Debian's python with sklearn 1.2):
#   /usr/bin/python3 analysis/src/test/resources/reference/validation/metrics_sklearn.py > analysis/src/test/resources/reference/validation/metrics_sklearn.csv
# Columns: case; classCount; truth and predicted (space-separated class indices); accuracy_score;
# balanced_accuracy_score; f1_score(average="macro") with the default labels (classes in truth or predictions);
# recall_score(average=None, labels=range(classCount), zero_division=nan-marker) where a class absent from the
# truth is written "nan".
import warnings
import numpy as np
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score, confusion_matrix
warnings.filterwarnings("ignore")

rng = np.random.default_rng(20240601)
cases = []
t = rng.integers(0, 3, 40); p = np.where(rng.random(40) < 0.7, t, rng.integers(0, 3, 40))
cases.append(("random3", 3, t, p))
# class 3 is predicted but never true
t = np.array([0, 0, 1, 1, 2, 2, 0, 1, 2, 0]); p = np.array([0, 3, 1, 2, 2, 3, 0, 1, 1, 0])
cases.append(("predicted_not_true", 4, t, p))
# class 2 is true but never predicted
t = np.array([0, 1, 2, 2, 1, 0, 2, 1]); p = np.array([0, 1, 1, 0, 1, 0, 1, 1])
cases.append(("never_predicted", 3, t, p))
# perfect
t = np.array([2, 0, 1, 1, 0, 2]); cases.append(("perfect", 3, t, t.copy()))

print("case,classCount,truth,predicted,accuracy,balanced_accuracy,macro_f1,recall")
for name, k, t, p in cases:
    cm = confusion_matrix(t, p, labels=list(range(k)))
    support = cm.sum(axis=1)
    recall = [repr(cm[c, c] / support[c]) if support[c] > 0 else "nan" for c in range(k)]
    print(",".join([name, str(k), " ".join(map(str, t)), " ".join(map(str, p)),
                    repr(accuracy_score(t, p)), repr(balanced_accuracy_score(t, p)),
                    repr(f1_score(t, p, average="macro")), " ".join(recall)]))
