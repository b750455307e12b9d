-- The SQL peer of 'maillage classify --communes communes.csv --professionals professionals.csv' (BPE codes):
-- the typology of pôles d'offre (DOMAIN.md §3) with BPE's mass scale 0.25, in sqlite3 :memory:.
-- Run from the folder of the two tables (tests/bench/make_tables.sh writes them):
--   sqlite3 :memory: < classify_peer.sql > poles_peer.csv
.mode csv
.import communes.csv communes
.import professionals.csv professionals
-- The catalogue's groups of the BPE codes (resources/professions.csv): 'pole' or 'proximite'; others ignored.
CREATE TABLE grp(code TEXT PRIMARY KEY, pole INTEGER);
INSERT INTO grp VALUES ('D201',0),('D301',0),('D221',0),('D232',0),('D233',0),('D234',0),('D237',0),
  ('D202',1),('D203',1),('D204',1),('D205',1),('D206',1),('D207',1),('D208',1),('D209',1),('D210',1),
  ('D211',1),('D212',1),('D213',1),('D214',1),('D231',1),('D235',1),('D236',1),('D238',1),('D239',1),
  ('D240',1),('D241',1),('D242',1);
-- Arrondissements municipaux counted in their city (Paris, Lyon, Marseille).
CREATE TABLE counts AS
SELECT CASE WHEN commune BETWEEN '75101' AND '75120' THEN '75056'
            WHEN commune BETWEEN '69381' AND '69389' THEN '69123'
            WHEN commune BETWEEN '13201' AND '13216' THEN '13055' ELSE commune END AS commune,
       g.pole AS pole, CAST(count AS REAL) AS n
FROM professionals p JOIN grp g ON g.code = p.profession;
CREATE TABLE bv AS
SELECT c.bv AS bv, SUM(k.n) AS total, SUM(CASE WHEN k.pole THEN k.n ELSE 0 END) AS pole, 0.0 AS psy
FROM counts k JOIN communes c ON c.code = k.commune WHERE c.bv NOT IN ('', 'ZZZZZ') GROUP BY c.bv;
.headers on
SELECT bv,
       CASE WHEN total > 10000 * 0.25 THEN 1
            WHEN total >= 3000 * 0.25 THEN 2
            WHEN total >= 1500 * 0.25 AND pole / total >= 0.20 AND psy / total <= 0.20 THEN 3
            WHEN total - psy >= 1000 * 0.25 THEN 4 ELSE 0 END AS type,
       total, pole, psy, total - psy AS ex_psy
FROM bv ORDER BY bv;
