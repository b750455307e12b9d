// Health facilities (BPE D1xx) across COG years and added to an existing dataset (issue 8): a commune merged
// into a commune nouvelle carries its facilities to it, `addToDataset` replaces the facilities of the
// vintage it adds, bad input is refused with the dataset unchanged; BPE 2013 carried to COG 2018 on real
// data.
#include "testing.h"

#include "core/io/facilities.h"
#include "core/io/import.h"
#include "core/io/table.h"

#include <QFile>
#include <QObject>
#include <QTemporaryDir>

#include <map>
#include <set>

using namespace maillage;

namespace {

double countOf(const std::vector<model::FacilityCount>& f, const std::string& commune,
               const std::string& kind, int vintage = 2013) {
    double n = 0;
    for (const auto& x : f)
        if (x.commune == commune && x.kind == kind && x.vintage == vintage)
            n += x.count;
    return n;
}

//! Annecy (74010) of COG 2018 (Annecy-le-Vieux, 74011, merged into it on 1 January 2017), Lille, and a
//! maternité of 2009 already in the dataset.
model::Dataset annecyDataset() {
    model::Dataset ds;
    ds.meta.cogYear = 2018;
    for (const char* code : {"74010", "59350", "01001", "01002", "01004"}) {
        model::Commune c;
        c.code = code;
        c.name = code;
        ds.communes.push_back(c);
    }
    ds.facilities = {{"74010", "D107", 2009, 1}, {"74010", "D106", 2013, 9}};
    ds.reindex();
    return ds;
}

std::string writeFile(const QTemporaryDir& dir, const char* name, const char* text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path.toStdString();
}

} // namespace

class TestFacilitiesCog : public QObject {
    Q_OBJECT

private slots:
    void facilitiesOfAMergedCommuneAreCarriedToItsCommuneNouvelle() {
        io::CogCarry carry;
        const auto out = io::carryFacilities(
            {{"74010", "D106", 2013, 2}, {"74011", "D106", 2013, 1}, {"74011", "D113", 2013, 1}},
            io::standardCogHistory(), 2013, 2018, carry);
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(countOf(out, "74010", "D106"), 3.0);
        QCOMPARE(countOf(out, "74010", "D113"), 1.0);
        QCOMPARE(countOf(out, "74011", "D106"), 0.0);
        QVERIFY(carry.codesCarried >= 1);
    }

    void addedFacilitiesReplaceThoseOfTheirVintageCarriedToTheDatasetCog() {
        QTemporaryDir dir;
        // Codes of COG 2013 (74011 still exists), one commune outside the dataset (62041), a profession.
        const std::string path = writeFile(dir, "bpe2013.csv",
                                           "DEPCOM,TYPEQU,NB_EQUIP\n74011,D106,1\n74010,D106,2\n"
                                           "74010,D201,40\n62041,D107,1\n01001,D113,1\n");
        model::Dataset ds = annecyDataset();
        io::AddOptions o;
        o.facilities = {{path, 2013, {}, {}}};
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        QCOMPARE(countOf(ds.facilities, "74010", "D106"), 3.0); // 2 + Annecy-le-Vieux's 1, not the old 9
        QCOMPARE(countOf(ds.facilities, "01001", "D113"), 1.0);
        QCOMPARE(countOf(ds.facilities, "74010", "D107", 2009), 1.0); // another vintage: kept
        QCOMPARE(countOf(ds.facilities, "62041", "D107"), 0.0);
        QCOMPARE(report.facilitiesAdded, std::size_t(2));
        bool carried = false, leftOut = false;
        for (const Warning& w : report.warnings) {
            // The codes exist in COG 2013 to 2016: the carry starts from the latest year they fit.
            carried |= w.toString().find("1 code carried from COG 2016 to COG 2018") != std::string::npos;
            leftOut |= w.toString().find("1 commune code is absent from the dataset") != std::string::npos;
        }
        QVERIFY(carried);
        QVERIFY(leftOut);
    }

    void aTableWithoutEstablishmentsIsRefusedAndTheDatasetIsUnchanged() {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "gp.csv", "DEPCOM,TYPEQU,NB_EQUIP\n74010,D201,40\n");
        model::Dataset ds = annecyDataset();
        io::AddOptions o;
        o.facilities = {{path, 2013, {}, {}}};
        io::ImportReport report;
        const auto e = testing::thrown<Error>([&] { io::addToDataset(ds, o, report); });
        QVERIFY(e);
        QVERIFY2(std::string(e->what()).find("gp.csv") != std::string::npos, e->what());
        QVERIFY2(std::string(e->what()).find("expected a BPE table with D1xx establishment codes") !=
                     std::string::npos,
                 e->what());
        QCOMPARE(countOf(ds.facilities, "74010", "D106"), 9.0);
    }

    void bpe2013IsCarriedToCog2018WithNothingLostInHauteSavoie() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("cog/cog_communes_2009_2013_2014_2016_2018_2022_2024.csv");
        const std::string bpe =
            testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString();
        // The communes of Haute-Savoie in COG 2018, from the official list.
        const io::Table cog = io::readTable(
            testing::sharedPath("cog/cog_communes_2009_2013_2014_2016_2018_2022_2024.csv").toStdString());
        model::Dataset ds;
        ds.meta.cogYear = 2018;
        const int year = cog.requireColumn("annee_cog"), code = cog.requireColumn("CODGEO");
        for (std::size_t r = 0; r < cog.rows.size(); ++r)
            if (cog.cell(r, year) == "2018" && cog.cell(r, code).rfind("74", 0) == 0) {
                model::Commune c;
                c.code = cog.cell(r, code);
                ds.communes.push_back(c);
            }
        ds.reindex();
        io::AddOptions o;
        o.facilities = {{bpe, 2013, {}, {}}};
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        // Independently: the D1xx cells of the 2013 file for Haute-Savoie, and those of Annecy's six
        // former communes (74010, 74011, 74093, 74182, 74217, 74268: Annecy on 1 January 2017).
        const io::Table t = io::readTable(bpe);
        double total = 0, annecy = 0;
        const std::set<std::string> formerAnnecy = {"74010", "74011", "74093", "74182", "74217", "74268"};
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 1; c < t.header.size(); ++c)
                if (t.header[c].rfind("D1", 0) == 0 && t.cell(r, 0).rfind("74", 0) == 0) {
                    const double n = t.cell(r, static_cast<int>(c)).empty()
                                         ? 0
                                         : std::stod(t.cell(r, static_cast<int>(c)));
                    total += n;
                    annecy += formerAnnecy.count(t.cell(r, 0)) ? n : 0;
                }
        double kept = 0, keptAnnecy = 0;
        for (const auto& f : ds.facilities) {
            kept += f.count;
            keptAnnecy += f.commune == "74010" ? f.count : 0;
        }
        QVERIFY(total > 0);
        QCOMPARE(kept, total);
        QCOMPARE(keptAnnecy, annecy);
        QVERIFY(annecy > 0);
    }
};

QTEST_APPLESS_MAIN(TestFacilitiesCog)
#include "test_facilities_cog.moc"
