#!/usr/bin/python3
# Independent reference scorer for backstrat's score stage.
#
# Command that produced the committed fixtures (run from this directory):
#   /usr/bin/python3 score_reference.py
# It writes, next to this script:
#   reference_scores.csv          raw columns + expected derived columns (standard column names)
#   reference_scores_mapped.csv   questionnaire items under shuffled custom names + expected scores
#   reference_mapping.json        the instrument mapping that names those custom columns
#
# Written from the rules in DESIGN.md ("Cohort table", "Derived scores"), not from the Java code.
# Plain Python (no third-party packages), seeded, so a rerun gives identical files.
# Missing cells are empty strings; booleans are written true/false; sbt_risk low/medium/high.
# Facet tropism is computed in exact decimal arithmetic on the angle text as written, so the
# 7 and 10 degree thresholds are compared exactly (no binary floating point involved).

import csv
import json
import random
from decimal import Decimal
from pathlib import Path

SEED = 20261128
N_RANDOM = 3000
N_MAPPED = 600
OUT = Path(__file__).resolve().parent

SBT = ["sbt_%d" % i for i in range(1, 10)]
OMPSQ = ["ompsq_%d" % i for i in range(1, 11)]
DISCS = ["pfirrmann_" + lv for lv in ["l1l2", "l2l3", "l3l4", "l4l5", "l5s1"]]
FACET_LEVELS = ["l3l4", "l4l5", "l5s1"]
FACETS = ["facet_angle_%s_%s" % (lv, side) for lv in FACET_LEVELS for side in ["left", "right"]]
OUTCOME = ["lbp_frequency", "lbp_bothersomeness"]
RAW = SBT + OMPSQ + DISCS + FACETS + OUTCOME
DERIVED = ["sbt_total", "sbt_psychosocial", "sbt_risk",
           "ompsq_total", "ompsq_high_risk", "ompsq_pain", "ompsq_function", "ompsq_distress",
           "ompsq_rtw", "ompsq_fear",
           "dd_sum", "dd_max", "dd_n_degenerated",
           "ft_l3l4", "ft_l4l5", "ft_l5s1", "ft_max", "ft_any_7", "ft_any_10",
           "lbp_bothersome_frequent"]

# construct keys of the instrument mapping file, in published order
SBT_KEYS = ["sbt.leg_pain", "sbt.shoulder_neck_pain", "sbt.walking", "sbt.dressing", "sbt.fear",
            "sbt.anxiety", "sbt.catastrophising", "sbt.depression", "sbt.bothersomeness"]
OMPSQ_KEYS = ["ompsq.duration", "ompsq.pain", "ompsq.light_work", "ompsq.sleep",
              "ompsq.tension", "ompsq.depression", "ompsq.persistence_risk",
              "ompsq.work_chances", "ompsq.stop_when_pain", "ompsq.avoid_work"]


# ---------------------------------------------------------------- scoring rules (DESIGN.md)

def num(cell):
    return None if cell == "" else int(cell)


def all_present(values):
    return all(v is not None for v in values)


def score_sbt(row):
    a = [num(row[c]) for c in SBT]
    scored = [a[i] if i < 8 else None for i in range(9)]
    if a[8] is not None:
        scored[8] = 1 if a[8] >= 3 else 0      # very much (3) or extremely (4)
    out = {"sbt_total": "", "sbt_psychosocial": "", "sbt_risk": ""}
    psycho = None
    if all_present(scored[4:9]):
        psycho = sum(scored[4:9])
        out["sbt_psychosocial"] = psycho
    if all_present(scored):
        total = sum(scored)
        out["sbt_total"] = total
        if psycho >= 4:
            out["sbt_risk"] = "high"
        elif total <= 3:
            out["sbt_risk"] = "low"
        else:
            out["sbt_risk"] = "medium"
    return out


def score_ompsq(row):
    a = [num(row[c]) for c in OMPSQ]
    s = []
    for i, v in enumerate(a):
        item = i + 1
        if v is None:
            s.append(None)
        elif item in (3, 4, 8):
            s.append(10 - v)
        else:
            s.append(v)
    out = {}
    if all_present(s):
        total = sum(s)
        out["ompsq_total"] = total
        out["ompsq_high_risk"] = "true" if total >= 50 else "false"
    else:
        out["ompsq_total"] = ""
        out["ompsq_high_risk"] = ""
    for name, (i, j) in [("ompsq_pain", (1, 2)), ("ompsq_function", (3, 4)),
                         ("ompsq_distress", (5, 6)), ("ompsq_rtw", (7, 8)),
                         ("ompsq_fear", (9, 10))]:
        pair = [s[i - 1], s[j - 1]]
        out[name] = sum(pair) if all_present(pair) else ""
    return out


def score_discs(row):
    g = [num(row[c]) for c in DISCS]
    if not all_present(g):
        return {"dd_sum": "", "dd_max": "", "dd_n_degenerated": ""}
    return {"dd_sum": sum(g), "dd_max": max(g), "dd_n_degenerated": sum(1 for x in g if x >= 4)}


def score_facets(row):
    out = {}
    tropisms = []
    for lv in FACET_LEVELS:
        left = row["facet_angle_%s_left" % lv]
        right = row["facet_angle_%s_right" % lv]
        if left == "" or right == "":
            out["ft_" + lv] = ""
            tropisms.append(None)
        else:
            t = abs(Decimal(left) - Decimal(right))
            out["ft_" + lv] = str(t)
            tropisms.append(t)
    if all_present(tropisms):
        m = max(tropisms)
        out["ft_max"] = str(m)
        out["ft_any_7"] = "true" if any(t >= 7 for t in tropisms) else "false"
        out["ft_any_10"] = "true" if any(t >= 10 for t in tropisms) else "false"
    else:
        out["ft_max"] = out["ft_any_7"] = out["ft_any_10"] = ""
    return out


def score_outcome(row):
    f, b = row["lbp_frequency"], row["lbp_bothersomeness"]
    if f == "" or b == "":
        return {"lbp_bothersome_frequent": ""}
    return {"lbp_bothersome_frequent":
            "true" if int(f) >= 3 and Decimal(b) >= 7 else "false"}


def score(row):
    out = {}
    for part in (score_sbt, score_ompsq, score_discs, score_facets, score_outcome):
        out.update(part(row))
    return out


# ---------------------------------------------------------------- random responses

def random_row(rng):
    row = {}
    p_agree = rng.random()
    for c in SBT[:8]:
        row[c] = str(1 if rng.random() < p_agree else 0)
    row["sbt_9"] = str(rng.randint(0, 4))
    row["ompsq_1"] = str(rng.randint(1, 10))
    level = rng.uniform(0, 10)
    for c in OMPSQ[1:]:
        row[c] = str(min(10, max(0, int(round(rng.gauss(level, 2.5))))))
    for i, c in enumerate(DISCS):
        row[c] = str(min(5, max(1, int(round(rng.gauss(2 + 0.5 * i, 1.0))))))
    for lv in FACET_LEVELS:
        left = Decimal(rng.randint(200, 700)) / 10
        diff = rng.choice([Decimal("6.9"), Decimal("7.0"), Decimal("7"), Decimal("9.9"),
                           Decimal("10.0"), Decimal("10.1"), Decimal("0"),
                           Decimal(rng.randint(0, 150)) / 10, Decimal(rng.randint(0, 1500)) / 100])
        right = left + diff if rng.random() < 0.5 else left - diff
        pair = [left, right] if rng.random() < 0.5 else [right, left]
        row["facet_angle_%s_left" % lv] = str(pair[0])
        row["facet_angle_%s_right" % lv] = str(pair[1])
    row["lbp_frequency"] = str(rng.randint(0, 4))
    b = rng.randint(0, 10)
    row["lbp_bothersomeness"] = str(b) if rng.random() < 0.8 else str(Decimal(rng.randint(0, 20)) / 2)
    # missing cells: a few rows with one missing item, some with many
    p_missing = 0.0 if rng.random() < 0.6 else rng.choice([0.02, 0.05, 0.15])
    for c in RAW:
        if rng.random() < p_missing:
            row[c] = ""
    if rng.random() < 0.1:
        row[rng.choice(RAW)] = ""
    return row


def set_ompsq_total(row, rng, target):
    """Adjusts items 2..10 of a complete row so the scored total equals target."""
    while True:
        items = {c: int(row[c]) for c in OMPSQ}
        scored = sum(10 - v if c in ("ompsq_3", "ompsq_4", "ompsq_8") else v
                     for c, v in items.items())
        if scored == target:
            return
        c = rng.choice(OMPSQ[1:])
        rev = c in ("ompsq_3", "ompsq_4", "ompsq_8")
        up = scored < target
        v = items[c] + ((-1 if rev else 1) if up else (1 if rev else -1))
        if 0 <= v <= 10:
            row[c] = str(v)


def boundary_rows(rng):
    rows = []

    def base():
        r = random_row(random.Random(rng.random()))
        for c in RAW:
            if r[c] == "":
                r[c] = {"ompsq_1": "5"}.get(c, "1" if c.startswith(("sbt", "pfirr")) else "3")
        return r

    # SBT: total 3 vs 4 with psychosocial < 4; psychosocial 3 vs 4; item 9 answers 2 vs 3
    for agree, a9 in [([1, 1, 1, 0, 0, 0, 0, 0], 0), ([1, 1, 1, 1, 0, 0, 0, 0], 0),
                      ([0, 0, 0, 0, 1, 1, 1, 0], 0), ([0, 0, 0, 0, 1, 1, 1, 1], 0),
                      ([1, 1, 0, 0, 1, 1, 1, 0], 2), ([1, 1, 0, 0, 1, 1, 1, 0], 3),
                      ([0, 0, 0, 0, 1, 1, 1, 0], 4), ([1, 1, 1, 1, 1, 1, 1, 1], 4),
                      ([0] * 8, 0), ([0] * 8, 2), ([0] * 8, 3)]:
        r = base()
        for c, v in zip(SBT, agree + [a9]):
            r[c] = str(v)
        rows.append(r)
    # ÖMPSQ total 49 / 50, plus extremes
    for target in [49, 50, 49, 50, 1, 100]:
        r = base()
        if target == 1:
            for c in OMPSQ:
                r[c] = "10" if c in ("ompsq_3", "ompsq_4", "ompsq_8") else "0"
            r["ompsq_1"] = "1"
        elif target == 100:
            for c in OMPSQ:
                r[c] = "0" if c in ("ompsq_3", "ompsq_4", "ompsq_8") else "10"
        else:
            set_ompsq_total(r, rng, target)
        rows.append(r)
    # reversal of each reversed item: answers 0 and 10
    for c in ("ompsq_3", "ompsq_4", "ompsq_8"):
        for v in ("0", "10"):
            r = base()
            r[c] = v
            rows.append(r)
    # Pfirrmann 3 / 4 at each level
    for c in DISCS:
        for g in ("3", "4"):
            r = base()
            for d in DISCS:
                r[d] = "2"
            r[c] = g
            rows.append(r)
    # tropism 6.9 / 7 / 10 at each level, all other levels 0
    for lv in FACET_LEVELS:
        for left, right in [("40.3", "47.2"), ("47.3", "40.3"), ("40.3", "50.3"),
                            ("33.3", "40.3"), ("50.0", "40.1"), ("0", "10"), ("90", "83")]:
            r = base()
            for other in FACET_LEVELS:
                r["facet_angle_%s_left" % other] = "45.5"
                r["facet_angle_%s_right" % other] = "45.5"
            r["facet_angle_%s_left" % lv] = left
            r["facet_angle_%s_right" % lv] = right
            rows.append(r)
    # outcome: frequency 2 / 3 and bothersomeness 6 / 7
    for f, b in [("2", "7"), ("3", "7"), ("3", "6"), ("3", "6.5"), ("4", "10"), ("0", "0")]:
        r = base()
        r["lbp_frequency"], r["lbp_bothersomeness"] = f, b
        rows.append(r)
    # every missing-item rule: one item missing at a time, in a complete row
    for c in RAW:
        r = base()
        r[c] = ""
        rows.append(r)
    return rows


def check_coverage(rows, scores):
    """Fails loudly unless every boundary of the brief occurs in the fixture."""
    def count(pred):
        return sum(1 for r, s in zip(rows, scores) if pred(r, s))
    psycho_lt4 = lambda s: s["sbt_psychosocial"] != "" and s["sbt_psychosocial"] < 4
    needs = {
        "sbt total 3, low": count(lambda r, s: s["sbt_total"] == 3 and psycho_lt4(s)),
        "sbt total 4, medium": count(lambda r, s: s["sbt_total"] == 4 and psycho_lt4(s)),
        "psychosocial 3": count(lambda r, s: s["sbt_psychosocial"] == 3),
        "psychosocial 4": count(lambda r, s: s["sbt_psychosocial"] == 4),
        "sbt_9 = 2": count(lambda r, s: r["sbt_9"] == "2" and s["sbt_total"] != ""),
        "sbt_9 = 3": count(lambda r, s: r["sbt_9"] == "3" and s["sbt_total"] != ""),
        "ompsq 49": count(lambda r, s: s["ompsq_total"] == 49),
        "ompsq 50": count(lambda r, s: s["ompsq_total"] == 50),
        "tropism 6.9": count(lambda r, s: any(s["ft_" + lv] == "6.9" for lv in FACET_LEVELS)),
        "tropism 7.0": count(lambda r, s: any(s["ft_" + lv] in ("7.0", "7")
                                              for lv in FACET_LEVELS)),
        "tropism 10": count(lambda r, s: any(s["ft_" + lv] in ("10.0", "10")
                                             for lv in FACET_LEVELS)),
        "grade 3": count(lambda r, s: "3" in [r[c] for c in DISCS]),
        "grade 4": count(lambda r, s: "4" in [r[c] for c in DISCS]),
        "frequency 2": count(lambda r, s: r["lbp_frequency"] == "2"),
        "frequency 3, bothersomeness 6": count(lambda r, s: r["lbp_frequency"] == "3"
                                               and r["lbp_bothersomeness"] == "6"),
        "frequency 3, bothersomeness 7": count(lambda r, s: r["lbp_frequency"] == "3"
                                               and r["lbp_bothersomeness"] == "7"),
        "psychosocial present, total missing": count(
            lambda r, s: s["sbt_psychosocial"] != "" and s["sbt_total"] == ""),
    }
    for name, n in needs.items():
        assert n >= 5, "boundary '%s' occurs only %d times" % (name, n)
    return needs


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r[c] for c in header])


def main():
    rng = random.Random(SEED)
    rows = boundary_rows(rng) + [random_row(rng) for _ in range(N_RANDOM)]
    scores = [score(r) for r in rows]
    coverage = check_coverage(rows, scores)
    table = []
    for i, (r, s) in enumerate(zip(rows, scores)):
        line = {"id": "p%05d" % (i + 1)}
        line.update(r)
        line.update(s)
        table.append(line)
    write_csv(OUT / "reference_scores.csv", ["id"] + RAW + DERIVED, table)

    # the same kind of rows under a custom item order and custom column names
    keys = SBT_KEYS + OMPSQ_KEYS
    standard = SBT + OMPSQ
    custom = ["Q%02d" % (k + 1) for k in range(len(keys))]
    order = list(range(len(keys)))
    rng.shuffle(order)
    mapping = {"schema": "backstrat.instrument-mapping/1",
               "description": "reference fixture: shuffled questionnaire items",
               "items": {}}
    column_of = {}
    for pos, k in enumerate(order):
        mapping["items"][keys[k]] = custom[pos]
        column_of[standard[k]] = custom[pos]
    mapped = []
    q_derived = DERIVED[:10]
    for i in range(N_MAPPED):
        r = table[i]
        line = {"id": r["id"]}
        for c in standard:
            line[column_of[c]] = r[c]
        for d in q_derived:
            line[d] = r[d]
        mapped.append(line)
    write_csv(OUT / "reference_scores_mapped.csv", ["id"] + custom + q_derived, mapped)
    with open(OUT / "reference_mapping.json", "w", encoding="utf-8") as f:
        json.dump(mapping, f, indent=2)
        f.write("\n")
    print("rows:", len(table), "mapped rows:", len(mapped))
    for name, n in coverage.items():
        print("  %-40s %d" % (name, n))


if __name__ == "__main__":
    main()
