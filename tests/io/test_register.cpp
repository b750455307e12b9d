// Readers of registers of individual professionals (RPPS extraction, generic layout), the counts derived
// from them in a dataset, and their round trip through the dataset GeoPackage. Hand-made fixtures use
// invented names only.
#include "core/analysis/register_counts.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/register.h"

#include "testing.h"

#include <QTemporaryDir>

#include <fstream>

using namespace maillage;
using namespace maillage::io;
using maillage::testing::q;

namespace {

const char* kHeader = "Type d'identifiant PP|Identifiant PP|Nom d'exercice|Prénom d'exercice|Code profession|"
                      "Code savoir-faire|Code mode exercice|Identifiant technique de la structure|"
                      "Code postal (coord. structure)|Code commune (coord. structure)|"
                      "Code pays (coord. structure)|\n";

//! One activity row of the hand-made extraction (invented people).
std::string row(const std::string& id, const std::string& profession, const std::string& savoirFaire,
                const std::string& mode, const std::string& structure, const std::string& postcode,
                const std::string& commune, const std::string& country = "") {
    return "8|" + id + "|Fictif|Camille|" + profession + "|" + savoirFaire + "|" + mode + "|" + structure +
           "|" + postcode + "|" + commune + "|" + country + "|\n";
}

RegisterSource source2025() {
    RegisterSource s;
    s.path = "rpps.txt";
    s.vintage = 2025;
    return s;
}

RegisterRead parse(const std::string& body) {
    return parseRppsRegister(kHeader + body, "rpps.txt", source2025(), model::ProfessionCatalogue::builtin());
}

//! All warnings in English, one string.
QString allWarnings(const RegisterRead& r) {
    QString out;
    for (const auto& w : r.warnings)
        out += q(w.toString()) + QLatin1Char('\n');
    return out;
}

void writeFile(const QString& path, const std::string& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << bytes;
}

//! A dataset of three communes (one BV) and BPE counts of 2023.
model::Dataset smallDataset() {
    model::Dataset d;
    d.catalogue = model::ProfessionCatalogue::builtin();
    for (const char* code : {"59350", "59183", "75056"}) {
        model::Commune c;
        c.code = code;
        c.name = code;
        c.bv = "59350";
        c.population = 1000;
        d.communes.push_back(c);
    }
    d.counts.push_back({"59350", "medecin_generaliste", 2023, 12});
    d.meta.sources = {"INSEE, BPE 2023"};
    d.meta.vintages = {2023};
    d.rebuildBassins();
    d.reindex();
    return d;
}

} // namespace

class TestRegister : public QObject {
    Q_OBJECT
private slots:
    void rowsOfOneProfessionalBecomeOneRecordWithSeveralSites();
    void savoirFaireSm54IsGeneralPracticeAndOthersSpecialists();
    void duplicatedActivityRowsAreMerged();
    void missingCommuneIsKeptAsASiteWithoutCommuneAndThePostcodeIsNotUsed();
    void foreignCountryAndNonInseeCommuneAreReported();
    void unknownAndLeftOutCodesAreReportedOnceEachWithTheirRows();
    void latin1LinesAreDecodedAndNamed();
    void crlfLinesAndTrailingPipeAreRead();
    void missingColumnIsAnErrorNamingFileAndColumn();
    void missingVintageIsAnErrorUnlessTheFileNameHasAYear();
    void registerArgumentSplitsTheYear();
    void sharedExtractIsReadRowByRow();
    void genericLayoutWithFrenchHeadersDecimalCommasAndAges();
    void genericLayoutReportsBadValuesByColumnWithLines();
    void derivedCountsEqualTheHandCount();
    void registerOfATakenVintageIsRefusedUnlessReplacing();
    void arrondissementsAreFoldedAndCommunesOutsideReported();
    void registerSurvivesTheDatasetRoundTrip();
    void importWithARegisterReplacingBpeClassifiesWithMassScaleOne();
    void importWithARegisterOfItsOwnYearKeepsTheBpeVintage();
    void registerDatedByItsFileNameReplacesBpeToo();
};

void TestRegister::rowsOfOneProfessionalBecomeOneRecordWithSeveralSites() {
    const auto r = parse(row("101", "60", "", "L", "S1", "59000", "59350") +
                         row("102", "70", "", "S", "S2", "59000", "59350") +
                         row("101", "60", "", "S", "S3", "59130", "59183"));
    QCOMPARE(r.rows, 3L);
    QCOMPARE(r.reg.professionals.size(), std::size_t(2));
    const auto& p = r.reg.professionals[0];
    QCOMPARE(p.id, std::string("101"));
    QCOMPARE(p.profession, std::string("infirmier"));
    QCOMPARE(p.sites.size(), std::size_t(2));
    QCOMPARE(p.sites[0].commune, std::string("59350"));
    QVERIFY(p.sites[0].main);
    QVERIFY(p.sites[0].mode == model::PracticeMode::Liberal);
    QCOMPARE(p.sites[1].commune, std::string("59183"));
    QVERIFY(!p.sites[1].main);
    QVERIFY(p.sites[1].mode == model::PracticeMode::Salaried);
    QCOMPARE(r.reg.professionals[1].profession, std::string("masseur_kinesitherapeute"));
    QCOMPARE(r.reg.vintage, 2025);
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
}

void TestRegister::savoirFaireSm54IsGeneralPracticeAndOthersSpecialists() {
    const auto r =
        parse(row("1", "10", "SM54", "L", "A", "", "59350") + row("2", "10", "SM20", "S", "B", "", "59350") +
              row("3", "21", "", "L", "C", "", "59350") + row("4", "96", "", "S", "D", "", "59350"));
    QCOMPARE(r.reg.professionals[0].profession, std::string("medecin_generaliste"));
    QCOMPARE(r.reg.professionals[0].specialty, std::string("SM54"));
    QCOMPARE(r.reg.professionals[1].profession, std::string("medecin_specialiste"));
    QCOMPARE(r.reg.professionals[2].profession, std::string("pharmacien"));
    QCOMPARE(r.reg.professionals[3].profession, std::string("psychomotricien"));
}

void TestRegister::duplicatedActivityRowsAreMerged() {
    const auto r = parse(row("7", "40", "", "L", "S1", "59000", "59350") +
                         row("7", "40", "", "L", "S1", "59000", "59350"));
    QCOMPARE(r.reg.professionals.size(), std::size_t(1));
    QCOMPARE(r.reg.professionals[0].sites.size(), std::size_t(1));
    QCOMPARE(r.mergedRows, 1L);
    QVERIFY(allWarnings(r).contains(QStringLiteral("1 duplicated activity row merged")));
}

void TestRegister::missingCommuneIsKeptAsASiteWithoutCommuneAndThePostcodeIsNotUsed() {
    const auto r = parse(row("5", "28", "", "S", "S1", "01300", "") + row("5", "28", "", "S", "S2", "", ""));
    QCOMPARE(r.reg.professionals.size(), std::size_t(1));
    QCOMPARE(r.reg.professionals[0].sites.size(), std::size_t(2));
    QCOMPARE(r.reg.professionals[0].sites[0].commune, std::string());
    QCOMPARE(r.sitesWithoutCommune, 2L);
    const QString w = allWarnings(r);
    QVERIFY2(w.contains(QStringLiteral("2 activity rows have no commune code at lines 2, 3")), qPrintable(w));
    QVERIFY2(
        w.contains(QStringLiteral("1 of these rows gives a postcode only (2): the commune is not guessed")),
        qPrintable(w));
    QVERIFY(analysis::countsFromRegister(r.reg).empty());
}

void TestRegister::foreignCountryAndNonInseeCommuneAreReported() {
    const auto r = parse(row("8", "60", "", "L", "S1", "", "", "99131") +
                         row("9", "60", "", "L", "S2", "", "BRUXELLES") +
                         row("10", "60", "", "L", "S3", "62950", "62893", "99000"));
    QCOMPARE(r.reg.professionals[0].sites[0].commune, std::string());
    QCOMPARE(r.reg.professionals[1].sites[0].commune, std::string());
    QCOMPARE(r.reg.professionals[2].sites[0].commune, std::string("62893")); // 99000: France
    const QString w = allWarnings(r);
    QVERIFY2(
        w.contains(QStringLiteral("1 activity row is abroad (a country code other than France) at line 2")),
        qPrintable(w));
    QVERIFY2(
        w.contains(QStringLiteral("1 activity row gives no INSEE commune code at line 3 (found 'BRUXELLES'")),
        qPrintable(w));
}

void TestRegister::unknownAndLeftOutCodesAreReportedOnceEachWithTheirRows() {
    const auto r =
        parse(row("1", "99", "", "L", "A", "", "59350") + row("2", "99", "", "L", "B", "", "59350") +
              row("3", "93", "", "S", "C", "", "59350"));
    QCOMPARE(r.reg.professionals.size(), std::size_t(3)); // kept, not counted
    QCOMPARE(r.reg.professionals[0].profession, std::string());
    const QString w = allWarnings(r);
    QCOMPARE(w.count(QStringLiteral("'99'")), 1);
    QVERIFY2(w.contains(QStringLiteral("rpps.txt: line 2: profession code '99' (2 rows) is unknown")),
             qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("profession '93' (1 row) is no health profession of the catalogue")),
             qPrintable(w));
    QVERIFY(analysis::countsFromRegister(r.reg).empty());
}

void TestRegister::latin1LinesAreDecodedAndNamed() {
    // "Prénom" and "Hélène" in Windows-1252: é = 0xE9.
    std::string header = kHeader;
    header.replace(header.find("Pr\xc3\xa9nom"), 7, "Pr\xe9nom");
    const std::string body = "8|11|Fictif|H\xe9l\xe8ne|60||L|S1|59000|59350||\n";
    const auto r =
        parseRppsRegister(header + body, "rpps.txt", source2025(), model::ProfessionCatalogue::builtin());
    QCOMPARE(r.reg.professionals.size(), std::size_t(1));
    QCOMPARE(r.reg.professionals[0].sites[0].commune, std::string("59350"));
    QVERIFY2(allWarnings(r).contains(QStringLiteral("2 lines were not UTF-8 and were read as Latin-1 "
                                                    "(Windows-1252): 1, 2")),
             qPrintable(allWarnings(r)));
}

void TestRegister::crlfLinesAndTrailingPipeAreRead() {
    std::string text = std::string(kHeader) + row("12", "50", "", "L", "S", "", "59350");
    for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 2))
        text.insert(i, "\r");
    const auto r = parseRppsRegister(text, "rpps.txt", source2025(), model::ProfessionCatalogue::builtin());
    QCOMPARE(r.reg.professionals.size(), std::size_t(1));
    QCOMPARE(r.reg.professionals[0].profession, std::string("sage_femme"));
    QCOMPARE(r.reg.professionals[0].sites[0].commune, std::string("59350"));
}

void TestRegister::missingColumnIsAnErrorNamingFileAndColumn() {
    const auto e = testing::thrown<Error>([] {
        parseRppsRegister("Identifiant PP|Code profession|\n1|60|\n", "rpps.txt", source2025(),
                          model::ProfessionCatalogue::builtin());
    });
    QVERIFY(e);
    QVERIFY(e->kind() == ErrorKind::Format);
    QVERIFY2(QString::fromUtf8(e->what()).startsWith(QStringLiteral("rpps.txt: line 1")), e->what());
    QVERIFY2(
        QString::fromUtf8(e->what()).contains(QStringLiteral("no column 'Code commune (coord. structure)'")),
        e->what());
}

void TestRegister::missingVintageIsAnErrorUnlessTheFileNameHasAYear() {
    RegisterSource s;
    s.path = "rpps.txt";
    const auto e = testing::thrown<Error>(
        [&] { parseRppsRegister(kHeader, "rpps.txt", s, model::ProfessionCatalogue::builtin()); });
    QVERIFY(e);
    QVERIFY(QString::fromUtf8(e->what()).contains(QStringLiteral("FILE:2025")));
    s.path = "PS_LibreAcces_Personne_activite_202311.txt";
    QCOMPARE(parseRppsRegister(std::string(kHeader) + row("1", "60", "", "L", "S", "", "59350"), "x", s,
                               model::ProfessionCatalogue::builtin())
                 .reg.vintage,
             0 + 2023);
}

void TestRegister::registerArgumentSplitsTheYear() {
    QCOMPARE(parseRegisterArgument("a/rpps.txt:2025").path, std::string("a/rpps.txt"));
    QCOMPARE(parseRegisterArgument("a/rpps.txt:2025").vintage, 2025);
    QCOMPARE(parseRegisterArgument("C:rpps.txt").path, std::string("C:rpps.txt"));
    QCOMPARE(parseRegisterArgument("rpps.txt").vintage, 0);
}

void TestRegister::sharedExtractIsReadRowByRow() {
    MAILLAGE_REQUIRE_SHARED("professionals/rpps_ps_libreacces_personne_activite_extrait.txt");
    RegisterSource s = source2025();
    s.path =
        testing::sharedPath("professionals/rpps_ps_libreacces_personne_activite_extrait.txt").toStdString();
    const auto r = readRegister(s, model::ProfessionCatalogue::builtin());
    QCOMPARE(r.rows, 22L);
    std::size_t sites = 0, located = 0;
    for (const auto& p : r.reg.professionals)
        for (const auto& site : p.sites) {
            ++sites;
            located += site.commune.empty() ? 0 : 1;
        }
    QCOMPARE(sites + static_cast<std::size_t>(r.mergedRows), std::size_t(22));
    QCOMPARE(located, std::size_t(7)); // as the data README says: 7 rows carry a commune code
    const QString w = allWarnings(r);
    // Ostéopathe, psychothérapeute, assistant dentaire, psychologue: no health professions of the catalogue.
    for (const char* code : {"'31'", "'71'", "'72'", "'93'"})
        QVERIFY2(w.contains(QLatin1String(code)), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("postcode only")), qPrintable(w));
    QVERIFY(!w.contains(QStringLiteral("is unknown")));
}

void TestRegister::genericLayoutWithFrenchHeadersDecimalCommasAndAges() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("registre.csv"));
    writeFile(path, "Identifiant;Profession;Spécialité;Code commune;Âge;Sexe;Secteur;Mode d'exercice;ETP;"
                    "Année installation\n"
                    "A1;Médecin généraliste;;59350;61;F;1;libéral;0,8;1995\n"
                    "A1;Médecin généraliste;;59183;61;F;1;salarié;0,2;1995\n"
                    "A2;10;SM20;2A004;45;H;OPTAM;L;1;2010\n");
    RegisterSource s;
    s.path = path.toStdString() + ":2025";
    s = parseRegisterArgument(s.path);
    const auto r = readRegister(s, model::ProfessionCatalogue::builtin());
    QVERIFY2(r.warnings.empty(), qPrintable(allWarnings(r)));
    QCOMPARE(r.reg.professionals.size(), std::size_t(2));
    const auto& a = r.reg.professionals[0];
    QCOMPARE(a.profession, std::string("medecin_generaliste"));
    QCOMPARE(a.birthYear, 2025 - 61);
    QVERIFY(a.sex == model::Sex::Female);
    QVERIFY(a.sector == model::Sector::Sector1);
    QCOMPARE(a.startYear, 1995);
    QCOMPARE(a.sites.size(), std::size_t(2));
    QCOMPARE(a.sites[0].fte, 0.8);
    QVERIFY(a.sites[1].mode == model::PracticeMode::Salaried);
    const auto& b = r.reg.professionals[1];
    QCOMPARE(b.profession, std::string("medecin_specialiste"));
    QCOMPARE(b.sites[0].commune, std::string("2A004"));
    QVERIFY(b.sector == model::Sector::Optam);
    QVERIFY(b.sex == model::Sex::Male);
}

void TestRegister::genericLayoutReportsBadValuesByColumnWithLines() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("registre.csv"));
    writeFile(path, "id,profession,commune,birth_year,sex,fte\n"
                    "1,infirmier,59350,1850,X,3\n"
                    "2,infirmier,59350,1970,F,0.5\n"
                    "3,infirmier,59350,abc,F,\n");
    RegisterSource s;
    s.path = path.toStdString();
    s.vintage = 2025;
    const auto r = readGenericRegister(s.path, s, model::ProfessionCatalogue::builtin());
    QCOMPARE(r.reg.professionals.size(), std::size_t(3));
    QCOMPARE(r.reg.professionals[1].birthYear, 1970);
    QCOMPARE(r.reg.professionals[0].birthYear, 0);
    const QString w = allWarnings(r);
    QVERIFY2(w.contains(QStringLiteral("column 'birth_year'")) &&
                 w.contains(QStringLiteral("2 birth years ignored at lines 2, 4")),
             qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("1 sex ignored at line 2: expected F or M")), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("1 full-time equivalent ignored at line 2")), qPrintable(w));
}

void TestRegister::derivedCountsEqualTheHandCount() {
    // Hand count, main site: 59350 nurses 2 (101, 103), physiotherapists 1; 59183 nurses 1 (102).
    const auto r =
        parse(row("101", "60", "", "L", "S1", "", "59350") + row("101", "60", "", "L", "S2", "", "59183") +
              row("102", "60", "", "L", "S3", "", "59183") + row("103", "60", "", "S", "S4", "", "59350") +
              row("104", "70", "", "L", "S5", "", "59350"));
    const auto counts = analysis::countsFromRegister(r.reg);
    QCOMPARE(counts.size(), std::size_t(3));
    QCOMPARE(counts[0].place, std::string("59183"));
    QCOMPARE(counts[0].count, 1.0);
    QCOMPARE(counts[1].place, std::string("59350"));
    QCOMPARE(counts[1].profession, std::string("infirmier"));
    QCOMPARE(counts[1].count, 2.0);
    QCOMPARE(counts[2].profession, std::string("masseur_kinesitherapeute"));
    QCOMPARE(counts[2].vintage, 2025);
}

void TestRegister::registerOfATakenVintageIsRefusedUnlessReplacing() {
    model::Dataset d = smallDataset();
    RegisterSource s = source2025();
    s.vintage = 2023;
    auto r = parseRppsRegister(std::string(kHeader) + row("1", "10", "SM54", "L", "A", "", "59183"),
                               "rpps.txt", s, d.catalogue);
    Warnings w;
    const auto e = testing::thrown<Error>(
        [&] { addRegister(d, r.reg, "rpps.txt", &analysis::countsFromRegister, false, w); });
    QVERIFY(e);
    QVERIFY2(QString::fromUtf8(e->what()).contains(QStringLiteral("already has counts of 2023")), e->what());
    QCOMPARE(d.counts.size(), std::size_t(1)); // unchanged
    QVERIFY(d.registers.empty());
    const RegisterAdded added = addRegister(d, r.reg, "rpps.txt", &analysis::countsFromRegister, true, w);
    QVERIFY(added.replacedCounts);
    QCOMPARE(d.counts.size(), std::size_t(1));
    QCOMPARE(d.counts[0].place, std::string("59183"));
    QCOMPARE(d.registers.size(), std::size_t(1));
    QVERIFY(
        q(d.meta.sources.back()).startsWith(QStringLiteral("RPPS 2023 (un professionnel compté une fois")));
}

void TestRegister::arrondissementsAreFoldedAndCommunesOutsideReported() {
    model::Dataset d = smallDataset();
    const auto r =
        parse(row("1", "60", "", "L", "A", "", "75101") + row("2", "60", "", "L", "B", "", "75120") +
              row("3", "60", "", "L", "C", "", "62001"));
    Warnings w;
    const RegisterAdded added = addRegister(d, r.reg, "rpps.txt", &analysis::countsFromRegister, false, w);
    QCOMPARE(added.counted, 2.0);
    QCOMPARE(d.counts.back().place, std::string("75056"));
    QCOMPARE(d.counts.back().count, 2.0);
    QCOMPARE(d.meta.vintages, (std::vector<int>{2023, 2025}));
    QCOMPARE(w.size(), std::size_t(1));
    QVERIFY2(q(w[0].toString())
                 .contains(QStringLiteral("1 professional in 1 commune absent from the dataset ('62001')")),
             qPrintable(q(w[0].toString())));
}

void TestRegister::registerSurvivesTheDatasetRoundTrip() {
    model::Dataset d = smallDataset();
    RegisterSource s = source2025();
    s.rule = model::SiteRule::SharedByActivity;
    auto r = parseRppsRegister(std::string(kHeader) + row("1", "10", "SM54", "L", "A", "", "59183") +
                                   row("1", "10", "SM54", "S", "B", "", "59350") +
                                   row("2", "50", "", "", "C", "", ""),
                               "rpps.txt", s, d.catalogue);
    r.reg.professionals[0].birthYear = 1960;
    r.reg.professionals[0].sex = model::Sex::Female;
    r.reg.professionals[0].sector = model::Sector::Optam;
    r.reg.professionals[0].sites[1].fte = 0.4;
    Warnings w;
    addRegister(d, r.reg, "rpps.txt", &analysis::countsFromRegister, false, w);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("d.gpkg")).toStdString();
    writeDataset(d, path);
    const model::Dataset back = readDataset(path);
    QCOMPARE(back.registers.size(), std::size_t(1));
    const auto& reg = back.registers[0];
    QCOMPARE(reg.vintage, 2025);
    QCOMPARE(reg.source, std::string("RPPS 2025"));
    QVERIFY(reg.rule == model::SiteRule::SharedByActivity);
    QCOMPARE(reg.professionals.size(), std::size_t(2));
    const auto& p = reg.professionals[0];
    QCOMPARE(p.id, std::string("1"));
    QCOMPARE(p.profession, std::string("medecin_generaliste"));
    QCOMPARE(p.specialty, std::string("SM54"));
    QCOMPARE(p.birthYear, 1960);
    QVERIFY(p.sex == model::Sex::Female);
    QVERIFY(p.sector == model::Sector::Optam);
    QCOMPARE(p.sites.size(), std::size_t(2));
    QVERIFY(p.sites[0].main && !p.sites[1].main);
    QCOMPARE(p.sites[1].commune, std::string("59350"));
    QCOMPARE(p.sites[1].fte, 0.4);
    QVERIFY(p.sites[1].mode == model::PracticeMode::Salaried);
    QCOMPARE(reg.professionals[1].sites[0].commune, std::string());
    QCOMPARE(back.meta.extra.at("register.2025.rule"), std::string("shared_by_activity"));
    QCOMPARE(analysis::countsFromRegister(reg).size(), analysis::countsFromRegister(d.registers[0]).size());
}

namespace {

//! The import of tests/data/geo/import_communes_table.csv with the BPE table of 2013 and a register.
io::ImportOptions importWithRegister(const QTemporaryDir& dir, int year, bool replace) {
    // Year 0: the year comes from the file name, as for the Annuaire santé's dated extractions.
    const QString path =
        dir.filePath(year ? QStringLiteral("registre.csv") : QStringLiteral("registre_2013.csv"));
    writeFile(path, "id;profession;commune;sexe\n"
                    "1;infirmier;59350;F\n2;infirmier;59350;M\n3;Médecin généraliste;01002;F\n"
                    "3;Médecin généraliste;75101;F\n");
    io::ImportOptions o;
    o.communesPath = testing::dataPath("geo/import_communes_table.csv");
    io::ProfessionalsSource bpe;
    bpe.path = testing::dataPath("geo/import_bpe.csv");
    bpe.vintage = 2013;
    o.professionals.push_back(bpe);
    RegisterSource reg =
        parseRegisterArgument(path.toStdString() + (year ? ":" + std::to_string(year) : std::string()));
    reg.replaceCounts = replace;
    o.registers.push_back(reg);
    o.countRegister = &analysis::countsFromRegister;
    return o;
}

} // namespace

void TestRegister::importWithARegisterReplacingBpeClassifiesWithMassScaleOne() {
    QTemporaryDir dir;
    io::ImportReport report;
    const model::Dataset d = io::importDataset(importWithRegister(dir, 2013, true), report);
    QCOMPARE(d.params.poles.massScale, 1.0); // BPE alone would give 0.25
    QCOMPARE(d.meta.vintages, (std::vector<int>{2013}));
    double total = 0;
    for (const auto& c : d.counts)
        total += c.count;
    QCOMPARE(total, 3.0); // the register's people, not BPE's sites
    QCOMPARE(report.registers.size(), std::size_t(1));
    QVERIFY(report.registers[0].replacedCounts);
    QCOMPARE(d.registers.size(), std::size_t(1));
    const std::string path = dir.filePath(QStringLiteral("d.gpkg")).toStdString();
    writeDataset(d, path);
    const model::Dataset back = readDataset(path);
    QCOMPARE(back.registers.size(), std::size_t(1));
    QCOMPARE(back.registers[0].professionals.size(), std::size_t(3));
    QCOMPARE(back.registers[0].professionals[2].sites.size(), std::size_t(2));
    QVERIFY(back.registers[0].professionals[0].sex == model::Sex::Female);
    QCOMPARE(back.meta.extra.at("register.2013.rule"), std::string("main_site"));
    QVERIFY(std::any_of(back.meta.sources.begin(), back.meta.sources.end(), [](const std::string& s) {
        return s.find("à son site principal") != std::string::npos;
    }));
}

void TestRegister::importWithARegisterOfItsOwnYearKeepsTheBpeVintage() {
    QTemporaryDir dir;
    io::ImportReport report;
    const model::Dataset d = io::importDataset(importWithRegister(dir, 2025, false), report);
    QCOMPARE(d.params.poles.massScale, 0.25); // the BPE counts of 2013 are still there
    QCOMPARE(d.meta.vintages, (std::vector<int>{2013, 2025}));
    QVERIFY(!report.registers[0].replacedCounts);
    const auto e =
        testing::thrown<Error>([&] { io::importDataset(importWithRegister(dir, 2013, false), report); });
    QVERIFY(e);
    QVERIFY(e->kind() == ErrorKind::Parameter);
}

void TestRegister::registerDatedByItsFileNameReplacesBpeToo() {
    QTemporaryDir dir;
    io::ImportReport report;
    const model::Dataset d = io::importDataset(importWithRegister(dir, 0, true), report);
    QCOMPARE(d.meta.vintages, (std::vector<int>{2013}));
    QCOMPARE(d.params.poles.massScale, 1.0);
}

QTEST_GUILESS_MAIN(TestRegister)
#include "test_register.moc"
