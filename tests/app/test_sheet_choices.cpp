// File > Territory sheet… (issue 7): what the dialog offers, from the map's selection and the dataset's
// départements (ui/print/territory_content.h, sheetChoices), each accepted by maillage report.
#include "ui/print/territory_content.h"

#include "core/demo/demo.h"

#include <QTest>

#include <set>

using namespace maillage;

class TestSheetChoices : public QObject {
    Q_OBJECT
    model::Dataset m_dataset = demo::makeDemoDataset();

    std::set<std::string> departements() const {
        std::set<std::string> out;
        for (const model::Commune& c : m_dataset.communes)
            out.insert(c.dep);
        return out;
    }

private slots:
    void withoutSelectionEveryDepartementIsOffered() {
        const auto choices = ui::print::sheetChoices(m_dataset, {});
        QCOMPARE(choices.size(), departements().size());
        const std::string first = *departements().begin();
        QCOMPARE(choices.front().territory, QStringLiteral("departement:") + QString::fromStdString(first));
        QVERIFY(choices.front().label.contains(QString::fromStdString(m_dataset.departementNames.at(first))));
    }

    void oneSelectedBassinComesFirst() {
        const model::Bassin& b = m_dataset.bassins.front();
        const auto choices = ui::print::sheetChoices(m_dataset, {QString::fromStdString(b.code)});
        QCOMPARE(choices.size(), departements().size() + 1);
        QCOMPARE(choices.front().territory, QStringLiteral("bv:") + QString::fromStdString(b.code));
        QVERIFY(choices.front().label.contains(QString::fromStdString(b.name)));
    }

    void severalSelectedBassinsGiveTheirCommunesAsOneSelection() {
        const model::Bassin &a = m_dataset.bassins[0], &b = m_dataset.bassins[1];
        const auto choices = ui::print::sheetChoices(
            m_dataset, {QString::fromStdString(a.code), QString::fromStdString(b.code)});
        QStringList expected;
        for (const model::Commune& c : m_dataset.communes)
            if (c.bv == a.code || c.bv == b.code)
                expected << QString::fromStdString(c.code);
        QCOMPARE(choices.front().territory, QStringLiteral("communes:") + expected.join(QLatin1Char(',')));
        QVERIFY(choices.front().label.contains(QString::fromStdString(a.name)));
        QVERIFY(choices.front().label.contains(QString::fromStdString(b.name)));
    }

    void anUnknownSelectedCodeIsLeftOut() {
        const auto choices = ui::print::sheetChoices(m_dataset, {QStringLiteral("ZZ999")});
        QCOMPARE(choices.size(), departements().size());
    }
};

QTEST_GUILESS_MAIN(TestSheetChoices)
#include "test_sheet_choices.moc"
