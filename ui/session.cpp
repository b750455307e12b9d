#include "ui/session.h"

#include <optional>

namespace maillage::ui {

struct Session::Private {
    model::Dataset dataset;
    bool hasDataset = false;
    QString path;
    int vintage = 0;
    // The aggregation depends on the vintage only: a parameter change re-classifies, it does not re-sum.
    analysis::Aggregation aggregation;
    int aggregatedVintage = -1;
    std::vector<analysis::PoleClassification> poles;
    mutable std::optional<analysis::MaillageResult> maillage;
    QStringList selection;
    QString commune;
    QString profession;
};

Session::Session(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {
    qRegisterMetaType<FeatureKind>(); // queued connections and signal spies
}

Session::~Session() = default;

void Session::setDataset(model::Dataset dataset, const QString& path) {
    d->dataset = std::move(dataset);
    d->dataset.reindex();
    d->hasDataset = true;
    d->path = path;
    d->vintage = d->dataset.latestVintage();
    d->aggregatedVintage = -1;
    d->selection.clear();
    d->commune.clear();
    recompute();
    emit datasetChanged();
}

bool Session::hasDataset() const {
    return d->hasDataset;
}

const model::Dataset& Session::dataset() const {
    return d->dataset;
}

QString Session::path() const {
    return d->path;
}

int Session::vintage() const {
    return d->vintage;
}

void Session::setVintage(int vintage) {
    if (vintage == d->vintage)
        return;
    d->vintage = vintage;
    recompute();
    emit classificationChanged();
    emit maillageChanged();
}

const std::vector<analysis::PoleClassification>& Session::poles() const {
    return d->poles;
}

const analysis::PoleClassification* Session::pole(const QString& bv) const {
    const int i = d->dataset.bassinIndex(bv.toStdString());
    if (i < 0 || i >= static_cast<int>(d->poles.size()))
        return nullptr;
    return &d->poles[static_cast<std::size_t>(i)];
}

const analysis::Aggregation& Session::aggregation() const {
    return d->aggregation;
}

const analysis::MaillageResult& Session::maillage() const {
    if (!d->maillage)
        d->maillage = analysis::computeMaillage(d->dataset, d->poles, d->dataset.params.maillage);
    return *d->maillage;
}

const model::Parameters& Session::parameters() const {
    return d->dataset.params;
}

void Session::setParameters(const model::Parameters& parameters) {
    const bool polesChanged = parameters.poles != d->dataset.params.poles;
    d->dataset.params = parameters;
    if (polesChanged)
        recompute();
    else
        d->maillage.reset(); // maillage parameters may have changed; recomputed when next asked for
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

void Session::recompute() {
    if (d->aggregatedVintage != d->vintage) {
        d->aggregation = analysis::aggregateByBassin(d->dataset, d->vintage);
        d->aggregatedVintage = d->vintage;
    }
    d->poles = analysis::classifyPoles(d->aggregation.bassins, d->dataset.params.poles);
    d->maillage.reset();
}

} // namespace maillage::ui
