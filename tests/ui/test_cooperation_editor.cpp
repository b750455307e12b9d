// The cooperation editor: the seed's example entered by name, saved into the dataset file (only its
// cooperations table), reopened unchanged, undone and redone.
#include "core/io/gpkg.h"
#include "ui/cooperation_editor.h"
#include "ui/i18n.h"

#include "find_child.h"
#include "qgis_test_main.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;

namespace {

//! The six test bassins, four of them named as the communes of the CHT du Valenciennois.
model::Dataset valenciennois() {
    model::Dataset ds = testing::makeSixBassins();
    const char* names[] = {"Valenciennes", "Denain", "Le Quesnoy", "Saint-Amand-les-Eaux"};
    for (int i = 0; i < 4; ++i) {
        ds.communes[static_cast<std::size_t>(i)].name = names[i];
        ds.bassins[static_cast<std::size_t>(i)].name = names[i];
    }
    ds.reindex();
    return ds;
}

} // namespace

class TestCooperationEditor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { i18n::installTranslators(QStringLiteral("en")); } // the expected strings below

    void theSeedsExampleIsEnteredByNameSavedAndReopened() {
        const QString path = m_dir.filePath(QStringLiteral("valenciennois.gpkg"));
        model::Dataset ds = valenciennois();
        io::writeDataset(ds, path.toStdString());
        CooperationEditor editor(ds, path);
        std::vector<model::Cooperation> received;
        connect(&editor, &CooperationEditor::saved, this, [&](const auto& c) { received = c; });

        // "CHT du Valenciennois: Denain, Le Quesnoy, Saint-Amand-les-Eaux, Valenciennes", typed as a user
        // would, the seat declared.
        child<QLineEdit>(&editor, "cooperationName")->setText(QStringLiteral("CHT du Valenciennois"));
        child<QComboBox>(&editor, "cooperationKind")->setCurrentText(QStringLiteral("CHT"));
        auto* member = child<QLineEdit>(&editor, "memberInput");
        for (const char* name : {"Denain", "le quesnoy", "Saint-Amand-les-Eaux", "Valenciennes (00)"}) {
            member->setText(QString::fromUtf8(name));
            child<QPushButton>(&editor, "addMember")->click();
        }
        QCOMPARE(child<QListWidget>(&editor, "memberList")->count(), 4);
        auto* seat = child<QComboBox>(&editor, "cooperationSeat");
        seat->setCurrentIndex(seat->findData(QStringLiteral("00001")));
        child<QSpinBox>(&editor, "cooperationStartYear")->setValue(2016);
        child<QLineEdit>(&editor, "cooperationSource")->setText(QStringLiteral("ARS, 2016"));
        child<QPushButton>(&editor, "addCooperation")->click();

        QCOMPARE(editor.cooperations().size(), std::size_t(1));
        const model::Cooperation& cht = editor.cooperations()[0];
        QCOMPARE(cht.name, std::string("CHT du Valenciennois"));
        QCOMPARE(cht.kind, std::string("CHT"));
        // The declared seat first, then the members in the order given.
        QCOMPARE(cht.bassins, (std::vector<std::string>{"00001", "00002", "00003", "00004"}));
        QCOMPARE(cht.seat, std::string("00001"));
        QCOMPARE(cht.startYear, 2016);
        QCOMPARE(cht.source, std::string("ARS, 2016"));
        QVERIFY(editor.isModified());

        QString error;
        QVERIFY2(editor.save(&error), qPrintable(error));
        QVERIFY(!editor.isModified());
        QCOMPARE(received.size(), std::size_t(1));
        const model::Dataset reopened = io::readDataset(path.toStdString());
        QCOMPARE(reopened.cooperations.size(), std::size_t(1));
        QCOMPARE(reopened.cooperations[0].name, cht.name);
        QCOMPARE(reopened.cooperations[0].kind, cht.kind);
        QCOMPARE(reopened.cooperations[0].bassins, cht.bassins);
        QCOMPARE(reopened.cooperations[0].seat, cht.seat);
        QCOMPARE(reopened.cooperations[0].startYear, 2016);
        QCOMPARE(reopened.cooperations[0].source, cht.source);
        // Only the cooperations changed: the rest of the dataset is as written.
        QCOMPARE(reopened.communes.size(), ds.communes.size());
        QCOMPARE(reopened.counts.size(), ds.counts.size());
        QCOMPARE(reopened.communes[1].name, std::string("Denain"));
    }

    void undoAndRedoFollowEveryEdit() {
        model::Dataset ds = valenciennois();
        CooperationEditor editor(ds, QString());
        QVERIFY(editor.addCooperation({"CHT du Valenciennois", "CHT", {"00001", "00002", "00003", "00004"}}));
        QVERIFY(editor.addCooperation({"CPTS Sud", "CPTS", {"00005", "00006"}}));
        QVERIFY(editor.replaceCooperation(1, {"CPTS du Sud", "CPTS", {"00005", "00006", "00004"}}));
        editor.removeCooperation(0);
        QCOMPARE(editor.cooperations().size(), std::size_t(1));
        QCOMPARE(editor.undoStack()->count(), 4);

        editor.undoStack()->undo(); // the delete
        QCOMPARE(editor.cooperations().size(), std::size_t(2));
        QCOMPARE(editor.cooperations()[0].name, std::string("CHT du Valenciennois"));
        editor.undoStack()->undo(); // the edit
        QCOMPARE(editor.cooperations()[1].name, std::string("CPTS Sud"));
        QCOMPARE(editor.cooperations()[1].bassins.size(), std::size_t(2));
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QVERIFY(editor.cooperations().empty());
        QVERIFY(!editor.isModified());
        editor.undoStack()->redo();
        QCOMPARE(editor.cooperations().size(), std::size_t(1));
        QCOMPARE(editor.cooperations()[0].bassins.size(), std::size_t(4));
    }

    void invalidCooperationsAreRefusedWithAReason() {
        model::Dataset ds = valenciennois();
        CooperationEditor editor(ds, QString());
        QString error;
        // The form without a name: the engine's rule, worded in the message line.
        child<QLineEdit>(&editor, "memberInput")->setText(QStringLiteral("Denain"));
        child<QPushButton>(&editor, "addMember")->click();
        child<QPushButton>(&editor, "addCooperation")->click();
        QVERIFY(editor.cooperations().empty());
        QVERIFY(!child<QLabel>(&editor, "cooperationMessage")->text().isEmpty());
        QVERIFY(editor.addCooperation({"A", "GCS", {"00001", "00002"}}));
        QVERIFY(!editor.addCooperation({"A", "GCS", {"00003", "00002"}}, &error));
        QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
        QCOMPARE(editor.undoStack()->count(), 1);
        // A member that is no commune is named in the message; nothing is added.
        QCOMPARE(editor.resolveMember(QStringLiteral("Atlantis"), &error), QString());
        QVERIFY2(error.contains(QStringLiteral("Atlantis")), qPrintable(error));
        QCOMPARE(editor.resolveMember(QStringLiteral("denain")), QStringLiteral("00002"));
        // The demo has no file: saving says so instead of writing anywhere.
        QVERIFY(!editor.save(&error));
        QVERIFY(!error.isEmpty());
    }

    void aFailedSaveLeavesTheFileAndTheEditsAlone() {
        model::Dataset ds = valenciennois();
        CooperationEditor editor(ds, m_dir.filePath(QStringLiteral("absent/none.gpkg")));
        QVERIFY(editor.addCooperation({"A", "GCS", {"00001", "00002"}}));
        QString error;
        QVERIFY(!editor.save(&error));
        QVERIFY2(error.contains(QStringLiteral("none.gpkg")), qPrintable(error));
        QVERIFY(editor.isModified());
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestCooperationEditor)
#include "test_cooperation_editor.moc"
