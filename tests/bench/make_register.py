#!/usr/bin/env python3
"""A national register in the layout of the Annuaire santé extraction PS_LibreAcces_Personne_activite
('|' separated, 52 named columns, a trailing '|'), of invented professionals, for the import benchmark of
issue 12 (target: 1.2 million activity rows imported in under 20 s).

Usage: make_register.py COMMUNES_CSV OUT_TXT [ROWS]
COMMUNES_CSV is the communes.csv that make_tables.sh writes (code, name, population, bv): professionals
are placed in proportion to the population; 8 % have a second activity row, 1 % of the rows are exact
duplicates, 3 % have no commune (a postcode only), as the real file has such rows. Deterministic (seed 12).
"""
import csv
import itertools
import random
import sys

COLUMNS = [
    "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Code civilité d'exercice",
    "Libellé civilité d'exercice", "Code civilité", "Libellé civilité", "Nom d'exercice", "Prénom d'exercice",
    "Code profession", "Libellé profession", "Code catégorie professionnelle", "Libellé catégorie professionnelle",
    "Code type savoir-faire", "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire",
    "Code mode exercice", "Libellé mode exercice", "Numéro SIRET site", "Numéro SIREN site", "Numéro FINESS site",
    "Numéro FINESS établissement juridique", "Identifiant technique de la structure", "Raison sociale site",
    "Enseigne commerciale site", "Complément destinataire (coord. structure)",
    "Complément point géographique (coord. structure)", "Numéro Voie (coord. structure)",
    "Indice répétition voie (coord. structure)", "Code type de voie (coord. structure)",
    "Libellé type de voie (coord. structure)", "Libellé Voie (coord. structure)",
    "Mention distribution (coord. structure)", "Bureau cedex (coord. structure)", "Code postal (coord. structure)",
    "Code commune (coord. structure)", "Libellé commune (coord. structure)", "Code pays (coord. structure)",
    "Libellé pays (coord. structure)", "Téléphone (coord. structure)", "Téléphone 2 (coord. structure)",
    "Télécopie (coord. structure)", "Adresse e-mail (coord. structure)", "Code Département (structure)",
    "Libellé Département (structure)", "Ancien identifiant de la structure", "Autorité d'enregistrement",
    "Code secteur d'activité", "Libellé secteur d'activité", "Code section tableau pharmaciens",
    "Libellé section tableau pharmaciens",
]
# (RPPS code, savoir-faire, weight): roughly the national mix of RPPS + ADELI.
PROFESSIONS = [("10", "SM54", 10), ("10", "SM20", 12), ("21", "", 7), ("40", "", 4), ("50", "", 2),
               ("60", "", 45), ("70", "", 9), ("28", "", 3), ("80", "", 1), ("91", "", 2), ("92", "", 1),
               ("96", "", 1), ("98", "", 2), ("86", "", 1)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    communes_csv, out_path = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 1_200_000
    rng = random.Random(12)
    with open(communes_csv, newline="", encoding="utf-8") as f:
        communes = [(r["code"], max(1.0, float(r["population"] or 0))) for r in csv.DictReader(f)]
    codes = [c for c, _ in communes]
    cumulative = list(itertools.accumulate(p for _, p in communes))
    kinds = [(p, s) for p, s, _ in PROFESSIONS]
    kind_weights = [w for _, _, w in PROFESSIONS]
    index = {name: i for i, name in enumerate(COLUMNS)}
    written = 0
    person = 0
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        out.write("|".join(COLUMNS) + "|\n")
        while written < rows:
            person += 1
            profession, savoir = rng.choices(kinds, kind_weights)[0]
            activities = 2 if rng.random() < 0.08 else 1
            for a in range(activities):
                cells = [""] * len(COLUMNS)
                cells[index["Type d'identifiant PP"]] = "8"
                cells[index["Identifiant PP"]] = "1%010d" % person
                cells[index["Nom d'exercice"]] = "NOM%d" % person
                cells[index["Prénom d'exercice"]] = "PRENOM"
                cells[index["Code profession"]] = profession
                cells[index["Code savoir-faire"]] = savoir
                cells[index["Code mode exercice"]] = rng.choice("LLLS")
                cells[index["Identifiant technique de la structure"]] = "S%d-%d" % (person, a)
                commune = rng.choices(codes, cum_weights=cumulative)[0]
                cells[index["Code postal (coord. structure)"]] = commune[:2] + "000"
                if rng.random() >= 0.03:
                    cells[index["Code commune (coord. structure)"]] = commune
                line = "|".join(cells) + "|\n"
                out.write(line)
                written += 1
                if rng.random() < 0.01 and written < rows:
                    out.write(line)
                    written += 1


if __name__ == "__main__":
    main()
