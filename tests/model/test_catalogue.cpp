#include "core/model/catalogue.h"
#include "core/model/error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace maillage;
using model::ProfessionCatalogue;

namespace {
std::optional<Error> errorOf(const std::string& csv) {
    try {
        ProfessionCatalogue::fromCsv(csv, "mine.csv");
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}
const char* const kHeader = "code;label_fr;label_en;group;psychiatric;aliases\n";

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray kUserCatalogue = "code;label_fr;label_en;group;psychiatric;aliases\n"
                                  "medecin_generaliste;Médecin généraliste;GP;proximite;0;D201\n"
                                  "psychologue;Psychologue;Psychologist;pole;0;D243\n";
} // namespace

class TestCatalogue : public QObject {
    Q_OBJECT
private slots:
    void builtinCatalogueHasTheCanonicalCodes() {
        const auto cat = ProfessionCatalogue::builtin();
        for (const char* code :
             {"medecin_generaliste", "medecin_specialiste", "pharmacien", "chirurgien_dentiste", "sage_femme",
              "infirmier", "infirmier_psychiatrique", "masseur_kinesitherapeute", "opticien_lunetier",
              "pedicure_podologue", "orthophoniste", "orthoptiste", "ergotherapeute", "psychomotricien",
              "manipulateur_erm", "audioprothesiste", "dieteticien", "technicien_laboratoire"})
            QVERIFY2(cat.find(code), code);
    }
    void groupsFollowTheOrsDefinition() {
        const auto cat = ProfessionCatalogue::builtin();
        QCOMPARE(cat.find("medecin_generaliste")->group, model::ProfessionGroup::Proximite);
        QCOMPARE(cat.find("opticien_lunetier")->group, model::ProfessionGroup::Proximite);
        QCOMPARE(cat.find("sage_femme")->group, model::ProfessionGroup::Pole);
        QCOMPARE(cat.find("infirmier_psychiatrique")->group, model::ProfessionGroup::Pole);
        QVERIFY(cat.find("infirmier_psychiatrique")->psychiatric);
        QVERIFY(!cat.find("infirmier")->psychiatric);
    }
    void aliasesFromSourceVocabulariesResolve() {
        const auto cat = ProfessionCatalogue::builtin();
        QCOMPARE(cat.resolve("D201")->code, std::string("medecin_generaliste"));
        QCOMPARE(cat.resolve("D201_medecin_omnipraticien")->code, std::string("medecin_generaliste"));
        QCOMPARE(cat.resolve("d207_specialiste_en_psychiatrie")->code, std::string("medecin_specialiste"));
        QCOMPARE(cat.resolve("Médecin généraliste")->code, std::string("medecin_generaliste"));
        QCOMPARE(cat.resolve("MASSEUR KINESITHERAPEUTE")->code, std::string("masseur_kinesitherapeute"));
        QCOMPARE(cat.resolve("infirmier_psychiatrique")->code, std::string("infirmier_psychiatrique"));
        QCOMPARE(cat.resolve("Infirmier en psychiatrie")->code, std::string("infirmier_psychiatrique"));
        QVERIFY(!cat.resolve("D101_etablissement_sante_court_sejour"));
        QVERIFY(!cat.resolve("psychologue"));
        QVERIFY(!cat.resolve(""));
    }
    void csvRoundTripKeepsEverything() {
        const auto cat = ProfessionCatalogue::builtin();
        const auto again = ProfessionCatalogue::fromCsv(cat.toCsv(), "roundtrip");
        QCOMPARE(again.professions().size(), cat.professions().size());
        for (std::size_t i = 0; i < cat.professions().size(); ++i) {
            QCOMPARE(again.professions()[i].code, cat.professions()[i].code);
            QCOMPARE(again.professions()[i].labelFr, cat.professions()[i].labelFr);
            QCOMPARE(again.professions()[i].aliases, cat.professions()[i].aliases);
            QCOMPARE(again.professions()[i].psychiatric, cat.professions()[i].psychiatric);
        }
    }
    void userCatalogueWithABadGroupNamesTheLine() {
        const std::string csv = "code;label_fr;label_en;group;psychiatric;aliases\n"
                                "medecin_generaliste;Médecin;GP;proximite;0;D201\n"
                                "x_ray;Radio;X;hospital;0;\n";
        try {
            ProfessionCatalogue::fromCsv(csv, "mine.csv");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(
                QString::fromStdString(e.what()),
                QStringLiteral(
                    "mine.csv: line 3, column 'group': expected 'proximite' or 'pole', found 'hospital'"));
        }
    }
    void psychiatricProfessionOutsideThePoleGroupIsAnError() {
        // DOMAIN.md §3: N_pole includes psychiatric nurses; a proximité psychiatric profession would
        // count them out of it.
        const auto e = errorOf(std::string(kHeader) + "infirmier;Infirmier;Nurse;proximite;0;\n"
                                                      "isp;Infirmier psy;Psy nurse;proximite;1;\n");
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QCOMPARE(QString::fromStdString(e->what()),
                 QString::fromUtf8("mine.csv: line 3, column 'group': expected 'pole' for a psychiatric "
                                   "profession (psychiatric = 1): psychiatric nurses count among the pôle "
                                   "professions (N_pole, DOMAIN.md §3), found 'proximite'"));
        QVERIFY(!errorOf(std::string(kHeader) + "isp;Infirmier psy;Psy nurse;pole;1;\n"));
    }
    void catalogueErrorsAreWordedInFrench() {
        const auto group = errorOf(std::string(kHeader) + "infirmier;Infirmier;Nurse;proximite;0;\n"
                                                          "kine;Kiné;Physio;hospital;0;\n");
        QVERIFY(group);
        QCOMPARE(
            QString::fromStdString(group->describe(Language::Fr)),
            QStringLiteral("mine.csv, ligne 3, colonne «\u00a0group\u00a0»\u00a0: «\u00a0proximite\u00a0» "
                           "ou «\u00a0pole\u00a0» attendu, trouvé «\u00a0hospital\u00a0»"));
        const auto twice = errorOf(std::string(kHeader) + "infirmier;Infirmier;Nurse;proximite;0;\n"
                                                          "infirmier;Infirmier bis;Nurse bis;proximite;0;\n");
        QVERIFY(twice);
        QCOMPARE(QString::fromStdString(twice->describe(Language::Fr)),
                 QStringLiteral("mine.csv, ligne 3, colonne «\u00a0code\u00a0»\u00a0: la profession "
                                "«\u00a0infirmier\u00a0» est définie deux fois (d'abord ligne 2)"));
        QCOMPARE(QString::fromStdString(twice->what()),
                 QStringLiteral("mine.csv: line 3, column 'code': profession 'infirmier' is defined twice "
                                "(first on line 2)"));
    }
    void missingCatalogueFileIsWordedInFrench() {
        try {
            model::readCatalogueFile("/nonexistent/professions.csv");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::FileNotFound);
            QCOMPARE(QString::fromStdString(e.describe(Language::Fr, PathStyle::FileName)),
                     QStringLiteral("professions.csv\u00a0: catalogue des professions introuvable"));
        }
    }
    void aliasNamingTwoProfessionsIsAnErrorNamingBoth() {
        const auto e = errorOf(std::string(kHeader) +
                               "medecin_generaliste;Médecin généraliste;GP;proximite;0;D201|MG\n"
                               "# a comment line, counted\n"
                               "medecin_specialiste;Médecin spécialiste;Specialist;pole;0;D202|d-201\n");
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Duplicate);
        QCOMPARE(QString::fromStdString(e->what()),
                 QStringLiteral("mine.csv: line 4, column 'aliases': 'd-201' would name two professions: "
                                "'medecin_specialiste' (this line) and 'medecin_generaliste' (line 2, as "
                                "'D201'); expected each code, label and alias to name one profession"));
    }
    void labelOrCodeNamingAnotherProfessionIsAnError() {
        const auto label = errorOf(std::string(kHeader) + "infirmier;Infirmier;Nurse;proximite;0;IDE\n"
                                                          "ide;IDE;Registered nurse;proximite;0;\n");
        QVERIFY(label);
        QCOMPARE(label->kind(), ErrorKind::Duplicate);
        QVERIFY2(QString::fromStdString(label->what())
                     .startsWith(QStringLiteral("mine.csv: line 3, column 'code': 'ide' would name two "
                                                "professions: 'ide' (this line) and 'infirmier' (line 2")),
                 label->what());
        // The same name twice within one profession is no conflict.
        QVERIFY(!errorOf(std::string(kHeader) +
                         "infirmier;Infirmier;Infirmier;proximite;0;infirmier|INFIRMIER\n"));
    }
    void quotedFieldsWithSeparatorsQuotesAndNewlinesRoundTrip() {
        auto cat = ProfessionCatalogue::builtin();
        model::Profession p;
        p.code = "garde_nuit";
        p.labelFr = "Infirmier; de \"garde\"";
        p.labelEn = "Night\nnurse";
        p.aliases = {"Garde; nuit", "N\"G"};
        cat.add(p);
        const auto again = ProfessionCatalogue::fromCsv(cat.toCsv(), "roundtrip");
        const model::Profession* back = again.find("garde_nuit");
        QVERIFY(back);
        QCOMPARE(back->labelFr, p.labelFr);
        QCOMPARE(back->labelEn, p.labelEn);
        QCOMPARE(back->aliases, p.aliases);
        QCOMPARE(again.professions().size(), cat.professions().size());
        // Lines after a multi-line field keep their numbers in messages.
        const auto e = errorOf(std::string(kHeader) + "a;\"A\nA\";A;pole;0;\n"
                                                      "b;B;B;hospital;0;\n");
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->what()),
                 QStringLiteral("mine.csv: line 4, column 'group': expected 'proximite' or 'pole', found "
                                "'hospital'"));
    }
    // ---- Issue 6: header columns, and which catalogue file is used.

    void everyMissingColumnIsNamedWithTheColumnsFound() {
        const auto e = errorOf("code;label_fr;label_en;psychiatric;aliases\nx;X;X;0;\n");
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(QString::fromStdString(e->what()),
                 QStringLiteral("mine.csv: line 1: missing column 'group': expected the header "
                                "code;label_fr;label_en;group;psychiatric;aliases (aliases optional), found "
                                "'code', 'label_fr', 'label_en', 'psychiatric', 'aliases'"));
        const auto two = errorOf("# comment\ncode;libelle;group\nx;X;pole\n");
        QVERIFY(two);
        QCOMPARE(
            QString::fromStdString(two->what()),
            QStringLiteral("mine.csv: line 2: missing columns 'label_fr', 'label_en', 'psychiatric': "
                           "expected the header code;label_fr;label_en;group;psychiatric;aliases (aliases "
                           "optional), found 'code', 'libelle', 'group'"));
    }
    void columnsAreFoundByNameInAnyOrder() {
        const auto cat = ProfessionCatalogue::fromCsv(
            "Group;Code;Label FR;Label EN;Psychiatric\npole;isp;Infirmier psy;Psy nurse;1\n", "mine.csv");
        QCOMPARE(cat.professions().size(), std::size_t(1));
        QCOMPARE(cat.find("isp")->labelEn, std::string("Psy nurse"));
        QVERIFY(cat.find("isp")->psychiatric);
        const auto shortRow = errorOf(std::string(kHeader) + "x;X;X\n");
        QVERIFY(shortRow);
        QVERIFY2(QString::fromStdString(shortRow->what())
                     .startsWith(QStringLiteral("mine.csv: line 2: expected at least 5 fields")),
                 shortRow->what());
    }
    void latin1LineInAUtf8CatalogueKeepsEveryAccent() {
        const auto cat = ProfessionCatalogue::fromCsv(
            std::string(kHeader) + "medecin_generaliste;Médecin généraliste;GP;proximite;0;\n"
                                   "sage_femme;Sage-femme;Midwife;pole;0;Ma\xEF"
                                   "eutique\n",
            "mine.csv");
        QCOMPARE(QString::fromStdString(cat.find("medecin_generaliste")->labelFr),
                 QString::fromUtf8("Médecin généraliste"));
        QCOMPARE(QString::fromStdString(cat.find("sage_femme")->aliases.at(0)),
                 QString::fromUtf8("Maïeutique"));
    }
    void userCataloguePathFollowsTheXdgSpecification() {
        QCOMPARE(model::userCataloguePath("/cfg", "/home/ana"), std::string("/cfg/maillage/professions.csv"));
        QCOMPARE(model::userCataloguePath("", "/home/ana"),
                 std::string("/home/ana/.config/maillage/professions.csv"));
        QCOMPARE(model::userCataloguePath("relative/cfg", "/home/ana"),
                 std::string("/home/ana/.config/maillage/professions.csv"));
        QCOMPARE(model::userCataloguePath(nullptr, nullptr), std::string());
        QCOMPARE(model::installedCataloguePath("/opt/maillage/bin/maillage"),
                 std::string("/opt/maillage/share/maillage/professions.csv"));
    }
    void userCatalogueUnderXdgConfigHomeIsUsedAndReported() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        const QString file = dir.filePath(QStringLiteral("maillage/professions.csv"));
        QVERIFY(writeFile(file, kUserCatalogue));
        const model::CatalogueChoice choice = model::standardCatalogue();
        qputenv("XDG_CONFIG_HOME", saved);
        QCOMPARE(choice.origin, model::CatalogueOrigin::User);
        QCOMPARE(QString::fromStdString(choice.path), file);
        QCOMPARE(QString::fromStdString(choice.describe()), file + QStringLiteral(" (user catalogue)"));
        QVERIFY(choice.catalogue.find("psychologue"));
        QCOMPARE(choice.catalogue.professions().size(), std::size_t(2));
    }
    void invalidUserCatalogueIsAnErrorNamingIt() {
        QTemporaryDir dir;
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        const QString file = dir.filePath(QStringLiteral("maillage/professions.csv"));
        QVERIFY(writeFile(file, "code;label_fr;label_en;psychiatric\nx;X;X;0\n"));
        std::optional<Error> e;
        try {
            model::standardCatalogue();
        } catch (const Error& error) {
            e = error;
        }
        // A folder where the file should be is no fallback either.
        QVERIFY(QFile::remove(file));
        QVERIFY(QDir().mkpath(file));
        std::optional<Error> folder;
        try {
            model::standardCatalogue();
        } catch (const Error& error) {
            folder = error;
        }
        qputenv("XDG_CONFIG_HOME", saved);
        QVERIFY(e);
        QVERIFY2(QString::fromStdString(e->what()).startsWith(
                     file + QStringLiteral(": line 1: missing column 'group'")),
                 e->what());
        QVERIFY(folder);
        QCOMPARE(QString::fromStdString(folder->what()),
                 file + QStringLiteral(": expected a profession catalogue (a CSV file), found a folder"));
    }
    void installedCatalogueBesideTheExecutableComesAfterTheUserOne() {
        QTemporaryDir dir;
        const QString installed = dir.filePath(QStringLiteral("prefix/share/maillage/professions.csv"));
        QVERIFY(writeFile(installed, kUserCatalogue));
        model::CatalogueLookup lookup;
        lookup.userPath = dir.filePath(QStringLiteral("config/maillage/professions.csv")).toStdString();
        lookup.installedPath =
            model::installedCataloguePath(dir.filePath(QStringLiteral("prefix/bin/maillage")).toStdString());
        QCOMPARE(QString::fromStdString(lookup.installedPath), installed);
        const auto fromInstalled = model::findCatalogue(lookup);
        QCOMPARE(fromInstalled.origin, model::CatalogueOrigin::Installed);
        QCOMPARE(QString::fromStdString(fromInstalled.describe()),
                 installed + QStringLiteral(" (installed catalogue)"));
        QVERIFY(fromInstalled.catalogue.find("psychologue"));
        QVERIFY(writeFile(QString::fromStdString(lookup.userPath), kUserCatalogue));
        QCOMPARE(model::findCatalogue(lookup).origin, model::CatalogueOrigin::User);
    }
    void withoutAnyFileTheBuiltinCatalogueIsUsed() {
        QTemporaryDir dir;
        model::CatalogueLookup lookup{
            dir.filePath(QStringLiteral("none/professions.csv")).toStdString(),
            dir.filePath(QStringLiteral("share/maillage/professions.csv")).toStdString()};
        const auto choice = model::findCatalogue(lookup);
        QCOMPARE(choice.origin, model::CatalogueOrigin::Builtin);
        QCOMPARE(choice.path, std::string());
        QCOMPARE(choice.describe(), std::string("built-in catalogue"));
        QCOMPARE(word(choice.message(), Language::Fr), std::string("catalogue intégré"));
        QCOMPARE(choice.catalogue.professions().size(), ProfessionCatalogue::builtin().professions().size());
    }
    void userCatalogueCanAddAProfession() {
        auto cat = ProfessionCatalogue::builtin();
        model::Profession p;
        p.code = "psychologue";
        p.labelFr = "Psychologue";
        p.labelEn = "Psychologist";
        p.aliases = {"D243"};
        cat.add(p);
        QCOMPARE(cat.resolve("D243_psychologue")->code, std::string("psychologue"));
    }
};

QTEST_APPLESS_MAIN(TestCatalogue)
#include "test_catalogue.moc"
