#include "core/demo/demo_names.h"

#include <array>
#include <string_view>
#include <vector>

namespace maillage::demo::detail {

namespace {

using List = std::vector<std::string_view>;

const List kStems = {"Ab",   "Al",   "Ar",   "Au",   "Bal",  "Bar",  "Bel", "Ber", "Bou", "Bré", "Cam",
                     "Car",  "Cha",  "Cher", "Clai", "Cor",  "Cour", "Cré", "Dam", "Dor", "Es",  "Fa",
                     "Fer",  "Flo",  "Gar",  "Gen",  "Gou",  "Gra",  "Her", "Jal", "Jon", "Lan", "Lau",
                     "Lé",   "Lou",  "Mal",  "Mar",  "Mau",  "Mer",  "Mor", "Nan", "Nor", "Or",  "Pa",
                     "Pel",  "Per",  "Plo",  "Pré",  "Quin", "Ram",  "Ro",  "Rou", "Sal", "Sau", "Sé",
                     "Sor",  "Tal",  "Tor",  "Tré",  "Val",  "Vau",  "Ver", "Vil", "Vir", "Hau", "Wan",
                     "Auch", "Brey", "Gué",  "Lis",  "Sen",  "Thi"};
const List kMiddles = {"",   "",   "",   "",   "",   "a",  "e",  "i",  "o",  "be", "de",  "la", "li",
                       "ma", "ne", "ri", "ro", "sa", "te", "va", "vi", "ge", "mi", "gon", "ber"};
const List kEndings = {"ville", "court", "mont", "ac",     "ay",      "ey",    "y",     "ières",
                       "ange",  "anges", "eux",  "igny",   "ot",      "ans",   "essy",  "ec",
                       "hem",   "ghem",  "ois",  "in",     "on",      "elles", "ard",   "é",
                       "euil",  "oux",   "ain",  "ecourt", "bourg",   "tot",   "fleur", "ille",
                       "ousse", "aine",  "et",   "ade",    "ancourt", "iers",  "ercq",  "ennes"};
const List kSaintsM = {"Aubin",   "Germain",   "Hilaire", "Rémy",  "Médard",  "Ouen",    "Léger",   "Gilles",
                       "Amand",   "Omer",      "Pol",     "Brice", "Vaast",   "Éloi",    "Fiacre",  "Josse",
                       "Riquier", "Valery",    "Martin",  "Denis", "Laurent", "Maurice", "Quentin", "Sulpice",
                       "Évroult", "Wandrille", "Clair",   "Malo",  "Guénolé", "Firmin",  "Hubert",  "Aignan"};
const List kSaintsF = {"Marie",    "Colombe", "Geneviève", "Radegonde", "Austreberthe", "Gertrude",
                       "Odile",    "Foy",     "Anne",      "Cécile",    "Marguerite",   "Catherine",
                       "Honorine", "Solange", "Eulalie",   "Menehould"};
// Fictional rivers and pays: no real French river is named here on purpose.
const List kRivers = {"Lavre", "Ordanne",  "Sévrine", "Lisonne", "Morelle",  "Dourdonne", "Clairance",
                      "Ysène", "Aubrelle", "Vézanne", "Orvette", "Brévonne", "Salmance",  "Tardoue"};
const List kPays = {"Brévanne", "Ostrel", "Caudrais", "Vallée", "Bocage", "Marais", "Gâtinel", "Haut-Pays"};
const List kQualifiers = {"-le-Grand",   "-le-Petit",    "-le-Haut",     "-le-Bas",      "-le-Vieil",
                          "-le-Château", "-la-Grave",    "-la-Rivière",  "-la-Forêt",    "-la-Montagne",
                          "-les-Bains",  "-les-Prés",    "-les-Bois",    "-aux-Bois",    "-l'Abbaye",
                          "-les-Vignes", "-la-Campagne", "-les-Moulins", "-la-Chaussée", "-le-Sec"};
const List kCoastal = {"-sur-Mer", "-Plage", "-les-Dunes", "-la-Falaise"};

struct Compound {
    std::string_view head;
    List tails;
};
const std::array<Compound, 8> kCompounds = {{
    {"Mont", {"clair", "bel", "morel", "val", "brison", "lieu", "rond", "joie", "chauvet", "aigle"}},
    {"Beau", {"lieu", "vallon", "soleil", "pré", "repaire", "marais", "champ", "cerf"}},
    {"Ville", {"neuve", "dieu", "morin", "bonne", "roy", "noble", "sauvage", "grise"}},
    {"Roche", {"brune", "blanche", "dure", "vive", "taillée", "grise"}},
    {"Font", {"enelle", "vieille", "blanche", "renard", "clair", "ette"}},
    {"Neuf", {"chêne", "moulin", "bosc", "marché", "pont", "grange"}},
    {"Belle", {"fougère", "rive", "eau", "combe", "source", "lande"}},
    {"Ham", {"elet", "ricourt", "eau", "onville"}},
}};
const List kHeads = {"La Chapelle-", "Le Mesnil-", "Le Plessis-", "Neuville-", "Fresnoy-", "Bois-"};

bool endsWithVowel(std::string_view s) {
    if (s.empty())
        return false;
    if (s.size() >= 2 && s.substr(s.size() - 2) == "é")
        return true;
    const char c = s.back();
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool startsWithVowel(std::string_view s) {
    if (s.empty())
        return false;
    if (s.substr(0, 2) == "é")
        return true;
    const char c = s.front();
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

void append(std::string& name, std::string_view part) {
    if (endsWithVowel(name) && startsWithVowel(part))
        name += 'r'; // "Ma" + "ac" -> "Marac", not "Maac"
    name += part;
}

} // namespace

std::string NameGenerator::stem() {
    std::string s(m_rng.pick(kStems));
    append(s, m_rng.pick(kMiddles));
    append(s, m_rng.pick(kEndings));
    return s;
}

std::string NameGenerator::compound() {
    const Compound& c = m_rng.pick(kCompounds);
    return std::string(c.head) + std::string(m_rng.pick(c.tails));
}

std::string NameGenerator::saint() {
    if (m_rng.chance(0.75))
        return "Saint-" + std::string(m_rng.pick(kSaintsM));
    return "Sainte-" + std::string(m_rng.pick(kSaintsF));
}

std::string NameGenerator::candidate(NameStyle style, bool coastal) {
    // One random draw per statement: the operands of '+' are evaluated in an unspecified order, which
    // would make names depend on the compiler.
    const double r = m_rng.uniform();
    std::string name;
    if (style == NameStyle::Town) {
        if (coastal && r < 0.25) {
            if (m_rng.chance(0.5))
                name = "Port-";
            name += stem();
            if (m_rng.chance(0.5))
                name += "-sur-Mer";
        } else if (r < 0.45) {
            name = stem();
        } else if (r < 0.70) {
            name = compound();
        } else if (r < 0.85) {
            name = saint(); // a bare "Saint-Quentin" would read as the real town
            name += "-sur-";
            name += m_rng.pick(kRivers);
        } else {
            name = stem();
            name += "-sur-";
            name += m_rng.pick(kRivers);
        }
        return name;
    }
    if (coastal && r < 0.30) {
        name = m_rng.chance(0.4) ? stem() : compound();
        name += m_rng.pick(kCoastal);
    } else if (r < 0.38) {
        name = stem();
    } else if (r < 0.50) {
        name = compound();
    } else if (r < 0.58) {
        name = saint();
    } else if (r < 0.66) {
        name = saint();
        name += "-sur-";
        name += m_rng.pick(kRivers);
    } else if (r < 0.76) {
        name = stem();
        name += "-sur-";
        name += m_rng.pick(kRivers);
    } else if (r < 0.80) {
        name = stem();
        name += "-en-";
        name += m_rng.pick(kPays);
    } else if (r < 0.92) {
        name = m_rng.chance(0.5) ? compound() : stem();
        name += m_rng.pick(kQualifiers);
    } else {
        name = m_rng.pick(kHeads);
        name += m_rng.chance(0.3) ? saint() : stem();
    }
    return name;
}

std::string NameGenerator::next(NameStyle style, bool coastal) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::string name = candidate(style, coastal);
        if (m_used.insert(name).second)
            return name;
    }
    // Practically unreachable with these lists; keeps names unique whatever happens.
    for (int n = 2;; ++n) {
        std::string name = stem();
        name += "-" + std::to_string(n);
        if (m_used.insert(name).second)
            return name;
    }
}

} // namespace maillage::demo::detail
