# Calibration of the default synthetic cohort, measured on a CSV written by the Java generator.
#
# Commands (from the worktree root; build first: mvn -B -q -o -pl core -am install -DskipTests
# && mvn -B -q -o -pl core test-compile):
#   mvn -B -q -pl core org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
#       -Dmdep.outputFile=/tmp/synth-cp.txt
#   java -cp core/target/classes:core/target/test-classes:$(cat /tmp/synth-cp.txt) \
#       org.backstrat.core.synth.SynthCohortMain 20000 20260101 /tmp/synth20k.csv
#   /usr/bin/python3 core/src/test/resources/reference/synth/calibrate.py /tmp/synth20k.csv \
#       core/src/test/resources/reference/synth/calibration.json
# (the script calls Rscript trimmed_kmeans.R itself; /usr/bin/python3 = Debian's, with numpy,
# pandas, scikit-learn 1.2; R 4.2 with trimcluster).
#
# It computes, independently of the Java code: the derived scores (DESIGN.md rules), the
# published marginals, and the separability of the strata under the default preprocessing of
# PREPROCESSING.md for both analysis variants, with plain k-means (sklearn, 10 starts) and
# trimmed k-means (R trimcluster::trimkmeans, alpha 0.05). The alternative preprocessing schemes
# are compared with plain k-means only (trimmed k-means in R is slow: ~10 min for this script on
# the shared 2-core machine). ARI is computed against `stratum`
# with the `outlier` rows left out; trimmed non-outlier rows are given their nearest centre.
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["l1l2", "l2l3", "l3l4", "l4l5", "l5s1"]
FACETS = ["l3l4", "l4l5", "l5s1"]
KMEANS_SEED = 12345
# The preprocessing recommended in PREPROCESSING.md: robust median/IQR scaling of numeric
# features, sex 0/0.5, smoking 0/0.25/0.5, questionnaire features weighted 1/sqrt(count).
# "default" is the same without the questionnaire weighting; the others are comparisons.
RECOMMENDED = "default_grouped"
# PREPROCESSING.md: categorical weights
SEX_WEIGHT = 0.5      # female 1, male 0, times this
SMOKING_WEIGHT = 0.25  # never 0, former 1, current 2, times this
SBT_FEATURES = ["sbt_total", "sbt_psychosocial", "dd_sum", "ft_max", "smoking", "sex", "bmi"]
# not a variant: shows how much structure the imaging features alone carry
IMAGING_FEATURES = ["dd_sum", "ft_max"]
OMPSQ_FEATURES = ["ompsq_pain", "ompsq_function", "ompsq_distress", "ompsq_rtw", "ompsq_fear",
                  "dd_sum", "ft_max", "smoking", "sex", "bmi"]


def scores(d):
    s = pd.DataFrame(index=d.index)
    sbt = d[[f"sbt_{i}" for i in range(1, 9)]].to_numpy()
    item9 = (d["sbt_9"].to_numpy() >= 3).astype(int)
    s["sbt_total"] = sbt.sum(axis=1) + item9
    s["sbt_psychosocial"] = sbt[:, 4:8].sum(axis=1) + item9
    q = {i: d[f"ompsq_{i}"].to_numpy() for i in range(1, 11)}
    for i in (3, 4, 8):
        q[i] = 10 - q[i]
    s["ompsq_total"] = sum(q.values())
    s["ompsq_pain"] = q[1] + q[2]
    s["ompsq_function"] = q[3] + q[4]
    s["ompsq_distress"] = q[5] + q[6]
    s["ompsq_rtw"] = q[7] + q[8]
    s["ompsq_fear"] = q[9] + q[10]
    s["dd_sum"] = d[[f"pfirrmann_{lv}" for lv in LEVELS]].sum(axis=1)
    ft = np.column_stack([(d[f"facet_angle_{lv}_left"] - d[f"facet_angle_{lv}_right"]).abs()
                          for lv in FACETS])
    s["ft_max"] = ft.max(axis=1)
    s["sex"] = (d["sex"] == "female").astype(float)
    s["smoking"] = d["smoking"].map({"never": 0.0, "former": 1.0, "current": 2.0})
    s["bmi"] = d["bmi"].astype(float)
    s["bothersome_frequent"] = (d["lbp_frequency"] >= 3) & (d["lbp_bothersomeness"] >= 7)
    return s


def robust_scale(x):
    """PREPROCESSING.md: (x - median) / IQR (quantile type 7); IQR 0 -> 1.349 SD; SD 0 -> 1."""
    q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    scale = q3 - q1
    if scale == 0:
        scale = 1.349 * np.std(x, ddof=1)
    if scale == 0:
        scale = 1.0
    return (x - med) / scale


QUESTIONNAIRE = {"sbt_total", "sbt_psychosocial", "ompsq_pain", "ompsq_function",
                 "ompsq_distress", "ompsq_rtw", "ompsq_fear", "ompsq_total"}


def mad_scale(x):
    """(x - median) / (1.4826 MAD); MAD 0 -> IQR / 1.349; then SD; then 1."""
    med = np.median(x)
    scale = 1.4826 * np.median(np.abs(x - med))
    if scale == 0:
        q1, q3 = np.quantile(x, [0.25, 0.75])
        scale = (q3 - q1) / 1.349
    if scale == 0:
        scale = np.std(x, ddof=1)
    if scale == 0:
        scale = 1.0
    return (x - med) / scale


def winsor_scale(x):
    """Clip to the 2.5/97.5 percentiles, centre at the median, divide by the clipped SD."""
    lo, med, hi = np.quantile(x, [0.025, 0.5, 0.975])
    sd = np.std(np.clip(x, lo, hi), ddof=1)
    return (x - med) / (sd if sd > 0 else 1.0)


def preprocess(s, features, scheme):
    if scheme.endswith("_grouped"):
        base = preprocess(s, features, scheme[:-len("_grouped")])
        nq = sum(1 for f in features if f in QUESTIONNAIRE)
        w = np.array([1 / np.sqrt(nq) if f in QUESTIONNAIRE else 1.0 for f in features])
        return base * w
    numeric = {"default": robust_scale, "mad": mad_scale, "winsor_sd": winsor_scale}
    cols = []
    for f in features:
        x = s[f].to_numpy(dtype=float)
        if scheme in numeric:  # categorical weights of PREPROCESSING.md, numeric scaled
            if f == "sex":
                cols.append(SEX_WEIGHT * x)
            elif f == "smoking":
                cols.append(SMOKING_WEIGHT * x)
            else:
                cols.append(numeric[scheme](x))
        elif scheme == "zscore_all":  # DESIGN.md feasibility setting: every column z-scored
            sd = np.std(x, ddof=1)
            cols.append((x - x.mean()) / (sd if sd > 0 else 1.0))
        elif scheme == "robust_unweighted":  # robust numeric, categorical codes unweighted
            cols.append(x if f in ("sex", "smoking") else robust_scale(x))
        else:
            raise ValueError(scheme)
    return np.column_stack(cols)


def ari(truth, labels):
    keep = truth != "outlier"
    return float(adjusted_rand_score(truth[keep], labels[keep]))


def quantiles(x):
    q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    return {"q1": float(q1), "median": float(med), "q3": float(q3)}


def marginals(d, s):
    lbp = d["lbp_frequency"] >= 1
    freq = d["lbp_frequency"].value_counts(normalize=True).sort_index()
    bf = float(s["bothersome_frequent"].mean())
    none = float((d["lbp_frequency"] == 0).mean())
    sbt_lbp = s.loc[lbp, "sbt_total"]
    out = {
        "n": int(len(d)),
        "female_share": float((d["sex"] == "female").mean()),
        "age_range": [float(d["age"].min()), float(d["age"].max())],
        "bmi_mean": float(d["bmi"].mean()), "bmi_sd": float(d["bmi"].std()),
        "smoking_shares": {k: float(v) for k, v in
                           d["smoking"].value_counts(normalize=True).items()},
        "stratum_shares": {k: float(v) for k, v in
                           d["stratum"].value_counts(normalize=True).items()},
        "sbt_total_among_lbp": quantiles(sbt_lbp),
        "sbt_total_among_lbp_distribution": {int(k): float(v) for k, v in
                                             sbt_lbp.value_counts(normalize=True)
                                             .sort_index().items()},
        "sbt_psychosocial_among_lbp_mean": float(s.loc[lbp, "sbt_psychosocial"].mean()),
        "lbp_frequency_shares": {int(k): float(v) for k, v in freq.items()},
        "lbp_none": none,
        "lbp_bothersome_frequent": bf,
        "lbp_mild_moderate": 1 - none - bf,
        "ompsq_total": quantiles(s["ompsq_total"]),
        "ompsq_high_risk_share": float((s["ompsq_total"] >= 50).mean()),
        "pfirrmann_mean_by_level": {lv: float(d[f"pfirrmann_{lv}"].mean()) for lv in LEVELS},
        "dd_sum": quantiles(s["dd_sum"]),
        "ft_max": quantiles(s["ft_max"]),
        "ft_any_7_share": float((s["ft_max"] >= 7).mean()),
        "facet_angle_mean_by_level": {lv: float((d[f"facet_angle_{lv}_left"]
                                                 + d[f"facet_angle_{lv}_right"]).mean() / 2)
                                      for lv in FACETS},
    }
    per = {}
    for name, g in d.groupby("stratum"):
        gs = s.loc[g.index]
        per[name] = {
            "n": int(len(g)),
            "lbp_none": float((g["lbp_frequency"] == 0).mean()),
            "lbp_frequency_mean": float(g["lbp_frequency"].mean()),
            "bothersomeness_mean_among_lbp": float(
                g.loc[g["lbp_frequency"] >= 1, "lbp_bothersomeness"].mean()),
            "bothersome_frequent": float(gs["bothersome_frequent"].mean()),
            "sbt_total_mean": float(gs["sbt_total"].mean()),
            "sbt_psychosocial_mean": float(gs["sbt_psychosocial"].mean()),
            "ompsq_total_mean": float(gs["ompsq_total"].mean()),
            "dd_sum_mean": float(gs["dd_sum"].mean()),
            "ft_max_median": float(gs["ft_max"].median()),
            "bmi_mean": float(gs["bmi"].mean()),
        }
    out["by_stratum"] = per
    return out


def trimmed_kmeans(x, tmp, name):
    """Runs R trimcluster::trimkmeans (k 3, trim 0.05) on the preprocessed matrix."""
    fin = os.path.join(tmp, name + "_features.csv")
    fout = os.path.join(tmp, name + "_trimmed.csv")
    np.savetxt(fin, x, delimiter=",", fmt="%.10g")
    subprocess.run(["Rscript", os.path.join(HERE, "trimmed_kmeans.R"), fin, fout], check=True)
    r = pd.read_csv(fout)
    return r["nearest"].to_numpy(), r["trimmed"].to_numpy().astype(bool)


def main():
    d = pd.read_csv(sys.argv[1])
    s = scores(d)
    truth = d["stratum"].to_numpy()
    result = {"input": os.path.basename(sys.argv[1]), "marginals": marginals(d, s),
              "separability": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for variant, features in (("sbt", SBT_FEATURES), ("ompsq", OMPSQ_FEATURES),
                                  ("imaging_only_diagnostic", IMAGING_FEATURES)):
            v = {"features": features}
            for scheme in (RECOMMENDED, "default", "winsor_sd_grouped", "zscore_all",
                           "robust_unweighted", "mad"):
                x = preprocess(s, features, scheme)
                km = KMeans(n_clusters=3, n_init=10, random_state=KMEANS_SEED).fit(x)
                e = {"kmeans_ari": ari(truth, km.labels_)}
                if scheme == RECOMMENDED:
                    nearest, trimmed = trimmed_kmeans(x, tmp, variant)
                    e["trimmed_kmeans_ari"] = ari(truth, nearest)
                    kept = ~trimmed
                    e["trimmed_kmeans_ari_kept_only"] = ari(truth[kept], nearest[kept])
                    e["trimmed_share_of_outlier_rows"] = float(trimmed[truth == "outlier"].mean())
                v[scheme] = e
            result["separability"][variant] = v
    with open(sys.argv[2], "w") as f:
        json.dump(result, f, indent=2, sort_keys=False)
        f.write("\n")
    print(json.dumps({k: result["separability"][k] for k in result["separability"]}, indent=1))


if __name__ == "__main__":
    main()
