#!/bin/bash
# The two plain tables 'maillage classify --communes --professionals' and its SQL peer read (national, COG 2018,
# BV2012): communes.csv (code, name, population, bv) and professionals.csv (commune, profession, count; BPE 2018).
# Usage: make_tables.sh SHARED_DATA_DIR OUT_DIR. Exit 77 (skip) when the shared data is absent.
set -euo pipefail
data=${1:?shared data folder}
out=${2:?output folder}
crosswalk=$data/bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv
population=$data/population/population_communes_2020.csv
bpe=$data/professionals/bpe2018_sante_par_commune_long.csv
for f in "$crosswalk" "$population" "$bpe"; do
    [ -f "$f" ] || { echo "skip: $f is absent" >&2; exit 77; }
done
mkdir -p "$out"
[ "$out/communes.csv" -nt "$crosswalk" ] && [ "$out/professionals.csv" -nt "$bpe" ] && exit 0
sqlite3 :memory: <<SQL
.mode csv
.import '$crosswalk' cw
.import '$population' pop
.headers on
.output '$out/communes.csv'
SELECT cw.CODGEO_2018 AS code, cw.LIBGEO_2018 AS name, COALESCE(pop.population, 0) AS population,
       cw.BV2012 AS bv
FROM cw LEFT JOIN pop ON pop.codgeo = cw.CODGEO_2018 WHERE cw.BV2012 <> '' ORDER BY code;
SQL
# BPE 2018 is already long: only the header is renamed.
{ echo "commune,profession,count"; tail -n +2 "$bpe" | tr -d '"'; } > "$out/professionals.csv"
