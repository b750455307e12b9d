// Crunch's averages per région leave out the bassins de vie that a strict-area import cut (issue 8).
#include "testing.h"

#include "core/analysis/crunch.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"

#include <QObject>

using namespace maillage;
using namespace maillage::analysis;

namespace {

//! One BV = one commune of the same code, with `total` GPs in 2013.
void addBassin(model::Dataset& ds, const std::string& code, const std::string& reg, double total) {
    model::Bassin b;
    b.code = code;
    b.name = "BV " + code;
    b.reg = reg;
    b.communes = {code};
    b.anchor = {700000 + 1000.0 * static_cast<double>(ds.bassins.size()), 7000000};
    ds.bassins.push_back(b);
    model::Commune c;
    c.code = code;
    c.name = b.name;
    c.bv = code;
    c.reg = reg;
    c.anchor = b.anchor;
    ds.communes.push_back(c);
    ds.counts.push_back({code, "medecin_generaliste", 2013, total});
}

//! Région 32: two type-4 pôles; région 11: one type-4 pôle, cut by the area's edge when `truncated`.
model::Dataset territory(bool truncated) {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    addBassin(ds, "59001", "32", 1200);
    addBassin(ds, "59002", "32", 1100);
    addBassin(ds, "60001", "11", 1300);
    addBassin(ds, "60002", "11", 100);
    if (truncated)
        ds.meta.extra["area.truncated_bassins"] = "60001,60002";
    ds.reindex();
    return ds;
}

} // namespace

class TestCrunchTruncated : public QObject {
    Q_OBJECT

private slots:
    void truncatedBassinsAreLeftOutOfTheAveragesPerRegion() {
        const CrunchDiagnostics whole = diagnoseCrunch(territory(false), {}, {}, {}, 2013);
        QCOMPARE(whole.regionCount, 2);
        QCOMPARE(whole.averageByTypePerRegion[static_cast<int>(PoleType::Secondaire)], 1.5);
        const CrunchDiagnostics cut = diagnoseCrunch(territory(true), {}, {}, {}, 2013);
        QCOMPARE(cut.regionCount, 1); // région 11 had only cut bassins: no phantom région
        QCOMPARE(cut.averageByTypePerRegion[static_cast<int>(PoleType::Secondaire)], 2.0);
    }

    void theDiagnosticsSayWhichBassinsWereLeftOut() {
        const CrunchDiagnostics cut = diagnoseCrunch(territory(true), {}, {}, {}, 2013);
        const Warning* found = nullptr;
        for (const Warning& w : cut.warnings)
            if (w.text.id == "analysis.crunch_truncated_left_out")
                found = &w;
        QVERIFY(found);
        QCOMPARE(found->details, (std::vector<std::string>{"60001", "60002"}));
        QVERIFY(found->toString().find("2 bassins de vie cut") != std::string::npos);
        const CrunchDiagnostics whole = diagnoseCrunch(territory(false), {}, {}, {}, 2013);
        for (const Warning& w : whole.warnings)
            QVERIFY(w.text.id != "analysis.crunch_truncated_left_out");
    }
};

QTEST_APPLESS_MAIN(TestCrunchTruncated)
#include "test_crunch_truncated.moc"
