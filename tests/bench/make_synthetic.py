#!/usr/bin/env python3
"""Synthetic national-like tables of N communes (up to 95,859: every code INSEE allows, département 01-95
with 2A/2B, commune numbers 001-999, no arrondissement), for the scaling measurements of compare.sh's commands:
communes.csv (code, name, population, bv; bassins de vie of 21 communes of a département) and
professionals.csv (commune, profession, count), whose rows repeat the national BPE tables commune after
commune.

With --polygons, also what `maillage import` reads for a map (the desktop application's scaling):
communes.geojson (code, nom; WGS 84), bassins.csv (CODGEO, BV2012, LIBBV2012, DEP, REG) and population.csv
(codgeo, population). The communes tile a France-sized box: each département is a block of square cells
(12 × 8 blocks, régions of 8 départements), a bassin de vie 7 × 3 cells of it, and every cell's sides are
broken lines of 12 segments shared exactly with its neighbours (50 vertices a commune; the real ones
have 62 on average), so that the dissolves and the renders do the work the real ones do.

Usage: make_synthetic.py N SOURCE_DIR OUT_DIR [--polygons], SOURCE_DIR holding make_tables.sh's
communes.csv and professionals.csv (the real national tables)."""
import csv
import json
import math
import os
import sys
from collections import defaultdict

DEPARTEMENTS = [f"{d:02d}" for d in range(1, 20)] + ["2A", "2B"] + [f"{d:02d}" for d in range(21, 96)]
BLOCKS_X, BLOCKS_Y = 12, 8  # 96 départements
BOX = (-4.6, 42.4, 8.2, 51.1)  # lon/lat of the tiled box (metropolitan France's)
SEGMENTS = 12  # per side of a commune
BV_W, BV_H = 7, 3  # cells of a bassin de vie (21 communes)


def is_arrondissement(code):
    return "75101" <= code <= "75120" or "69381" <= code <= "69389" or "13201" <= code <= "13216"


def insee_codes():
    for n in range(1, 1000):
        for dep in DEPARTEMENTS:
            if not is_arrondissement(f"{dep}{n:03d}"):  # they would be summed into their city
                yield f"{dep}{n:03d}"


def cell_of(j, width):
    """Cell (column, row) of a département's j-th commune: bands of BV_H rows walked column by column, so
    that 21 consecutive communes make a BV_W × BV_H block."""
    band, r = divmod(j, BV_H * width)
    return r // BV_H, band * BV_H + r % BV_H


def side(key, a, b, cell):
    """Broken line from a to b (b excluded), the same for both cells that share it: each inner vertex
    moved across the side by up to 6 % of the cell (less than a segment: sides never cross), drawn from the
    side's key."""
    points = [a]
    horizontal = a[1] == b[1]
    for k in range(1, SEGMENTS):
        t = k / SEGMENTS
        off = 0.06 * cell * math.sin(hash_unit(key, k) * 6.283)
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        points.append((x, y + off) if horizontal else (x + off, y))
    return points


def hash_unit(key, k):
    h = 2166136261
    for v in (*key, k):
        h = ((h ^ (v & 0xFFFFFFFF)) * 16777619) & 0xFFFFFFFF
    return h / 0xFFFFFFFF


def ring(x, y, sx, sy, x0, y0):
    """Closed ring of global cell (x, y): its four shared sides, counter-clockwise."""
    def p(i, j):
        return (x0 + i * sx, y0 + j * sy)

    def along(kind, i, j, forward):
        a, b = (p(i, j), p(i + 1, j)) if kind == 0 else (p(i, j), p(i, j + 1))
        pts = side((kind, i, j), a, b, sy if kind == 0 else sx)
        if forward:
            return pts
        return [b] + pts[:0:-1]

    pts = along(0, x, y, True) + along(1, x + 1, y, True) + along(0, x, y + 1, False) + along(1, x, y, False)
    pts.append(pts[0])
    return [[round(px, 6), round(py, 6)] for px, py in pts]


def main():
    args = [a for a in sys.argv[1:] if a != "--polygons"]
    polygons = "--polygons" in sys.argv[1:]
    n, source, out = int(args[0]), args[1], args[2]
    with open(os.path.join(source, "communes.csv"), newline="", encoding="utf-8") as f:
        real = list(csv.DictReader(f))
    counts = defaultdict(list)
    with open(os.path.join(source, "professionals.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["commune"]].append((row["profession"], row["count"]))
    codes = sorted(code for _, code in zip(range(n), insee_codes()))
    if len(codes) < n:
        sys.exit(f"at most {len(codes)} communes")
    by_dep = defaultdict(list)
    for code in codes:
        by_dep[code[:2]].append(code)
    bv = {}
    for dep_codes in by_dep.values():
        for j, code in enumerate(dep_codes):
            bv[code] = dep_codes[j - j % 21]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "communes.csv"), "w", newline="", encoding="utf-8") as fc, \
         open(os.path.join(out, "professionals.csv"), "w", newline="", encoding="utf-8") as fp:
        wc, wp = csv.writer(fc), csv.writer(fp)
        wc.writerow(["code", "name", "population", "bv"])
        wp.writerow(["commune", "profession", "count"])
        for i, code in enumerate(codes):
            model = real[i % len(real)]
            wc.writerow([code, f"Commune {code}", model["population"], bv[code]])
            for profession, count in counts.get(model["code"], []):
                wp.writerow([code, profession, count])
    if polygons:
        write_polygons(out, codes, by_dep, bv, real)


def write_polygons(out, codes, by_dep, bv, real):
    # Block of a département: the largest one's communes as BV_W-wide bands of BV_H rows.
    largest = max(len(c) for c in by_dep.values())
    width = BV_W * math.ceil(math.sqrt(largest) / BV_W)
    height = math.ceil(largest / (BV_H * width)) * BV_H
    sx = (BOX[2] - BOX[0]) / (BLOCKS_X * width)
    sy = (BOX[3] - BOX[1]) / (BLOCKS_Y * height)
    population = {code: real[i % len(real)]["population"] for i, code in enumerate(codes)}
    with open(os.path.join(out, "communes.geojson"), "w", encoding="utf-8") as fg, \
         open(os.path.join(out, "bassins.csv"), "w", newline="", encoding="utf-8") as fb, \
         open(os.path.join(out, "population.csv"), "w", newline="", encoding="utf-8") as fpop:
        wb, wpop = csv.writer(fb), csv.writer(fpop)
        wb.writerow(["CODGEO", "BV2012", "LIBBV2012", "DEP", "REG"])
        wpop.writerow(["codgeo", "population"])
        fg.write('{"type": "FeatureCollection", "features": [\n')
        first = True
        for d, dep in enumerate(DEPARTEMENTS):
            bx, by = d % BLOCKS_X, d // BLOCKS_X
            region = f"{11 + d // 8:02d}"
            for j, code in enumerate(by_dep.get(dep, [])):
                cx, cy = cell_of(j, width)
                x, y = bx * width + cx, by * height + cy
                feature = {"type": "Feature", "properties": {"code": code, "nom": f"Commune {code}"},
                           "geometry": {"type": "Polygon",
                                        "coordinates": [ring(x, y, sx, sy, BOX[0], BOX[1])]}}
                fg.write(("" if first else ",\n") + json.dumps(feature, separators=(",", ":")))
                first = False
                wb.writerow([code, bv[code], f"Bassin {bv[code]}", dep, region])
                wpop.writerow([code, population[code]])
        fg.write("\n]}\n")


if __name__ == "__main__":
    main()
