// The three docked panels on the demo dataset: what they list, show and draw equals what the engine
// computes, and selections travel between them through the Session.
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/demo/demo.h"
#include "ui/i18n.h"
#include "ui/layer_roles.h"
#include "ui/maillage_layers.h"
#include "ui/map_layers.h"
#include "ui/panels/density_panel.h"
#include "ui/panels/maillage_panel.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/poles_panel.h"
#include "ui/panels/profession_chooser.h"
#include "ui/panels/rank_size_chart.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/table_export.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"

#include "testing.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsgeometry.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmapcanvas.h>
#include <qgsmemoryproviderutils.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextEdit>

#include <algorithm>
#include <memory>
#include <tuple>

using namespace maillage;
using namespace maillage::ui;

namespace {

QString cell(const QAbstractItemModel* m, int row, int column) {
    return m->index(row, column).data().toString();
}

int rowOf(const QAbstractItemModel* m, const QString& code, int role) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(role).toString() == code)
            return r;
    return -1;
}

constexpr int kCodeRole = Qt::UserRole + 2; // PolesTableModel/DensityTableModel::CodeRole

// The six bassins of ui_fixture.h counted in 2019 and 2023, and two small bassins (Eta: 2 then 3
// professionals, Theta: 3 then 4): their counts and changes are secret, and one of them enters the drain
// correlation unless it is left out.
model::Dataset smallCountsDataset() {
    model::Dataset ds = testing::makeSixBassins();
    ds.meta.vintages = {2019, 2023};
    const std::vector<model::CountRecord> latest = ds.counts;
    for (std::size_t i = 0; i < latest.size(); ++i) {
        model::CountRecord earlier = latest[i];
        earlier.vintage = 2019;
        earlier.count = std::round(latest[i].count * (0.8 + 0.05 * static_cast<double>(i % 5)));
        ds.counts.push_back(earlier);
    }
    const struct {
        const char* code;
        const char* name;
        double before, after;
        double x;
    } small[] = {{"00007", "Eta", 2, 3, 130000}, {"00008", "Theta", 3, 4, 140000}};
    for (const auto& s : small) {
        model::Commune c = ds.communes.front();
        c.code = c.bv = s.code;
        c.name = s.name;
        c.population = 800;
        c.anchor = {s.x + 5000, 6505000};
        c.geometry = testing::squareWkb(s.x, 6500000, 10000);
        model::Bassin b = ds.bassins.front(); // a one-commune bassin, as the fixture's
        std::tie(b.code, b.name, b.communes) = std::make_tuple(c.code, c.name, std::vector{c.code});
        std::tie(b.population, b.anchor, b.geometry) = std::tie(c.population, c.anchor, c.geometry);
        ds.communes.push_back(c);
        ds.bassins.push_back(b);
        ds.counts.push_back({s.code, "medecin_generaliste", 2019, s.before});
        ds.counts.push_back({s.code, "medecin_generaliste", 2023, s.after});
    }
    ds.reindex();
    return ds;
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Session> session;
    std::unique_ptr<QgsProject> project;
    std::unique_ptr<QgsMapCanvas> canvas;
    std::unique_ptr<MapLayers> mapLayers;

    const model::Dataset& ds() const { return session->dataset(); }

private slots:
    void initTestCase() {
        // English UI for the expected strings below; the French one has its own test at the end.
        i18n::installTranslators(QStringLiteral("en"));
        session = std::make_unique<Session>();
        project = std::make_unique<QgsProject>();
        canvas = std::make_unique<QgsMapCanvas>();
        canvas->resize(600, 500);
        // The map's layers and their owner, as in the main window: built before the panels listen.
        mapLayers = std::make_unique<MapLayers>(session.get(), project.get());
        session->setDataset(demo::makeDemoDataset());
    }

    void init() {
        session->selectBassins({});
        session->setProfession(QString());
    }

    void cleanupTestCase() {
        mapLayers.reset();
        canvas.reset();
        project.reset();
        session.reset();
    }

    // --- PolesPanel

    void polesTableListsEveryPoleAndEveryBassinOnDemand() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        int poles = 0;
        for (const auto& p : session->poles())
            poles += p.type != analysis::PoleType::HorsPole ? 1 : 0;
        QVERIFY(poles > 0);
        QCOMPARE(panel.listedRowCount(), poles);

        panel.findChild<QCheckBox*>(QStringLiteral("polesOnly"))->setChecked(false);
        QCOMPARE(panel.listedRowCount(), static_cast<int>(ds().bassins.size()));
    }

    void polesTableColumnsFitEveryListedTextAndKeepSortAndSelectionAcrossARecompute() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        QVERIFY(table);
        const QAbstractItemView* view = table;
        const QAbstractItemModel* m = table->model();
        const int nameColumn = 0, reasonColumn = 5, marginsColumn = 6;
        // No cell is elided: each column is as wide as the delegate needs for every listed text (the name
        // up to 150 px), and as Qt's fit over the rows in sight (the previous method) would make it.
        auto verifyFitted = [&] {
            QVERIFY(m->rowCount() > 1);
            for (int c = 0; c < m->columnCount(); ++c) {
                const int section = table->horizontalHeader()->sectionSize(c);
                const int cap = c == nameColumn ? 150 : std::numeric_limits<int>::max();
                for (int row = 0; row < m->rowCount(); ++row) {
                    const int needed = view->sizeHintForIndex(m->index(row, c)).width();
                    if (section < std::min(cap, needed))
                        QFAIL(qPrintable(QStringLiteral("column %1, row %2 (%3): %4 px of %5")
                                             .arg(c)
                                             .arg(row)
                                             .arg(m->index(row, c).data().toString())
                                             .arg(section)
                                             .arg(needed)));
                }
                QVERIFY(section >= std::min(cap, view->sizeHintForColumn(c)));
            }
            QVERIFY(table->horizontalHeader()->sectionSize(reasonColumn) > 0);
            QVERIFY(table->horizontalHeader()->sectionSize(marginsColumn) > 0);
        };
        verifyFitted();

        // A pôle threshold classifies again: sorted by descending professionals, the selected BV selected.
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), 2);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        const QString selected = m->index(1, 0).data(kCodeRole).toString();
        session->selectBassins({selected});
        const model::Parameters original = session->parameters();
        const long long revision = session->classificationRevision();
        model::Parameters p = original;
        p.poles.grandPoleMin = original.poles.grandPoleMin / 2;
        session->setParameters(p);
        QVERIFY(panel.tableComputing()); // the rows are computed in a worker, the map redrawn meanwhile
        QTRY_VERIFY(!panel.tableComputing());
        QVERIFY(session->classificationRevision() > revision);
        verifyFitted();
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), 2);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        for (int row = 1; row < m->rowCount(); ++row)
            QVERIFY(m->index(row - 1, 2).data(panel::SortRole).toDouble() >=
                    m->index(row, 2).data(panel::SortRole).toDouble());
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(kCodeRole).toString(), selected);

        // Every bassin listed: the columns fit the texts of the bassins that are not pôles too.
        panel.findChild<QCheckBox*>(QStringLiteral("polesOnly"))->setChecked(false);
        verifyFitted();
        session->setParameters(original);
        QTRY_VERIFY(!panel.tableComputing()); // the rows are computed in a worker
        session->selectBassins({});
    }

    void polesTableFollowsTheClassificationAndSecrecyNotTheMaillage() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        panel.findChild<QCheckBox*>(QStringLiteral("polesOnly"))->setChecked(false);
        const QAbstractItemModel* m = panel.findChild<QTableView*>(QStringLiteral("polesTable"))->model();
        auto column = [m](int c) {
            QStringList texts;
            for (int row = 0; row < m->rowCount(); ++row)
                texts << m->index(row, c).data().toString();
            texts.sort();
            return texts;
        };
        const int typeColumn = 1, marginsColumn = 6;
        const model::Parameters original = session->parameters();
        const long long revision = session->classificationRevision();
        const QStringList types = column(typeColumn), margins = column(marginsColumn);
        QVERIFY(!margins.first().startsWith(QStringLiteral("not shown")));

        // A maillage parameter: the classification is not computed again, the rows stay.
        model::Parameters p = original;
        p.maillage.isolationDistanceKm += 10;
        session->setParameters(p);
        QTRY_VERIFY(!panel.tableComputing()); // the rows are computed in a worker
        QCOMPARE(session->classificationRevision(), revision);
        QCOMPARE(column(marginsColumn), margins);

        // The secrecy threshold: the margins of masked counts are no longer shown.
        p.density.secrecyThreshold = 1e6;
        session->setParameters(p);
        QTRY_VERIFY(!panel.tableComputing()); // the rows are computed in a worker
        QCOMPARE(session->classificationRevision(), revision);
        QVERIFY(column(marginsColumn).first().startsWith(QStringLiteral("not shown")));
        QCOMPARE(column(typeColumn), types);

        // A pôle threshold: classified again, the types follow.
        p = original;
        p.poles.grandPoleMin = original.poles.grandPoleMin * 100;
        session->setParameters(p);
        QTRY_VERIFY(!panel.tableComputing()); // the rows are computed in a worker
        QVERIFY(session->classificationRevision() > revision);
        QVERIFY(column(typeColumn) != types);
        QCOMPARE(column(marginsColumn).size(), margins.size());

        session->setParameters(original);
        QTRY_VERIFY(!panel.tableComputing()); // the rows are computed in a worker
        QCOMPARE(column(typeColumn), types);
        QCOMPARE(column(marginsColumn), margins);
    }

    void copyPutsTheHeaderAndTheSelectedRowTabSeparatedOnTheClipboard() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        panel.show();
        QApplication::setActiveWindow(&panel); // Ctrl+C is a shortcut of the active window
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        const QAbstractItemModel* m = table->model();
        QVERIFY(m->rowCount() > 1);
        // The BV's code first (the table shows names only), then the columns as shown.
        QStringList header{QStringLiteral("Code")};
        for (int c = 0; c < m->columnCount(); ++c)
            header << m->headerData(c, Qt::Horizontal).toString();
        auto rowText = [m](int row) {
            QStringList cells{m->index(row, 0).data(kCodeRole).toString()};
            for (int c = 0; c < m->columnCount(); ++c)
                cells << cell(m, row, c);
            return cells.join(QLatin1Char('\t'));
        };
        QApplication::clipboard()->clear();
        // Nothing selected: every row.
        table->clearSelection();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m->rowCount() + 1);
        QCOMPARE(lines.first(), header.join(QLatin1Char('\t')));
        QCOMPARE(lines.last(), rowText(m->rowCount() - 1));
        // One row selected: the header and that row.
        table->selectRow(1);
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines, (QStringList{header.join(QLatin1Char('\t')), rowText(1)}));
        // Copy all, from the context menu, whatever is selected.
        auto* copyAll = table->findChild<QAction*>(QStringLiteral("copyAllRows"));
        QVERIFY(copyAll && table->actions().contains(copyAll));
        copyAll->trigger();
        lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m->rowCount() + 1);
    }

    void rankSizeChartCopiesAsImageAndExportsSvgAndPng() {
        RankSizeChart chart;
        chart.resize(400, 260);
        chart.setPoints({{QStringLiteral("Lille"), 25000, 1},
                         {QStringLiteral("Arras"), 2000, 3},
                         {QStringLiteral("Berck"), 1500, 3}});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // Copy image: the chart at twice its size, with something drawn.
        QApplication::clipboard()->clear();
        auto* copy = chart.findChild<QAction*>(QStringLiteral("copyChart"));
        QVERIFY(copy && chart.actions().contains(copy));
        copy->trigger();
        const QImage copied = QApplication::clipboard()->image();
        QCOMPARE(copied.size(), QSize(800, 520));
        int inked = 0;
        const QColor background = copied.pixelColor(1, 1);
        for (int y = 0; y < copied.height(); y += 4)
            for (int x = 0; x < copied.width(); x += 4)
                inked += copied.pixelColor(x, y) != background ? 1 : 0;
        QVERIFY(inked > 100);
        QVERIFY(chart.findChild<QAction*>(QStringLiteral("exportChart")));
        // PNG and SVG files, read back.
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("rang.png"));
        QVERIFY2(chart.writeImage(png, &error), qPrintable(error));
        QCOMPARE(QImage(png).size(), QSize(800, 520));
        const QString svg = dir.filePath(QStringLiteral("rang.svg"));
        QVERIFY2(chart.writeImage(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray drawing = file.readAll();
        QVERIFY(drawing.contains("<svg") && drawing.count("<circle") >= 3);         // a point per pôle
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary left
        // Never through a symbolic link.
        const QString link = dir.filePath(QStringLiteral("lien.png"));
        QVERIFY(QFile::link(png, link));
        QVERIFY(!chart.writeImage(link, &error));
        QVERIFY2(error.contains(QStringLiteral("lien.png")), qPrintable(error));
    }

    void polesTableSortsProfessionalsNumerically() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        table->sortByColumn(2, Qt::DescendingOrder);
        double previous = 1e300;
        for (int r = 0; r < panel.listedRowCount(); ++r) {
            const analysis::PoleClassification* p = session->pole(panel.listedBassin(r));
            QVERIFY(p);
            QVERIFY(p->total <= previous);
            previous = p->total;
        }
    }

    void selectingAPoleRowSelectsItsBassinAndAsksForAZoom() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        QSignalSpy zoom(session.get(), &Session::zoomRequested);
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        const QString code = panel.listedBassin(1);
        table->selectRow(1);
        QCOMPARE(session->selectedBassins(), QStringList{code});
        QCOMPARE(zoom.count(), 1);
        QCOMPARE(zoom.at(0).at(0).value<FeatureKind>(), FeatureKind::Bassin);
        QCOMPARE(zoom.at(0).at(1).toString(), code);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("poleDetails"))
                    ->text()
                    .contains(panel::bassinName(ds(), code.toStdString()).toHtmlEscaped()));
    }

    void sessionSelectionSelectsThePoleRowWithoutZooming() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        QSignalSpy zoom(session.get(), &Session::zoomRequested);
        const QString code = panel.listedBassin(2);
        session->selectBassins({code});
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(kCodeRole).toString(), code);
        QCOMPARE(zoom.count(), 0);
    }

    void crunchFiguresShownAreDiagnoseCrunchs() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        QTRY_VERIFY(panel.crunch().totalProfessionals > 0);
        const auto& vintages = ds().meta.vintages;
        QVERIFY(vintages.size() >= 2);
        const analysis::CrunchDiagnostics expected =
            analysis::diagnoseCrunch(ds(), {}, session->parameters().poles, session->parameters().crunch,
                                     session->vintage(), vintages.front());
        QVERIFY(expected.hasEvolution);
        for (int t = 1; t <= 4; ++t) {
            QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchCount%1").arg(t))->text(),
                     QString::number(expected.polesByType[t]));
            QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchAverage%1").arg(t))->text(),
                     panel::number(expected.averageByTypePerRegion[t], 1));
        }
        // The column names the comparison the diagnosis makes, as the crunch_types table does.
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchAverageHeader"))->text(),
                 QString::fromStdString(analysis::crunchReferenceLabel(
                     expected, panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En)));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchPrimacy"))
                    ->text()
                    .startsWith(panel::number(expected.primacy, 1)));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchFirstShare"))->text(),
                 panel::percent(expected.firstPoleShare));
        const QString h = panel.findChild<QLabel*>(QStringLiteral("crunchHerfindahl"))->text();
        QVERIFY2(h.contains(panel::number(expected.herfindahl, 3)), qPrintable(h));
        QVERIFY2(h.contains(panel::number(expected.equivalentPoles, 1)), qPrintable(h));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchFirst"))
                    ->text()
                    .contains(panel::bassinName(ds(), expected.firstPole)));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchPoleChange"))->text(),
                 panel::signedPercent(expected.poleChangePercent));
        QCOMPARE(panel.findChild<QTextEdit*>(QStringLiteral("crunchDiagnosis"))->document()->toRawText(),
                 QString::fromStdString(analysis::describeCrunch(expected, analysis::Language::En)));
        // The chart ranks the pôles of the territory.
        int poles = 0;
        for (int t = 1; t <= 4; ++t)
            poles += expected.polesByType[t];
        QCOMPARE(static_cast<int>(panel.findChild<RankSizeChart*>()->points().size()), poles);
    }

    void selectedBassinShowsItsMarginsToTheThresholds() {
        Session six;
        six.setDataset(testing::makeSixBassins());
        PolesPanel panel(&six, canvas.get(), project.get());
        // Zeta: 2,500 professionals of whom 300 of pôle professions (12 %), type 4. To reach 20 %:
        // (300 + x) / (2,500 + x) >= 0.2, x = 250.
        six.selectBassins({QStringLiteral("00006")});
        const QString details = panel.findChild<QLabel*>(QStringLiteral("poleDetails"))->text();
        QVERIFY2(details.contains(QStringLiteral(
                     "250 more professionals of pole professions needed to be intermediate pole")),
                 qPrintable(details));
        // Gamma: 2,000 professionals, type 3: 1,000 short of the grand pôle threshold (3,000).
        panel.findChild<QCheckBox*>(QStringLiteral("polesOnly"))->setChecked(false);
        const QAbstractItemModel* m = panel.findChild<QTableView*>(QStringLiteral("polesTable"))->model();
        const int gamma = rowOf(m, QStringLiteral("00003"), kCodeRole);
        QVERIFY(gamma >= 0);
        const QString margins = cell(m, gamma, m->columnCount() - 1);
        QVERIFY2(
            margins.contains(QStringLiteral("1,000 professionals short of the threshold of large poles")),
            qPrintable(margins));
    }

    void crunchShowsThePublishableFiguresTheCommandLineWrites() {
        Session small;
        small.setDataset(smallCountsDataset());
        PolesPanel panel(&small, canvas.get(), project.get());
        QTRY_VERIFY(panel.crunch().hasEvolution);
        const analysis::CrunchDiagnostics raw = analysis::diagnoseCrunch(
            small.dataset(), {}, small.parameters().poles, small.parameters().crunch, 2023, 2019);
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(small.parameters().density);
        const analysis::CrunchMask mask = analysis::maskCrunch(raw, rule);
        QVERIFY(mask.drainCorrelation); // a secret change entered the raw correlation
        const analysis::CrunchDiagnostics published = analysis::publishableCrunch(raw, mask);
        QVERIFY(published.drainCorrelation != raw.drainCorrelation);
        QCOMPARE(panel.crunch().drainCorrelation, published.drainCorrelation);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchDrain"))
                    ->text()
                    .startsWith(panel::signedNumber(published.drainCorrelation, 2)));

        // The table of changes is the command line's, cell for cell, and shows no count from 1 to 4.
        const std::vector<io::ResultTable> cli =
            analysis::crunchTables(small.dataset(), raw, rule, analysis::Language::En);
        const auto changes = std::find_if(
            cli.begin(), cli.end(), [](const io::ResultTable& t) { return t.name == "crunch_changes"; });
        QVERIFY(changes != cli.end());
        const ResultTableModel* model = panel.crunchChangesModel();
        QCOMPARE(model->rowCount(), static_cast<int>(changes->rows.size()));
        QCOMPARE(model->columnCount(), static_cast<int>(changes->columns.size()));
        int maskedCells = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString shown = cell(model, r, c);
                QCOMPARE(shown,
                         QString::fromStdString(io::formatCell(*changes, r, c, analysis::Language::En)));
                const std::string& key = changes->columns[c].key;
                if (key != "before" && key != "after" && key != "change")
                    continue;
                bool isNumber = false;
                const double value = std::abs(QLocale(QLocale::English).toDouble(shown, &isNumber));
                QVERIFY2(!isNumber || value == 0 || value >= rule.threshold, qPrintable(shown));
                maskedCells += model->index(r, c).data(panel::MaskedRole).toBool() ? 1 : 0;
            }
        QVERIFY(maskedCells >= 4);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchSecrecyNote"))
                    ->text()
                    .contains(QStringLiteral("counts below 5 masked")));
        QCOMPARE(panel.findChild<QTextEdit*>(QStringLiteral("crunchDiagnosis"))->document()->toRawText(),
                 QString::fromStdString(analysis::describeCrunch(published, analysis::Language::En)));
    }

    void polesTabShowsTheClassificationTableOfTheCommandLineMasked() {
        Session small;
        small.setDataset(smallCountsDataset());
        PolesPanel panel(&small, canvas.get(), project.get());
        panel.findChild<QCheckBox*>(QStringLiteral("polesOnly"))->setChecked(false);
        auto* table = panel.findChild<QTableView*>(QStringLiteral("polesTable"));
        const QAbstractItemModel* m = table->model();
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(small.parameters().density);
        const io::ResultTable cli =
            analysis::classificationTable(small.dataset(), small.poles(), rule, analysis::Language::En);
        const int total = cli.column("total"), poleShare = cli.column("pole_share"),
                  psyShare = cli.column("psy_share"), reason = cli.column("reason");
        // Eta (3 professionals) and Theta (4): every figure of theirs is masked, as the command line does.
        for (const char* code : {"00007", "00008"}) {
            const int row = rowOf(m, QString::fromLatin1(code), kCodeRole);
            QVERIFY(row >= 0);
            QCOMPARE(cell(m, row, 2), QStringLiteral("< 5"));
            QVERIFY(m->index(row, 2).data(panel::MaskedRole).toBool());
            QCOMPARE(cell(m, row, 3), QStringLiteral("< 5"));
            QVERIFY2(!cell(m, row, 5).contains(QRegularExpression(QStringLiteral("\\b[1-4]\\b"))),
                     qPrintable(cell(m, row, 5)));
            QVERIFY(cell(m, row, 5).contains(QStringLiteral("statistical secrecy")));
        }
        // Every row: the command line's cells, worded as it words them.
        for (std::size_t i = 0; i < cli.rows.size(); ++i) {
            const int row = rowOf(m, QString::fromStdString(cli.rows[i].cells[0].text), kCodeRole);
            QVERIFY(row >= 0);
            QCOMPARE(cell(m, row, 2),
                     QString::fromStdString(io::formatCell(cli, i, total, analysis::Language::En)));
            QCOMPARE(cell(m, row, 3),
                     QString::fromStdString(io::formatCell(cli, i, poleShare, analysis::Language::En)));
            // A share of psychiatric nurses the data do not count (the table's note says so) reads "—".
            const bool psyAbsent = std::any_of(cli.notes.begin(), cli.notes.end(), [](const Message& n) {
                return n.id == "results.note_psy_not_counted";
            });
            const QString psy =
                QString::fromStdString(io::formatCell(cli, i, psyShare, analysis::Language::En));
            QCOMPARE(cell(m, row, 4), psy.isEmpty() && psyAbsent ? QStringLiteral("\u2014") : psy);
            QCOMPARE(cell(m, row, 5), QString::fromStdString(cli.rows[i].cells[reason].text));
        }
        // Sorted by professionals either way, the masked rows stay one block (after the values, or before
        // them in descending order) in the same order: it does not tell which of the two has more.
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            table->sortByColumn(2, order);
            const int first = order == Qt::AscendingOrder ? m->rowCount() - 2 : 0;
            QCOMPARE(cell(m, first, 2), QStringLiteral("< 5"));
            QCOMPARE(cell(m, first + 1, 2), QStringLiteral("< 5"));
            QCOMPARE(m->index(first, 0).data(kCodeRole).toString(), QStringLiteral("00007"));
            QCOMPARE(m->index(first + 1, 0).data(kCodeRole).toString(), QStringLiteral("00008"));
        }
    }

    void crunchOfARegionIsDiagnosedOnItsBassins() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        auto* scope = panel.findChild<QComboBox*>(QStringLiteral("crunchScope"));
        const int i = scope->findData(QStringLiteral("reg:") + panel::qs(ds().bassins.front().reg));
        QVERIFY(i > 0);
        scope->setCurrentIndex(i);
        std::vector<std::string> selection;
        for (const auto& b : ds().bassins)
            if (b.reg == ds().bassins.front().reg)
                selection.push_back(b.code);
        const analysis::CrunchDiagnostics expected = analysis::diagnoseCrunch(
            ds(), selection, session->parameters().poles, session->parameters().crunch, session->vintage(),
            ds().meta.vintages.front());
        QTRY_COMPARE(panel.crunch().totalProfessionals, expected.totalProfessionals);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchCount1"))->text(),
                 QString::number(expected.polesByType[1]));
        QCOMPARE(panel.crunch().herfindahl, expected.herfindahl);
    }

    void crunchReferenceColumnShowsOnlyWhenThereIsAUnitToCompareWith() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        panel.show();
        auto* scope = panel.findChild<QComboBox*>(QStringLiteral("crunchScope"));
        auto* header = panel.findChild<QLabel*>(QStringLiteral("crunchAverageHeader"));
        auto* average = panel.findChild<QLabel*>(QStringLiteral("crunchAverage1"));
        QVERIFY(scope->count() >= 3);
        for (int i = 0; i < scope->count(); ++i) {
            const QString data = scope->itemData(i).toString();
            if (data == QStringLiteral("sel"))
                session->selectBassins({panel.listedBassin(0)});
            scope->setCurrentIndex(i);
            QTRY_VERIFY(panel.crunch().totalProfessionals > 0);
            const bool reference = analysis::hasReference(panel.crunch());
            QCOMPARE(!header->isHidden(), reference);
            QCOMPARE(!average->isHidden(), reference);
        }
    }

    void crunchOfADatasetOfOneRegionShowsNoColumnOfDashes() {
        model::Dataset one = demo::makeDemoDataset();
        for (auto& b : one.bassins)
            b.reg = one.bassins.front().reg;
        one.reindex();
        Session local;
        QgsProject localProject;
        QgsMapCanvas localCanvas;
        local.setDataset(std::move(one));
        PolesPanel panel(&local, &localCanvas, &localProject);
        QTRY_VERIFY(panel.crunch().totalProfessionals > 0);
        QVERIFY(!analysis::hasReference(panel.crunch()));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchAverageHeader"))->isHidden());
        for (int t = 1; t <= 4; ++t)
            QVERIFY(panel.findChild<QLabel*>(QStringLiteral("crunchAverage%1").arg(t))->isHidden());
        QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("crunchCount1"))->isHidden());
    }

    void crunchOfAnEmptySelectionAsksForOne() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        auto* scope = panel.findChild<QComboBox*>(QStringLiteral("crunchScope"));
        scope->setCurrentIndex(scope->findData(QStringLiteral("sel")));
        QTRY_VERIFY(panel.crunch().bassins.empty() && panel.crunch().totalProfessionals == 0);
        QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("crunchScopeNote"))->text().isEmpty());
        session->selectBassins({panel.listedBassin(0)});
        QTRY_COMPARE(panel.crunch().totalProfessionals, session->pole(panel.listedBassin(0))->total);
    }

    void crunchOfADatasetWithoutCountsSaysSoInsteadOfAYear() {
        model::Dataset empty = demo::makeDemoDataset();
        empty.counts.clear();
        empty.zoneCounts.clear();
        empty.meta.vintages.clear();
        Session noCounts;
        noCounts.setDataset(std::move(empty));
        PolesPanel panel(&noCounts, canvas.get(), project.get());
        auto* note = panel.findChild<QLabel*>(QStringLiteral("crunchScopeNote"));
        QTRY_VERIFY(note->text().contains(QStringLiteral("no count")));
        QVERIFY2(!note->text().contains(QStringLiteral(" in 0")), qPrintable(note->text()));
        QCOMPARE(panel.crunch().totalProfessionals, 0.0);
    }

    void crunchIsComputedInTheBackgroundAndCached() {
        CrunchRequest request;
        request.bassins = {ds().bassins.front().code, ds().bassins.back().code}; // asked by no other test
        request.vintageTo = session->vintage();
        request.vintageFrom = ds().meta.vintages.front();
        QSignalSpy ready(session.get(), &Session::crunchReady);
        QVERIFY(!session->crunch(request)); // started in a background task
        QCOMPARE(ready.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        const CrunchResult* result = session->crunch(request);
        QVERIFY(result);
        const analysis::CrunchDiagnostics expected =
            analysis::diagnoseCrunch(ds(), request.bassins, session->parameters().poles,
                                     session->parameters().crunch, request.vintageTo, request.vintageFrom);
        QCOMPARE(result->diagnostics.totalProfessionals, expected.totalProfessionals);
        QCOMPARE(result->diagnostics.herfindahl, expected.herfindahl);
        QCOMPARE(analysis::describeCrunch(result->diagnostics, analysis::Language::En),
                 analysis::describeCrunch(expected, analysis::Language::En));
        // Asked again: the same result, no new computation.
        QCOMPARE(session->crunch(request), result);
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);
    }

    void crunchOffersOnlyEarlierYearsToCompareFrom() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        auto* from = panel.findChild<QComboBox*>(QStringLiteral("crunchFrom"));
        auto* to = panel.findChild<QComboBox*>(QStringLiteral("crunchTo"));
        const auto& vintages = ds().meta.vintages;
        QVERIFY(vintages.size() >= 2);
        auto fromYearsAreBefore = [&] {
            for (int i = 0; i < from->count(); ++i) {
                const int year = from->itemData(i).toInt();
                if (year != 0 && year >= to->currentData().toInt())
                    return false;
            }
            return true;
        };
        QVERIFY(fromYearsAreBefore());
        QCOMPARE(from->count(), static_cast<int>(vintages.size())); // "No comparison" + the earlier years
        // The earliest year as "to": nothing is earlier, no comparison is the only choice.
        to->setCurrentIndex(to->findData(vintages.front()));
        QVERIFY(fromYearsAreBefore());
        QCOMPARE(from->count(), 1);
        QCOMPARE(from->itemData(0).toInt(), 0);
        QTRY_VERIFY(!panel.crunch().hasEvolution);
        to->setCurrentIndex(to->findData(vintages.back()));
        QVERIFY(fromYearsAreBefore());
        QCOMPARE(from->findData(vintages.back()), -1);
    }

    void crunchWithOneYearSaysAComparisonNeedsAnother() {
        Session single;
        single.setDataset(testing::makeSixBassins());
        PolesPanel panel(&single, canvas.get(), project.get());
        auto* hint = panel.findChild<QLabel*>(QStringLiteral("crunchVintageHint"));
        QVERIFY(hint && !hint->isHidden());
        QVERIFY2(hint->text().contains(QStringLiteral("2023")) &&
                     hint->text().contains(QStringLiteral("another year")),
                 qPrintable(hint->text()));
        PolesPanel twoYears(session.get(), canvas.get(), project.get());
        QVERIFY(twoYears.findChild<QLabel*>(QStringLiteral("crunchVintageHint"))->isHidden());
    }

    // --- DensityPanel
    void selectingACommuneRowHighlightsThatCommuneOnlyOnTheMap() {
        Session own;
        QgsProject ownProject;
        MapLayers layers(&own, &ownProject);
        own.setDataset(demo::makeDemoDataset());
        DensityPanel panel(&own, canvas.get(), &ownProject);
        QString bv;
        for (const auto& b : own.dataset().bassins)
            if (b.communes.size() >= 2) {
                bv = panel::qs(b.code);
                break;
            }
        QVERIFY(!bv.isEmpty());
        own.selectBassins({bv});
        QTRY_COMPARE(panel.shownBassin(), bv);
        auto* table = panel.findChild<QTableView*>(QStringLiteral("densityTable"));
        QTRY_VERIFY(table->model()->rowCount() >= 2);
        for (int row : {0, 1}) {
            table->selectRow(row);
            const QString code = table->model()->index(row, 0).data(kCodeRole).toString();
            QCOMPARE(own.currentCommune(), code);
            QCOMPARE(layers.communes()->selectedFeatureIds(),
                     QgsFeatureIds{layers.featureId(FeatureKind::Commune, code)});
        }
    }

    void professionsWithoutDataAreMarkedDisabledAndLast() {
        model::Dataset noNurses = demo::makeDemoDataset();
        const std::string empty = "infirmier_psychiatrique";
        noNurses.counts.erase(
            std::remove_if(noNurses.counts.begin(), noNurses.counts.end(),
                           [&](const model::CountRecord& r) { return r.profession == empty; }),
            noNurses.counts.end());
        noNurses.zoneCounts.erase(
            std::remove_if(noNurses.zoneCounts.begin(), noNurses.zoneCounts.end(),
                           [&](const model::CountRecord& r) { return r.profession == empty; }),
            noNurses.zoneCounts.end());
        QVERIFY(noNurses.catalogue.find(empty));
        Session own;
        own.setDataset(std::move(noNurses));
        DensityPanel panel(&own, canvas.get(), project.get());
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("profession"));
        const int i = combo->findData(QString::fromStdString(empty));
        QVERIFY(i > 0);
        QVERIFY2(combo->itemText(i).endsWith(QStringLiteral("(no data)")), qPrintable(combo->itemText(i)));
        auto* model = qobject_cast<QStandardItemModel*>(combo->model());
        QVERIFY(!(model->item(i)->flags() & Qt::ItemIsEnabled));
        // After every profession that has data; those are enabled and unmarked.
        const int gp = combo->findData(QStringLiteral("medecin_generaliste"));
        QVERIFY(gp > 0 && gp < i);
        QVERIFY(model->item(gp)->flags() & Qt::ItemIsEnabled);
        QVERIFY(!combo->itemText(gp).contains(QStringLiteral("no data")));
        for (int k = i + 1; k < combo->count(); ++k)
            QVERIFY(combo->itemData(k).toString().isEmpty() ||
                    combo->itemText(k).endsWith(QStringLiteral("(no data)")));
        // The one helper every chooser uses says the same.
        QVERIFY(!panel::professionsWithData(own.dataset()).count(empty));
    }

    void selectingABassinListsItsCommunesWithTheEngineFigures() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        // The heaviest pôle: many communes, a real mix of figures.
        const QString bv = panel::qs(session->maillage().nodes.front().bv);
        session->setProfession(QStringLiteral("medecin_generaliste"));
        session->selectBassins({bv});
        QTRY_COMPARE(panel.shownBassin(), bv);
        const analysis::DensityDrillDown expected =
            analysis::densityForBassin(ds(), bv.toStdString(), "medecin_generaliste", session->vintage());
        QTRY_COMPARE(panel.drillDown().profession, expected.profession);
        auto* table = panel.findChild<QTableView*>(QStringLiteral("densityTable"));
        const QAbstractItemModel* m = table->model();
        QCOMPARE(m->rowCount(), static_cast<int>(expected.rows.size()));
        const auto& d = expected.rows.front();
        const int r = rowOf(m, panel::qs(d.code), kCodeRole);
        QVERIFY(r >= 0);
        QCOMPARE(cell(m, r, 1), panel::number(d.population));
        const model::DensityParameters& params = session->parameters().density;
        if (!analysis::isMasked(d.count, params)) {
            QCOMPARE(cell(m, r, 2), panel::number(d.count));
            QCOMPARE(cell(m, r, 3), panel::number(d.per10k, 1));
        }
        // The references, in their own table pinned below the communes: BV, département, région, territory.
        const QAbstractItemModel* refs =
            panel.findChild<QTableView*>(QStringLiteral("densityReferences"))->model();
        QCOMPARE(refs->rowCount(), 4);
        auto tip = [&](int row) { return refs->index(row, 0).data(Qt::ToolTipRole).toString(); };
        QVERIFY(tip(0).contains(panel::qs(expected.bassin.name)));
        QCOMPARE(cell(refs, 0, 3), panel::number(expected.bassin.per10k, 1));
        QVERIFY(tip(1).contains(panel::qs(expected.departement.name)));
        QVERIFY(tip(2).contains(panel::qs(expected.region.name)));
        QVERIFY(tip(3).contains(QStringLiteral("Whole territory")));
        QCOMPARE(cell(refs, 3, 2), panel::number(expected.dataset.count));
        QCOMPARE(cell(refs, 3, 3), panel::number(expected.dataset.per10k, 1));
        QVERIFY(refs->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        // Sorting the communes numerically by density.
        table->sortByColumn(3, Qt::DescendingOrder);
        double previous = 1e300;
        for (int row = 0; row < m->rowCount(); ++row) {
            const double v = m->index(row, 3).data(Qt::UserRole + 1).toDouble();
            QVERIFY(v <= previous);
            previous = v;
        }
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("densityCaption"))
                    ->text()
                    .contains(QStringLiteral("statistical secrecy")));
    }

private:
    //! A commune with a small count of some profession: its bassin, its code, the profession, the count.
    struct MaskedCase {
        QString bv, commune;
        std::string profession;
        double count = 0;
    };
    MaskedCase findMaskedCase() {
        const model::DensityParameters& params = session->parameters().density;
        QString bv, commune;
        std::string profession;
        double count = 0;
        for (const auto& p : ds().catalogue.professions()) {
            for (const auto& b : ds().bassins) {
                const auto drill = analysis::densityForBassin(ds(), b.code, p.code, session->vintage());
                for (const auto& row : drill.rows)
                    if (analysis::isMasked(row.count, params)) {
                        bv = panel::qs(b.code);
                        commune = panel::qs(row.code);
                        profession = p.code;
                        count = row.count;
                        break;
                    }
                if (!bv.isEmpty())
                    break;
            }
            if (!bv.isEmpty())
                break;
        }
        return {bv, commune, profession, count};
    }

private slots:

    void smallCountsAreMaskedWithTheirDerivedFigures() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        const model::DensityParameters& params = session->parameters().density;
        const auto [bv, commune, profession, count] = findMaskedCase();
        QVERIFY2(!bv.isEmpty(), "the demo dataset has no count under the secrecy threshold");
        QVERIFY(count > 0 && count < params.secrecyThreshold);
        session->setProfession(panel::qs(profession));
        session->selectBassins({bv});
        QTRY_COMPARE(panel.drillDown().profession, profession);
        const QAbstractItemModel* m = panel.findChild<QTableView*>(QStringLiteral("densityTable"))->model();
        const int r = rowOf(m, commune, kCodeRole);
        QVERIFY(r >= 0);
        QCOMPARE(cell(m, r, 2), QString::fromStdString(analysis::maskedCountFr(count, params)));
        QVERIFY(!cell(m, r, 3).contains(QRegularExpression(QStringLiteral("[0-9]"))));
        QVERIFY(!cell(m, r, 4).contains(QRegularExpression(QStringLiteral("[0-9]"))));
    }

    void exportedTableKeepsMaskedCellsMaskedAndReadsBack() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        const auto [bv, commune, profession, count] = findMaskedCase();
        QVERIFY2(!bv.isEmpty(), "the demo dataset has no count under the secrecy threshold");
        session->setProfession(panel::qs(profession));
        session->selectBassins({bv});
        QTRY_COMPARE(panel.drillDown().profession, profession);
        auto* view = panel.findChild<QTableView*>(QStringLiteral("densityTable"));
        QVERIFY(view->findChild<QAction*>(QStringLiteral("exportTable")));
        const QAbstractItemModel* m = view->model();
        const double threshold = view->property(panel::kSecrecyThresholdProperty).toDouble();
        QCOMPARE(threshold, session->parameters().density.secrecyThreshold);
        const io::ResultTable table =
            panel::shownTable(m, QStringLiteral("densites"), QStringLiteral("Densités"), threshold);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("densites.csv"));
        QCOMPARE(panel::writeShownTable(table, path, io::TableFormat::Csv), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m->rowCount() + 1); // the header, then a line per row of the table
        QVERIFY2(lines.first().startsWith(QStringLiteral("Code,")), qPrintable(lines.first()));
        QVERIFY2(lines.first().contains(m->headerData(1, Qt::Horizontal).toString()),
                 qPrintable(lines.first()));
        const int r = rowOf(m, commune, kCodeRole);
        QVERIFY(r >= 0);
        // The commune's line: its code, its name, its population, and nothing for the masked count and
        // density.
        QString line;
        for (const QString& l : lines)
            if (l.startsWith(commune + QLatin1Char(',')))
                line = l;
        QVERIFY2(!line.isEmpty(), qPrintable(commune));
        const QStringList fields = line.split(QLatin1Char(','));
        QVERIFY2(fields.size() >= 6, qPrintable(line));
        QVERIFY2(fields.at(1).startsWith(cell(m, r, 0)) || fields.at(1).startsWith(QLatin1Char('"')),
                 qPrintable(line));
        QVERIFY2(fields.at(3).isEmpty() && fields.at(4).isEmpty(), qPrintable(line));
        QVERIFY2(fields.last() == QStringLiteral("1"), qPrintable(line)); // the masked flag
        // A writer error comes back as a message naming the file.
        const QString error = panel::writeShownTable(
            table, dir.filePath(QStringLiteral("absent/densites.csv")), io::TableFormat::Csv);
        QVERIFY2(error.contains(QStringLiteral("densites.csv")), qPrintable(error));
    }

    void exportsAndCopiesGiveTheCodesAsTextAndNamesWithoutTheDrillMark() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        session->setProfession(QString());
        QVERIFY(!ds().zones.empty());
        const std::string bv = ds().commune(ds().zones.front().commune)->bv;
        session->selectBassins({panel::qs(bv)});
        QTRY_COMPARE(panel.drillDown().parent.code, bv);
        auto* view = panel.findChild<QTableView*>(QStringLiteral("densityTable"));
        QTRY_VERIFY(view->model()->rowCount() > 1);
        const QAbstractItemModel* m = view->model();
        // A commune with zones is shown "Name  ›" (double-click drills into it).
        int drillable = -1;
        for (int r = 0; r < m->rowCount() && drillable < 0; ++r)
            if (cell(m, r, 0).endsWith(QStringLiteral("\u203a")))
                drillable = r;
        const io::ResultTable table =
            panel::shownTable(m, QStringLiteral("densites"), QStringLiteral("D"), 5);
        QCOMPARE(table.columns.front().key, std::string("code"));
        QCOMPARE(table.columns.front().type, io::ColumnType::Code);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            QCOMPARE(QString::fromStdString(table.rows[r].cells.front().text),
                     m->index(static_cast<int>(r), 0).data(kCodeRole).toString());
            QVERIFY(!QString::fromStdString(table.rows[r].cells[1].text).contains(QStringLiteral("\u203a")));
        }
        const QString copied = panel::tabSeparated(m, {0});
        QVERIFY2(copied.startsWith(QStringLiteral("Code\t")), qPrintable(copied));
        QVERIFY2(!copied.contains(QStringLiteral("\u203a")), qPrintable(copied));
        QVERIFY2(drillable >= 0, "the BV of a commune with zones lists it with the drill mark");
        {
            QString name = cell(m, drillable, 0);
            name.chop(3);
            QCOMPARE(QString::fromStdString(table.rows[static_cast<std::size_t>(drillable)].cells[1].text),
                     name);
        }
        // A code with a leading zero stays text in a spreadsheet and in the CSV's types.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("densites.csv"));
        QCOMPARE(panel::writeShownTable(table, path, io::TableFormat::Csv), QString());
        QFile types(path + QLatin1Char('t'));
        QVERIFY(types.open(QIODevice::ReadOnly));
        QVERIFY2(types.readAll().startsWith("\"String\""), qPrintable(path));
        // And in the workbooks, read back by GDAL: the first column is text, every code as shown.
        for (const char* name : {"densites.xlsx", "densites.ods"}) {
            const QString book = dir.filePath(QString::fromLatin1(name));
            const io::TableFormat format =
                book.endsWith(QStringLiteral("xlsx")) ? io::TableFormat::Xlsx : io::TableFormat::Ods;
            QCOMPARE(panel::writeShownTable(table, book, format), QString());
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(book.toUtf8().constData(), GDAL_OF_VECTOR));
            QVERIFY2(ds && ds->GetLayerCount() > 0, name);
            OGRLayer* layer = ds->GetLayer(0);
            QCOMPARE(layer->GetLayerDefn()->GetFieldDefn(0)->GetType(), OFTString);
            std::size_t r = 0;
            for (auto& feature : *layer) {
                if (r < table.rows.size())
                    QCOMPARE(std::string(feature->GetFieldAsString(0)), table.rows[r].cells.front().text);
                ++r;
            }
            QCOMPARE(r, table.rows.size());
        }
    }

    void doubleClickingACommuneDrillsIntoItsZonesAndBackReturns() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        QVERIFY(!ds().zones.empty());
        const QString commune = panel::qs(ds().zones.front().commune);
        const QString bv = panel::qs(ds().commune(commune.toStdString())->bv);
        session->selectBassins({bv});
        QTRY_COMPARE(panel.shownBassin(), bv);
        auto* table = panel.findChild<QTableView*>(QStringLiteral("densityTable"));
        const int r = rowOf(table->model(), commune, kCodeRole);
        QVERIFY(r >= 0);
        QVERIFY(cell(table->model(), r, 0).endsWith(QStringLiteral("›")));
        emit table->doubleClicked(table->model()->index(r, 0));
        QCOMPARE(panel.shownCommune(), commune);
        const auto expected =
            analysis::densityForCommune(ds(), commune.toStdString(), "", session->vintage());
        QCOMPARE(table->model()->rowCount(), static_cast<int>(expected.rows.size()));
        QCOMPARE(panel.findChild<QTableView*>(QStringLiteral("densityReferences"))->model()->rowCount(), 5);
        auto* back = panel.findChild<QWidget*>(QStringLiteral("back"));
        QVERIFY(!back->isHidden());
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("breadcrumb"))->text().contains(QStringLiteral("›")));
        panel.goBack();
        QVERIFY(panel.shownCommune().isEmpty());
        QVERIFY(back->isHidden());
        QCOMPARE(table->model()->rowCount(),
                 static_cast<int>(
                     analysis::densityForBassin(ds(), bv.toStdString(), "", session->vintage()).rows.size()));
    }

    void choosingAProfessionColoursCommunesInFiveClassesAndResetRestores() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        QgsVectorLayer* communes = findLayerByRole(project.get(), QString::fromLatin1(role::Communes));
        QVERIFY(communes);
        const QString before = communes->renderer()->type();
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("profession"));
        const int i = combo->findData(QStringLiteral("medecin_generaliste"));
        QVERIFY(i > 0);
        combo->setCurrentIndex(i);
        emit combo->activated(i);
        QCOMPARE(session->profession(), QStringLiteral("medecin_generaliste"));
        QTRY_COMPARE(communes->renderer()->type(), QStringLiteral("graduatedSymbol"));
        auto* graduated = static_cast<QgsGraduatedSymbolRenderer*>(communes->renderer());
        QCOMPARE(graduated->classAttribute(), DensityPanel::densityField());
        // Five classes of density, plus one for the communes without any professional when there are some.
        int densityClasses = 0, noneClasses = 0, secretClasses = 0;
        for (const QgsRendererRange& range : graduated->ranges()) {
            if (range.upperValue() < 0) { // the communes masked by statistical secrecy, hatched
                ++secretClasses;
                QVERIFY2(range.label().contains(QStringLiteral("secrecy")), qPrintable(range.label()));
                continue;
            }
            if (range.upperValue() == 0) {
                ++noneClasses;
                continue;
            }
            ++densityClasses;
            QVERIFY2(range.label().contains(QStringLiteral(" per 10,000 inh.")), qPrintable(range.label()));
            QVERIFY2(range.label().startsWith(panel::number(range.lowerValue(), 1)),
                     qPrintable(range.label()));
        }
        QCOMPARE(densityClasses, 5);
        QVERIFY(noneClasses <= 1);
        QVERIFY(secretClasses <= 1);
        QVERIFY(!communes->hasScaleBasedVisibility());
        // The attribute holds the engine's densities.
        const auto rows =
            analysis::densityForAllCommunes(ds(), "medecin_generaliste", session->vintage()).rows;
        const bool anyMasked = std::any_of(rows.begin(), rows.end(), [&](const analysis::DensityRow& r) {
            return analysis::isMasked(r.count, session->parameters().density);
        });
        QCOMPARE(secretClasses, anyMasked ? 1 : 0);
        const int field = communes->fields().indexOf(DensityPanel::densityField());
        QgsFeature f;
        communes->getFeatures().nextFeature(f);
        const model::Commune* c = ds().commune(f.attribute(QStringLiteral("code")).toString().toStdString());
        QVERIFY(c);
        const analysis::DensityRow& row = rows[ds().communeIndex(c->code)];
        // Statistical secrecy: no density for a masked count (it would give the count back).
        if (analysis::isMasked(row.count, session->parameters().density))
            QCOMPARE(f.attribute(field).toDouble(), -1.0); // the secret class's value
        else
            QCOMPARE(f.attribute(field).toDouble(), row.per10k);

        panel.findChild<QPushButton*>(QStringLiteral("resetColouring"))->click();
        QCOMPARE(communes->renderer()->type(), before);
        QVERIFY(!panel.isColouringMap());
    }

    void densityMapsAreComputedInTheBackgroundAndCached() {
        DensityMapRequest request;
        request.profession = QStringLiteral("pharmacien"); // asked by no other test: not cached yet
        request.vintage = session->vintage();
        QSignalSpy ready(session.get(), &Session::densityMapReady);
        session->requestDensityMap(request);
        QCOMPARE(ready.count(), 0); // in a background task, not on the GUI thread
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        const DensityMap* map = session->shownDensityMap();
        QVERIFY(map && map->request == request);
        const auto rows = analysis::densityForAllCommunes(ds(), "pharmacien", request.vintage).rows;
        QCOMPARE(map->values.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (analysis::isMasked(rows[i].count, session->parameters().density))
                QVERIFY(std::isnan(map->values[i])); // statistical secrecy
            else if (rows[i].population > 0)
                QCOMPARE(map->values[i], rows[i].per10k);
        // Asked again: from the cache, at once.
        ready.clear();
        session->requestDensityMap(request);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(session->shownDensityMap(), map);
        // The map layers' owner coloured the communes; clearing gives them their own style back.
        QVERIFY(mapLayers->communesColoured());
        QVERIFY(mapLayers->communeColouringTitle().contains(QString::number(request.vintage)));
        session->clearDensityMap();
        QVERIFY(!mapLayers->communesColoured());
        QVERIFY(!session->shownDensityMap());
    }

    void accessibilityCheckboxFollowsTheMapWhoeverColouredIt() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        auto* box = panel.findChild<QCheckBox*>(QStringLiteral("accessibility"));
        QVERIFY(!box->isChecked());
        DensityMapRequest request; // as --density medecin_generaliste --accessibility asks it
        request.profession = QStringLiteral("medecin_generaliste");
        request.vintage = session->vintage();
        request.accessibility = true;
        QSignalSpy ready(session.get(), &Session::densityMapReady);
        session->requestDensityMap(request);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);
        QVERIFY(box->isChecked());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("resetColouring"))->isEnabled());
        request.accessibility = false; // and back to densities
        session->requestDensityMap(request);
        QTRY_VERIFY_WITH_TIMEOUT(!box->isChecked(), 20000);
        QCOMPARE(session->shownDensityMap()->request, request); // the checkbox asked for nothing else
        session->clearDensityMap();
    }

    void accessibilityColoursCommunesBy2sfca() {
        DensityPanel panel(session.get(), canvas.get(), project.get());
        panel.chooseProfession(QStringLiteral("medecin_generaliste"));
        panel.findChild<QCheckBox*>(QStringLiteral("accessibility"))->setChecked(true);
        QgsVectorLayer* communes = findLayerByRole(project.get(), QString::fromLatin1(role::Communes));
        QTRY_COMPARE(communes->renderer()->type(), QStringLiteral("graduatedSymbol"));
        QTRY_COMPARE(static_cast<QgsGraduatedSymbolRenderer*>(communes->renderer())->classAttribute(),
                     DensityPanel::accessibilityField());
        panel.resetMapColouring();
        QVERIFY(communes->renderer()->type() != QStringLiteral("graduatedSymbol"));
    }

    // --- MaillagePanel

    void maillagePanelDrawsEveryLinkAndFlagsIsolatedPoles() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        const analysis::MaillageResult& m = session->maillage();
        QVERIFY(!m.links.empty());
        QgsVectorLayer* links = findLayerByRole(project.get(), QString::fromLatin1(role::Links));
        QVERIFY(links);
        QCOMPARE(static_cast<qint64>(links->featureCount()), static_cast<qint64>(m.links.size()));
        QCOMPARE(links->name(), MaillageLayers::tr("Maillage links"));
        QCOMPARE(links->renderer()->type(), QStringLiteral("RuleRenderer"));
        QgsVectorLayer* poles = findLayerByRole(project.get(), QString::fromLatin1(role::Poles));
        QVERIFY(poles);
        QCOMPARE(static_cast<qint64>(poles->featureCount()), static_cast<qint64>(m.nodes.size()));
        qint64 isolated = 0;
        QgsFeature f;
        auto it = poles->getFeatures();
        while (it.nextFeature(f))
            isolated += f.attribute(QStringLiteral("isolated")).toInt();
        QCOMPARE(isolated, static_cast<qint64>(std::count(m.isolated.begin(), m.isolated.end(), true)));
        QCOMPARE(panel.findChild<QTableView*>(QStringLiteral("linksTable"))->model()->rowCount(),
                 static_cast<int>(m.links.size()));
        const QString summary = panel.findChild<QLabel*>(QStringLiteral("maillageSummary"))->text();
        QVERIFY2(summary.contains(MaillagePanel::tr("Pôles: %1 · links: %2 · isolated: %3")
                                      .arg(m.nodes.size())
                                      .arg(m.links.size())
                                      .arg(std::count(m.isolated.begin(), m.isolated.end(), true))),
                 qPrintable(summary));
        // Drawn again, the layers are reused, not duplicated.
        panel.refreshNow();
        int linkLayers = 0;
        for (QgsMapLayer* l : project->mapLayers())
            linkLayers += l->customProperty(QString::fromLatin1(kRoleProperty)).toString() ==
                          QLatin1String(role::Links);
        QCOMPARE(linkLayers, 1);
        QCOMPARE(static_cast<qint64>(links->featureCount()), static_cast<qint64>(m.links.size()));
    }

    void applyingParametersRecomputesTheLinks() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        const model::Parameters saved = session->parameters();
        auto* strongest = panel.findChild<QSpinBox*>(QStringLiteral("strongestPerPole"));
        auto* apply = panel.findChild<QPushButton*>(QStringLiteral("maillageApply"));
        QVERIFY(!apply->isEnabled());
        strongest->setValue(1);
        QVERIFY(apply->isEnabled());
        QSignalSpy changed(session.get(), &Session::maillageChanged);
        apply->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session->parameters().maillage.strongestPerPole, 1);
        QTRY_COMPARE(static_cast<qint64>(
                         findLayerByRole(project.get(), QString::fromLatin1(role::Links))->featureCount()),
                     static_cast<qint64>(session->maillage().links.size()));
        session->setParameters(saved);
    }

    void clickingALinkSelectsItOnTheMap() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        auto* table = panel.findChild<QTableView*>(QStringLiteral("linksTable"));
        table->selectRow(0);
        QgsVectorLayer* links = findLayerByRole(project.get(), QString::fromLatin1(role::Links));
        QCOMPARE(links->selectedFeatureCount(), 1);
        const QgsFeature f = links->selectedFeatures().front();
        const int link = table->model()->index(0, 0).data(Qt::UserRole + 2).toInt();
        const auto& l = session->maillage().links[link];
        QCOMPARE(f.attribute(QStringLiteral("from_bv")).toString(),
                 panel::qs(session->maillage().nodes[l.from].bv));
        QCOMPARE(f.attribute(QStringLiteral("intensity")).toDouble(), l.intensity);
    }

    void flowsAndCooperationsHaveTheirOwnLayers() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        QVERIFY(!ds().flows.empty());
        QVERIFY(!ds().cooperations.empty());
        panel.findChild<QCheckBox*>(QStringLiteral("showFlows"))->setChecked(true);
        panel.findChild<QCheckBox*>(QStringLiteral("showCooperations"))->setChecked(true);
        QVERIFY(panel.flowsLayer());
        QVERIFY(panel.cooperationsLayer());
        Warnings warnings;
        QCOMPARE(static_cast<qint64>(panel.flowsLayer()->featureCount()),
                 static_cast<qint64>(analysis::aggregateFlows(ds(), warnings).size()));
        QCOMPARE(static_cast<qint64>(panel.cooperationsLayer()->featureCount()),
                 static_cast<qint64>(analysis::declaredLinks(ds(), session->poles()).links.size()));
        panel.findChild<QCheckBox*>(QStringLiteral("showFlows"))->setChecked(false);
        QVERIFY(!panel.flowsLayer());
        panel.findChild<QCheckBox*>(QStringLiteral("showCooperations"))->setChecked(false);
        QVERIFY(!panel.cooperationsLayer());
    }

    void beyondTheOverviewScaleOnlyTheDominantLinksAreDrawnLighterAndThinner() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        QgsVectorLayer* links = panel.linksLayer();
        QVERIFY(links);
        const int all = static_cast<int>(links->featureCount());
        int dominant = 0;
        QgsFeature f;
        for (QgsFeatureIterator it = links->getFeatures(); it.nextFeature(f);)
            dominant += f.attribute(QStringLiteral("dominant")).toInt() == 1 ? 1 : 0;
        QVERIFY(dominant > 0 && dominant < all);

        // A région (1:500 000): every link, the dominant ones dark and wide over the others.
        const testing::LinesDrawn region = testing::linesDrawnAt(*links, 500'000);
        QCOMPARE(region.features, all);
        QCOMPARE(region.symbols.size(), 2);
        // The country (1:9 000 000): the dominant links only, more transparent and thinner.
        const testing::LinesDrawn country = testing::linesDrawnAt(*links, 9'000'000);
        QCOMPARE(country.features, dominant);
        QCOMPARE(country.symbols.size(), 1);
        const QString overview = *country.symbols.begin();
        QVERIFY2(overview.startsWith(styles::overviewDominantLinkColor().name(QColor::HexArgb)) &&
                     overview.endsWith(QStringLiteral(", 0.15, 0.80)")),
                 qPrintable(overview));
        QVERIFY(styles::overviewDominantLinkColor().alpha() < MaillageLayers::kDominantLinkColor.alpha());
        for (const QString& symbol : region.symbols)
            QVERIFY2(!symbol.startsWith(styles::overviewDominantLinkColor().name(QColor::HexArgb)),
                     qPrintable(symbol));
    }

    void beyondTheOverviewScaleThePolesAreSmallDotsTheIsolatedOnesInOpenTriangles() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        QgsVectorLayer* poles = findLayerByRole(project.get(), QString::fromLatin1(role::Poles));
        QVERIFY(poles);
        testing::checkPoleMarkersAtEachScale(*poles);
    }

    void theLegendListsTheDominantLinkFirstAndTheIsolatedPole() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        const QString dominant = MaillageLayers::tr("Dominant link (towards a heavier pôle)");
        QCOMPARE(testing::legendAt(*project, panel.linksLayer(), 500'000),
                 QStringList({dominant, MaillageLayers::tr("Other link")}));
        QCOMPARE(testing::legendAt(*project, panel.linksLayer(), 9'000'000), QStringList({dominant}));
        QgsVectorLayer* poles = findLayerByRole(project.get(), QString::fromLatin1(role::Poles));
        const QString threshold = MaillageLayers::tr("%1 km").arg(
            panel::number(session->parameters().maillage.isolationDistanceKm));
        const QStringList poleLegend = {
            MaillageLayers::tr("Isolated pôle (no peer within %1)").arg(threshold),
            MaillageLayers::tr("Pôle")};
        QCOMPARE(testing::legendAt(*project, poles, 500'000), poleLegend);
        QCOMPARE(testing::legendAt(*project, poles, 9'000'000), poleLegend);
    }

    void lineLayersAreStyledByIntensity() {
        MaillagePanel panel(session.get(), canvas.get(), project.get());
        panel.refreshNow();
        panel.findChild<QCheckBox*>(QStringLiteral("showFlows"))->setChecked(true);
        panel.findChild<QCheckBox*>(QStringLiteral("showCooperations"))->setChecked(true);
        auto orderBy = [](const QgsFeatureRenderer* r) {
            QStringList fields;
            for (const auto& clause : r->orderBy())
                fields << clause.expression().expression() +
                              (clause.ascending() ? QString() : QStringLiteral(" desc"));
            return r->orderByEnabled() ? fields.join(QStringLiteral(", ")) : QString();
        };
        auto width = [](const QgsSymbol* symbol) {
            return static_cast<const QgsLineSymbol*>(symbol)->dataDefinedWidth().expressionString();
        };

        // The rules of the dataset's own style (styles::modelledLinksRenderer), in the legend's order: the
        // dominant links and the other ones up to the overview scale, the dominant ones beyond it.
        auto* links = dynamic_cast<QgsRuleBasedRenderer*>(panel.linksLayer()->renderer());
        QVERIFY(links);
        const QgsRuleBasedRenderer::RuleList rules = links->rootRule()->children();
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules[0]->filterExpression(), QStringLiteral("\"dominant\" = 1"));
        QCOMPARE(rules[0]->label(), MaillageLayers::tr("Dominant link (towards a heavier pôle)"));
        QCOMPARE(rules[0]->symbol()->color(), MaillageLayers::kDominantLinkColor);
        QCOMPARE(rules[1]->filterExpression(), QStringLiteral("\"dominant\" = 0"));
        QCOMPARE(rules[1]->label(), MaillageLayers::tr("Other link"));
        QCOMPARE(rules[1]->symbol()->color(), MaillageLayers::kOtherLinkColor);
        QCOMPARE(rules[2]->filterExpression(), QStringLiteral("\"dominant\" = 1"));
        QCOMPARE(rules[2]->label(), rules[0]->label());
        QCOMPARE(rules[2]->symbol()->color(), styles::overviewDominantLinkColor());
        // Light by default, the hierarchy emphasised: the other links are fainter and thinner.
        QVERIFY(MaillageLayers::kOtherLinkColor.alpha() <= 100);
        QVERIFY(MaillageLayers::kOtherLinkColor.lightness() > MaillageLayers::kDominantLinkColor.lightness());
        const QString linkWidth = width(rules[0]->symbol());
        QVERIFY2(linkWidth.startsWith(QStringLiteral("scale_linear(log10(\"intensity\"), ")) &&
                     linkWidth.endsWith(QStringLiteral(", 0.45, 1.80)")),
                 qPrintable(linkWidth));
        const QString otherWidth = width(rules[1]->symbol());
        QVERIFY2(otherWidth.startsWith(QStringLiteral("scale_linear(log10(\"intensity\"), ")) &&
                     otherWidth.endsWith(QStringLiteral(", 0.12, 0.70)")),
                 qPrintable(otherWidth));
        QCOMPARE(orderBy(links), QStringLiteral("dominant, intensity"));

        const auto* flows = dynamic_cast<QgsSingleSymbolRenderer*>(panel.flowsLayer()->renderer());
        QVERIFY(flows);
        QCOMPARE(flows->symbol()->color(), QColor(0xCC, 0x79, 0xA7, 190));
        const QString flowWidth = width(flows->symbol());
        QVERIFY2(flowWidth.startsWith(QStringLiteral("scale_linear(log10(\"volume\"), ")) &&
                     flowWidth.endsWith(QStringLiteral(", 0.30, 3.00)")),
                 qPrintable(flowWidth));
        QCOMPARE(orderBy(flows), QStringLiteral("volume"));

        const auto* cooperations =
            dynamic_cast<QgsSingleSymbolRenderer*>(panel.cooperationsLayer()->renderer());
        QVERIFY(cooperations);
        QCOMPARE(cooperations->symbol()->color(), QColor(0x00, 0x9E, 0x73));
        QCOMPARE(static_cast<const QgsLineSymbol*>(cooperations->symbol())->width(), 0.9);
        QVERIFY(width(cooperations->symbol()).isEmpty());
        const auto* dash = dynamic_cast<QgsSimpleLineSymbolLayer*>(cooperations->symbol()->symbolLayer(0));
        QVERIFY(dash);
        QCOMPARE(dash->penStyle(), Qt::DashLine);
        QCOMPARE(orderBy(cooperations), QString());
        panel.findChild<QCheckBox*>(QStringLiteral("showFlows"))->setChecked(false);
        panel.findChild<QCheckBox*>(QStringLiteral("showCooperations"))->setChecked(false);
    }

    // --- French UI

    void frenchUiFormatsFiguresTheFrenchWayAndWritesTheDiagnosisInFrench() {
        i18n::installTranslators(QStringLiteral("fr"));
        QCOMPARE(panel::number(19.44, 1), QStringLiteral("19,4"));
        QCOMPARE(panel::percent(0.194), QStringLiteral("19,4\u00a0%"));
        QCOMPARE(panel::signedPercent(-3.14), QStringLiteral("\u22123,1\u00a0%"));

        PolesPanel poles(session.get(), canvas.get(), project.get());
        QTRY_VERIFY(poles.crunch().totalProfessionals > 0);
        QCOMPARE(poles.findChild<QTextEdit*>(QStringLiteral("crunchDiagnosis"))->document()->toRawText(),
                 QString::fromStdString(analysis::describeCrunch(poles.crunch(), analysis::Language::Fr)));
        QCOMPARE(poles.findChild<QLabel*>(QStringLiteral("crunchFirstShare"))->text(),
                 QLocale(QLocale::French).toString(100 * poles.crunch().firstPoleShare, 'f', 1) +
                     QStringLiteral("\u00a0%"));

        DensityPanel density(session.get(), canvas.get(), project.get());
        const QString bv = panel::qs(session->maillage().nodes.front().bv);
        session->setProfession(QStringLiteral("medecin_generaliste"));
        session->selectBassins({bv});
        QTRY_COMPARE(density.shownBassin(), bv);
        const QAbstractItemModel* refs =
            density.findChild<QTableView*>(QStringLiteral("densityReferences"))->model();
        QTRY_COMPARE(refs->rowCount(), 4);
        QCOMPARE(cell(refs, 3, 3),
                 QLocale(QLocale::French).toString(density.drillDown().dataset.per10k, 'f', 1));
        QVERIFY(cell(refs, 3, 3).contains(QLatin1Char(',')));

        i18n::installTranslators(QStringLiteral("en"));
        QCOMPARE(panel::percent(0.194), QStringLiteral("19.4%"));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestPanels)
#include "test_panels.moc"
