#include "core/analysis/poles.h"
#include "core/analysis/register_counts.h"

#include "testing.h"

#include <algorithm>

using namespace maillage;
using namespace maillage::analysis;

namespace {

model::PracticeSite site(const std::string& commune, double fte = 0, bool main = false) {
    model::PracticeSite s;
    s.commune = commune;
    s.fte = fte;
    s.main = main;
    return s;
}

model::RegisteredProfessional person(const std::string& profession, std::vector<model::PracticeSite> sites) {
    model::RegisteredProfessional p;
    p.profession = profession;
    p.sites = std::move(sites);
    return p;
}

} // namespace

class TestRegisterCounts : public QObject {
    Q_OBJECT
private slots:
    void mainSiteRuleCountsOnceAtTheDeclaredMainSite();
    void mainSiteRuleFallsBackToTheFirstLocatedSite();
    void sharedRuleSplitsByFteOrEquallyWhenAFteIsMissing();
    void professionalWithoutLocatedSiteCountsNowhere();
    void countsFromRegisterSumPerCommuneAndProfessionAtTheRegistersVintage();
    void registerVintageIsClassifiedAtMassScaleOneAndBpeVintageAtTheDatasetsScale();
};

void TestRegisterCounts::mainSiteRuleCountsOnceAtTheDeclaredMainSite() {
    const auto p = person("mg", {site("59350"), site("59183", 0, true)});
    const std::vector<double> w = siteWeights(p, model::SiteRule::MainSite);
    QCOMPARE(w, (std::vector<double>{0.0, 1.0}));
}

void TestRegisterCounts::mainSiteRuleFallsBackToTheFirstLocatedSite() {
    const auto p = person("mg", {site(""), site("59183"), site("59350")});
    QCOMPARE(siteWeights(p, model::SiteRule::MainSite), (std::vector<double>{0.0, 1.0, 0.0}));
}

void TestRegisterCounts::sharedRuleSplitsByFteOrEquallyWhenAFteIsMissing() {
    const auto byFte = person("mg", {site("59350", 0.6), site("59183", 0.2)});
    const std::vector<double> w = siteWeights(byFte, model::SiteRule::SharedByActivity);
    QCOMPARE(w.size(), std::size_t{2});
    QVERIFY(qAbs(w[0] - 0.75) < 1e-12 && qAbs(w[1] - 0.25) < 1e-12);
    const auto missing = person("mg", {site("59350", 0.6), site("59183"), site("")});
    const std::vector<double> e = siteWeights(missing, model::SiteRule::SharedByActivity);
    QVERIFY(qAbs(e[0] - 0.5) < 1e-12 && qAbs(e[1] - 0.5) < 1e-12);
    QCOMPARE(e[2], 0.0);
}

void TestRegisterCounts::professionalWithoutLocatedSiteCountsNowhere() {
    const auto p = person("mg", {site(""), site("")});
    QCOMPARE(siteWeights(p, model::SiteRule::MainSite), (std::vector<double>{0.0, 0.0}));
    QCOMPARE(siteWeights(p, model::SiteRule::SharedByActivity), (std::vector<double>{0.0, 0.0}));
}

void TestRegisterCounts::countsFromRegisterSumPerCommuneAndProfessionAtTheRegistersVintage() {
    model::ProfessionalRegister reg;
    reg.vintage = 2025;
    reg.rule = model::SiteRule::SharedByActivity;
    reg.professionals = {person("mg", {site("59350"), site("59183")}), person("mg", {site("59350")}),
                         person("inf", {site("59183")}), person("", {site("59350")})};
    const std::vector<model::CountRecord> counts = countsFromRegister(reg);
    QCOMPARE(counts.size(), std::size_t{3});
    QCOMPARE(counts[0].place, std::string("59183"));
    QCOMPARE(counts[0].profession, std::string("inf"));
    QCOMPARE(counts[0].count, 1.0);
    QCOMPARE(counts[1].place, std::string("59183"));
    QCOMPARE(counts[1].count, 0.5);
    QCOMPARE(counts[2].place, std::string("59350"));
    QCOMPARE(counts[2].count, 1.5);
    for (const model::CountRecord& c : counts)
        QCOMPARE(c.vintage, 2025);
}

void TestRegisterCounts::registerVintageIsClassifiedAtMassScaleOneAndBpeVintageAtTheDatasetsScale() {
    model::Dataset d;
    model::Commune c;
    c.code = "59350";
    c.bv = "59350";
    c.population = 1000;
    d.communes.push_back(c);
    d.rebuildBassins();
    d.counts = {{"59350", "medecin_generaliste", 2013, 40}, {"59350", "medecin_generaliste", 2025, 40}};
    model::ProfessionalRegister reg;
    reg.vintage = 2025;
    d.registers.push_back(reg);
    d.params.poles.massScale = 0.25; // a BPE dataset's scale

    const Classification bpe = classifyDataset(d, 2013, d.params.poles);
    QCOMPARE(bpe.poles.at(0).decision.thresholds.massScale, 0.25);
    const auto aboutScale = [](const Classification& c) {
        return static_cast<int>(std::count_if(c.warnings().begin(), c.warnings().end(), [](const Warning& w) {
            return w.toString().find("register of individual professionals") != std::string::npos;
        }));
    };
    QCOMPARE(aboutScale(bpe), 0);
    const Classification people = classifyDataset(d, 2025, d.params.poles);
    QCOMPARE(people.poles.at(0).decision.thresholds.massScale, 1.0);
    QCOMPARE(people.poles.at(0).decision.thresholds.grandPole, d.params.poles.grandPoleMin);
    QCOMPARE(aboutScale(people), 1);
    QVERIFY(std::any_of(people.warnings().begin(), people.warnings().end(), [](const Warning& w) {
        return w.toString().find("mass scale 1, not at the BPE scale 0.25") != std::string::npos;
    }));
}

QTEST_GUILESS_MAIN(TestRegisterCounts)
#include "test_register_counts.moc"
