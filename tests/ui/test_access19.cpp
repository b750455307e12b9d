// The accessibility parameters of the window (issue 9, session 19): demand, supply and age limit edited in
// the parameters dialog, and the Densités accessibility map computed again, in a task, when they change.
#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/demo/demo.h"
#include "core/io/gpkg.h"
#include "ui/dialogs.h"
#include "ui/main_window.h"
#include "ui/session.h"

#include "qgis_test_main.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maillage;
using namespace maillage::ui;

class TestAccess19Gui : public QObject {
    Q_OBJECT
private slots:
    void theDialogEditsDemandSupplyAndAgeLimitWithTooltips() {
        model::Parameters given;
        given.access["access.max_age"] = 65;
        ParametersDialog dialog(given, false);
        QList<model::Parameters> applied;
        connect(&dialog, &ParametersDialog::applyRequested, this,
                [&applied](const model::Parameters& p) { applied.append(p); });
        auto* demand = dialog.findChild<QComboBox*>(QStringLiteral("accessDemand"));
        auto* supply = dialog.findChild<QComboBox*>(QStringLiteral("accessSupply"));
        auto* maxAge = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("accessMaxAge"));
        QVERIFY(demand && supply && maxAge);
        QVERIFY(demand->toolTip().contains(QStringLiteral("access.demand")));
        QVERIFY(supply->toolTip().contains(QStringLiteral("access.supply")));
        QVERIFY(maxAge->toolTip().contains(QStringLiteral("access.max_age")));
        QCOMPARE(maxAge->value(), 65.0);
        QCOMPARE(demand->currentData().toInt(), static_cast<int>(model::DemandKind::Population));
        // Untouched, only the saved key stays.
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
        QCOMPARE(applied.size(), 1);
        QVERIFY(applied.first().access == given.access);
        demand->setCurrentIndex(demand->findData(static_cast<int>(model::DemandKind::Standardised)));
        supply->setCurrentIndex(supply->findData(static_cast<int>(model::SupplyKind::FullTimeEquivalents)));
        maxAge->setValue(0);
        QCOMPARE(maxAge->text(), maxAge->specialValueText());
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
        const model::AccessParameters gp = applied.last().accessFor(model::ProfessionGroup::Proximite);
        QCOMPARE(gp.demand, model::DemandKind::Standardised);
        QCOMPARE(gp.supply, model::SupplyKind::FullTimeEquivalents);
        QCOMPARE(gp.maxAge, 0.0);
    }

    void consultationsAreShownGreyedOutSayingNoDatasetHoldsThem() {
        ParametersDialog dialog(model::Parameters(), false);
        auto* supply = dialog.findChild<QComboBox*>(QStringLiteral("accessSupply"));
        QVERIFY(supply);
        const int consultations = supply->findData(static_cast<int>(model::SupplyKind::Consultations));
        QVERIFY(consultations >= 0);
        auto* items = qobject_cast<QStandardItemModel*>(supply->model());
        QVERIFY(items);
        QVERIFY(!items->item(consultations)->isEnabled());
        QVERIFY(items->item(supply->findData(static_cast<int>(model::SupplyKind::FullTimeEquivalents)))
                    ->isEnabled());
        QVERIFY2(supply->itemData(consultations, Qt::ToolTipRole)
                     .toString()
                     .contains(QRegularExpression(
                         QStringLiteral("no dataset holds consultations per commune|"
                                        "aucun jeu de données ne contient de consultations"))),
                 qPrintable(supply->itemData(consultations, Qt::ToolTipRole).toString()));
        // Chosen with the keyboard or the wheel, it is passed over: the supply stays a count of
        // professionals.
        supply->setCurrentIndex(0);
        QTest::keyClick(supply, Qt::Key_End);
        QVERIFY(supply->currentData().toInt() != static_cast<int>(model::SupplyKind::Consultations));
    }

    void ageWeightsChosenInTheWindowAreCheckedUsedAndStoredWithTheDataset() {
        QTemporaryDir dir;
        model::Dataset ds = demo::makeDemoDataset();
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            ds.populationByAge.push_back(
                {ds.communes[c].code, c % 2 ? "90+" : "0-14", std::max(1.0, ds.communes[c].population)});
        const QString path = dir.filePath(QStringLiteral("atelier.gpkg"));
        io::writeDataset(ds, path.toStdString());
        MainWindow window;
        window.setErrorDialogsEnabled(false);
        window.openDataset(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasDataset(), 30000);
        const auto write = [&](const char* name, const QByteArray& text) {
            QFile f(dir.filePath(QString::fromUtf8(name)));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() ? f.fileName() : QString();
        };
        // Weights without the band 90+ are refused naming the file and the band: nothing used, nothing
        // stored.
        const QString young = write("young_only.csv", "age_band;weight\n0-14;1\n");
        QString error = window.useAgeWeights(young);
        QVERIFY2(error.contains(QStringLiteral("young_only.csv")) && error.contains(QStringLiteral("90+")),
                 qPrintable(error));
        QCOMPARE(analysis::consumptionWeightsFile(window.session()->dataset()), std::string());
        QCOMPARE(analysis::consumptionWeightsFile(io::readDataset(path.toStdString())), std::string());
        error = window.useAgeWeights(write("bad.csv", "age_band;weight\n0-14;1\n90+;beaucoup\n"));
        QVERIFY2(error.contains(QStringLiteral("bad.csv")) && error.contains(QStringLiteral("beaucoup")),
                 qPrintable(error));
        // Good ones: used by the session and stored in the file, the rest of the dataset as it was.
        QCOMPARE(window.useAgeWeights(write("drees.csv", "age_band;weight\n0-14;0,5\n90+;4\n")), QString());
        QCOMPARE(analysis::consumptionWeightsFile(window.session()->dataset()), std::string("drees.csv"));
        const model::Dataset reread = io::readDataset(path.toStdString());
        QCOMPARE(analysis::consumptionWeightsFile(reread), std::string("drees.csv"));
        const std::vector<model::AgeBandWeight> stored = analysis::consumptionWeights(reread);
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[0].band, std::string("0-14"));
        QCOMPARE(stored[0].weight, 0.5);
        QCOMPARE(stored[1].weight, 4.0);
        QCOMPARE(reread.communes.size(), ds.communes.size());
        QCOMPARE(reread.populationByAge.size(), ds.populationByAge.size());

        // The parameters dialog shows the file in use and says why a file is refused, keeping the one in use.
        ParametersDialog dialog(window.session()->parameters(), true);
        auto* shown = dialog.findChild<QLabel*>(QStringLiteral("ageWeightsFile"));
        auto* choose = dialog.findChild<QPushButton*>(QStringLiteral("chooseAgeWeights"));
        QVERIFY(shown && choose);
        QVERIFY(!choose->isEnabled()); // no dataset given
        dialog.setAgeWeights(QStringLiteral("drees.csv"),
                             [&](const QString& f) { return window.useAgeWeights(f); });
        QVERIFY(choose->isEnabled());
        QCOMPARE(shown->text(), QStringLiteral("drees.csv"));
        QVERIFY(!dialog.useAgeWeightsFile(young));
        auto* red = dialog.findChild<QLabel*>(QStringLiteral("parametersError"));
        QVERIFY(red && red->text().contains(QStringLiteral("young_only.csv")));
        QCOMPARE(shown->text(), QStringLiteral("drees.csv"));
        QCOMPARE(analysis::consumptionWeightsFile(io::readDataset(path.toStdString())),
                 std::string("drees.csv"));
        // « Shipped weights »: back to the shipped weights, in the session and in the file.
        auto* shipped = dialog.findChild<QPushButton*>(QStringLiteral("shippedAgeWeights"));
        QVERIFY(shipped && shipped->isEnabled());
        shipped->click();
        QCOMPARE(shown->text(), ParametersDialog::tr("shipped with Maillage"));
        QVERIFY(!shipped->isEnabled());
        QCOMPARE(analysis::consumptionWeightsFile(window.session()->dataset()), std::string());
        QCOMPARE(analysis::consumptionWeightsFile(io::readDataset(path.toStdString())), std::string());
    }

    void changingTheDemandComputesTheAccessibilityMapAgain() {
        model::Dataset ds = demo::makeDemoDataset();
        // Every other commune is all young, the others all very old: standardising moves every value.
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            ds.populationByAge.push_back(
                {ds.communes[c].code, c % 2 ? "90+" : "0-14", std::max(1.0, ds.communes[c].population)});
        Session session;
        session.setDataset(ds);
        DensityMapRequest request;
        request.profession = QStringLiteral("medecin_generaliste");
        request.vintage = session.vintage();
        request.accessibility = true;
        session.requestDensityMap(request);
        QTRY_VERIFY_WITH_TIMEOUT(session.shownDensityMap() && session.shownDensityMap()->access, 30000);
        const std::vector<double> before = session.shownDensityMap()->values;

        model::Parameters p = session.parameters();
        p.access["access.demand"] = 1;
        session.setParameters(p);
        QTRY_VERIFY_WITH_TIMEOUT(session.shownDensityMap() && session.shownDensityMap()->access &&
                                     session.shownDensityMap()->access->demandStandardised,
                                 30000);
        const std::vector<double>& after = session.shownDensityMap()->values;
        const analysis::AccessResult expected = analysis::accessibility(
            session.dataset(), "medecin_generaliste", request.vintage,
            analysis::accessParameters(p, session.dataset().catalogue, "medecin_generaliste"));
        QCOMPARE(after.size(), expected.values.size());
        bool changed = false;
        for (std::size_t c = 0; c < after.size(); ++c) {
            QVERIFY(std::fabs(after[c] - expected.values[c]) < 1e-9);
            changed = changed || std::fabs(after[c] - before[c]) > 1e-9;
        }
        QVERIFY(changed);
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestAccess19Gui)
#include "test_access19.moc"
