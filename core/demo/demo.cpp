#include "core/demo/demo.h"

#include "core/demo/demo_names.h"
#include "core/demo/demo_random.h"
#include "core/demo/demo_register.h"
#include "core/demo/demo_tiling.h"
#include "core/model/text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace maillage::demo {

namespace {

using namespace detail;

// ---------------------------------------------------------------------------------------------------
// Where and what the territory is.
//
// The grid lies in Lambert-93 off the Atlantic coast (x 60-240 km, y 6,420-6,605 km, west of the
// Vendée and Charente-Maritime coasts): on a basemap it can never be mistaken for real communes.
//
// Codes: commune codes must stay INSEE-shaped (5 characters, parsed by codes::normalizeCommune) but
// must not collide with real communes. The only département prefixes that no current commune uses
// and that codes::isOverseas does not flag are 00, 20 (Corsica before 1976, split into 2A/2B since),
// 96 and 99 (INSEE uses 99 for foreign countries, never for a commune). Région codes 07 and 08 were
// never used by INSEE (01-06 are the overseas régions).

constexpr int kCols = 57;
constexpr int kRows = 68;
constexpr double kCellWidth = 3100; // metres: cells of 8.3 km2, communes of one to three cells
constexpr Vec2 kOrigin{60000, 6420000};

constexpr std::array<int, 2> kVintages = {2013, 2023};

struct Departement {
    const char* code;
    const char* name;
    const char* region;
};
enum Dep { NW = 0, NE = 1, SW = 2, SE = 3 };
constexpr std::array<Departement, 4> kDepartements = {{
    {"96", "Côte-des-Brumes", "07"}, // north-west: the coast and the metropolis
    {"99", "Haut-Vallon", "07"},     // north-east: the conurbation and the EPSM
    {"20", "Marais-d'Argent", "08"}, // south-west: the southern coast
    {"00", "Causses-Blancs", "08"},  // south-east: the rural south
}};
const std::map<std::string, std::string> kRegions = {{"07", "Région Littoral-Nord"},
                                                     {"08", "Région Val-du-Sud"}};

// ---------------------------------------------------------------------------------------------------
// The bassins de vie that carry the story (DOMAIN.md §3), then many hors-pôle ones.

enum class Role {
    Metropole,          //!< type 1, grows
    GrandPole,          //!< type 2, the conurbation next to the metropolis, slowly drained
    IntermediateNear,   //!< type 3 near the metropolis, drained but still type 3
    IntermediateAtRisk, //!< type 3 in 2013, falls below 1,500 professionals: type 4 in 2023
    IntermediateCoast,  //!< clean type 3 on the coast
    SecondaryCoast,     //!< clean type 4: fewer than 1,500 professionals, at least 1,000 outside psychiatry
    LowPoleShare,       //!< ~2,919 professionals, pôle professions 19 %: type 4, not 3
    Epsm,               //!< ~2,995 professionals, psychiatric nurses 25 %: type 4, not 3
    PsyHorsPole,        //!< ~1,100 professionals of whom 150 psychiatric nurses: no pôle
    HorsPole,
};

struct Plan {
    Role role;
    int dep;
    double u, v; //!< wished position (0..1 over the grid); coastal ones snap to the coast
    bool coastal;
    double weight;  //!< growth speed of its area
    int mainCells;  //!< cells of the main commune
    double mainPop; //!< 0: drawn for a rural bourg
    double suburbPop, suburbKm, ruralPop;
    std::array<int, 2> total;        //!< professionals per vintage; 0: from the population
    std::array<double, 2> poleShare; //!< N_pole / N (psychiatric nurses included)
    std::array<double, 2> psyShare;  //!< N_psy / N
    bool hospital;                   //!< the psychiatric nurses work in an EPSM in a neighbouring commune
};

std::vector<Plan> storyPlans() {
    // clang-format off
    return {
        {Role::Metropole,          NW, 0.36, 0.76, false, 1.25, 6, 248000, 24000, 5.0, 800, {12400, 14650}, {0.40, 0.42}, {0.030, 0.022}, false},
        {Role::GrandPole,          NE, 0.61, 0.80, false, 1.35, 3,  64000, 16000, 4.0, 650, {5600, 5150},   {0.31, 0.31}, {0.040, 0.032}, false},
        {Role::GrandPole,          NE, 0.60, 0.64, false, 1.25, 3,  41000, 12000, 4.0, 600, {3750, 3320},   {0.29, 0.28}, {0.050, 0.040}, false},
        {Role::IntermediateNear,   NE, 0.77, 0.90, false, 1.1,  2,  21000,  7000, 4.0, 550, {1980, 1690},   {0.24, 0.22}, {0.030, 0.025}, false},
        {Role::IntermediateAtRisk, NW, 0.27, 0.58, false, 1.0,  2,  16500,  6000, 4.0, 500, {1640, 1420},   {0.23, 0.21}, {0.020, 0.015}, false},
        {Role::IntermediateCoast,  NW, 0.00, 0.91, true,  1.1,  2,  28000,  9000, 4.0, 650, {2380, 2450},   {0.27, 0.28}, {0.030, 0.025}, false},
        {Role::LowPoleShare,       NW, 0.00, 0.68, true,  1.1,  2,  24000,  9000, 4.0, 650, {2960, 2919},   {0.188, 0.19}, {0.012, 0.010}, false},
        {Role::Epsm,               NE, 0.86, 0.66, false, 1.0,  2,  14000,  6000, 4.0, 500, {2980, 2995},   {0.44, 0.41}, {0.285, 0.25}, true},
        {Role::PsyHorsPole,        NE, 0.74, 0.55, false, 1.0,  2,   7500,  2500, 4.0, 450, {1160, 1100},   {0.27, 0.26}, {175.0 / 1160, 150.0 / 1100}, true},
        {Role::IntermediateCoast,  SW, 0.00, 0.38, true,  1.1,  2,  17000,  8000, 4.0, 600, {1720, 1610},   {0.235, 0.225}, {0.020, 0.018}, false},
        {Role::SecondaryCoast,     SW, 0.00, 0.14, true,  1.0,  2,  11000,  6000, 4.0, 550, {1280, 1190},   {0.17, 0.165}, {0.010, 0.008}, false},
    };
    // clang-format on
}

constexpr std::array<int, 4> kHorsPoleCount = {5, 4, 7, 13}; // per département NW, NE, SW, SE

// ---------------------------------------------------------------------------------------------------
// Professions: canonical codes of resources/professions.csv, with the usual make-up of each group
// (RPPS + ADELI orders of magnitude).

struct ProfessionShare {
    const char* code;
    double weight;
};
const std::vector<ProfessionShare> kProximite = {
    {"infirmier", 0.47},           {"medecin_generaliste", 0.15}, {"masseur_kinesitherapeute", 0.14},
    {"pharmacien", 0.12},          {"chirurgien_dentiste", 0.07}, {"opticien_lunetier", 0.035},
    {"pedicure_podologue", 0.015},
};
const std::vector<ProfessionShare> kPoleOther = {
    {"medecin_specialiste", 0.42},    {"orthophoniste", 0.10}, {"manipulateur_erm", 0.10},
    {"technicien_laboratoire", 0.10}, {"sage_femme", 0.09},    {"ergotherapeute", 0.05},
    {"psychomotricien", 0.05},        {"dieteticien", 0.04},   {"orthoptiste", 0.025},
    {"audioprothesiste", 0.025},
};
constexpr const char* kPsy = "infirmier_psychiatrique";

// ---------------------------------------------------------------------------------------------------

int roundHalfUp(double x) {
    return static_cast<int>(std::floor(x + 0.5));
}

//! Splits `total` in integers proportional to `weights` (largest remainder, ties to the lower index).
std::vector<int> apportion(int total, const std::vector<double>& weights) {
    std::vector<int> out(weights.size(), 0);
    double sum = 0;
    for (double w : weights)
        sum += w;
    if (total <= 0 || weights.empty())
        return out;
    if (sum <= 0) {
        out[0] = total;
        return out;
    }
    std::vector<std::pair<double, std::size_t>> rest;
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double q = total * weights[i] / sum;
        out[i] = static_cast<int>(std::floor(q));
        given += out[i];
        rest.emplace_back(q - out[i], i);
    }
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (int k = 0; given < total; ++k, ++given)
        out[rest[static_cast<std::size_t>(k) % rest.size()].second] += 1;
    return out;
}

double distance(Vec2 a, Vec2 b) {
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

double bump(double x, double centre, double halfWidth) {
    const double t = (x - centre) / halfWidth;
    return t >= 1 || t <= -1 ? 0 : (1 - t * t) * (1 - t * t);
}

enum CellKind { Land = 0, Sea = 1, Outside = 2 };

//! The land mask: sea on the west behind an irregular coast (a cape and a bay), gently irregular
//! land borders elsewhere. One piece, no enclave.
std::vector<int> landMask(const Tiling& t, std::uint64_t seed) {
    const ValueNoise n1(seed, 1), n2(seed, 2), n3(seed, 3), n4(seed, 4), n5(seed, 5);
    std::vector<int> kind(t.cellCount(), Land);
    for (int c = 0; c < t.cellCount(); ++c) {
        const Vec2 uv = t.nominalUV(c);
        const double u = uv.x, v = uv.y;
        const double coast = 0.19 + 0.06 * n1(v * 4) + 0.025 * n2(v * 13) - 0.10 * bump(v, 0.55, 0.07) +
                             0.08 * bump(v, 0.27, 0.05);
        if (u < coast)
            kind[c] = Sea;
        else if (v > 0.97 - 0.03 * (1 + n3(u * 5)) || v < 0.03 + 0.03 * (1 + n4(u * 5)) ||
                 u > 0.97 - 0.03 * (1 + n5(v * 5)) || u + v > 1.80 + 0.04 * n3(u * 7 + 20) ||
                 u - v > 0.82 + 0.04 * n4(v * 7 + 20))
            kind[c] = Outside; // land borders with the neighbouring (absent) territories
    }
    // Keep the largest piece of land; fill enclaves.
    std::vector<int> component(t.cellCount(), -1);
    int best = -1, bestSize = 0;
    for (int c = 0, id = 0; c < t.cellCount(); ++c) {
        if (kind[c] != Land || component[c] >= 0)
            continue;
        int size = 0;
        std::vector<int> stack{c};
        component[c] = id;
        while (!stack.empty()) {
            const int x = stack.back();
            stack.pop_back();
            ++size;
            for (int k = 0; k < 6; ++k) {
                const int y = t.across(x, k);
                if (y >= 0 && kind[y] == Land && component[y] < 0) {
                    component[y] = id;
                    stack.push_back(y);
                }
            }
        }
        if (size > bestSize) {
            best = id;
            bestSize = size;
        }
        ++id;
    }
    for (int c = 0; c < t.cellCount(); ++c)
        if (kind[c] == Land && component[c] != best)
            kind[c] = Sea;
    std::vector<char> reached(t.cellCount(), 0);
    std::vector<int> stack;
    for (int c = 0; c < t.cellCount(); ++c) {
        const int i = c % t.cols, j = c / t.cols;
        if (kind[c] != Land && (i == 0 || j == 0 || i == t.cols - 1 || j == t.rows - 1)) {
            reached[c] = 1;
            stack.push_back(c);
        }
    }
    while (!stack.empty()) {
        const int x = stack.back();
        stack.pop_back();
        for (int k = 0; k < 6; ++k) {
            const int y = t.across(x, k);
            if (y >= 0 && kind[y] != Land && !reached[y]) {
                reached[y] = 1;
                stack.push_back(y);
            }
        }
    }
    for (int c = 0; c < t.cellCount(); ++c)
        if (kind[c] != Land && !reached[c])
            kind[c] = Land;
    return kind;
}

//! Départements: two régions split north/south, each split west/east along noisy lines; then every
//! département is made one piece (stray cells join a neighbouring département).
std::vector<int> departementOfCells(const Tiling& t, const std::vector<int>& kind, std::uint64_t seed) {
    const ValueNoise n6(seed, 6), n7(seed, 7), n8(seed, 8), n9(seed, 9);
    std::vector<int> dep(t.cellCount(), -1);
    for (int c = 0; c < t.cellCount(); ++c) {
        if (kind[c] != Land)
            continue;
        const Vec2 uv = t.nominalUV(c);
        if (uv.y > 0.50 + 0.04 * n6(uv.x * 3.5) + 0.02 * n9(uv.x * 12))
            dep[c] = uv.x < 0.49 + 0.06 * n7(uv.y * 3.5) + 0.02 * n9(uv.y * 12 + 40) ? NW : NE;
        else
            dep[c] = uv.x < 0.46 + 0.06 * n8(uv.y * 3.5) + 0.02 * n9(uv.y * 12 + 80) ? SW : SE;
    }
    for (int round = 0; round < 100; ++round) {
        bool changed = false;
        for (int d = 0; d < 4; ++d) {
            std::vector<int> component(t.cellCount(), -1);
            std::vector<int> sizes;
            for (int c = 0; c < t.cellCount(); ++c) {
                if (dep[c] != d || component[c] >= 0)
                    continue;
                const int id = static_cast<int>(sizes.size());
                sizes.push_back(0);
                std::vector<int> stack{c};
                component[c] = id;
                while (!stack.empty()) {
                    const int x = stack.back();
                    stack.pop_back();
                    ++sizes[id];
                    for (int k = 0; k < 6; ++k) {
                        const int y = t.across(x, k);
                        if (y >= 0 && dep[y] == d && component[y] < 0) {
                            component[y] = id;
                            stack.push_back(y);
                        }
                    }
                }
            }
            if (sizes.size() <= 1)
                continue;
            const int keep = static_cast<int>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
            for (int c = 0; c < t.cellCount(); ++c) {
                if (dep[c] != d || component[c] == keep)
                    continue;
                for (int k = 0; k < 6; ++k) {
                    const int y = t.across(c, k);
                    if (y >= 0 && dep[y] >= 0 && dep[y] != d) {
                        dep[c] = dep[y];
                        changed = true;
                        break;
                    }
                }
            }
        }
        if (!changed)
            break;
    }
    return dep;
}

struct Territory {
    Tiling tiling;
    std::vector<int> kind;     //!< per cell
    std::vector<int> dep;      //!< per cell
    std::vector<char> coastal; //!< per cell: touches the sea
    std::vector<int> bassin;   //!< per cell: index into plans
    std::vector<int> commune;  //!< per cell: commune index
    std::vector<Plan> plans;
    std::vector<int> seedCell; //!< per plan
};

//! Area of every bassin de vie: a multi-source Dijkstra on the cell graph, inside each département,
//! where each seed advances at its own speed (its weight) over a rough terrain. A cell is settled by
//! the first label that reaches it and only settled cells pass their label on, so every bassin is
//! one piece.
std::vector<int> growBassins(const Territory& tr, std::uint64_t seed) {
    const Tiling& t = tr.tiling;
    using Item = std::tuple<double, int, int>; // cost, plan, cell
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    std::vector<int> owner(t.cellCount(), -1);
    for (std::size_t p = 0; p < tr.plans.size(); ++p)
        queue.emplace(0.0, static_cast<int>(p), tr.seedCell[p]);
    while (!queue.empty()) {
        const auto [cost, p, cell] = queue.top();
        queue.pop();
        if (owner[cell] >= 0)
            continue;
        owner[cell] = p;
        for (int k = 0; k < 6; ++k) {
            const int next = t.across(cell, k);
            if (next < 0 || tr.kind[next] != Land || owner[next] >= 0 || tr.dep[next] != tr.dep[cell])
                continue;
            const double rough = 0.7 + 0.6 * unitFromBits(hashOf(seed, 0x5255, t.cellEdge[cell][k]));
            queue.emplace(cost +
                              distance(t.cellCenter[cell], t.cellCenter[next]) * rough / tr.plans[p].weight,
                          p, next);
        }
    }
    // A piece of département without a seed (never seen, but cheap to rule out) joins a neighbour.
    for (bool changed = true; changed;) {
        changed = false;
        for (int c = 0; c < t.cellCount(); ++c)
            if (tr.kind[c] == Land && owner[c] < 0)
                for (int k = 0; k < 6; ++k)
                    if (const int y = t.across(c, k); y >= 0 && owner[y] >= 0) {
                        owner[c] = owner[y];
                        changed = true;
                        break;
                    }
    }
    return owner;
}

struct CommuneDraft {
    std::vector<int> cells; //!< first = the cell whose centre is the anchor
    int plan = -1;
    bool main = false;
    bool hospital = false;
    bool coastal = false;
    std::string name, code;
    double population = 0;
    Vec2 anchor;
    Ring ring;
};

const std::array<const char*, 12> kQuartiers = {
    "Centre",  "Gare",     "Faubourg Saint-Jean", "Université",       "Les Tanneries", "Bois-Joli",
    "Hôpital", "Les Prés", "La Citadelle",        "Les Hauts-Champs", "Port-Fluvial",  "Croix-Blanche",
};

//! The steps of makeDemoDataset, in the order they draw from the generator: changing the order changes
//! the dataset (tests/demo pins its content).
class Generator {
public:
    explicit Generator(unsigned seed)
        : m_seed(seed), m_key(hashOf(0x4D41494C4C414745ull, seed)), rng(hashOf(m_key, 1)) {}

    model::Dataset run() {
        buildTerritory();
        placeStorySeeds();
        placeHorsPoleSeeds();
        tr.bassin = growBassins(tr, m_key);
        draftMainCommunes();
        draftSmallCommunes();
        finishDrafts();
        placeHospitals();
        nameCommunes();
        numberCommunes();
        populate();
        startDataset();
        addCommunesAndBassins();
        addProfessionals();
        addQuartiers();
        addCooperations();
        addFlows();
        ds.reindex();
        // Last, from its own stream: the register leaves everything drawn before it unchanged.
        ds.registers.push_back(makeDemoRegister(ds, kVintages[1], hashOf(m_key, 0x5245474953544552ull)));
        return std::move(ds);
    }

private:
    unsigned m_seed;
    std::uint64_t m_key;
    Rng rng;
    Territory tr;
    std::vector<char> taken; // per cell: a seed or next to one
    std::vector<CommuneDraft> drafts;
    std::vector<int> mainDraft;                          // per plan: the draft of its main commune
    std::vector<std::size_t> byCode;                     // draft indices in commune code order
    std::vector<std::vector<int>> membersOf;             // per plan: draft indices, main first
    std::vector<std::array<std::vector<int>, 2>> counts; // [draft][vintage][profession]
    model::Dataset ds;

    const Tiling& tiling() const { return tr.tiling; }

    // --- Cells, land, départements ---------------------------------------------------------------
    void buildTerritory() {
        tr.tiling = makeTiling(kCols, kRows, kCellWidth, kOrigin, m_key);
        const Tiling& t = tr.tiling;
        tr.kind = landMask(t, m_key);
        tr.dep = departementOfCells(t, tr.kind, m_key);
        tr.coastal.assign(t.cellCount(), 0);
        for (int c = 0; c < t.cellCount(); ++c)
            if (tr.kind[c] == Land)
                for (int k = 0; k < 6; ++k) {
                    const int y = t.across(c, k);
                    if (y >= 0 && tr.kind[y] == Sea)
                        tr.coastal[c] = 1;
                }
    }

    Vec2 toMetres(double u, double v) const {
        const Tiling& t = tiling();
        const double gridW = (2.0 * kCols + 1) / 2 * kCellWidth, gridH = kRows * t.rowHeight;
        return Vec2{kOrigin.x + u * gridW, kOrigin.y + v * gridH};
    }

    // --- Seeds of the bassins de vie --------------------------------------------------------------
    int nearestFreeCell(Vec2 target, int dep, bool coastal) const {
        const Tiling& t = tiling();
        int best = -1;
        double bestD = std::numeric_limits<double>::max();
        for (int c = 0; c < t.cellCount(); ++c) {
            if (tr.kind[c] != Land || tr.dep[c] != dep || taken[c] || (coastal && !tr.coastal[c]))
                continue;
            const double d = distance(t.cellCenter[c], target);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best < 0)
            throw std::logic_error("demo: no cell for a bassin de vie");
        return best;
    }

    void markTaken(int cell) {
        taken[cell] = 1;
        for (int k = 0; k < 6; ++k)
            if (const int y = tiling().across(cell, k); y >= 0)
                taken[y] = 1;
    }

    void placeStorySeeds() {
        tr.plans = storyPlans();
        taken.assign(tiling().cellCount(), 0);
        for (const Plan& p : tr.plans) {
            const int cell = nearestFreeCell(toMetres(p.coastal ? 0.12 : p.u, p.v), p.dep, p.coastal);
            tr.seedCell.push_back(cell);
            markTaken(cell);
        }
    }

    // Best-candidate sampling: of 40 random free cells, the farthest from every seed so far.
    int spreadCell(const std::vector<int>& cells) {
        const Tiling& t = tiling();
        int best = -1;
        double bestD = -1;
        for (int attempt = 0; attempt < 40; ++attempt) {
            const int c = cells[rng.below(static_cast<int>(cells.size()))];
            if (taken[c])
                continue;
            double nearest = std::numeric_limits<double>::max();
            for (int s : tr.seedCell)
                nearest = std::min(nearest, distance(t.cellCenter[c], t.cellCenter[s]));
            if (nearest > bestD) {
                bestD = nearest;
                best = c;
            }
        }
        if (best < 0)
            throw std::logic_error("demo: no room for a bassin de vie");
        return best;
    }

    // Hors-pôle bassins: best-candidate sampling spreads them over each département.
    void placeHorsPoleSeeds() {
        const Tiling& t = tiling();
        for (int d = 0; d < 4; ++d) {
            std::vector<int> cells;
            for (int c = 0; c < t.cellCount(); ++c)
                if (tr.kind[c] == Land && tr.dep[c] == d)
                    cells.push_back(c);
            for (int n = 0; n < kHorsPoleCount[d]; ++n) {
                const int best = spreadCell(cells);
                const bool south = d == SW || d == SE;
                Plan p{Role::HorsPole,        d,      0,      0,      tr.coastal[best] != 0,
                       south ? 1.0 : 0.85,    2,      0,      900,    4.0,
                       south ? 330.0 : 420.0, {0, 0}, {0, 0}, {0, 0}, false};
                p.poleShare[0] = rng.uniform(0.09, 0.16);
                p.poleShare[1] = p.poleShare[0] * rng.uniform(0.88, 0.98);
                p.psyShare[0] = rng.uniform(0.0, 0.012);
                p.psyShare[1] = p.psyShare[0] * 0.8;
                tr.plans.push_back(p);
                tr.seedCell.push_back(best);
                markTaken(best);
            }
        }
    }

    // --- Communes: main clusters, then communes of one to three cells ------------------------------
    void draftMainCommunes() {
        const Tiling& t = tiling();
        tr.commune.assign(t.cellCount(), -1);
        for (std::size_t p = 0; p < tr.plans.size(); ++p) {
            CommuneDraft d;
            d.plan = static_cast<int>(p);
            d.main = true;
            d.cells.push_back(tr.seedCell[p]);
            tr.commune[tr.seedCell[p]] = static_cast<int>(drafts.size());
            while (static_cast<int>(d.cells.size()) < tr.plans[p].mainCells) {
                // The neighbour closest to the cluster's first cell keeps the main commune compact.
                int best = -1;
                double bestD = std::numeric_limits<double>::max();
                for (int c : d.cells)
                    for (int k = 0; k < 6; ++k) {
                        const int y = t.across(c, k);
                        if (y < 0 || tr.bassin[y] != static_cast<int>(p) || tr.commune[y] >= 0)
                            continue;
                        const double dd = distance(t.cellCenter[y], t.cellCenter[d.cells[0]]);
                        if (dd < bestD) {
                            bestD = dd;
                            best = y;
                        }
                    }
                if (best < 0)
                    break;
                d.cells.push_back(best);
                tr.commune[best] = static_cast<int>(drafts.size());
            }
            drafts.push_back(std::move(d));
        }
    }

    // Communes of one to three cells: small in the metropolis, larger in the rural south.
    int drawCommuneSize(const Plan& plan) {
        const bool ruralSouth = plan.role == Role::HorsPole && (plan.dep == SW || plan.dep == SE);
        const std::array<double, 2> upTo = plan.role == Role::Metropole ? std::array<double, 2>{0.6, 0.9}
                                           : ruralSouth                 ? std::array<double, 2>{0.2, 0.65}
                                                                        : std::array<double, 2>{0.4, 0.8};
        const double r = rng.uniform();
        return r < upTo[0] ? 1 : r < upTo[1] ? 2 : 3;
    }

    void draftCommuneAt(int c) {
        const Tiling& t = tiling();
        CommuneDraft d;
        d.plan = tr.bassin[c];
        d.cells.push_back(c);
        tr.commune[c] = static_cast<int>(drafts.size());
        const int size = drawCommuneSize(tr.plans[d.plan]);
        while (static_cast<int>(d.cells.size()) < size) {
            std::vector<int> free;
            for (int x : d.cells)
                for (int k = 0; k < 6; ++k) {
                    const int y = t.across(x, k);
                    if (y >= 0 && tr.kind[y] == Land && tr.bassin[y] == d.plan && tr.commune[y] < 0 &&
                        std::find(free.begin(), free.end(), y) == free.end())
                        free.push_back(y);
                }
            if (free.empty())
                break;
            const int y = free[static_cast<std::size_t>(rng.below(static_cast<int>(free.size())))];
            d.cells.push_back(y);
            tr.commune[y] = static_cast<int>(drafts.size());
        }
        drafts.push_back(std::move(d));
    }

    void draftSmallCommunes() {
        const Tiling& t = tiling();
        std::vector<int> order;
        for (int c = 0; c < t.cellCount(); ++c)
            if (tr.kind[c] == Land && tr.commune[c] < 0)
                order.push_back(c);
        for (std::size_t i = order.size(); i > 1; --i) // Fisher-Yates with our own generator
            std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
        for (int c : order)
            if (tr.commune[c] < 0)
                draftCommuneAt(c);
    }

    void finishDrafts() {
        const std::vector<Ring> rings = groupRings(tiling(), tr.commune, static_cast<int>(drafts.size()));
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            CommuneDraft& d = drafts[i];
            d.ring = rings[i];
            // The centroid when it lies inside (labels look centred), else the centre of the first cell.
            d.anchor = ringCentroid(d.ring);
            if (!ringContains(d.ring, d.anchor))
                d.anchor = tiling().cellCenter[d.cells[0]];
            for (int c : d.cells)
                d.coastal = d.coastal || tr.coastal[c];
        }
    }

    // The EPSM stands in a commune next to the town, as they often do.
    void placeHospitals() {
        for (std::size_t p = 0; p < tr.plans.size(); ++p) {
            if (!tr.plans[p].hospital)
                continue;
            const int mainCell = tr.seedCell[p];
            for (int k = 0; k < 6; ++k) {
                const int y = tiling().across(mainCell, k);
                if (y >= 0 && tr.kind[y] == Land && tr.bassin[y] == static_cast<int>(p) &&
                    !drafts[tr.commune[y]].main) {
                    drafts[tr.commune[y]].hospital = true;
                    break;
                }
            }
        }
    }

    // --- Names and codes --------------------------------------------------------------------------
    void nameCommunes() {
        NameGenerator names(hashOf(m_key, 2));
        for (CommuneDraft& d : drafts)
            if (d.main)
                d.name = names.next(NameStyle::Town, d.coastal);
        for (CommuneDraft& d : drafts)
            if (!d.main)
                d.name = names.next(NameStyle::Village, d.coastal);
    }

    // INSEE numbered communes in alphabetical order within each département, with gaps left by later
    // mergers.
    void numberCommunes() {
        for (int dep = 0; dep < 4; ++dep) {
            std::vector<std::pair<std::string, std::size_t>> byName;
            for (std::size_t i = 0; i < drafts.size(); ++i)
                if (tr.plans[drafts[i].plan].dep == dep)
                    byName.emplace_back(text::foldForMatch(drafts[i].name) + '\x01' + drafts[i].name, i);
            std::sort(byName.begin(), byName.end());
            int number = 0;
            for (const auto& [sortKey, i] : byName) {
                number += rng.chance(0.12) ? 2 : 1;
                if (number > 999)
                    throw std::logic_error("demo: too many communes in a département");
                char digits[4];
                digits[0] = static_cast<char>('0' + number / 100);
                digits[1] = static_cast<char>('0' + number / 10 % 10);
                digits[2] = static_cast<char>('0' + number % 10);
                digits[3] = 0;
                drafts[i].code = std::string(kDepartements[dep].code) + digits;
            }
        }
    }

    // --- Populations ------------------------------------------------------------------------------
    void populate() {
        mainDraft.assign(tr.plans.size(), -1);
        for (std::size_t i = 0; i < drafts.size(); ++i)
            if (drafts[i].main)
                mainDraft[drafts[i].plan] = static_cast<int>(i);
        for (CommuneDraft& d : drafts) {
            const Plan& p = tr.plans[d.plan];
            const double shape = rng.uniform();
            if (d.main) {
                d.population = p.mainPop > 0 ? p.mainPop * rng.uniform(0.97, 1.03) : rng.uniform(1800, 5200);
            } else {
                const double km = distance(d.anchor, drafts[mainDraft[d.plan]].anchor) / 1000;
                const double suburb = p.suburbPop / (1 + (km / p.suburbKm) * (km / p.suburbKm));
                double pop = suburb + p.ruralPop * (0.25 + 1.9 * shape * shape);
                pop *= 1 + 0.35 * static_cast<double>(d.cells.size() - 1);
                pop *= d.coastal ? 1.3 : 1.0;
                if (p.role == Role::HorsPole)
                    pop = std::clamp(pop, 90.0, 1500.0);
                if (d.hospital)
                    pop = std::max(pop, 2200.0);
                d.population = pop;
            }
            d.population = roundHalfUp(d.population);
        }
    }

    // --- The dataset ------------------------------------------------------------------------------
    void startDataset() {
        ds.meta.title = "Territoire fictif de démonstration";
        ds.meta.fictional = true;
        ds.meta.cogYear = 2024;
        ds.meta.bvVintage = "BV2012";
        ds.meta.sources = {"Données fictives générées par Maillage"};
        ds.meta.vintages = {kVintages[0], kVintages[1]};
        ds.meta.createdBy = "Maillage demo";
        ds.meta.extra["demo.seed"] = std::to_string(m_seed);
        ds.params = model::Parameters{};
        ds.catalogue = model::ProfessionCatalogue::builtin();
        ds.regionNames = kRegions;
        for (const Departement& d : kDepartements)
            ds.departementNames[d.code] = d.name;
    }

    void addCommunesAndBassins() {
        byCode.resize(drafts.size());
        for (std::size_t i = 0; i < drafts.size(); ++i)
            byCode[i] = i;
        std::sort(byCode.begin(), byCode.end(),
                  [&](std::size_t a, std::size_t b) { return drafts[a].code < drafts[b].code; });
        for (std::size_t i : byCode) {
            const CommuneDraft& d = drafts[i];
            const Plan& p = tr.plans[d.plan];
            model::Commune c;
            c.code = d.code;
            c.name = d.name;
            c.population = d.population;
            c.bv = drafts[mainDraft[d.plan]].code;
            c.dep = kDepartements[p.dep].code;
            c.reg = kDepartements[p.dep].region;
            c.anchor = {d.anchor.x, d.anchor.y};
            c.geometry = multiPolygonWkb({{d.ring}});
            ds.communes.push_back(std::move(c));
        }
        for (std::size_t p = 0; p < tr.plans.size(); ++p) {
            const CommuneDraft& m = drafts[mainDraft[p]];
            model::Bassin b;
            b.code = m.code;
            b.name = m.name;
            b.dep = kDepartements[tr.plans[p].dep].code;
            b.reg = kDepartements[tr.plans[p].dep].region;
            b.anchor = {m.anchor.x, m.anchor.y};
            ds.bassins.push_back(std::move(b));
        }
        for (const model::Commune& c : ds.communes) {
            for (model::Bassin& b : ds.bassins)
                if (b.code == c.bv) {
                    b.communes.push_back(c.code);
                    b.population += c.population;
                }
        }
        std::sort(ds.bassins.begin(), ds.bassins.end(),
                  [](const model::Bassin& a, const model::Bassin& b) { return a.code < b.code; });
        ds.reindex();
    }

    // --- Professionals ----------------------------------------------------------------------------
    // Per bassin and vintage: a total, a pôle share and a psychiatric share (exact for the bassins of
    // the story, from the population elsewhere), split by profession, then among communes.
    int professionIndex(const char* code) const {
        const int i = ds.catalogue.indexOf(code);
        if (i < 0)
            throw std::logic_error(std::string("demo: the built-in catalogue lacks ") + code);
        return i;
    }

    void addProfessionals() {
        const auto& professions = ds.catalogue.professions();
        const int professionCount = static_cast<int>(professions.size());
        membersOf.assign(tr.plans.size(), {});
        for (std::size_t p = 0; p < tr.plans.size(); ++p)
            membersOf[p].push_back(mainDraft[p]);
        for (std::size_t i : byCode)
            if (!drafts[i].main)
                membersOf[drafts[i].plan].push_back(static_cast<int>(i));
        counts.resize(drafts.size());
        for (auto& c : counts)
            for (auto& v : c)
                v.assign(professionCount, 0);
        for (std::size_t p = 0; p < tr.plans.size(); ++p)
            countBassin(p);
        for (std::size_t i : byCode)
            for (int v = 0; v < 2; ++v)
                for (int prof = 0; prof < professionCount; ++prof)
                    if (const int n = counts[i][v][prof]; n > 0)
                        ds.counts.push_back(
                            {drafts[i].code, professions[prof].code, kVintages[v], double(n)});
    }

    // A hors-pôle bassin's totals follow its population.
    void drawHorsPoleTotals(std::size_t p) {
        Plan& plan = tr.plans[p];
        const bool south = plan.dep == SW || plan.dep == SE;
        double population = 0;
        for (int i : membersOf[p])
            population += drafts[i].population;
        const double density = (south ? 0.0115 : 0.0135) * rng.uniform(0.85, 1.15);
        plan.total[0] = std::min(930, roundHalfUp(population * density));
        plan.total[1] =
            roundHalfUp(plan.total[0] * (south ? rng.uniform(0.70, 0.85) : rng.uniform(0.90, 0.98)));
    }

    void countBassin(std::size_t p) {
        if (tr.plans[p].role == Role::HorsPole)
            drawHorsPoleTotals(p);
        // Each bassin has its own mix within each group, stable over time.
        std::vector<double> mix(ds.catalogue.professions().size(), 1.0);
        for (double& m : mix)
            m = 1 + 0.2 * (2 * rng.uniform() - 1);
        for (int v = 0; v < 2; ++v)
            splitAmongCommunes(p, v, splitByProfession(tr.plans[p], v, mix));
    }

    // The bassin's professionals of vintage v, per profession.
    std::vector<int> splitByProfession(const Plan& plan, int v, const std::vector<double>& mix) const {
        const int total = plan.total[v];
        const int psy = roundHalfUp(total * plan.psyShare[v]);
        const int pole = std::max(psy, roundHalfUp(total * plan.poleShare[v]));
        std::vector<double> proxWeights, poleWeights;
        std::vector<int> proxIndex, poleIndex;
        for (const ProfessionShare& s : kProximite) {
            const int idx = professionIndex(s.code);
            double w = s.weight * mix[idx];
            if (v == 1 && plan.role != Role::Metropole && std::string(s.code) == "medecin_generaliste")
                w *= 0.9; // general practitioners leave the periphery first
            if (v == 1 && std::string(s.code) == "masseur_kinesitherapeute")
                w *= 1.1;
            proxWeights.push_back(w);
            proxIndex.push_back(idx);
        }
        for (const ProfessionShare& s : kPoleOther) {
            const int idx = professionIndex(s.code);
            poleWeights.push_back(s.weight * mix[idx]);
            poleIndex.push_back(idx);
        }
        std::vector<int> byProfession(mix.size(), 0);
        const auto prox = apportion(total - pole, proxWeights);
        for (std::size_t k = 0; k < prox.size(); ++k)
            byProfession[proxIndex[k]] = prox[k];
        const auto other = apportion(pole - psy, poleWeights);
        for (std::size_t k = 0; k < other.size(); ++k)
            byProfession[poleIndex[k]] = other[k];
        byProfession[professionIndex(kPsy)] = psy;
        return byProfession;
    }

    // Among communes: the main commune takes most of the pôle professions; first-line care follows the
    // population, with a pull towards the main commune that grows over time.
    void splitAmongCommunes(std::size_t p, int v, const std::vector<int>& byProfession) {
        const Plan& plan = tr.plans[p];
        const auto& professions = ds.catalogue.professions();
        const auto& members = membersOf[p];
        std::vector<double> popWeights;
        for (int i : members)
            popWeights.push_back(drafts[i].population);
        const double mainPole = plan.role == Role::Metropole   ? 0.62
                                : plan.role == Role::GrandPole ? 0.72
                                : plan.role == Role::HorsPole  ? (v == 0 ? 0.70 : 0.76)
                                                               : 0.80;
        const double mainProxPull = v == 0 ? 1.5 : 1.7;
        for (std::size_t prof = 0; prof < byProfession.size(); ++prof) {
            const int n = byProfession[prof];
            if (n == 0)
                continue;
            const model::Profession& info = professions[prof];
            std::vector<double> w(members.size(), 0);
            if (info.psychiatric && plan.hospital) {
                for (std::size_t k = 0; k < members.size(); ++k)
                    w[k] = drafts[members[k]].hospital ? 0.9 : (k == 0 ? 0.1 : 0);
            } else if (info.group == model::ProfessionGroup::Pole) {
                const double rest = 1 - (info.psychiatric ? 0.85 : mainPole);
                double others = 0;
                for (std::size_t k = 1; k < members.size(); ++k)
                    others += popWeights[k];
                w[0] = members.size() == 1 ? 1 : 1 - rest;
                for (std::size_t k = 1; k < members.size(); ++k)
                    w[k] = rest * popWeights[k] / others;
            } else {
                for (std::size_t k = 0; k < members.size(); ++k)
                    w[k] = popWeights[k] * (k == 0 ? mainProxPull : 1.0);
            }
            const auto share = apportion(n, w);
            for (std::size_t k = 0; k < members.size(); ++k)
                counts[members[k]][v][prof] = share[k];
        }
    }

    // --- Quartiers of the metropolis's central commune --------------------------------------------
    void addQuartiers() {
        const int metro = mainDraft[0];
        const CommuneDraft& centre = drafts[metro];
        const model::Commune* commune = ds.commune(centre.code);
        const ZonePieces pieces = sliceIntoZones(commune->geometry, centre.anchor, 1700);
        std::vector<int> present;
        std::vector<double> popWeight, poleWeight;
        for (std::size_t z = 0; z < pieces.wkb.size() && z < kQuartiers.size(); ++z) {
            if (pieces.wkb[z].empty())
                continue;
            present.push_back(static_cast<int>(z));
            const std::string name = kQuartiers[z];
            const double density = z == 0 ? 2.2 : rng.uniform(0.7, 1.3);
            popWeight.push_back(pieces.area[z] * density);
            const double attract = name == "Centre"       ? 3.0
                                   : name == "Hôpital"    ? 6.0
                                   : name == "Université" ? 2.0
                                                          : 1.0;
            poleWeight.push_back(pieces.area[z] * attract);
        }
        const auto zonePop = apportion(roundHalfUp(centre.population), popWeight);
        std::vector<std::string> zoneCodes;
        for (std::size_t k = 0; k < present.size(); ++k) {
            const int z = present[k];
            model::Zone zone;
            const int number = z + 1;
            zone.code = centre.code + "01" + char('0' + number / 10) + char('0' + number % 10);
            zone.name = kQuartiers[z];
            zone.commune = centre.code;
            zone.population = zonePop[k];
            zone.geometry = pieces.wkb[z];
            zoneCodes.push_back(zone.code);
            ds.zones.push_back(std::move(zone));
        }
        std::vector<double> psyWeight(present.size(), 0);
        for (std::size_t k = 0; k < present.size(); ++k)
            psyWeight[k] = std::string(kQuartiers[present[k]]) == "Hôpital" ? 3.0 * zonePop[k] : zonePop[k];
        const std::vector<double> zonePopWeight(zonePop.begin(), zonePop.end());
        addZoneCounts(counts[metro], zoneCodes, {zonePopWeight, poleWeight, psyWeight});
    }

    struct ZoneWeights {
        const std::vector<double>&first, &pole, &psy; // first-line care, pôle professions, psychiatry
    };

    // The central commune's counts, split among its quartiers.
    void addZoneCounts(const std::array<std::vector<int>, 2>& communeCounts,
                       const std::vector<std::string>& zoneCodes, const ZoneWeights& weights) {
        const auto& professions = ds.catalogue.professions();
        for (int v = 0; v < 2; ++v)
            for (std::size_t prof = 0; prof < professions.size(); ++prof) {
                const int n = communeCounts[v][prof];
                if (n == 0)
                    continue;
                const model::Profession& info = professions[prof];
                const auto& w = info.psychiatric                             ? weights.psy
                                : info.group == model::ProfessionGroup::Pole ? weights.pole
                                                                             : weights.first;
                const auto share = apportion(n, w);
                for (std::size_t k = 0; k < zoneCodes.size(); ++k)
                    if (share[k] > 0)
                        ds.zoneCounts.push_back({zoneCodes[k], info.code, kVintages[v], double(share[k])});
            }
    }

    // --- Declared cooperations --------------------------------------------------------------------
    std::string bvOf(std::size_t plan) const { return drafts[mainDraft[plan]].code; }

    void addCooperations() {
        std::vector<std::size_t> coastPlans, southRural;
        for (std::size_t p = 0; p < tr.plans.size(); ++p) {
            const Role r = tr.plans[p].role;
            if (r == Role::IntermediateCoast || r == Role::LowPoleShare || r == Role::SecondaryCoast)
                coastPlans.push_back(p);
            if (r == Role::HorsPole && tr.plans[p].dep == SE)
                southRural.push_back(p);
        }
        model::Cooperation ght{"GHT du Littoral", "GHT", {}};
        for (std::size_t p : coastPlans)
            ght.bassins.push_back(bvOf(p));
        ds.cooperations.push_back(ght);
        model::Cooperation metroGht{
            "GHT Métropole-Nord", "GHT", {bvOf(0), bvOf(1), bvOf(2), bvOf(3), bvOf(4)}};
        ds.cooperations.push_back(metroGht);
        model::Cooperation psy{"GCS Santé mentale du Haut-Vallon", "GCS", {bvOf(7), bvOf(8), bvOf(0)}};
        ds.cooperations.push_back(psy);
        model::Cooperation tele{"Réseau de télémédecine du Val-du-Sud", "télémédecine", {bvOf(0)}};
        for (std::size_t k = 0; k < southRural.size() && k < 4; ++k)
            tele.bassins.push_back(bvOf(southRural[k]));
        ds.cooperations.push_back(tele);
        if (southRural.size() >= 6) {
            model::Cooperation cpts{"CPTS des Causses", "CPTS", {bvOf(southRural[4]), bvOf(southRural[5])}};
            ds.cooperations.push_back(cpts);
        }
    }

    // --- Observed flows (patients going to a pôle of another bassin) ------------------------------
    bool isPolePlan(std::size_t p) const {
        return tr.plans[p].role != Role::HorsPole && tr.plans[p].role != Role::PsyHorsPole;
    }

    std::size_t nearestPole(std::size_t from, const std::vector<std::size_t>& poles) const {
        std::size_t best = poles[0];
        double bestD = std::numeric_limits<double>::max();
        for (std::size_t q : poles) {
            if (q == from)
                continue;
            const double d = distance(drafts[mainDraft[from]].anchor, drafts[mainDraft[q]].anchor);
            if (d < bestD) {
                bestD = d;
                best = q;
            }
        }
        return best;
    }

    // From the main commune and the two communes closest to the destination; the metropolis receives
    // and sends nothing.
    void addFlows() {
        std::vector<std::size_t> poles;
        for (std::size_t p = 0; p < tr.plans.size(); ++p)
            if (isPolePlan(p))
                poles.push_back(p);
        for (std::size_t p = 1; p < tr.plans.size(); ++p) {
            const CommuneDraft& dest = drafts[mainDraft[isPolePlan(p) ? 0 : nearestPole(p, poles)]];
            std::vector<std::pair<double, int>> byDistance;
            for (std::size_t k = 1; k < membersOf[p].size(); ++k)
                byDistance.emplace_back(distance(drafts[membersOf[p][k]].anchor, dest.anchor),
                                        membersOf[p][k]);
            std::sort(byDistance.begin(), byDistance.end());
            std::vector<int> origins{membersOf[p][0]};
            for (std::size_t k = 0; k < byDistance.size() && k < 2; ++k)
                origins.push_back(byDistance[k].second);
            for (std::size_t k = 0; k < origins.size(); ++k) {
                const CommuneDraft& from = drafts[origins[k]];
                const double rate = (k == 0 ? 0.04 : 0.06) * rng.uniform(0.6, 1.4);
                const int volume = std::max(1, roundHalfUp(from.population * rate));
                ds.flows.push_back({from.code, dest.code, double(volume)});
            }
        }
    }
};

} // namespace

model::Dataset makeDemoDataset(unsigned seed) {
    return Generator(seed).run();
}

} // namespace maillage::demo
