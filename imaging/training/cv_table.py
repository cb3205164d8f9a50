#!/usr/bin/python3
"""Markdown tables (for BENCHMARKS.md) of imaging/training/real_cv/cv_real.json.
Usage: /usr/bin/python3 imaging/training/cv_table.py imaging/training/real_cv/cv_real.json"""
import json
import sys

res = json.load(open(sys.argv[1]))
names = {'model': 'CNN localiser + grader (end to end)', 'always_2': '"always grade 2"',
         'signal_ratio_logistic': 'signal ratio + logistic regression (published boxes)'}
print(f"{res['slices']} slices, {res['patients']} patients, 5 patient-level folds of"
      f" {res['fold_sizes']} slices; epochs {res['epochs']}.\n")
print('| method | level | weighted kappa (95% CI) | exact (95% CI) | within one (95% CI) |'
      ' graded | recall grade 1/2/3/4/5 |')
print('|---|---|---|---|---|---|---|')
for m, label in names.items():
    for lv in ['overall', 'l3l4', 'l4l5', 'l5s1']:
        r = res[m][lv]
        ci = r['ci95']
        rec = '/'.join('-' if x != x else f'{x:.2f}' for x in r['recall_per_grade'])
        print(f"| {label} | {lv} | {r['kappa_quadratic']:.3f} ({ci['kappa_quadratic'][0]:.2f}"
              f"-{ci['kappa_quadratic'][1]:.2f}) | {r['exact']:.3f} ({ci['exact'][0]:.2f}-"
              f"{ci['exact'][1]:.2f}) | {r['within_one']:.3f} ({ci['within_one'][0]:.2f}-"
              f"{ci['within_one'][1]:.2f}) | {r['graded_share']:.3f} | {rec} |")
ci = res.get('localiser_all_three_hit_ci95')
chain = res.get('localiser_all_three_hit_chain_naming')
print('\nLocaliser hit rate (located centre inside the published box of the same level):',
      ', '.join(f'{k} {v:.3f}' for k, v in res['localiser_hit_rate_per_level'].items()),
      f"; all three lower discs on {res['localiser_all_three_hit']:.3f} of slices"
      + (f' (95% CI {ci[0]:.3f}-{ci[1]:.3f})' if ci else '')
      + (f'; levels named by the heatmaps alone (no lumbosacral classifier): {chain:.3f}'
         if chain is not None else '') + '.\n')
if 'localiser_all_three_hit_boxes_as_sorted' in res:
    print('Boxes read one per disc with unboxed discs counted (real_data.disc_boxes);'
          f" {res['slices_with_an_inferred_graded_box']} slices have a graded level whose box"
          ' was inferred; without them all three on'
          f" {res['localiser_all_three_hit_without_inferred_boxes']:.3f}; against the boxes"
          ' counted from the bottom as they stand (the reading before disc_boxes):'
          f" {res['localiser_all_three_hit_boxes_as_sorted']:.3f}.\n")
print('Confusion matrix of the CNN, all three levels (rows: published grade 1..5; columns:'
      ' predicted 1..5; discs not located are left out):\n')
print('| | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|')
for g, row in enumerate(res['model']['overall']['confusion']):
    print(f'| {g + 1} | ' + ' | '.join(str(x) for x in row) + ' |')
