// The Maillage panel's observed flows (filters by volume, length and kind; each pôle's attraction) and the
// crossing of modelled, observed and declared links (table and map layer), on the six test bassins.
#include "core/analysis/link_crossing.h"
#include "ui/i18n.h"
#include "ui/panels/maillage_panel.h"
#include "ui/session.h"

#include "find_child.h"
#include "qgis_test_main.h"
#include "ui_fixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <memory>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;

namespace {

//! Flows towards Alpha (type 1) and Beta (type 2), patients; a GHT declared between Gamma and Zeta.
//! Anchors: Alpha (105, 6515) km, Beta (115, 6515), Gamma (125, 6515), Delta (105, 6505),
//! Epsilon (115, 6505), Zeta (125, 6505).
model::Dataset withFlows() {
    model::Dataset ds = testing::makeSixBassins();
    ds.flows = {{"00005", "00001", 300}, // Epsilon -> Alpha, 14.1 km
                {"00005", "00002", 100}, // Epsilon -> Beta, 10 km
                {"00004", "00001", 50},  // Delta -> Alpha, 10 km
                {"00003", "00001", 20},  // Gamma -> Alpha, 20 km
                {"00006", "00001", 5}};  // Zeta -> Alpha, 22.4 km
    ds.meta.extra["flows.kind"] = "patients";
    ds.cooperations = {{"GHT Est", "GHT", {"00003", "00006"}}};
    return ds;
}

} // namespace

class TestMaillageFlows : public QObject {
    Q_OBJECT
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QgsProject> m_project;
    std::unique_ptr<QgsMapCanvas> m_canvas;

private slots:
    void initTestCase() {
        i18n::installTranslators(QStringLiteral("en"));
        m_session = std::make_unique<Session>();
        m_project = std::make_unique<QgsProject>();
        m_canvas = std::make_unique<QgsMapCanvas>();
        m_session->setDataset(withFlows());
    }
    void cleanupTestCase() {
        m_canvas.reset();
        m_project.reset();
        m_session.reset();
    }

    void flowFiltersKeepWhatAHandCountKeeps_data() {
        QTest::addColumn<double>("minVolume");
        QTest::addColumn<double>("minKm");
        QTest::addColumn<double>("maxKm");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("shown");
        QTest::newRow("no filter") << 0.0 << 0.0 << 0.0 << QString() << 5;
        QTest::newRow("50 or more") << 50.0 << 0.0 << 0.0 << QString() << 3;
        QTest::newRow("up to 12 km") << 0.0 << 0.0 << 12.0 << QString() << 2;
        QTest::newRow("from 15 km") << 0.0 << 15.0 << 0.0 << QString() << 2;
        QTest::newRow("20 or more, 12 to 21 km") << 20.0 << 12.0 << 21.0 << QString() << 2;
        QTest::newRow("the dataset's kind") << 0.0 << 0.0 << 0.0 << QStringLiteral("patients") << 5;
        QTest::newRow("another kind") << 0.0 << 0.0 << 0.0 << QStringLiteral("domicile-travail") << 0;
    }
    void flowFiltersKeepWhatAHandCountKeeps() {
        QFETCH(double, minVolume);
        QFETCH(double, minKm);
        QFETCH(double, maxKm);
        QFETCH(QString, kind);
        QFETCH(int, shown);
        MaillagePanel panel(m_session.get(), m_canvas.get(), m_project.get());
        panel.refreshNow();
        child<QCheckBox>(&panel, "showFlows")->setChecked(true);
        child<QDoubleSpinBox>(&panel, "flowMinVolume")->setValue(minVolume);
        child<QDoubleSpinBox>(&panel, "flowMinKm")->setValue(minKm);
        child<QDoubleSpinBox>(&panel, "flowMaxKm")->setValue(maxKm);
        auto* kinds = child<QComboBox>(&panel, "flowKind");
        kinds->setCurrentIndex(kinds->findData(kind));
        QCOMPARE(static_cast<int>(panel.filteredFlows().size()), shown);
        QVERIFY(panel.flowsLayer());
        QCOMPARE(static_cast<int>(panel.flowsLayer()->featureCount()), shown);
        QCOMPARE(child<QLabel>(&panel, "flowCount")->text(),
                 QStringLiteral("%1 of 5 flows between bassins de vie shown").arg(shown));
    }

    void attractionIsShownPerPole() {
        MaillagePanel panel(m_session.get(), m_canvas.get(), m_project.get());
        panel.refreshNow();
        auto* table = child<QTableWidget>(&panel, "attractionTable");
        QCOMPARE(table->rowCount(), static_cast<int>(m_session->maillage().nodes.size()));
        // Sorted by attraction: Alpha captures 375 of the 475 leaving Epsilon, Delta, Gamma and Zeta.
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Alpha"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("78.9\u00a0%"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("375"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("4"));
        // Filtered flows are the ones the attraction counts.
        child<QDoubleSpinBox>(&panel, "flowMinVolume")->setValue(100);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("300"));
    }

    void crossingIsTheEnginesInTheTableAndOnTheMap() {
        MaillagePanel panel(m_session.get(), m_canvas.get(), m_project.get());
        panel.refreshNow();
        const model::Dataset& ds = m_session->dataset();
        Warnings warnings;
        const analysis::LinkCrossing expected =
            analysis::crossLinks(m_session->maillage(), analysis::aggregateFlows(ds, warnings),
                                 analysis::declaredLinks(ds, m_session->poles()));
        QVERIFY(expected.undeclared > 0);
        QCOMPARE(panel.crossing().links.size(), expected.links.size());
        auto* table = child<QTableWidget>(&panel, "crossingTable");
        QCOMPARE(table->rowCount(), static_cast<int>(expected.links.size()));
        QVERIFY(!panel.crossingLayer());
        child<QCheckBox>(&panel, "showCrossing")->setChecked(true);
        QVERIFY(panel.crossingLayer());
        QCOMPARE(static_cast<std::size_t>(panel.crossingLayer()->featureCount()), expected.links.size());
        // A higher volume threshold leaves fewer strong observed links, never more.
        child<QDoubleSpinBox>(&panel, "crossVolume")->setValue(1e6);
        QVERIFY(panel.crossing().strongObserved == 0);
        child<QCheckBox>(&panel, "showCrossing")->setChecked(false);
        QVERIFY(!panel.crossingLayer());
    }

    void theDistanceUnitIsStated() {
        MaillagePanel panel(m_session.get(), m_canvas.get(), m_project.get());
        panel.refreshNow();
        QVERIFY2(child<QLabel>(&panel, "maillageSummary")->text().contains(QStringLiteral("Distances in km")),
                 qPrintable(child<QLabel>(&panel, "maillageSummary")->text()));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestMaillageFlows)
#include "test_maillage_flows.moc"
