// Issue 7 audit (session 21), run as a process as users run it: the words a dataset keeps are French unless
// --lang says otherwise, whatever the locale of a batch job; the dataset's classification fields are masked
// as 'maillage classify' masks them; the territory sheet's legend counts what its map shows and its headers
// do not repeat a level that the name already says.
#include "core/analysis/dataset_results.h"
#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/analysis/vintages.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/table.h"

#include "process_testing.h"
#include "testing.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

using namespace maillage;

namespace {

using Result = testing::ProcessResult;
using testing::poppler;

//! Runs the binary with `args` under the C locale (a batch job's), no display.
Result run(const QStringList& args) {
    return testing::runBinary(args, QStringLiteral("C"));
}

//! One field of every feature of `layer`, by the feature's `key` field; "<NULL>" for a null field.
std::map<std::string, std::string> fieldByKey(const QString& gpkg, const char* layer, const char* key,
                                              const char* field) {
    io::ensureGdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::map<std::string, std::string> out;
    if (!ds || !ds->GetLayerByName(layer))
        return out;
    for (auto& f : *ds->GetLayerByName(layer))
        out[f->GetFieldAsString(key)] = f->IsFieldSetAndNotNull(f->GetFieldIndex(field))
                                            ? f->GetFieldAsString(field)
                                            : std::string("<NULL>");
    return out;
}

//! The counts of the bassins' legend of a sheet ("Grand pôle (type 2) — 3", "No pole — 12"), summed.
int legendSum(const QString& text) {
    int sum = 0;
    auto it =
        QRegularExpression(QStringLiteral("(?:\\(type \\d\\)|No pole|Hors pôle) — (\\d+)")).globalMatch(text);
    while (it.hasNext())
        sum += it.next().captured(1).toInt();
    return sum;
}

//! A commune's row of a density layer: count ("<NULL>" when null), per_10000, masked.
struct DensityCells {
    std::string count, per10k;
    int masked = -1;
};
//! The rows of layer `layer` of `gpkg` by (commune, profession, vintage); `communeField` names the commune.
std::map<std::tuple<std::string, std::string, int>, DensityCells>
densityRows(const QString& gpkg, const char* layer, const char* communeField = "commune") {
    io::ensureGdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::map<std::tuple<std::string, std::string, int>, DensityCells> out;
    if (!ds || !ds->GetLayerByName(layer))
        return out;
    const auto cell = [](const OGRFeature& f, const char* field) {
        const int i = f.GetFieldIndex(field);
        return f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string("<NULL>");
    };
    for (auto& f : *ds->GetLayerByName(layer))
        out[{f->GetFieldAsString(communeField), f->GetFieldAsString("profession"),
             f->GetFieldAsInteger("vintage")}] = {cell(*f, "count"), cell(*f, "per_10000"),
                                                  f->GetFieldAsInteger("masked")};
    return out;
}

} // namespace

class TestResults21 : public QObject {
    Q_OBJECT
    testing::DemoFixture m_fixture; //!< written under the C locale without --lang
    const QString& m_demo = m_fixture.gpkg;
    const model::Dataset& m_dataset = m_fixture.dataset;
    const analysis::Classification& m_classes = m_fixture.classes;

    QString path(const char* name) const { return m_fixture.path(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_fixture.dir.isValid());
        const Result r = m_fixture.write(QStringLiteral("C"), {QStringLiteral("--quiet")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no warning: the styles were written
    }

    void aDatasetWrittenUnderTheCLocaleKeepsFrenchWords() {
        const auto labels = fieldByKey(m_demo, "bassins_de_vie", "code", "pole_label");
        const auto reasons = fieldByKey(m_demo, "bassins_de_vie", "code", "reason");
        QCOMPARE(labels.size(), m_dataset.bassins.size());
        for (std::size_t i = 0; i < m_dataset.bassins.size(); ++i) {
            const std::string& code = m_dataset.bassins[i].code;
            QCOMPARE(QString::fromStdString(labels.at(code)),
                     QString::fromStdString(analysis::poleTypeLabelFr(m_classes.poles[i].type)));
            QVERIFY2(reasons.at(code).find("professionnels") != std::string::npos ||
                         reasons.at(code).find("secret statistique") != std::string::npos,
                     reasons.at(code).c_str());
        }
        for (const auto& [bv, label] : fieldByKey(m_demo, "poles", "code", "type_label"))
            QVERIFY2(label.rfind("Pôle", 0) == 0 || label == "Grand pôle", label.c_str());
    }

    void langEnWritesEnglishWords() {
        const QString english = path("demo-en.gpkg");
        const Result r = run({QStringLiteral("demo"), QStringLiteral("--quiet"), QStringLiteral("--lang"),
                              QStringLiteral("en"), QStringLiteral("--output"), english});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const auto labels = fieldByKey(english, "bassins_de_vie", "code", "pole_label");
        for (std::size_t i = 0; i < m_dataset.bassins.size(); ++i)
            QCOMPARE(QString::fromStdString(labels.at(m_dataset.bassins[i].code)),
                     QString::fromStdString(analysis::poleTypeLabelEn(m_classes.poles[i].type)));
    }

    //! The demo has BVs with 1 to 4 psychiatric nurses next to a total that is shown: psy_share × total and
    //! the reason ("… of whom 2 psychiatric nurses") gave them back.
    void theDatasetsClassificationFieldsAreMaskedAsClassifyMasksThem() {
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_dataset.params.density);
        const auto total = fieldByKey(m_demo, "bassins_de_vie", "code", "total");
        const auto poleShare = fieldByKey(m_demo, "bassins_de_vie", "code", "pole_share");
        const auto psyShare = fieldByKey(m_demo, "bassins_de_vie", "code", "psy_share");
        const auto reason = fieldByKey(m_demo, "bassins_de_vie", "code", "reason");
        int partsMaskedUnderAShownTotal = 0;
        for (std::size_t i = 0; i < m_dataset.bassins.size(); ++i) {
            const analysis::PoleClassification& p = m_classes.poles[i];
            const std::string& code = m_dataset.bassins[i].code;
            const analysis::ClassificationMask m = analysis::maskClassification(p.total, p.pole, p.psy, rule);
            partsMaskedUnderAShownTotal += m.any() && !m.total ? 1 : 0;
            QCOMPARE(total.at(code) == "<NULL>", m.total);
            QCOMPARE(poleShare.at(code) == "<NULL>", m.total || m.poleShare);
            QCOMPARE(psyShare.at(code) == "<NULL>", m.total || m.psyShare);
            if (!m.total)
                QCOMPARE(
                    QString::fromStdString(reason.at(code)),
                    QString::fromStdString(analysis::publishableReason(p, m.reason, rule, Language::Fr)));
        }
        QVERIFY(partsMaskedUnderAShownTotal > 0); // the case that leaked is in the demo
    }

    //! Issue 7: the dataset keeps every profession's and vintage's commune densities, masked as `maillage
    //! density --level commune` masks them (primary and complementary secrecy), and its map view fills the
    //! communes without professionals with 0.
    void theDatasetsDensitiesAreThoseOfTheDensityCommandMaskedAlike() {
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_dataset.params.density);
        const auto complete = densityRows(m_demo, "densites_completes");
        const auto stored = densityRows(m_demo, "densites");
        int checked = 0, masked = 0, zeros = 0;
        for (const model::Profession& p : m_dataset.catalogue.professions()) {
            for (const analysis::VintageInfo& v : analysis::describeVintages(m_dataset)) {
                analysis::DensityTableInput input;
                input.profession = p.code;
                input.vintage = v.year;
                input.rows = analysis::densityForAllCommunes(m_dataset, p.code, v.year).rows;
                const io::ResultTable t = analysis::densityTable(m_dataset, input, rule);
                const int count = t.column("count");
                const bool any = std::any_of(input.rows.begin(), input.rows.end(),
                                             [](const analysis::DensityRow& r) { return r.count > 0; });
                for (std::size_t r = 0; r < t.rows.size() && any; ++r) {
                    const auto it = complete.find({input.rows[r].code, p.code, v.year});
                    QVERIFY2(it != complete.end(), (input.rows[r].code + " " + p.code).c_str());
                    const io::Cell& c = t.rows[r].cells[static_cast<std::size_t>(count)];
                    QCOMPARE(it->second.masked, t.rowMasked(r) ? 1 : 0);
                    QCOMPARE(it->second.count, c.hasValue() ? std::to_string(static_cast<int>(c.number))
                                                            : std::string("<NULL>"));
                    if (t.rowMasked(r))
                        QCOMPARE(it->second.per10k, std::string("<NULL>"));
                    masked += t.rowMasked(r) ? 1 : 0;
                    zeros += stored.count(it->first) ? 0 : 1; // left out of densites, filled by the view
                    ++checked;
                }
            }
        }
        QCOMPARE(static_cast<std::size_t>(checked), complete.size());
        QVERIFY(masked > 0 && zeros > 0);
        // No count from 1 to threshold − 1 anywhere, the map view included.
        const auto map = densityRows(m_demo, io::kDensityMapView, "code");
        QCOMPARE(map.size(), m_dataset.communes.size());
        int mapZeros = 0;
        for (const auto* rows : {&complete, &stored, &map})
            for (const auto& [key, cells] : *rows) {
                if (cells.count != "<NULL>")
                    QVERIFY2(!analysis::isSecret(std::stod(cells.count), rule), std::get<0>(key).c_str());
                if (rows == &map) {
                    QCOMPARE(cells.masked, complete.at(key).masked);
                    QCOMPARE(cells.count, complete.at(key).count);
                    mapZeros += cells.count == "0" ? 1 : 0;
                }
            }
        QVERIFY(mapZeros > 0);
    }

    //! `maillage access --profession P` (the saved parameters, the latest vintage) gives the values that the
    //! dataset's table accessibilite keeps, for each profession of DREES's APL.
    void theDatasetsAccessibilityIsThatOfTheAccessCommand() {
        const QString out = path("access.csv");
        const int vintage = analysis::defaultVintage(m_dataset);
        io::ensureGdal();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(m_demo.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        QVERIFY(ds && ds->GetLayerByName("accessibilite"));
        for (const char* profession : {"medecin_generaliste", "infirmier"}) {
            const Result r = run({QStringLiteral("access"), QStringLiteral("--dataset"), m_demo,
                                  QStringLiteral("--profession"), QString::fromLatin1(profession),
                                  QStringLiteral("--quiet"), QStringLiteral("--output"), out});
            QVERIFY2(r.status == 0, qPrintable(r.err));
            std::map<std::string, double> stored;
            for (auto& f : *ds->GetLayerByName("accessibilite"))
                if (std::string(f->GetFieldAsString("profession")) == profession &&
                    f->GetFieldAsInteger("vintage") == vintage) {
                    QCOMPARE(QString::fromUtf8(f->GetFieldAsString("method")), QStringLiteral("apl"));
                    stored[f->GetFieldAsString("commune")] = f->GetFieldAsDouble("access");
                }
            QCOMPARE(stored.size(), m_dataset.communes.size());
            const io::Table csv = io::readTable(out.toStdString());
            const int commune = csv.requireColumn("commune"), access = csv.requireColumn("access");
            QCOMPARE(csv.rows.size(), stored.size());
            for (std::size_t i = 0; i < csv.rows.size(); ++i)
                QVERIFY2(std::abs(std::stod(csv.cell(i, access)) - stored.at(csv.cell(i, commune))) < 1e-3,
                         csv.cell(i, commune).c_str());
        }
    }

    //! Saved parameters counting full-time equivalents need a register of the vintage: the demo has one for
    //! its latest vintage only. Writing the dataset's results kept failing on the older vintage (nothing
    //! saved at all); the accessibility of the vintages they apply to is kept, the others are left out.
    void accessibilityTheSavedParametersCannotComputeIsLeftOutNotFatal() {
        model::Dataset ds = m_dataset;
        ds.params.access["access.supply"] = static_cast<double>(model::SupplyKind::FullTimeEquivalents);
        QVERIFY(ds.registers.size() == 1);
        const int withRegister = ds.registers.front().vintage;
        io::ResultTable t;
        try {
            t = io::gatherRows(analysis::communeAccess(ds, analysis::SecrecyRule{}, Language::Fr));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        const int vintage = t.column("vintage");
        std::set<int> years;
        for (const io::Row& row : t.rows)
            years.insert(static_cast<int>(row.cells[static_cast<std::size_t>(vintage)].number));
        QCOMPARE(years, std::set<int>{withRegister});
        QVERIFY(analysis::describeVintages(ds).size() > 1);
    }

    void aRegionNamedRegionIsNotRepeatedInTheSheetsHeaders() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        std::string dep, region;
        for (const model::Commune& c : m_dataset.communes)
            if (m_dataset.regionNames.count(c.reg) &&
                m_dataset.regionNames.at(c.reg).rfind("Région", 0) == 0) {
                dep = c.dep;
                region = m_dataset.regionNames.at(c.reg);
                break;
            }
        QVERIFY(!dep.empty());
        const QString out = path("departement.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("departement:") + QString::fromStdString(dep), QStringLiteral("--lang"),
                 QStringLiteral("fr"), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString text = poppler(QStringLiteral("pdftotext"), {out, QStringLiteral("-")}).simplified();
        QVERIFY2(text.contains(QString::fromStdString(region)), qPrintable(text.left(2000)));
        QVERIFY2(!text.contains(QStringLiteral("Région (Région")), qPrintable(text.left(2000)));
    }

    //! A BV's sheet counted the dataset's BVs in its legend, a département's its own BVs: both count the BVs
    //! their map shows, the territory's and those around it, never the whole dataset's.
    void theLegendOfEverySheetCountsTheBassinsItsMapShows() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const int all = static_cast<int>(m_dataset.bassins.size());
        const std::string bv = m_dataset.bassins.front().code, dep = m_dataset.bassins.front().dep;
        int ofDep = 0;
        for (const model::Bassin& b : m_dataset.bassins)
            ofDep += b.dep == dep ? 1 : 0;
        for (const QString& territory : {QStringLiteral("bv:") + QString::fromStdString(bv),
                                         QStringLiteral("departement:") + QString::fromStdString(dep)}) {
            const QString out = path("legend.pdf");
            const Result r = run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo,
                                  QStringLiteral("--territory"), territory, QStringLiteral("--output"), out});
            QVERIFY2(r.status == 0, qPrintable(r.err));
            const QString page1 =
                poppler(QStringLiteral("pdftotext"),
                        {QStringLiteral("-l"), QStringLiteral("1"), out, QStringLiteral("-")})
                    .simplified();
            const int sum = legendSum(page1);
            QVERIFY2(sum >= (territory.startsWith(QLatin1String("bv:")) ? 2 : ofDep), qPrintable(page1));
            QVERIFY2(sum < all, qPrintable(QStringLiteral("%1: %2 of %3").arg(territory).arg(sum).arg(all)));
        }
    }
};

QTEST_GUILESS_MAIN(TestResults21)
#include "test_results21.moc"
