#!/usr/bin/env python3
"""An APL computed apart from the engine, to check `maillage access` on real data (issue 9).

DREES's APL (Barlet, Coldefy et al., DREES Études et Résultats 795, 2012), written again from the method
alone, in plain Python (no dependency):
  step 1, for each commune j with supply S_j:  R_j = S_j / sum_i P_i w(t_ij)
  step 2, for each commune i:                  APL_i = 100000 * sum_j R_j w(t_ij)
with w = 1 under 10 minutes, 2/3 from 10 to 15, 1/3 from 15 to 20, 0 beyond, the commune itself at 0
minutes, and t the straight-line distance between the communes' points at SPEED km/h.

Inputs are read from the dataset GeoPackage (sqlite3: the communes' codes, populations and points, and the
GP counts of a vintage), so that only the method differs from the engine's. Then the engine's output
(`maillage access --no-secrecy --output engine.csv`) is compared: Spearman's rank correlation and the
largest absolute difference.

Usage: apl_reference.py DATASET.gpkg ENGINE.csv [--vintage 2018] [--speed 37] [--profession medecin_generaliste]
"""
import argparse
import csv
import math
import sqlite3
import sys


def weight(minutes):
    if minutes < 10:
        return 1.0
    if minutes < 15:
        return 2.0 / 3.0
    if minutes < 20:
        return 1.0 / 3.0
    return 0.0


def read_dataset(path, profession, vintage):
    db = sqlite3.connect(path)
    columns = [r[1] for r in db.execute("PRAGMA table_info(communes)")]
    x = "anchor_x" if "anchor_x" in columns else None
    if x is None:
        sys.exit("communes has no anchor_x/anchor_y columns: " + ", ".join(columns))
    communes = {}
    for code, population, ax, ay in db.execute("SELECT code, population, anchor_x, anchor_y FROM communes"):
        communes[code] = (population or 0.0, ax, ay)
    supply = {}
    for commune, count in db.execute(
            "SELECT commune, SUM(count) FROM professionals WHERE profession = ? AND vintage = ? GROUP BY commune",
            (profession, vintage)):
        supply[commune] = count
    return communes, supply


def neighbours(points, reach_m):
    """Pairs (i, j, metres) within reach, through a grid of reach-sized cells."""
    grid = {}
    for code, (_, x, y) in points.items():
        if x is None or y is None:
            continue
        grid.setdefault((int(x // reach_m), int(y // reach_m)), []).append(code)
    for (gx, gy), members in grid.items():
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in grid.get((gx + dx, gy + dy), []):
                    for code in members:
                        _, x1, y1 = points[code]
                        _, x2, y2 = points[other]
                        d = math.hypot(x1 - x2, y1 - y2)
                        if d < reach_m:
                            yield code, other, d


def apl(communes, supply, speed):
    reach_m = 20 / 60 * speed * 1000
    pairs = {}
    for i, j, d in neighbours(communes, reach_m):
        pairs.setdefault(j, []).append((i, weight(d / 1000 / speed * 60)))
    for code in communes:  # a commune without a point still reaches itself
        pairs.setdefault(code, [])
        if all(i != code for i, _ in pairs[code]):
            pairs[code].append((code, 1.0))
    ratio = {}
    for j, s in supply.items():
        if j not in pairs or s <= 0:
            continue
        demand = sum(communes[i][0] * w for i, w in pairs[j])
        ratio[j] = s / demand if demand > 0 else 0.0
    value = {code: 0.0 for code in communes}
    for j, r in ratio.items():
        for i, w in pairs[j]:
            value[i] += r * w * 100000
    return value


def ranks(values):
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = [0.0] * len(values)
    k = 0
    while k < len(order):
        m = k
        while m + 1 < len(order) and values[order[m + 1]] == values[order[k]]:
            m += 1
        for t in range(k, m + 1):
            out[order[t]] = (k + m) / 2.0 + 1
        k = m + 1
    return out


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    return cov / math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("engine")
    parser.add_argument("--vintage", type=int, default=2018)
    parser.add_argument("--speed", type=float, default=37)
    parser.add_argument("--profession", default="medecin_generaliste")
    args = parser.parse_args()
    communes, supply = read_dataset(args.dataset, args.profession, args.vintage)
    reference = apl(communes, supply, args.speed)
    with open(args.engine, newline="", encoding="utf-8") as f:
        engine = {row["commune"]: float(row["access"]) for row in csv.DictReader(f) if row["access"]}
    common = sorted(set(engine) & set(reference))
    a = [engine[c] for c in common]
    b = [reference[c] for c in common]
    worst = max(range(len(common)), key=lambda k: abs(a[k] - b[k]))
    print(f"communes compared: {len(common)} (engine {len(engine)}, reference {len(reference)})")
    print(f"Spearman: {spearman(a, b):.6f}")
    print(f"max |difference|: {abs(a[worst] - b[worst]):.6g} (commune {common[worst]}: "
          f"engine {a[worst]:.6g}, reference {b[worst]:.6g})")


if __name__ == "__main__":
    main()
