"""Summary table of bench/cluster/run.sh: ours vs scikit-learn, ratios, growth in n.

Usage: /usr/bin/python3 summarize.py bench/work/cluster/summary.txt
Reads the lines written by run.sh's measure() ("label key=value ... | program output") and
prints Markdown tables.
"""
import re
import sys

rows = {}
for line in open(sys.argv[1]):
    label = line.split()[0]
    rows[label] = {k: v for k, v in re.findall(r"(\w+)=([^\s|]+)", line)}


def f(label, key):
    try:
        return float(rows[label][key])
    except (KeyError, ValueError):
        return float("nan")


print("| n x d | program | read s | fit s | process s | user CPU s | peak RSS MB |")
print("|---|---|---:|---:|---:|---:|---:|")
for n in ("100000", "1000000"):
    for prog in ("ours", "ours_all", "sklearn"):
        lab = f"{prog}_{n}"
        if lab in rows:
            print(f"| {int(n):,} x 20 | {prog} | {f(lab, 'read_s'):.2f} | {f(lab, 'fit_s'):.2f} | "
                  f"{f(lab, 'process_wall_s'):.2f} | {f(lab, 'user_cpu_s'):.2f} | "
                  f"{f(lab, 'max_rss_mb'):.0f} |")
    o, s = f"ours_{n}", f"sklearn_{n}"
    if o in rows and s in rows:
        print(f"| {int(n):,} x 20 | **ratio ours/sklearn** | {f(o, 'read_s') / f(s, 'read_s'):.2f} | "
              f"**{f(o, 'fit_s') / f(s, 'fit_s'):.2f}** | "
              f"**{f(o, 'process_wall_s') / f(s, 'process_wall_s'):.2f}** | "
              f"{f(o, 'user_cpu_s') / f(s, 'user_cpu_s'):.2f} | "
              f"{f(o, 'max_rss_mb') / f(s, 'max_rss_mb'):.2f} |")
print()
print("| n (d = 10, in memory) | fit s | process s | user CPU s | peak RSS MB | fit ratio to previous n |")
print("|---:|---:|---:|---:|---:|---:|")
prev = None
for n in ("100000", "1000000", "10000000"):
    lab = f"ours_synth_{n}"
    if lab in rows:
        fit = f(lab, "fit_s")
        ratio = f"{fit / prev:.1f}x" if prev else ""
        print(f"| {int(n):,} | {fit:.2f} | {f(lab, 'process_wall_s'):.2f} | "
              f"{f(lab, 'user_cpu_s'):.2f} | {f(lab, 'max_rss_mb'):.0f} | {ratio} |")
        prev = fit
if "ours_select" in rows:
    print()
    print(f"K selection: {f('ours_select', 'seconds'):.2f} s wall, "
          f"{f('ours_select', 'user_cpu_s'):.2f} s user CPU")
