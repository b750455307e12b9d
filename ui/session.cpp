#include "ui/session.h"

#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/analysis/change.h"
#include "core/analysis/density.h"
#include "core/analysis/vintages.h"
#include "ui/app_settings.h"
#include "ui/tasks.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

#include <QPointer>

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <limits>
#include <map>
#include <optional>

namespace maillage::ui {

struct Session::Private {
    // Shared with the background tasks that read it: a new dataset does not pull it from under them.
    std::shared_ptr<model::Dataset> dataset = std::make_shared<model::Dataset>();
    bool hasDataset = false;
    QString path;
    long long parametersVersion = 0;
    long long cooperationsVersion = 0;
    long long scenariosVersion = 0;
    int vintage = 0;
    analysis::ClassSpec densityClasses;
    analysis::Aggregation aggregation;
    // The counts of a vintage summed per BV, as aggregateByBassin returned them: a pôle threshold changed
    // classifies them again without summing the counts again (they depend on the dataset and vintage only).
    std::optional<analysis::Aggregation> summed;
    int summedVintage = 0;
    std::vector<analysis::PoleClassification> poles;
    long long classificationRevision = 0;
    mutable std::optional<analysis::MaillageResult> maillage;
    // The maillage of a new classification or maillage parameters, computed in a worker thread while the
    // main thread writes the map's layers (startMaillage); maillage() takes it when it is first asked for.
    mutable std::future<analysis::MaillageResult> maillageComing;
    //! Forgets the maillage computed or being computed (waits for a running one to end).
    void forgetMaillage() {
        maillage.reset();
        maillageComing = {};
    }
    QStringList selection;
    QString commune;
    QString profession;
    // Density maps computed for the current dataset and parameters, and the one the map shows.
    std::deque<DensityMap> densityMaps; // deque: the pointers handed out stay valid
    std::optional<DensityMapRequest> shownDensityMap;
    std::vector<DensityMapRequest> densityMapsRunning; // a request asked for again does not start twice
    int generation = 0;                // a background result of another dataset or parameters is dropped
    std::deque<CrunchResult> crunches; // for the current dataset and pôle/Crunch parameters
    std::vector<CrunchRequest> crunchesRunning;
    int crunchGeneration = 0;
    // The sensitivity asked for last, and its result once computed (for the current dataset/parameters).
    std::optional<SensitivityRequest> sensitivityRequest;
    std::optional<analysis::Sensitivity> sensitivity;
    int sensitivityGeneration = 0;
    std::optional<ZonageState> zonage;
    std::optional<ChangeView> change; // the change view's last result
    int changeGeneration = 0;
};

namespace {

//! A density map (worker thread: reads the dataset only). Densities of masked counts are not kept;
//! accessibility mixes the supply of a whole catchment, from which no count can be recomputed.
DensityMap computeDensityMap(const model::Dataset& ds, const DensityMapRequest& r, Feedback& feedback) {
    const model::DensityParameters& params = ds.params.density;
    DensityMap map;
    map.request = r;
    map.secrecyThreshold = params.secrecyThreshold;
    const std::string profession = r.profession.toStdString();
    if (r.accessibility) {
        auto access = std::make_shared<analysis::AccessResult>(analysis::accessibility(
            ds, profession, r.vintage, analysis::accessParameters(ds.params, ds.catalogue, profession), {},
            &feedback));
        map.values = access->values;
        map.access = std::move(access);
        return map;
    }
    const std::vector<analysis::DensityRow> rows =
        analysis::densityForAllCommunes(ds, profession, r.vintage).rows;
    map.values.assign(rows.size(), std::numeric_limits<double>::quiet_NaN());
    map.masked.assign(rows.size(), false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        map.masked[i] = analysis::isMasked(rows[i].count, params);
        if (rows[i].population > 0 && !map.masked[i])
            map.values[i] = rows[i].per10k;
    }
    return map;
}

const char* const kDensityClassesGroup = "densityClasses";

} // namespace

DensityMap densityMapNow(const model::Dataset& dataset, const DensityMapRequest& request) {
    Feedback feedback;
    return computeDensityMap(dataset, request, feedback);
}

Session::Session(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {
    qRegisterMetaType<FeatureKind>(); // queued connections and signal spies
    qRegisterMetaType<DensityMapRequest>();
    qRegisterMetaType<CrunchRequest>();
    qRegisterMetaType<FunctionTask*>();
}

Session::~Session() = default;

void Session::setDataset(model::Dataset dataset, const QString& path) {
    d->dataset = std::make_shared<model::Dataset>(std::move(dataset));
    d->dataset->reindex();
    d->summed.reset();
    ++d->generation;
    d->densityMaps.clear();
    d->densityMapsRunning.clear();
    d->zonage.reset();
    d->shownDensityMap.reset();
    ++d->crunchGeneration;
    d->crunches.clear();
    d->crunchesRunning.clear();
    d->hasDataset = true;
    d->path = path;
    d->vintage = analysis::defaultVintage(*d->dataset); // not a sparse register added as the newest year
    clearChange();
    d->selection.clear();
    d->commune.clear();
    const std::optional<analysis::ClassSpec> classes = analysis::classSpecFromText(
        appSettings()
            ->value(datasetSettingsKey(QString::fromLatin1(kDensityClassesGroup), path))
            .toString()
            .toStdString());
    d->densityClasses = classes ? *classes : analysis::ClassSpec();
    recompute();
    emit datasetChanged();
}

const analysis::ClassSpec& Session::densityClasses() const {
    return d->densityClasses;
}

void Session::setDensityClasses(const analysis::ClassSpec& spec) {
    if (spec == d->densityClasses)
        return;
    d->densityClasses = spec;
    appSettings()->setValue(datasetSettingsKey(QString::fromLatin1(kDensityClassesGroup), d->path),
                            QString::fromStdString(analysis::classSpecToText(spec)));
    emit densityClassesChanged();
}

QString Session::datasetSettingsKey(const QString& group, const QString& datasetPath) {
    if (datasetPath.isEmpty())
        return group + QStringLiteral("/demo");
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(datasetPath).absoluteFilePath().toUtf8(), QCryptographicHash::Md5);
    return group + QLatin1Char('/') + QString::fromLatin1(hash.toHex());
}

bool Session::hasDataset() const {
    return d->hasDataset;
}

void Session::setCooperations(std::vector<model::Cooperation> cooperations) {
    if (!d->hasDataset)
        return;
    auto copy = std::make_shared<model::Dataset>(*d->dataset);
    copy->cooperations = std::move(cooperations);
    d->dataset = std::move(copy);
    emit maillageChanged();
}

void Session::setScenarios(std::vector<model::Scenario> scenarios) {
    if (!d->hasDataset)
        return;
    auto copy = std::make_shared<model::Dataset>(*d->dataset);
    copy->scenarios = std::move(scenarios);
    d->dataset = std::move(copy);
}

void Session::setConsumptionWeights(const std::vector<model::AgeBandWeight>& weights,
                                    const std::string& file) {
    if (!d->hasDataset)
        return;
    auto copy = std::make_shared<model::Dataset>(*d->dataset);
    if (weights.empty())
        analysis::useShippedConsumptionWeights(*copy);
    else
        analysis::storeConsumptionWeights(*copy, weights, file);
    d->dataset = std::move(copy);
    recomputeDensityMaps();
}

void Session::recomputeDensityMaps() {
    ++d->generation;
    d->densityMaps.clear();
    d->densityMapsRunning.clear();
    if (d->shownDensityMap)
        startDensityMap(*d->shownDensityMap);
}

const model::Dataset& Session::dataset() const {
    return *d->dataset;
}

std::shared_ptr<const model::Dataset> Session::sharedDataset() const {
    return d->dataset;
}

QString Session::path() const {
    return d->path;
}

long long Session::parametersVersion() const {
    return d->parametersVersion;
}

void Session::setParametersVersion(long long version) {
    d->parametersVersion = version;
}

long long Session::cooperationsVersion() const {
    return d->cooperationsVersion;
}

void Session::setCooperationsVersion(long long version) {
    d->cooperationsVersion = version;
}

long long Session::scenariosVersion() const {
    return d->scenariosVersion;
}

void Session::setScenariosVersion(long long version) {
    d->scenariosVersion = version;
}

int Session::vintage() const {
    return d->vintage;
}

void Session::setVintage(int vintage) {
    if (vintage == d->vintage)
        return;
    d->vintage = vintage;
    recompute();
    startMaillage();
    emit classificationChanged();
    emit maillageChanged();
}

const std::vector<analysis::PoleClassification>& Session::poles() const {
    return d->poles;
}

long long Session::classificationRevision() const {
    return d->classificationRevision;
}

const analysis::PoleClassification* Session::pole(const QString& bv) const {
    const int i = d->dataset->bassinIndex(bv.toStdString());
    if (i < 0 || i >= static_cast<int>(d->poles.size()))
        return nullptr;
    return &d->poles[static_cast<std::size_t>(i)];
}

const analysis::Aggregation& Session::aggregation() const {
    return d->aggregation;
}

const analysis::MaillageResult& Session::maillage() const {
    if (!d->maillage) {
        if (d->maillageComing.valid())
            d->maillage = d->maillageComing.get(); // throws what computeMaillage threw, as below
        else
            d->maillage = analysis::computeMaillage(*d->dataset, d->poles, d->dataset->params.maillage);
    }
    return *d->maillage;
}

void Session::startMaillage() {
    d->forgetMaillage();
    if (!d->hasDataset)
        return;
    // The worker holds the dataset while it runs (an edit meanwhile copies it first), its own copy of the
    // classification and of the parameters: the same inputs as maillage() would read.
    d->maillageComing = std::async(
        std::launch::async, [dataset = std::shared_ptr<const model::Dataset>(d->dataset), poles = d->poles,
                             parameters = d->dataset->params.maillage]() mutable {
            const std::shared_ptr<const model::Dataset> held = std::move(dataset); // let go once done
            return analysis::computeMaillage(*held, poles, parameters);
        });
}

const model::Parameters& Session::parameters() const {
    return d->dataset->params;
}

void Session::setParameters(const model::Parameters& parameters) {
    clearChange();       // its secrecy and noise may have changed
    d->forgetMaillage(); // before the copy on write below: a maillage being computed holds the dataset
    const bool polesChanged = parameters.poles != d->dataset->params.poles;
    const model::CrunchParameters& crunch = d->dataset->params.crunch;
    if (polesChanged || parameters.crunch.macrocephalyPrimacy != crunch.macrocephalyPrimacy ||
        parameters.crunch.nearLargePoleKm != crunch.nearLargePoleKm) {
        ++d->crunchGeneration;
        d->crunches.clear();
        d->crunchesRunning.clear();
    }
    const model::DensityParameters was = d->dataset->params.density;
    const std::map<std::string, double> wasAccess = d->dataset->params.access; // accessibility's own
    // Copy on write: a running task keeps reading the dataset it was started with.
    if (d->dataset.use_count() > 1)
        d->dataset = std::make_shared<model::Dataset>(*d->dataset);
    d->dataset->params = parameters;
    if (parameters.density.catchmentKm != was.catchmentKm ||
        parameters.density.catchmentMinutes != was.catchmentMinutes ||
        parameters.density.secrecyThreshold != was.secrecyThreshold || parameters.access != wasAccess)
        recomputeDensityMaps(); // accessibility depends on the catchment, what is masked on the threshold
    if (polesChanged)
        recompute();
    // The maillage panel asks for it once the map's layers follow the classification: computed meanwhile.
    startMaillage();
    emit classificationChanged();
    emit maillageChanged();
}

QStringList Session::selectedBassins() const {
    return d->selection;
}

void Session::selectBassins(const QStringList& codes) {
    if (codes == d->selection)
        return;
    d->selection = codes;
    emit bassinSelectionChanged(codes);
}

QString Session::currentCommune() const {
    return d->commune;
}

void Session::selectCommune(const QString& code) {
    if (code == d->commune)
        return;
    d->commune = code;
    emit communeSelected(code);
}

QString Session::profession() const {
    return d->profession;
}

void Session::setProfession(const QString& code) {
    if (code == d->profession)
        return;
    d->profession = code;
    emit professionChanged(code);
}

void Session::requestZoomTo(FeatureKind kind, const QString& code) {
    emit zoomRequested(kind, code);
}

void Session::requestDensityMap(const DensityMapRequest& request) {
    d->shownDensityMap = request;
    for (const DensityMap& map : d->densityMaps)
        if (map.request == request) {
            emit densityMapReady(request);
            return;
        }
    const auto& running = d->densityMapsRunning;
    if (std::find(running.begin(), running.end(), request) == running.end())
        startDensityMap(request);
}

const DensityMap* Session::shownDensityMap() const {
    if (!d->shownDensityMap)
        return nullptr;
    for (const DensityMap& map : d->densityMaps)
        if (map.request == *d->shownDensityMap)
            return &map;
    return nullptr;
}

void Session::clearDensityMap() {
    if (!d->shownDensityMap)
        return;
    d->shownDensityMap.reset();
    emit densityMapCleared();
    setZonageThresholds({}); // no accessibility shown: no zonage
}

const CrunchResult* Session::crunch(const CrunchRequest& request) {
    for (const CrunchResult& c : d->crunches)
        if (c.request == request)
            return &c;
    for (const CrunchRequest& r : d->crunchesRunning)
        if (r == request)
            return nullptr;
    d->crunchesRunning.push_back(request);
    auto result = std::make_shared<CrunchResult>();
    result->request = request;
    std::shared_ptr<const model::Dataset> dataset = d->dataset;
    const model::PoleParameters params = d->dataset->params.poles;
    const model::CrunchParameters crunchParams = d->dataset->params.crunch;
    const int generation = d->crunchGeneration;
    QPointer<Session> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Crunch diagnosis"),
        [dataset, params, crunchParams, result](Feedback&) {
            const CrunchRequest& r = result->request;
            // Throws when BPE practice sites would be compared with register people (checkSameSource).
            result->diagnostics = analysis::diagnoseCrunch(*dataset, r.bassins, params, crunchParams,
                                                           r.vintageTo, r.vintageFrom);
            result->classification = result->diagnostics.classification;
        },
        [self, result, generation](bool ok, const QString& error) {
            if (self && generation == self->d->crunchGeneration)
                self->crunchFinished(std::move(*result), ok, error);
        });
    emit backgroundTaskStarted(task);
    return nullptr;
}

void Session::crunchFinished(CrunchResult result, bool ok, const QString& error) {
    auto& running = d->crunchesRunning;
    running.erase(std::remove(running.begin(), running.end(), result.request), running.end());
    if (!ok) {
        emit crunchFailed(result.request, error); // an empty message: cancelled
        return;
    }
    d->crunches.push_back(std::move(result));
    emit crunchReady(d->crunches.back().request);
}

void Session::startDensityMap(const DensityMapRequest& request) {
    d->densityMapsRunning.push_back(request);
    auto result = std::make_shared<DensityMap>();
    result->request = request; // also when the work fails or is cancelled
    std::shared_ptr<const model::Dataset> dataset = d->dataset;
    const int generation = d->generation;
    QPointer<Session> self(this);
    FunctionTask* task = FunctionTask::start(
        request.accessibility ? tr("Accessibility of the communes") : tr("Densities of the communes"),
        [dataset, request, result](Feedback& feedback) {
            *result = computeDensityMap(*dataset, request, feedback);
        },
        [self, request, result, generation](bool ok, const QString& error) {
            if (self && generation == self->d->generation)
                self->densityMapFinished(std::move(*result), ok, error);
        });
    emit backgroundTaskStarted(task);
}

void Session::densityMapFinished(DensityMap map, bool ok, const QString& error) {
    auto& running = d->densityMapsRunning;
    running.erase(std::remove(running.begin(), running.end(), map.request), running.end());
    // Only the map asked for last speaks: an older request's failure must not replace its note.
    const bool shown = d->shownDensityMap && *d->shownDensityMap == map.request;
    if (!ok) {
        if (shown)
            emit densityMapFailed(map.request, error); // an empty message: cancelled
        return;
    }
    d->densityMaps.push_back(std::move(map));
    if (shown)
        emit densityMapReady(d->densityMaps.back().request);
}

std::vector<double> sensitivityValues(double base, double percent, int stepsEachSide) {
    std::vector<double> values;
    for (int k = -stepsEachSide; k <= stepsEachSide && stepsEachSide > 0; ++k) {
        const double v = base * (1 + k * percent / 100.0 / stepsEachSide);
        if (k != 0 && v > 0)
            values.push_back(v);
    }
    std::sort(values.begin(), values.end());
    return values;
}

double suggestedZonageThreshold(const analysis::AccessResult& access) {
    if (access.params.supply == analysis::SupplyKind::Consultations)
        return 2.5;
    std::vector<double> values;
    for (double v : access.values)
        if (std::isfinite(v))
            values.push_back(v);
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double q = values[values.size() / 5];
    return q > 0 ? std::round(q * 100) / 100 : q;
}

QString Session::setZonageThresholds(const std::vector<double>& thresholds) {
    const DensityMap* map = shownDensityMap();
    if (!map || !map->access) {
        const bool had = d->zonage.has_value();
        d->zonage.reset();
        if (had)
            emit zonageChanged();
        return {};
    }
    ZonageState next;
    next.access = map->access;
    try {
        next.zonage = analysis::zonage(*map->access, thresholds);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    // Compared with the previous thresholds of the same accessibility: who enters or leaves a class.
    const ZonageState* before = d->zonage && d->zonage->access == map->access ? &*d->zonage : nullptr;
    if (before && before->zonage.thresholds.size() == thresholds.size()) {
        next.previousThresholds = before->zonage.thresholds;
        next.previousClassOf = before->zonage.classOf;
        int moved = -1, count = 0;
        for (std::size_t i = 0; i < thresholds.size(); ++i)
            if (thresholds[i] != before->zonage.thresholds[i]) {
                moved = static_cast<int>(i);
                ++count;
            }
        next.movedThreshold = count == 1 ? moved : -1;
        if (count == 1)
            next.changed = analysis::zonageSensitivity(*map->access, before->zonage.thresholds,
                                                       static_cast<std::size_t>(moved), {thresholds[moved]})
                               .front()
                               .communes;
        else
            for (std::size_t c = 0; c < next.zonage.classOf.size(); ++c)
                if (next.zonage.classOf[c] != before->zonage.classOf[c])
                    next.changed.push_back(static_cast<int>(c));
    }
    d->zonage = std::move(next);
    emit zonageChanged();
    return {};
}

const ZonageState* Session::zonage() const {
    return d->zonage ? &*d->zonage : nullptr;
}

QStringList Session::sensitivityKeys() const {
    QStringList keys;
    for (const auto& [key, value] : d->dataset->params.toKeyValues())
        if (key.rfind("poles.", 0) == 0)
            keys << QString::fromStdString(key);
    return keys;
}

void Session::requestSensitivity(const SensitivityRequest& request) {
    d->sensitivityRequest = request;
    d->sensitivity.reset();
    const int generation = ++d->sensitivityGeneration;
    const std::string key = request.key.toStdString();
    const auto values = d->dataset->params.toKeyValues();
    const auto base = values.find(key);
    const std::vector<double> tried =
        sensitivityValues(base == values.end() ? 0.0 : base->second, request.percent, request.stepsEachSide);
    auto result = std::make_shared<analysis::Sensitivity>();
    // A copy: the worker must not read the Session's aggregation while a new classification replaces it.
    auto aggregation = std::make_shared<const analysis::Aggregation>(d->aggregation);
    const model::PoleParameters params = d->dataset->params.poles;
    QPointer<Session> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Sensitivity of the pôle types"),
        [aggregation, params, key, tried, result](Feedback& feedback) {
            *result = analysis::sensitivity(*aggregation, params, key, tried, &feedback);
        },
        [self, result, generation](bool ok, const QString& error) {
            if (!self || generation != self->d->sensitivityGeneration)
                return;
            if (!ok) {
                emit self->sensitivityFailed(error);
                return;
            }
            self->d->sensitivity = std::move(*result);
            emit self->sensitivityReady();
        });
    emit backgroundTaskStarted(task);
}

const analysis::Sensitivity* Session::sensitivity() const {
    return d->sensitivity ? &*d->sensitivity : nullptr;
}

namespace {

//! The change view of `request` (worker thread: reads the dataset only).
void computeChangeView(const model::Dataset& ds, ChangeView& view) {
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(ds.params.density);
    view.result = analysis::computeChange(ds, view.request.change, rule);
    view.masks = analysis::maskChangeRows(ds, view.result, rule);
    view.table = analysis::changeTable(ds, view.result, rule);
    view.summaryFr = analysis::describeChange(ds, view.result, view.masks, Language::Fr);
    view.summaryEn = analysis::describeChange(ds, view.result, view.masks, Language::En);
    view.secrecyThreshold = rule.enabled ? rule.threshold : 0;
    // The chart's years: those that count the territory, of the source of the change's years.
    analysis::MassSeries all = analysis::massOverVintages(ds, view.request.chartBassins);
    view.masses.bassins = all.bassins;
    view.masses.mass.assign(all.bassins.size(), {});
    for (const analysis::VintageInfo& v : analysis::describeVintages(ds)) {
        const auto at = std::find(all.vintages.begin(), all.vintages.end(), v.year);
        if (!v.coversTerritory || at == all.vintages.end() ||
            !analysis::sameSource(ds, v.year, view.request.change.to))
            continue;
        view.masses.vintages.push_back(v.year);
        for (std::size_t b = 0; b < all.bassins.size(); ++b)
            view.masses.mass[b].push_back(all.mass[b][static_cast<std::size_t>(at - all.vintages.begin())]);
    }
}

} // namespace

void Session::requestChange(const ChangeViewRequest& request) {
    d->change.reset();
    const int generation = ++d->changeGeneration;
    auto view = std::make_shared<ChangeView>();
    view->request = request;
    std::shared_ptr<const model::Dataset> dataset = d->dataset;
    QPointer<Session> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Change between two years"), [dataset, view](Feedback&) { computeChangeView(*dataset, *view); },
        [self, view, generation](bool ok, const QString& error) {
            if (!self || generation != self->d->changeGeneration)
                return;
            if (!ok) {
                emit self->changeFailed(error);
                return;
            }
            self->d->change = std::move(*view);
            emit self->changeReady();
        });
    emit backgroundTaskStarted(task);
}

const ChangeView* Session::change() const {
    return d->change ? &*d->change : nullptr;
}

void Session::clearChange() {
    ++d->changeGeneration;
    if (!d->change)
        return;
    d->change.reset();
    emit changeCleared();
}

void Session::recompute() {
    // A sensitivity computed or running for the previous classification no longer holds.
    ++d->sensitivityGeneration;
    if (d->sensitivity || d->sensitivityRequest) {
        d->sensitivity.reset();
        d->sensitivityRequest.reset();
        emit sensitivityCleared();
    }
    const int vintage = analysis::vintageOrDefault(*d->dataset, d->vintage);
    if (!d->summed || d->summedVintage != vintage) {
        d->summed = analysis::aggregateByBassin(*d->dataset, vintage);
        d->summedVintage = vintage;
    }
    analysis::Classification c =
        analysis::classifyAggregation(*d->dataset, vintage, *d->summed, d->dataset->params.poles);
    d->aggregation = std::move(c.aggregation);
    d->poles = std::move(c.poles);
    ++d->classificationRevision;
    d->forgetMaillage();
}

} // namespace maillage::ui
