#!/usr/bin/env python3
"""Synthetic national-like tables of N communes (up to 95,859: every code INSEE allows, département 01-95
with 2A/2B, commune numbers 001-999, no arrondissement), for the scaling measurements of compare.sh's commands:
communes.csv (code, name, population, bv; about 21 communes per bassin de vie) and professionals.csv
(commune, profession, count), whose rows repeat the national BPE tables commune after commune.

Usage: make_synthetic.py N SOURCE_DIR OUT_DIR, SOURCE_DIR holding make_tables.sh's communes.csv and
professionals.csv (the real national tables)."""
import csv
import os
import sys
from collections import defaultdict


def is_arrondissement(code):
    return "75101" <= code <= "75120" or "69381" <= code <= "69389" or "13201" <= code <= "13216"


def insee_codes():
    deps = [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"]
    for n in range(1, 1000):
        for dep in deps:
            if not is_arrondissement(f"{dep}{n:03d}"):  # they would be summed into their city
                yield f"{dep}{n:03d}"


def main():
    n, source, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    with open(os.path.join(source, "communes.csv"), newline="", encoding="utf-8") as f:
        real = list(csv.DictReader(f))
    counts = defaultdict(list)
    with open(os.path.join(source, "professionals.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["commune"]].append((row["profession"], row["count"]))
    codes = sorted(code for _, code in zip(range(n), insee_codes()))
    if len(codes) < n:
        sys.exit(f"at most {len(codes)} communes")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "communes.csv"), "w", newline="", encoding="utf-8") as fc, \
         open(os.path.join(out, "professionals.csv"), "w", newline="", encoding="utf-8") as fp:
        wc, wp = csv.writer(fc), csv.writer(fp)
        wc.writerow(["code", "name", "population", "bv"])
        wp.writerow(["commune", "profession", "count"])
        for i, code in enumerate(codes):
            model = real[i % len(real)]
            bv = codes[i - i % 21]
            wc.writerow([code, f"Commune {code}", model["population"], bv])
            for profession, count in counts.get(model["code"], []):
                wp.writerow([code, profession, count])


if __name__ == "__main__":
    main()
