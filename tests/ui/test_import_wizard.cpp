// The import wizard's optional page of link inputs: travel times, observed flows (with their kind) and
// declared cooperations reach the import options, and back.
#include "ui/import_wizard.h"

#include "find_child.h"
#include "qgis_test_main.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;

class TestImportWizard : public QObject {
    Q_OBJECT
private slots:
    void linkInputsReachTheImportOptions() {
        ImportWizard wizard;
        QVERIFY(wizard.options().links.travelTimes.path.empty()); // optional: nothing by default
        child<QLineEdit>(&wizard, "travelTimesFile")->setText(QStringLiteral(" times.csv "));
        child<QLineEdit>(&wizard, "flowsFile")->setText(QStringLiteral("mobpro.csv"));
        auto* kind = child<QComboBox>(&wizard, "flowKind");
        kind->setCurrentIndex(kind->findData(static_cast<int>(io::FlowKind::Patients)));
        child<QLineEdit>(&wizard, "cooperationsFile")->setText(QStringLiteral("cooperations.csv"));
        const io::ImportOptions o = wizard.options();
        QCOMPARE(o.links.travelTimes.path, std::string("times.csv"));
        QCOMPARE(o.links.flows.path, std::string("mobpro.csv"));
        QCOMPARE(o.links.flows.kind, io::FlowKind::Patients);
        QCOMPARE(o.links.cooperations.path, std::string("cooperations.csv"));

        ImportWizard again;
        again.setOptions(o);
        QCOMPARE(again.options().links.flows.kind, io::FlowKind::Patients);
        QCOMPARE(again.options().links.travelTimes.path, std::string("times.csv"));
        QCOMPARE(again.options().links.cooperations.path, std::string("cooperations.csv"));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestImportWizard)
#include "test_import_wizard.moc"
