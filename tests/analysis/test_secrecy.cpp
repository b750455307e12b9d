// Statistical secrecy (DOMAIN.md §7): primary, complementary and derived masking, and a scan of every
// result table for a count from 1 to threshold − 1 that can be read or recomputed.
#include "testing.h"

#include "core/analysis/crunch.h"
#include "core/analysis/dataset_results.h"
#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/io/import.h"
#include "core/io/table.h"
#include "core/io/table_writer.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"
#include "core/model/text.h"

#include <QObject>

#include <cmath>
#include <map>
#include <optional>
#include <set>

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::q;

namespace {

const SecrecyRule kRule = SecrecyRule{5, true};

// ---------------------------------------------------------------- reading outputs back

//! A result table as an output gives it back: written as CSV, read with the project's table reader.
struct Output {
    io::Table table;
    std::optional<double> number(std::size_t row, const std::string& column) const {
        const int c = table.column(column);
        if (c < 0)
            qFatal("no column %s", column.c_str());
        const std::string& s = table.cell(row, c);
        if (s.empty())
            return std::nullopt;
        return text::parseNumber(s);
    }
    std::string text(std::size_t row, const std::string& column) const {
        return table.cell(row, table.requireColumn(column));
    }
    std::size_t rows() const { return table.rows.size(); }
    //! Row index by the value of `keyColumn`.
    std::map<std::string, std::size_t> index(const std::string& keyColumn) const {
        std::map<std::string, std::size_t> out;
        for (std::size_t r = 0; r < rows(); ++r)
            out[text(r, keyColumn)] = r;
        return out;
    }
};

Output readBack(const io::ResultTable& table) {
    return Output{io::parseCsvText(io::csvText(table, io::TableFormat::Csv), table.name + ".csv")};
}

//! Every leak found: "where: what".
using Leaks = std::vector<std::string>;

bool secret(double v) {
    return isSecret(std::round(v * 1000) / 1000, kRule);
}

void checkShown(const Output& o, std::size_t r, const std::string& column, const std::string& where,
                Leaks& leaks) {
    const auto v = o.number(r, column);
    if (v && secret(*v))
        leaks.push_back(where + ": " + column + " = " + text::formatShortest(*v));
}

//! `a` − `b` when both are shown must not be a secret count.
void checkDifference(const Output& o, std::size_t r, const std::string& a, const std::string& b,
                     const std::string& where, Leaks& leaks) {
    const auto x = o.number(r, a), y = o.number(r, b);
    if (x && y && secret(*x - *y))
        leaks.push_back(where + ": " + a + " - " + b + " = " + text::formatShortest(*x - *y));
}

//! A figure computed from `operand` must be masked with it.
void checkDerived(const Output& o, std::size_t r, const std::string& derived, const std::string& operand,
                  const std::string& where, Leaks& leaks) {
    if (o.number(r, derived) && !o.number(r, operand))
        leaks.push_back(where + ": " + derived + " shown next to a masked " + operand);
}

//! The classification scanned: counts, differences of counts (complementary cells), shares, reasons.
void scanClassification(const Output& o, Leaks& leaks) {
    // Data that count no psychiatric nurse (the BPE) leave psy and ex_psy empty in every row: absent, not
    // masked.
    bool psyCounted = false;
    for (std::size_t r = 0; r < o.rows(); ++r)
        psyCounted = psyCounted || o.number(r, "psy").has_value();
    for (std::size_t r = 0; r < o.rows(); ++r) {
        const std::string where = "classification " + o.text(r, "bv");
        for (const char* c : {"total", "pole", "psy", "ex_psy"})
            checkShown(o, r, c, where, leaks);
        checkDifference(o, r, "total", "pole", where, leaks);
        checkDifference(o, r, "total", "psy", where, leaks);
        checkDifference(o, r, "total", "ex_psy", where, leaks);
        checkDifference(o, r, "pole", "psy", where, leaks);
        for (const char* operand : {"pole", "total"})
            checkDerived(o, r, "pole_share", operand, where, leaks);
        for (const char* operand : {"psy", "total"})
            checkDerived(o, r, "psy_share", operand, where, leaks);
        const bool anyMasked = !o.number(r, "total") || !o.number(r, "pole") ||
                               (psyCounted && (!o.number(r, "psy") || !o.number(r, "ex_psy")));
        if (anyMasked && o.text(r, "reason").find("secret") == std::string::npos)
            leaks.push_back(where + ": the reason quotes the figures of a masked row");
    }
}

//! A density table scanned row by row: counts, and the density and ratio of masked counts.
void scanDensityRows(const Output& o, const std::string& level, Leaks& leaks) {
    for (std::size_t r = 0; r < o.rows(); ++r) {
        const std::string where = "density " + level + " " + o.text(r, "code");
        checkShown(o, r, "count", where, leaks);
        checkDerived(o, r, "per_10000", "count", where, leaks);
        checkDerived(o, r, "inhabitants_per_professional", "count", where, leaks);
        const auto pop = o.number(r, "population"), d = o.number(r, "per_10000");
        if (pop && d && secret(std::round(*d * *pop / 10000)))
            leaks.push_back(where + ": count recomputed from the density: " +
                            text::formatShortest(*d * *pop / 10000) + " (count " + o.text(r, "count") + ")");
    }
}

//! A parent's count (another output) minus the shown counts of its children: the masked children.
void scanAgainstParents(const Output& children, const Output& parents,
                        const std::function<std::string(const std::string&)>& parentOf,
                        const std::string& what, Leaks& leaks) {
    std::map<std::string, double> shownSum;
    std::map<std::string, int> maskedChildren;
    for (std::size_t r = 0; r < children.rows(); ++r) {
        const std::string parent = parentOf(children.text(r, "code"));
        if (const auto v = children.number(r, "count"))
            shownSum[parent] += *v;
        else
            ++maskedChildren[parent];
    }
    const auto parentRows = parents.index("code");
    for (const auto& [parent, masked] : maskedChildren) {
        const auto it = parentRows.find(parent);
        if (it == parentRows.end())
            continue;
        const auto total = parents.number(it->second, "count");
        if (total && secret(*total - shownSum[parent]))
            leaks.push_back(what + " " + parent + ": " + text::formatShortest(*total - shownSum[parent]) +
                            " recomputed from " + std::to_string(masked) + " masked part(s)");
    }
}

// ---------------------------------------------------------------- a territory with many small counts

//! A small linear congruential generator: the same territory on every run.
struct Lcg {
    unsigned long long s = 20260611;
    int next(int n) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((s >> 33) % static_cast<unsigned long long>(n));
    }
};

//! 2 régions × 2 départements × 8 BVs × 6 communes, with counts from 0 to 12 per profession, two vintages:
//! many counts from 1 to 4, BVs with one small psychiatric count, others with a small N − N_pole.
model::Dataset smallCountsTerritory() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.meta.title = "Petits effectifs";
    ds.meta.vintages = {2013, 2018};
    Lcg rng;
    for (int reg = 1; reg <= 2; ++reg)
        for (int dep = 1; dep <= 2; ++dep)
            for (int bv = 0; bv < 8; ++bv) {
                model::Bassin b;
                b.code = std::to_string(reg * 10 + dep) + std::to_string(100 + bv * 10);
                b.name = "BV " + b.code;
                b.dep = std::to_string(reg * 10 + dep);
                b.reg = "R" + std::to_string(reg);
                b.anchor = {700000.0 + reg * 90000 + bv * 9000, 6900000.0 + dep * 40000};
                for (int c = 0; c < 6; ++c) {
                    model::Commune m;
                    m.code = b.dep + std::to_string(100 + bv * 10 + c);
                    m.name = "Commune " + m.code;
                    m.population = 300 + rng.next(9000);
                    m.bv = b.code;
                    m.dep = b.dep;
                    m.reg = b.reg;
                    m.anchor = {b.anchor.x + c * 1000, b.anchor.y};
                    b.communes.push_back(m.code);
                    b.population += m.population;
                    ds.communes.push_back(m);
                    for (int vintage : ds.meta.vintages)
                        for (const char* profession :
                             {"medecin_generaliste", "medecin_specialiste", "infirmier_psychiatrique"}) {
                            const int n = rng.next(3) == 0 ? 0 : rng.next(bv % 3 == 0 ? 5 : 13);
                            ds.counts.push_back({m.code, profession, vintage, static_cast<double>(n)});
                        }
                }
                ds.bassins.push_back(b);
            }
    ds.reindex();
    return ds;
}

//! Density rows of a level, summed from the communes' (the tables of every level come from them).
std::vector<DensityRow> levelRows(const model::Dataset& ds, const std::vector<DensityRow>& communes,
                                  const std::function<std::string(const model::Commune&)>& keyOf) {
    std::map<std::string, DensityRow> byKey;
    for (std::size_t i = 0; i < ds.communes.size(); ++i) {
        DensityRow& r = byKey[keyOf(ds.communes[i])];
        r.code = keyOf(ds.communes[i]);
        r.name = r.code;
        r.population += communes[i].population;
        r.count += communes[i].count;
    }
    std::vector<DensityRow> out;
    for (auto& [key, r] : byKey) {
        r.per10k = r.population > 0 ? r.count / r.population * 10000 : 0;
        r.inhabitantsPerProfessional = r.count > 0 ? r.population / r.count : 0;
        out.push_back(r);
    }
    return out;
}

//! Every density output of `profession` scanned, alone and against the levels above.
void scanDensities(const model::Dataset& ds, const std::string& profession, int vintage, Leaks& leaks) {
    const std::vector<DensityRow> communes = densityForAllCommunes(ds, profession, vintage).rows;
    auto table = [&](DensityLevel level, std::vector<DensityRow> rows) {
        return readBack(densityTable(ds, {level, std::move(rows), profession, vintage}, kRule));
    };
    const Output c = table(DensityLevel::Commune, communes);
    const Output b = table(DensityLevel::Bassin, levelRows(ds, communes, [](auto& m) { return m.bv; }));
    const Output d = table(DensityLevel::Departement, levelRows(ds, communes, [](auto& m) { return m.dep; }));
    const Output r = table(DensityLevel::Region, levelRows(ds, communes, [](auto& m) { return m.reg; }));
    const Output all =
        table(DensityLevel::Region, levelRows(ds, communes, [](auto&) { return std::string("all"); }));
    for (const auto& [o, level] : {std::pair{&c, "commune"}, {&b, "bv"}, {&d, "dep"}, {&r, "region"}})
        scanDensityRows(*o, level, leaks);
    auto communeField = [&](std::string model::Commune::*field) {
        return [&ds, field](const std::string& code) {
            const model::Commune* m = ds.commune(code);
            return m ? m->*field : std::string();
        };
    };
    scanAgainstParents(c, b, communeField(&model::Commune::bv), "BV", leaks);
    scanAgainstParents(c, d, communeField(&model::Commune::dep), "département", leaks);
    scanAgainstParents(c, r, communeField(&model::Commune::reg), "région", leaks);
    scanAgainstParents(
        c, all, [](const std::string&) { return std::string("all"); }, "dataset", leaks);
    scanAgainstParents(
        b, all, [](const std::string&) { return std::string("all"); }, "dataset (BVs)", leaks);
    scanAgainstParents(
        r, all, [](const std::string&) { return std::string("all"); }, "dataset (régions)", leaks);
}

//! The Crunch tables scanned: counts and changes per BV, and the selection's figures.
void scanCrunch(const std::vector<io::ResultTable>& tables, Leaks& leaks) {
    const io::ResultTable* changes = nullptr;
    const io::ResultTable* concentration = nullptr;
    for (const io::ResultTable& t : tables) {
        changes = t.name == "crunch_changes" ? &t : changes;
        concentration = t.name == "crunch_concentration" ? &t : concentration;
    }
    if (!changes || !concentration) {
        leaks.push_back("crunch: tables missing");
        return;
    }
    const Output o = readBack(*changes);
    bool anyMasked = false;
    for (std::size_t r = 0; r < o.rows(); ++r) {
        const std::string where = "crunch " + o.text(r, "bv");
        checkShown(o, r, "before", where, leaks);
        checkShown(o, r, "after", where, leaks);
        for (const char* operand : {"before", "after"}) {
            checkDerived(o, r, "change", operand, where, leaks);
            checkDerived(o, r, "change_percent", operand, where, leaks);
        }
        anyMasked = anyMasked || !o.number(r, "after");
    }
    // The selection's total minus the BVs' shown counts: the masked ones.
    const Output k = readBack(*concentration);
    double shown = 0;
    for (std::size_t r = 0; r < o.rows(); ++r)
        shown += o.number(r, "after").value_or(0);
    const auto total = k.number(0, "total_professionals");
    if (anyMasked && total && secret(*total - shown))
        leaks.push_back("crunch: total_professionals gives back " + text::formatShortest(*total - shown));
}

QString joined(const Leaks& leaks) {
    QStringList out;
    for (std::size_t i = 0; i < leaks.size() && i < 20; ++i)
        out << q(leaks[i]);
    return QString::number(leaks.size()) + QStringLiteral(" leak(s): ") + out.join(QStringLiteral("; "));
}

const io::Cell& cellOf(const io::ResultTable& t, std::size_t row, const std::string& column) {
    const int c = t.column(column);
    if (c < 0)
        qFatal("no column %s", column.c_str());
    return t.rows.at(row).cells.at(c);
}

} // namespace

class TestSecrecy : public QObject {
    Q_OBJECT

private slots:
    void countsFromOneToThresholdMinusOneAreSecret_data() {
        QTest::addColumn<double>("count");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("secret");
        QTest::newRow("0 identifies no one") << 0.0 << 5.0 << false;
        QTest::newRow("1") << 1.0 << 5.0 << true;
        QTest::newRow("4") << 4.0 << 5.0 << true;
        QTest::newRow("4.5 full-time equivalents") << 4.5 << 5.0 << true;
        QTest::newRow("5 is the threshold") << 5.0 << 5.0 << false;
        QTest::newRow("threshold 3: 2") << 2.0 << 3.0 << true;
        QTest::newRow("threshold 3: 3") << 3.0 << 3.0 << false;
        QTest::newRow("threshold 11: 10") << 10.0 << 11.0 << true;
    }
    void countsFromOneToThresholdMinusOneAreSecret() {
        QFETCH(double, count);
        QFETCH(double, threshold);
        QFETCH(bool, secret);
        QCOMPARE(isSecret(count, SecrecyRule{threshold, true}), secret);
        model::DensityParameters params;
        params.secrecyThreshold = threshold;
        QCOMPARE(isMasked(count, params), secret);
        QVERIFY(!isSecret(count, SecrecyRule::off()));
    }

    void maskedCountsReadLessThanTheThreshold() {
        QCOMPARE(maskedLabel(kRule, Language::Fr), std::string("< 5"));
        QCOMPARE(maskedLabel(SecrecyRule{11, true}, Language::En), std::string("< 11"));
        model::DensityParameters params;
        QCOMPARE(maskedCountFr(3, params), std::string("< 5"));
        QCOMPARE(maskedCountFr(1234, params), std::string("1\u00a0234"));
    }

    void captionsSayFromWhichThresholdCountsAreMasked() {
        QCOMPARE(word(secrecyNote(kRule), Language::Fr),
                 std::string("secret statistique\u00a0: effectifs inférieurs à 5 masqués"));
        QCOMPARE(word(secrecyNote(SecrecyRule{10, true}), Language::En),
                 std::string("statistical secrecy: counts below 10 masked"));
        QCOMPARE(word(secrecyNote(SecrecyRule::off()), Language::En),
                 std::string("statistical secrecy not applied: small counts are shown"));
        const io::ResultTable t = classificationTable(model::Dataset{}, {}, kRule, Language::Fr);
        QVERIFY2(io::tableCaption(t, Language::Fr).find("effectifs inférieurs à 5 masqués") !=
                     std::string::npos,
                 io::tableCaption(t, Language::Fr).c_str());
    }

    void aSmallPsychiatricCountMasksTheCountBesideItThatGivesItBack() {
        // N = 1,200, N_pole = 200, N_psy = 3: ex_psy = 1,197 would give psy back (1,200 − 1,197).
        const ClassificationMask m = maskClassification(1200, 200, 3, kRule);
        QVERIFY(m.psy);
        QVERIFY(m.exPsy);
        QVERIFY(!m.total);
        QVERIFY(!m.pole);
        QVERIFY(m.psyShare);
        QVERIFY(!m.poleShare);
        QVERIFY(m.reason);
    }

    void aSmallFirstLineCountMasksThePoleCount() {
        // N − N_pole = 3 is not written, but total − pole would give it: pole is masked, and its share.
        const ClassificationMask m = maskClassification(1003, 1000, 0, kRule);
        QVERIFY(m.pole);
        QVERIFY(m.poleShare);
        QVERIFY(!m.total);
        QVERIFY(!m.psy);
        QVERIFY(!m.exPsy);
        QVERIFY(!m.psyShare);
    }

    void zeroCountsAndLargeCountsAreShown() {
        const ClassificationMask m = maskClassification(1200, 200, 0, kRule);
        QVERIFY(!m.any());
        QVERIFY(!m.poleShare && !m.psyShare && !m.reason);
        QVERIFY(!maskClassification(1200, 200, 3, SecrecyRule::off()).any());
    }

    void theClassificationTableMasksComplementaryCellsAndTheReason() {
        model::Dataset ds;
        ds.bassins.push_back({"59001", "Grandville", "59", "32", 0, {"59001"}, {}, {}});
        ds.reindex();
        PoleClassification p;
        p.bv = "59001";
        p.type = PoleType::Secondaire;
        p.total = 1200;
        p.pole = 200;
        p.psy = 3;
        p.exPsy = 1197;
        p.poleShare = 200.0 / 1200;
        p.psyShare = 3.0 / 1200;
        const io::ResultTable t = classificationTable(ds, {p}, kRule, Language::En);
        QCOMPARE(cellOf(t, 0, "name").text, std::string("Grandville"));
        QCOMPARE(cellOf(t, 0, "total").number, 1200.0);
        QCOMPARE(cellOf(t, 0, "pole").number, 200.0);
        QVERIFY(cellOf(t, 0, "psy").masked);
        QVERIFY(cellOf(t, 0, "ex_psy").masked);
        QVERIFY(cellOf(t, 0, "psy_share").masked);
        QCOMPARE(cellOf(t, 0, "pole_share").number, 200.0 / 1200);
        QCOMPARE(cellOf(t, 0, "reason").text,
                 std::string("Secondary pole (detail masked: statistical secrecy, counts below 5)"));
        QCOMPARE(t.maskedRows(), 1);
        // A masked cell keeps no value: nothing to leak through a copy of the table.
        QCOMPARE(cellOf(t, 0, "psy").number, 0.0);
        const std::string csv = io::csvText(t, io::TableFormat::Csv);
        QVERIFY2(csv.find("1197") == std::string::npos && csv.find(",3,") == std::string::npos, csv.c_str());
    }

    void aLoneMaskedPartMasksTheSmallestOtherPart() {
        CountGrid g;
        const int a = g.add(3), b = g.add(10), c = g.add(20), d = g.add(7);
        g.relate(g.add(40, CountGrid::Visibility::Published), {a, b, c, d});
        const std::vector<bool> m = g.solve(kRule);
        QVERIFY(m[a]);
        QVERIFY(m[d]); // 7, the smallest non-zero part: 3 + 7 = 10 is no secret count
        QVERIFY(!m[b]);
        QVERIFY(!m[c]);
        QVERIFY(!m[4]); // published elsewhere: not maskable here
    }

    void maskedPartsAreAddedUntilTheirSumIsNoSecretCount() {
        CountGrid g;
        const int a = g.add(1), b = g.add(2), zero = g.add(0), c = g.add(30), d = g.add(40);
        g.relate(g.add(73, CountGrid::Visibility::Published), {a, b, zero, c, d});
        const std::vector<bool> m = g.solve(kRule);
        QVERIFY(m[a] && m[b]); // 1 + 2 = 3 would still be a secret count
        QVERIFY(m[c]);         // 1 + 2 + 30
        QVERIFY(!m[zero]);     // masking a zero adds nothing
        QVERIFY(!m[d]);
    }

    void theTotalIsMaskedWhenNoPartIsLeftToMask() {
        CountGrid g;
        const int part = g.add(2), other = g.add(8, CountGrid::Visibility::Published), total = g.add(10);
        g.relate(total, {part, other});
        const std::vector<bool> m = g.solve(kRule);
        QVERIFY(m[part]);
        QVERIFY(!m[other]);
        QVERIFY(m[total]);
    }

    void aMaskRecomputedThroughAnotherTotalIsMaskedFurther() {
        // a + b = 12 (a BV), b + c = 30 (a département): masking b alone gives it back through the
        // département, then a through the BV.
        CountGrid g;
        const int a = g.add(2), b = g.add(10), c = g.add(20);
        g.relate(g.add(12, CountGrid::Visibility::Published), {a, b});
        g.relate(g.add(30, CountGrid::Visibility::Published), {b, c});
        const std::vector<bool> m = g.solve(kRule);
        QVERIFY(m[a]);
        QVERIFY(m[b]);
        QVERIFY(m[c]);
    }

    void aMaskedCountMasksItsDensityAndRatio() {
        model::Dataset ds;
        DensityTableInput in;
        in.level = DensityLevel::Region; // no upper total but the whole dataset
        in.rows = {{"R1", "Un", 20000, 3, 1.5, 6666.7},
                   {"R2", "Deux", 10000, 0, 0, 0},
                   {"R3", "Trois", 5000, 40, 80, 125}};
        const io::ResultTable t = densityTable(ds, in, kRule);
        QVERIFY(cellOf(t, 0, "count").masked);
        QVERIFY(cellOf(t, 0, "per_10000").masked);
        QVERIFY(cellOf(t, 0, "inhabitants_per_professional").masked);
        QCOMPARE(cellOf(t, 0, "population").number, 20000.0);
        QCOMPARE(cellOf(t, 1, "count").number, 0.0); // 0 is not secret
        QCOMPARE(cellOf(t, 1, "per_10000").number, 0.0);
        QVERIFY(cellOf(t, 1, "inhabitants_per_professional").empty); // no professional: no ratio
        // The dataset's total (published with the références) minus R2 and R3 would give R1 back.
        QVERIFY(cellOf(t, 2, "count").masked);
        QVERIFY(cellOf(t, 2, "per_10000").masked);
    }

    void communesAreMaskedAgainstTheTotalOfTheirBassin() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        model::Bassin b{"59001", "Grandville", "59", "32", 3000, {"59001", "59002", "59003"}, {}, {}};
        ds.bassins = {b};
        for (const char* code : {"59001", "59002", "59003"})
            ds.communes.push_back({code, std::string("C") + code, 1000, "59001", "59", "32", {}, {}});
        ds.reindex();
        DensityTableInput in;
        in.rows = {{"59001", "A", 1000, 2, 20, 500},
                   {"59002", "B", 1000, 30, 300, 33},
                   {"59003", "C", 1000, 10, 100, 100}};
        const io::ResultTable t = densityTable(ds, in, kRule);
        QVERIFY(cellOf(t, 0, "count").masked);
        QVERIFY(cellOf(t, 2, "count").masked); // 10, the smallest other commune
        QCOMPARE(cellOf(t, 1, "count").number, 30.0);
        QVERIFY(cellOf(t, 2, "per_10000").masked);
    }

    void theParentOfADrillDownIsMaskedWithItsRows() {
        DensityDrillDown d;
        d.rows = {{"59001", "A", 1000, 2, 20, 500}, {"59002", "B", 1000, 0, 0, 0}};
        d.parent = {"59001", "Grandville", 2000, 2, 10, 1000};
        d.bassin = d.parent;
        d.departement = {"59", "Nord", 100000, 400, 40, 250};
        d.region = {"32", "Hauts-de-France", 200000, 900, 45, 222};
        d.dataset = d.region;
        const io::ResultTable t = densityDrillDownTable(d, kRule);
        QCOMPARE(int(t.rows.size()), 7);
        QVERIFY(cellOf(t, 0, "count").masked);
        QCOMPARE(cellOf(t, 1, "count").number, 0.0);
        QVERIFY(cellOf(t, 2, "count").masked); // the parent: 2
        QVERIFY(cellOf(t, 3, "count").masked); // the BV reference is the parent
        QCOMPARE(cellOf(t, 4, "count").number, 400.0);
        QCOMPARE(cellOf(t, 2, "level").text, std::string("parent"));
    }

    void linkIntensitiesOfMaskedMassesAndSmallFlowsAreMasked() {
        model::Dataset ds;
        for (const char* code : {"A", "B", "C"})
            ds.bassins.push_back({code, std::string("BV ") + code, "", "", 0, {}, {700000, 6900000}, {}});
        ds.bassins[1].anchor = {703000, 6904000};
        ds.reindex();
        MaillageResult m;
        m.nodes = {{"A", PoleType::GrandPole, 3000, {700000, 6900000}},
                   {"B", PoleType::Secondaire, 3, {703000, 6904000}},
                   {"C", PoleType::Secondaire, 1500, {710000, 6900000}}};
        m.links = {{0, 1, 5, 360, true}, {0, 2, 10, 45000, false}};
        m.parent = {-1, 0, 0};
        m.isolated = {false, false, true};
        m.nearestPeerDistance = {10, 5, 40};
        m.distanceUnit = "km";
        m.remoteBassins = {"B"};
        const std::vector<BassinFlow> flows = {{"A", "B", 3}, {"B", "A", 12}};
        DeclaredLinks declared;
        declared.links = {{"CHT", "CHT", "B", "A"}};
        const auto tables = linksTables(ds, {&m, &flows, &declared}, kRule);
        QCOMPARE(int(tables.size()), 2);
        const io::ResultTable& t = tables[0];
        QCOMPARE(int(t.rows.size()), 5);
        QVERIFY(cellOf(t, 0, "intensity").masked);           // B's mass 3 is secret
        QCOMPARE(cellOf(t, 1, "intensity").number, 45000.0); // A-C
        QCOMPARE(cellOf(t, 0, "dominant").number, 1.0);
        QVERIFY(cellOf(t, 2, "intensity").masked); // a flow of 3
        QCOMPARE(cellOf(t, 3, "intensity").number, 12.0);
        QCOMPARE(cellOf(t, 2, "distance_km").number, 5.0); // between the anchors
        QVERIFY(cellOf(t, 4, "intensity").empty);
        QCOMPARE(cellOf(t, 4, "kind").text, std::string("declared"));
        QCOMPARE(cellOf(t, 4, "cooperation").text, std::string("CHT (CHT)"));
        const io::ResultTable& isolated = tables[1];
        QCOMPARE(int(isolated.rows.size()), 2);
        QCOMPARE(cellOf(isolated, 0, "bv").text, std::string("C"));
        QCOMPARE(cellOf(isolated, 0, "kind").text, std::string("isolated_pole"));
        QCOMPARE(cellOf(isolated, 0, "nearest_distance").number, 40.0);
        QCOMPARE(cellOf(isolated, 1, "kind").text, std::string("remote_bassin"));
    }

    void crunchFiguresBuiltOnAMaskedCountAreMasked() {
        CrunchDiagnostics d;
        d.bassins = {"A", "B", "C"};
        d.classification = {{}, {}, {}};
        d.classification[0].bv = "A";
        d.classification[0].total = 3000;
        d.classification[1].bv = "B";
        d.classification[1].total = 1200;
        d.classification[2].bv = "C";
        d.classification[2].total = 4;
        d.firstPole = "A";
        d.secondPole = "B";
        d.firstMass = 3000;
        d.secondMass = 1200;
        d.primacy = 2.5;
        d.totalProfessionals = 4204;
        d.firstPoleShare = 3000.0 / 4204;
        d.herfindahl = 0.59;
        d.equivalentPoles = 1.69;
        d.hasEvolution = true;
        d.vintageFrom = 2013;
        d.vintageTo = 2018;
        d.changes = {{"A", 2900, 3000, 100, 3.4, 0, PoleType::GrandPole},
                     {"B", 1250, 1200, -50, -4, 20, PoleType::Secondaire},
                     {"C", 6, 4, -2, -33.3, 40, PoleType::HorsPole}};
        const CrunchMask m = maskCrunch(d, kRule);
        QCOMPARE(m.before, (std::vector<bool>{false, false, false}));
        QCOMPARE(m.after, (std::vector<bool>{false, false, true}));
        QCOMPARE(m.change, (std::vector<bool>{false, false, true}));
        QVERIFY(!m.firstMass && !m.secondMass && !m.primacy);
        QVERIFY(m.selectionFigures);
        QVERIFY(!m.poleChange);
        QVERIFY(m.nonPoleChange);
        QVERIFY(m.drainCorrelation);
        QVERIFY(m.diagnosis);
        const auto tables = crunchTables(model::Dataset{}, d, kRule, Language::Fr);
        QCOMPARE(int(tables.size()), 5);
        const io::ResultTable& concentration = tables[1];
        QCOMPARE(cellOf(concentration, 0, "primacy").number, 2.5);
        QVERIFY(cellOf(concentration, 0, "total_professionals").masked);
        QVERIFY(cellOf(concentration, 0, "herfindahl").masked);
        const io::ResultTable& changes = tables[3];
        QCOMPARE(cellOf(changes, 2, "before").number, 6.0);
        QVERIFY(cellOf(changes, 2, "after").masked);
        QVERIFY(cellOf(changes, 2, "change_percent").masked);
        QVERIFY2(cellOf(tables[4], 0, "diagnosis").text.find("secret statistique") != std::string::npos,
                 cellOf(tables[4], 0, "diagnosis").text.c_str());
        // Without the small BV, nothing is masked and the diagnosis is written.
        d.bassins.pop_back();
        d.classification.pop_back();
        d.changes.pop_back();
        const CrunchMask none = maskCrunch(d, kRule);
        QVERIFY(!none.selectionFigures && !none.diagnosis && !none.drainCorrelation);
    }

    void theDrainCorrelationIsPublishedOverTheBassinsWhoseChangeIsShown() {
        CrunchDiagnostics d;
        d.hasEvolution = true;
        d.mainPole = "A";
        d.minCorrelationBassins = 3; // a drain is stated from 3 BVs here (10 by default)
        // Five BVs losing more the farther they lie, and two small BVs (masked), one breaking the line.
        d.changes = {{"A", 900, 1000, 100, 11.1, 0, PoleType::GrandPole},
                     {"B", 200, 190, -10, -5, 20, PoleType::Secondaire},
                     {"C", 150, 135, -15, -10, 30, PoleType::HorsPole},
                     {"D", 100, 85, -15, -15, 40, PoleType::HorsPole},
                     {"E", 80, 64, -16, -20, 50, PoleType::HorsPole},
                     {"F", 2, 4, 2, 100, 60, PoleType::HorsPole},
                     {"G", 3, 2, -1, -33.3, 70, PoleType::HorsPole}};
        for (BassinChange& c : d.changes)
            c.inCorrelation = true;
        int all = 0;
        d.drainCorrelation = drainCorrelationOf(d.changes, {}, all);
        QCOMPARE(all, 7);
        const CrunchMask m = maskCrunch(d, kRule);
        QVERIFY(m.drainCorrelation); // F's and G's changes are masked and entered the correlation
        QVERIFY(!m.nonPoleChange);   // their sums (5 before, 6 after) give back no secret count
        const CrunchDiagnostics shown = publishableCrunch(d, m);
        QCOMPARE(shown.findings.correlationPoints, 5);
        QVERIFY(shown.drainCorrelation < -0.95); // without F: the drain is plain
        QCOMPARE(shown.findings.drain, DrainSignature::Visible);
        int five = 0;
        QCOMPARE(shown.drainCorrelation,
                 drainCorrelationOf(d.changes, {false, false, false, false, false, true, true}, five));
    }

    void selectionFiguresAreShownWhenTheirMaskedCountsAddUpToNoSecretCount() {
        CrunchDiagnostics d;
        d.bassins = {"A", "B", "C"};
        d.classification = {{}, {}, {}};
        for (int i = 0; i < 3; ++i)
            d.classification[i].bv = d.bassins[i];
        d.classification[0].total = 3000;
        d.classification[1].total = 4;
        d.classification[2].total = 3;
        d.totalProfessionals = 3007;
        d.firstPole = "A";
        d.firstMass = 3000;
        d.herfindahl = 0.9953;
        d.equivalentPoles = 1.0047;
        d.hasEvolution = true;
        d.changes = {{"A", 2900, 3000, 100, 3.4, 0, PoleType::GrandPole},
                     {"B", 6, 4, -2, -33.3, 20, PoleType::HorsPole},
                     {"C", 8, 3, -5, -62.5, 40, PoleType::HorsPole}};
        d.findings.drain = DrainSignature::Visible;
        const CrunchMask m = maskCrunch(d, kRule);
        QVERIFY(!m.selectionFigures); // 3,007 − 3,000 = 7: the sum of two masked BVs, no secret count
        QVERIFY(!m.concentration);    // 3,007² × 0.00005 ≈ 452 ≥ 7²
        QVERIFY(!m.diagnosis);
        QVERIFY(!m.nonPoleChange); // 4 + 3 = 7
        QVERIFY(m.drainCorrelation);
        const CrunchDiagnostics shown = publishableCrunch(d, m);
        QCOMPARE(shown.findings.drain, DrainSignature::Unknown);
        QVERIFY(shown.hasEvolution);
        const auto tables = crunchTables(model::Dataset{}, d, kRule, Language::En);
        QCOMPARE(cellOf(tables[1], 0, "total_professionals").number, 3007.0);
        // The correlation is published over the BVs whose change is shown: here A alone, too few.
        QVERIFY(cellOf(tables[2], 0, "drain_correlation").empty);
        QVERIFY(!cellOf(tables[2], 0, "drain_correlation").masked);
        QCOMPARE(cellOf(tables[2], 0, "correlation_points").number, 0.0);
        QVERIFY2(io::tableCaption(tables[4], Language::En).find("left out of the diagnosis") !=
                     std::string::npos,
                 io::tableCaption(tables[4], Language::En).c_str());
        // A small selection: the rounding of the Herfindahl index no longer hides the squares.
        d.totalProfessionals = 307;
        d.classification[0].total = d.firstMass = 300;
        QVERIFY(maskCrunch(d, kRule).concentration);
    }

    void accessibilityRowsFollowTheCommunesWithTheirZonage() {
        model::Dataset ds;
        ds.communes.push_back({"02018", "Ailly", 1200, "02018", "02", "32", {}, {}});
        ds.communes.push_back({"59350", "Lille", 230000, "59350", "59", "32", {}, {}});
        AccessibilityInput in;
        in.values = {1.8, std::nan("")};
        in.unit = "APL";
        in.hasZonage = true;
        in.zonageThreshold = 2.5;
        in.notes = {msg("results.note_diagnosis_partial")};
        const io::ResultTable t = accessibilityTable(ds, in);
        QCOMPARE(int(t.rows.size()), 2);
        QCOMPARE(cellOf(t, 0, "commune").text, std::string("02018"));
        QCOMPARE(cellOf(t, 0, "access").number, 1.8);
        QCOMPARE(cellOf(t, 0, "zonage").text, std::string("sous-dense"));
        QVERIFY(cellOf(t, 1, "access").empty); // unknown, not zero
        QVERIFY(cellOf(t, 1, "zonage").empty);
        QCOMPARE(t.notes.size(), std::size_t(1));
    }

    void accessibilityZonageIsWordedInItsLanguageUnderTheRunsRule() {
        model::Dataset ds; // saved threshold: 5
        ds.communes.push_back({"02018", "Ailly", 1200, "02018", "02", "32", {}, {}});
        AccessibilityInput in;
        in.values = {1.8};
        in.hasZonage = true;
        in.zonageThreshold = 2.5;
        in.language = Language::En;
        in.secrecy = SecrecyRule{11, true}; // --set density.secrecy_threshold=11
        io::ResultTable t = accessibilityTable(ds, in);
        QCOMPARE(cellOf(t, 0, "zonage").text, std::string("under-served"));
        QCOMPARE(t.secrecyThreshold, 11.0);
        QVERIFY(io::tableCaption(t, Language::En).find("counts below 11 masked") != std::string::npos);
        in.secrecy = SecrecyRule::off(); // --no-secrecy
        t = accessibilityTable(ds, in);
        QVERIFY(!t.secrecyApplied);
    }

    void theSummaryCountsPolesPerGroupAndHasNoFlagColumn() {
        TypeSummary s;
        s.byGroup["32"] = {40, 1, 4, 6, 2};
        s.all = {40, 1, 4, 6, 2};
        const io::ResultTable t = summaryTable(s, "region", {{"32", "Hauts-de-France"}});
        QCOMPARE(int(t.rows.size()), 2);
        QCOMPARE(t.columns[0].key, std::string("region"));
        QCOMPARE(cellOf(t, 0, "name").text, std::string("Hauts-de-France"));
        QCOMPARE(cellOf(t, 0, "poles").number, 13.0);
        QCOMPARE(cellOf(t, 1, "region").text, std::string("all"));
        QCOMPARE(io::csvText(t, io::TableFormat::Csv),
                 std::string(
                     "region,name,type1,type2,type3,type4,poles,hors_pole\n32,Hauts-de-France,1,4,6,2,13,40\n"
                     "all,,1,4,6,2,13,40\n"));
    }

    void noRecomputableSmallCountInAnyTableOfATerritoryBuiltToHaveMany() {
        const model::Dataset ds = smallCountsTerritory();
        Leaks leaks;
        for (int vintage : {2013, 2018}) {
            const Classification c = classifyDataset(ds, vintage, {});
            scanClassification(readBack(classificationTable(ds, c.poles, kRule, Language::Fr)), leaks);
            for (const char* profession : {"", "medecin_generaliste", "infirmier_psychiatrique"})
                scanDensities(ds, profession, vintage, leaks);
        }
        model::PoleParameters small;
        small.massScale = 0.005; // pôles from 5 professionals on: pôles and hors pôle both present
        const CrunchDiagnostics d = diagnoseCrunch(ds, {}, small, {}, 2018, 2013);
        QVERIFY(d.hasEvolution);
        scanCrunch(crunchTables(ds, d, kRule, Language::Fr), leaks);
        QVERIFY2(leaks.empty(), qPrintable(joined(leaks)));
    }

    void theScanFindsTheLeaksOfTheOldClassificationCsv() {
        // The scan itself can fail: with ex_psy shown next to a masked psy (the old `classify` output), it
        // finds the psy count again.
        const model::Dataset ds = smallCountsTerritory();
        const Classification c = classifyDataset(ds, 2018, {});
        io::ResultTable t = classificationTable(ds, c.poles, kRule, Language::Fr);
        const int exPsy = t.column("ex_psy");
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.rows[r].cells[exPsy].masked)
                t.rows[r].cells[exPsy] = io::Cell::of(c.poles[r].exPsy);
        Leaks leaks;
        scanClassification(readBack(t), leaks);
        QVERIFY(!leaks.empty());
    }

    void theScanFindsACommuneGivenBackByTheTotalOfItsBassin() {
        // Without complementary secrecy (the cells masked for it shown again), a BV's total minus its shown
        // communes gives a masked commune back, and the scan says so.
        const model::Dataset ds = smallCountsTerritory();
        const std::vector<DensityRow> communes = densityForAllCommunes(ds, "", 2018).rows;
        io::ResultTable t = densityTable(ds, {DensityLevel::Commune, communes, "", 2018}, kRule);
        const int count = t.column("count");
        int secondary = 0;
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.rows[r].cells[count].masked && !isSecret(communes[r].count, kRule)) {
                t.rows[r].cells[count] = io::Cell::of(communes[r].count);
                ++secondary;
            }
        QVERIFY(secondary > 0);
        const Output bassins = readBack(densityTable(
            ds, {DensityLevel::Bassin, levelRows(ds, communes, [](auto& m) { return m.bv; }), "", 2018},
            kRule));
        Leaks leaks;
        scanAgainstParents(
            readBack(t), bassins, [&](const std::string& code) { return ds.commune(code)->bv; }, "BV", leaks);
        QVERIFY(!leaks.empty());
    }

    void theParentsFoundOnceMaskEveryProfessionAsTheDensityTableDoes() {
        // The dataset's densites find the communes' upper totals once for every profession and vintage: the
        // masks are those of densityTable, which finds them again each time; parents of other units (here
        // of the BVs) are not used for the communes.
        const model::Dataset ds = smallCountsTerritory();
        const std::vector<DensityRow> all = densityForAllCommunes(ds, "", 2018).rows;
        const DensityParents parents = densityParents(ds, DensityLevel::Commune, all);
        const DensityParents bassins =
            densityParents(ds, DensityLevel::Bassin, levelRows(ds, all, [](auto& m) { return m.bv; }));
        int secondary = 0, rows = 0;
        for (int vintage : ds.meta.vintages)
            for (const std::string profession :
                 {"", "medecin_generaliste", "medecin_specialiste", "infirmier_psychiatrique"}) {
                const DensityTableInput in{DensityLevel::Commune,
                                           densityForAllCommunes(ds, profession, vintage).rows, profession,
                                           vintage};
                const io::ResultTable t = densityTable(ds, in, kRule);
                const std::vector<bool> once = maskDensityCounts(ds, in, kRule, parents);
                QCOMPARE(maskDensityCounts(ds, in, kRule, bassins), once);
                const io::ResultTable kept = communeDensityRows(ds, kRule, profession, vintage);
                const int count = t.column("count"), keptCount = kept.column("count");
                std::size_t k = 0;
                for (std::size_t r = 0; r < t.rows.size(); ++r) {
                    QCOMPARE(t.rowMasked(r), static_cast<bool>(once[r]));
                    secondary += once[r] && !isSecret(in.rows[r].count, kRule) ? 1 : 0;
                    if (!once[r] && in.rows[r].count == 0)
                        continue; // left to the view densites_completes
                    // densites keeps the row of densityTable, cell for cell.
                    QVERIFY(k < kept.rows.size());
                    QCOMPARE(kept.rows[k].cells[0].text, t.rows[r].cells[0].text);
                    const io::Cell &a = kept.rows[k].cells[static_cast<std::size_t>(keptCount)],
                                   &b = t.rows[r].cells[static_cast<std::size_t>(count)];
                    QCOMPARE(a.masked, b.masked);
                    QCOMPARE(a.number, b.number);
                    QCOMPARE(kept.rowMasked(k), t.rowMasked(r));
                    ++k;
                    ++rows;
                }
                QCOMPARE(k, kept.rows.size());
            }
        QVERIFY(secondary > 0 && rows > 100);
    }

    void noRecomputableSmallCountInTheTablesOfHautsDeFrance() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        io::ImportOptions o;
        o.communesPath =
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString();
        o.bassinsPath = testing::sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString();
        o.populationPath = testing::sharedPath("population/population_communes_2020.csv").toStdString();
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        io::ProfessionalsSource bpe2013;
        bpe2013.path = testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString();
        bpe2013.vintage = 2013;
        io::ProfessionalsSource bpe2018;
        bpe2018.path = testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString();
        bpe2018.vintage = 2018;
        o.professionals = {bpe2013, bpe2018};
        io::ImportReport report;
        const model::Dataset ds = io::importDataset(o, report);
        model::PoleParameters bpe;
        bpe.massScale = 0.25;
        const Classification c = classifyDataset(ds, 2018, bpe);
        const io::ResultTable t = classificationTable(ds, c.poles, kRule, Language::Fr);
        Leaks leaks;
        scanClassification(readBack(t), leaks);
        for (const char* profession : {"", "medecin_generaliste", "orthophoniste"})
            scanDensities(ds, profession, 2018, leaks);
        const CrunchDiagnostics crunch = diagnoseCrunch(ds, {}, bpe, ds.params.crunch, 2018, 2013);
        const auto crunchOut = crunchTables(ds, crunch, kRule, Language::Fr);
        scanCrunch(crunchOut, leaks);
        // Small BVs are masked, but they add up to no secret count: the diagnosis is written.
        QVERIFY(crunchOut.back().rows[0].cells[0].text.find("Diagnostic non publié") == std::string::npos);
        QVERIFY2(leaks.empty(), qPrintable(joined(leaks)));
        qInfo("Hauts-de-France 2018: %d of %d BV rows masked", t.maskedRows(), int(t.rows.size()));
    }
};

QTEST_GUILESS_MAIN(TestSecrecy)
#include "test_secrecy.moc"
