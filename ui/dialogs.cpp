#include "ui/dialogs.h"

#include "core/model/error.h"
#include "ui/i18n.h"
#include "ui/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <exception>

#include <qgis.h>

namespace maillage::ui {
namespace {

QDoubleSpinBox* spin(double min, double max, int decimals, double step, const QString& suffix = QString()) {
    auto* s = new QDoubleSpinBox;
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setSuffix(suffix);
    s->setGroupSeparatorShown(true);
    s->setAlignment(Qt::AlignRight);
    s->setMinimumWidth(130);
    return s;
}

QString percentSuffix() {
    return QLocale().language() == QLocale::French ? QStringLiteral("\u00a0%") : QStringLiteral("%");
}

QLabel* hint(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(p);
    return label;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

model::Parameters datasetDefaults(const model::Metadata& meta) {
    static const std::string prefix = "defaults.";
    model::Parameters defaults;
    for (const auto& [key, text] : meta.extra) {
        if (key.compare(0, prefix.size(), prefix) != 0)
            continue;
        bool ok = false;
        const double value = QString::fromStdString(text).trimmed().toDouble(&ok); // C locale: "0.25"
        if (!ok)
            continue;
        std::map<std::string, double> kv = defaults.toKeyValues();
        kv[key.substr(prefix.size())] = value;
        try {
            defaults = model::Parameters::fromKeyValues(kv, "metadata");
        } catch (const std::exception&) {
            // an unknown key or a value out of its domain: the application's default stands
        }
    }
    return defaults;
}

ParametersDialog::ParametersDialog(const model::Parameters& parameters, bool canSaveToDataset,
                                   QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Parameters"));
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    auto* tabs = new QTabWidget;
    tabs->addTab(createPolesTab(), tr("Pôles"));
    tabs->addTab(createMaillageTab(), tr("Maillage"));
    tabs->addTab(createDensityTab(), tr("Densities"));
    tabs->addTab(createAccessTab(), tr("Accessibility"));
    tabs->addTab(createCrunchTab(), tr("Crunch"));
    tabs->addTab(createInterfaceTab(), tr("Interface"));

    m_note = hint(QString());
    m_note->setObjectName(QStringLiteral("parametersNote"));
    m_note->setVisible(false);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("parametersError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_error->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply |
                                         QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    m_save = buttons->addButton(tr("Save in the dataset"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveInDataset"));
    m_save->setEnabled(canSaveToDataset);
    m_save->setToolTip(canSaveToDataset
                           ? tr("Write these parameters into the open GeoPackage")
                           : tr("The demonstration dataset is not a file: nothing to save into"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { emitIfValid(false); });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { restoreDefaults(); });
    connect(m_save, &QPushButton::clicked, this, [this] { emitIfValid(true); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setParameters(parameters);
}

QWidget* ParametersDialog::createPolesTab() {
    auto* poles = new QWidget;
    auto* form = new QFormLayout(poles);
    form->addRow(hint(tr("Thresholds of the typology of pôles d'offre, in professionals per bassin de vie "
                         "(N = all professionals). The four count thresholds are multiplied by the mass "
                         "scale.")));
    m_metropoleMin = spin(0, 1e7, 0, 500);
    m_grandPoleMin = spin(0, 1e7, 0, 100);
    m_intermediateMin = spin(0, 1e7, 0, 100);
    m_intermediatePoleShare = spin(0, 100, 1, 1, percentSuffix());
    m_intermediatePsyShare = spin(0, 100, 1, 1, percentSuffix());
    m_secondaryExPsyMin = spin(0, 1e7, 0, 100);
    m_massScale = spin(0.001, 100, 3, 0.05);
    m_metropoleMin->setObjectName(QStringLiteral("metropoleMin"));
    m_grandPoleMin->setObjectName(QStringLiteral("grandPoleMin"));
    m_intermediateMin->setObjectName(QStringLiteral("intermediateMin"));
    m_massScale->setObjectName(QStringLiteral("massScale"));
    form->addRow(tr("Pôle de grande métropole (type 1): N above"), m_metropoleMin);
    form->addRow(tr("Grand pôle (type 2): N from"), m_grandPoleMin);
    form->addRow(tr("Pôle intermédiaire (type 3): N from"), m_intermediateMin);
    form->addRow(tr("… with pôle professions at least"), m_intermediatePoleShare);
    form->addRow(tr("… and psychiatric nurses at most"), m_intermediatePsyShare);
    form->addRow(tr("Pôle secondaire (type 4): N outside psychiatry from"), m_secondaryExPsyMin);
    form->addRow(tr("Mass scale"), m_massScale);
    // Across the whole width: in the field column, QFormLayout under-estimates its wrapped height.
    form->addRow(hint(tr("1 for RPPS + ADELI counts; about 0.25 for INSEE BPE data, which count "
                         "only practices of professionals in private practice.")));
    m_fields << m_metropoleMin << m_grandPoleMin << m_intermediateMin << m_intermediatePoleShare
             << m_intermediatePsyShare << m_secondaryExPsyMin << m_massScale;
    return poles;
}

QWidget* ParametersDialog::createMaillageTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    form->addRow(hint(tr("Gravity model of the links between pôles: I = Mi × Mj / d^β.")));
    m_beta = spin(0, 10, 2, 0.1);
    m_distance = new QComboBox;
    m_distance->addItem(tr("Straight line in Lambert-93 (planar)"),
                        static_cast<int>(model::DistanceMode::Planar));
    m_distance->addItem(tr("Geodesic"), static_cast<int>(model::DistanceMode::Geodesic));
    m_distance->addItem(tr("Travel time (matrix of the dataset)"),
                        static_cast<int>(model::DistanceMode::TravelTime));
    m_strongest = new QSpinBox;
    m_strongest->setRange(0, 100);
    m_strongest->setSpecialValueText(tr("no limit"));
    m_strongest->setAlignment(Qt::AlignRight);
    m_intensityThreshold = spin(0, 1e12, 2, 1);
    m_isolationKm = spin(0.1, 1000, 1, 5, QStringLiteral(" km"));
    m_isolationMinutes = spin(0.1, 1000, 1, 5, tr(" min"));
    m_minDistanceKm = spin(0.01, 100, 2, 0.5, QStringLiteral(" km"));
    m_fallbackSpeed = spin(1, 300, 0, 5, tr(" km/h"));
    m_fallbackSpeed->setObjectName(QStringLiteral("fallbackSpeed"));
    form->addRow(tr("Distance exponent β"), m_beta);
    form->addRow(tr("Distance"), m_distance);
    form->addRow(tr("Strongest links kept per pôle"), m_strongest);
    form->addRow(tr("Minimum intensity of a link"), m_intensityThreshold);
    form->addRow(tr("Isolated pôle: no peer within"), m_isolationKm);
    form->addRow(tr("… or, with travel times, within"), m_isolationMinutes);
    form->addRow(tr("Minimum distance between pôles"), m_minDistanceKm);
    form->addRow(tr("Travel times: speed for pairs missing from the matrix"), m_fallbackSpeed);
    m_fields << m_beta << m_distance << m_strongest << m_intensityThreshold << m_isolationKm
             << m_isolationMinutes << m_minDistanceKm << m_fallbackSpeed;
    return tab;
}

QWidget* ParametersDialog::createDensityTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    m_secrecy = spin(0, 1000, 0, 1);
    m_catchmentKm = spin(0.1, 1000, 1, 5, QStringLiteral(" km"));
    m_catchmentMinutes = spin(0.1, 1000, 1, 5, tr(" min"));
    form->addRow(tr("Statistical secrecy: mask counts below"), m_secrecy);
    form->addRow(tr("Accessibility catchment radius"), m_catchmentKm);
    form->addRow(tr("… or, with travel times"), m_catchmentMinutes);
    m_fields << m_secrecy << m_catchmentKm << m_catchmentMinutes;
    return tab;
}

QWidget* ParametersDialog::createAccessTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    form->addRow(hint(tr("Accessibility of the communes (maillage access, Densities panel): DREES's APL by "
                         "default. Values shown are those of the professions de proximité; the professions "
                         "de pôle keep their 30-minute catchment unless you change it here.")));
    m_accessMethod = new QComboBox;
    m_accessMethod->setObjectName(QStringLiteral("accessMethod"));
    m_accessMethod->addItem(tr("APL of the DREES (stepped weights)"),
                            static_cast<int>(model::AccessMethod::Apl));
    m_accessMethod->addItem(tr("Classic 2SFCA (binary catchment)"),
                            static_cast<int>(model::AccessMethod::Binary));
    m_accessMethod->addItem(tr("Gaussian decay"), static_cast<int>(model::AccessMethod::Gaussian));
    m_accessMethod->addItem(tr("Exponential decay"), static_cast<int>(model::AccessMethod::Exponential));
    m_accessCatchment = spin(1, 600, 2, 5, tr(" min"));
    m_accessCatchment->setObjectName(QStringLiteral("accessCatchment"));
    m_accessDecay = spin(0.1, 600, 1, 1, tr(" min"));
    m_accessDecay->setObjectName(QStringLiteral("accessDecay"));
    m_accessSpeed = spin(1, 300, 2, 1, tr(" km/h"));
    m_accessSpeed->setObjectName(QStringLiteral("accessSpeed"));
    m_accessSteps = hint(QString());
    form->addRow(tr("Method"), m_accessMethod);
    form->addRow(tr("Catchment"), m_accessCatchment);
    form->addRow(tr("APL steps"), m_accessSteps);
    form->addRow(tr("Gaussian σ or exponential τ"), m_accessDecay);
    form->addRow(tr("Straight-line speed where travel times are missing"), m_accessSpeed);
    form->addRow(hint(tr("A new catchment stretches the steps to it (10, 15, 20 minutes become 15, 22.5, 30 "
                         "for 30 minutes).")));
    addAccessInputFields(form);
    m_fields << m_accessMethod << m_accessCatchment << m_accessDecay << m_accessSpeed << m_accessDemand
             << m_accessSupply << m_accessMaxAge;
    return tab;
}

void ParametersDialog::addAccessInputFields(QFormLayout* form) {
    m_accessDemand = new QComboBox;
    m_accessDemand->setObjectName(QStringLiteral("accessDemand"));
    m_accessDemand->addItem(tr("Population"), static_cast<int>(model::DemandKind::Population));
    m_accessDemand->addItem(tr("Population standardised by age"),
                            static_cast<int>(model::DemandKind::Standardised));
    m_accessDemand->setToolTip(
        tr("access.demand: the population of each commune, or its population by age band weighted by the "
           "consumption of care of each band, as DREES computes the APL (needs the population by age: "
           "maillage add --population-by-age; weights: --age-weights, else those shipped)."));
    m_accessSupply = new QComboBox;
    m_accessSupply->setObjectName(QStringLiteral("accessSupply"));
    m_accessSupply->addItem(tr("Professionals"), static_cast<int>(model::SupplyKind::Professionals));
    m_accessSupply->addItem(tr("Full-time equivalents (register)"),
                            static_cast<int>(model::SupplyKind::FullTimeEquivalents));
    m_accessSupply->addItem(tr("Consultations"), static_cast<int>(model::SupplyKind::Consultations));
    // No dataset holds consultations per commune (no import reads them): offered, greyed out, saying why.
    const int consultations = m_accessSupply->count() - 1;
    if (auto* items = qobject_cast<QStandardItemModel*>(m_accessSupply->model()))
        items->item(consultations)->setEnabled(false);
    m_accessSupply->setItemData(consultations,
                                tr("Not available: no dataset holds consultations per commune (Maillage "
                                   "imports none yet)."),
                                Qt::ToolTipRole);
    m_accessSupply->setToolTip(
        tr("access.supply: count each professional once, or the full-time equivalents of each practice "
           "site given by the register of professionals of the year (RPPS, ADELI; maillage add "
           "--register). Consultations are not available: no dataset holds consultations per commune."));
    m_accessMaxAge = spin(0, 120, 0, 1, tr(" years"));
    m_accessMaxAge->setObjectName(QStringLiteral("accessMaxAge"));
    m_accessMaxAge->setSpecialValueText(tr("no limit"));
    m_accessMaxAge->setToolTip(
        tr("access.max_age: count only the professionals younger than this age in the year of the counts "
           "(65 for the GP zonage); their ages come from the register of professionals. 0: no limit."));
    // The user's consumption weights by age (import|add|access --age-weights), stored with the dataset.
    m_ageWeightsFile = new QLabel;
    m_ageWeightsFile->setObjectName(QStringLiteral("ageWeightsFile"));
    m_chooseAgeWeights = new QPushButton(tr("Choose a file…"));
    m_chooseAgeWeights->setObjectName(QStringLiteral("chooseAgeWeights"));
    m_chooseAgeWeights->setToolTip(
        tr("Consumption weights by age band of the standardised demand, replacing the shipped ones: a table "
           "age_band;weight (bands 0-14 or 0014, …, 90+; weights 0 or more), e.g. the DREES's GP consumption "
           "by age band. Stored with the dataset, as maillage add --age-weights does."));
    m_chooseAgeWeights->setEnabled(false);
    connect(m_chooseAgeWeights, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Consumption weights by age"), QString(),
                                         tr("Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)"));
        if (!path.isEmpty())
            useAgeWeightsFile(path);
    });
    m_shippedAgeWeights = new QPushButton(tr("Shipped weights"));
    m_shippedAgeWeights->setObjectName(QStringLiteral("shippedAgeWeights"));
    m_shippedAgeWeights->setToolTip(
        tr("Forget the file's weights: the standardised demand uses the weights "
           "shipped with Maillage again (stored with the dataset, as maillage add "
           "--shipped-age-weights does)."));
    connect(m_shippedAgeWeights, &QPushButton::clicked, this, [this] { useAgeWeightsFile(QString()); });
    auto* weights = new QHBoxLayout;
    weights->addWidget(m_ageWeightsFile, 1);
    weights->addWidget(m_chooseAgeWeights);
    weights->addWidget(m_shippedAgeWeights);
    setAgeWeights(QString(), nullptr);
    form->addRow(tr("Demand"), m_accessDemand);
    form->addRow(tr("Consumption weights by age"), weights);
    form->addRow(tr("Supply"), m_accessSupply);
    form->addRow(tr("Professionals younger than"), m_accessMaxAge);
}

std::map<std::string, double> ParametersDialog::shownAccess() const {
    std::map<std::string, double> access = m_base.access;
    model::AccessParameters base;
    try {
        base = m_base.accessFor(model::ProfessionGroup::Proximite);
    } catch (const std::exception&) {
        // keys that do not hold: the widgets showed the defaults
    }
    const auto setIfChanged = [&](const char* key, double shown, double was) {
        if (shown != was)
            access[key] = shown;
    };
    setIfChanged("access.method", m_accessMethod->currentData().toInt(), static_cast<int>(base.method));
    setIfChanged("access.catchment_minutes", m_accessCatchment->value(), base.catchmentMinutes);
    setIfChanged("access.decay_minutes", m_accessDecay->value(), base.decayMinutes);
    setIfChanged("access.straight_line_speed_kmh", m_accessSpeed->value(), base.straightLineSpeedKmh);
    setIfChanged("access.demand", m_accessDemand->currentData().toInt(), static_cast<int>(base.demand));
    setIfChanged("access.supply", m_accessSupply->currentData().toInt(), static_cast<int>(base.supply));
    setIfChanged("access.max_age", m_accessMaxAge->value(), base.maxAge);
    return access;
}

QWidget* ParametersDialog::createCrunchTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    form->addRow(hint(tr("Thresholds of the written Crunch diagnosis.")));
    m_primacy = spin(0.1, 1000, 1, 1);
    m_primacy->setObjectName(QStringLiteral("macrocephalyPrimacy"));
    m_nearLargePoleKm = spin(0.1, 1000, 1, 5, QStringLiteral(" km"));
    m_nearLargePoleKm->setObjectName(QStringLiteral("nearLargePoleKm"));
    form->addRow(tr("Macrocephalic system: primacy (1st / 2nd pôle) above"), m_primacy);
    form->addRow(tr("Pôle at risk of absorption: within"), m_nearLargePoleKm);
    form->addRow(QString(), hint(tr("of a pôle of type 1 or 2, while losing professionals.")));
    m_fields << m_primacy << m_nearLargePoleKm;
    return tab;
}

QWidget* ParametersDialog::createInterfaceTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_initialLanguage = i18n::savedLanguageSetting();
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_initialLanguage)));
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), hint(tr("The language changes at the next start.")));
    return tab;
}

void ParametersDialog::setParameters(const model::Parameters& p) {
    m_base = p;
    m_metropoleMin->setValue(p.poles.metropoleMin);
    m_grandPoleMin->setValue(p.poles.grandPoleMin);
    m_intermediateMin->setValue(p.poles.intermediateMin);
    m_intermediatePoleShare->setValue(100.0 * p.poles.intermediatePoleShareMin);
    m_intermediatePsyShare->setValue(100.0 * p.poles.intermediatePsyShareMax);
    m_secondaryExPsyMin->setValue(p.poles.secondaryExPsyMin);
    m_massScale->setValue(p.poles.massScale);
    m_beta->setValue(p.maillage.beta);
    m_distance->setCurrentIndex(qMax(0, m_distance->findData(static_cast<int>(p.maillage.distance))));
    m_strongest->setValue(p.maillage.strongestPerPole);
    m_intensityThreshold->setValue(p.maillage.intensityThreshold);
    m_isolationKm->setValue(p.maillage.isolationDistanceKm);
    m_isolationMinutes->setValue(p.maillage.isolationMinutes);
    m_minDistanceKm->setValue(p.maillage.minDistanceKm);
    m_fallbackSpeed->setValue(p.maillage.fallbackSpeedKmh);
    m_secrecy->setValue(p.density.secrecyThreshold);
    m_catchmentKm->setValue(p.density.catchmentKm);
    m_catchmentMinutes->setValue(p.density.catchmentMinutes);
    m_primacy->setValue(p.crunch.macrocephalyPrimacy);
    m_nearLargePoleKm->setValue(p.crunch.nearLargePoleKm);
    model::AccessParameters access;
    try {
        access = p.accessFor(model::ProfessionGroup::Proximite);
    } catch (const std::exception&) {
        // keys that do not hold (validate() says which when the dialog is applied): show the defaults
    }
    m_accessMethod->setCurrentIndex(qMax(0, m_accessMethod->findData(static_cast<int>(access.method))));
    m_accessCatchment->setValue(access.catchmentMinutes);
    m_accessDecay->setValue(access.decayMinutes);
    m_accessSpeed->setValue(access.straightLineSpeedKmh);
    m_accessDemand->setCurrentIndex(qMax(0, m_accessDemand->findData(static_cast<int>(access.demand))));
    m_accessSupply->setCurrentIndex(qMax(0, m_accessSupply->findData(static_cast<int>(access.supply))));
    m_accessMaxAge->setValue(access.maxAge);
    QStringList steps;
    for (const model::AccessStep& step : access.steps)
        steps << tr("%1 under %2 min")
                     .arg(QLocale().toString(step.weight, 'g', 3), QLocale().toString(step.below));
    m_accessSteps->setText(steps.join(QStringLiteral(", ")));
}

void ParametersDialog::setAgeWeights(const QString& file, AgeWeightsUser use) {
    m_ageWeightsFile->setText(file.isEmpty() ? tr("shipped with Maillage") : file);
    m_useAgeWeights = std::move(use);
    m_chooseAgeWeights->setEnabled(static_cast<bool>(m_useAgeWeights));
    m_shippedAgeWeights->setEnabled(m_useAgeWeights && !file.isEmpty());
}

bool ParametersDialog::useAgeWeightsFile(const QString& path) {
    const QString error = m_useAgeWeights ? m_useAgeWeights(path) : tr("Open a dataset first.");
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty()) {
        m_ageWeightsFile->setText(path.isEmpty() ? tr("shipped with Maillage") : QFileInfo(path).fileName());
        m_shippedAgeWeights->setEnabled(!path.isEmpty());
    }
    return error.isEmpty();
}

void ParametersDialog::setSaveUnavailableReason(const QString& reason) {
    m_save->setEnabled(false);
    m_save->setToolTip(tr("The parameters cannot be saved: %1").arg(reason));
}

model::Parameters ParametersDialog::shown() const {
    // A copy of the parameters given: whatever has no widget keeps its value.
    model::Parameters p = m_base;
    p.poles.metropoleMin = m_metropoleMin->value();
    p.poles.grandPoleMin = m_grandPoleMin->value();
    p.poles.intermediateMin = m_intermediateMin->value();
    p.poles.intermediatePoleShareMin = m_intermediatePoleShare->value() / 100.0;
    p.poles.intermediatePsyShareMax = m_intermediatePsyShare->value() / 100.0;
    p.poles.secondaryExPsyMin = m_secondaryExPsyMin->value();
    p.poles.massScale = m_massScale->value();
    p.maillage.beta = m_beta->value();
    p.maillage.distance = static_cast<model::DistanceMode>(m_distance->currentData().toInt());
    p.maillage.strongestPerPole = m_strongest->value();
    p.maillage.intensityThreshold = m_intensityThreshold->value();
    p.maillage.isolationDistanceKm = m_isolationKm->value();
    p.maillage.isolationMinutes = m_isolationMinutes->value();
    p.maillage.minDistanceKm = m_minDistanceKm->value();
    p.maillage.fallbackSpeedKmh = m_fallbackSpeed->value();
    p.density.secrecyThreshold = m_secrecy->value();
    p.density.catchmentKm = m_catchmentKm->value();
    p.density.catchmentMinutes = m_catchmentMinutes->value();
    p.crunch.macrocephalyPrimacy = m_primacy->value();
    p.crunch.nearLargePoleKm = m_nearLargePoleKm->value();
    p.access = shownAccess();
    return p;
}

bool ParametersDialog::parameters(model::Parameters* out, QString* error) const {
    const model::Parameters p = shown();
    try {
        p.validate(tr("Parameters").toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = i18n::describe(e);
        return false;
    }
    *out = p;
    return true;
}

QList<QPair<QString, QString>> ParametersDialog::shownTexts() const {
    QList<QPair<QString, QString>> texts;
    for (QWidget* field : m_fields) {
        const auto* form = qobject_cast<QFormLayout*>(field->parentWidget()->layout());
        const auto* label = form ? qobject_cast<QLabel*>(form->labelForField(field)) : nullptr;
        QString text;
        if (const auto* combo = qobject_cast<QComboBox*>(field))
            text = combo->currentText();
        else if (const auto* box = qobject_cast<QAbstractSpinBox*>(field))
            text = box->text().trimmed();
        texts.append({label ? label->text() : QString(), text});
    }
    return texts;
}

bool ParametersDialog::restoreDefaults() {
    const model::Parameters before = shown();
    const QList<QPair<QString, QString>> from = shownTexts();
    setParameters(m_defaults);
    const QList<QPair<QString, QString>> to = shownTexts();
    QStringList changes;
    for (int i = 0; i < from.size() && i < to.size(); ++i)
        if (from.at(i).second != to.at(i).second)
            changes << tr("• %1: %2 → %3").arg(from.at(i).first, from.at(i).second, to.at(i).second);
    m_note->setVisible(changes.isEmpty());
    if (changes.isEmpty()) {
        m_note->setText(tr("The values shown are already the defaults of this dataset."));
        return false;
    }
    const QString text = tr("Restore the defaults of this dataset? These parameters change:\n\n%1")
                             .arg(changes.join(QLatin1Char('\n')));
    if (m_confirm && !m_confirm(tr("Restore defaults"), text)) {
        setParameters(before);
        return false;
    }
    return true;
}

QString ParametersDialog::language() const {
    return m_language->currentData().toString();
}

bool ParametersDialog::emitIfValid(bool save) {
    model::Parameters p;
    QString error;
    if (!parameters(&p, &error)) {
        m_error->setText(error);
        m_error->setVisible(true);
        return false;
    }
    m_error->setVisible(false);
    m_note->setVisible(false);
    if (language() != m_initialLanguage) {
        i18n::saveLanguageSetting(language());
        m_initialLanguage = language();
    }
    emit applyRequested(p);
    if (save)
        emit saveRequested(p);
    return true;
}

void ParametersDialog::done(int result) {
    if (result == QDialog::Accepted && !emitIfValid(false))
        return; // stay open on the error
    QDialog::done(result);
}

// ---------------------------------------------------------------------------------------------------

ExportDialog::ExportDialog(const ExportOptions& defaults, ExportFormat format, const QString& path,
                           QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Export the map"));
    m_title = new QLineEdit(defaults.title);
    m_subtitle = new QLineEdit(defaults.subtitle);
    m_source = new QLineEdit(defaults.sourceLine);
    m_landscape = new QRadioButton(tr("Landscape"));
    m_portrait = new QRadioButton(tr("Portrait"));
    (defaults.orientation == PageOrientation::Landscape ? m_landscape : m_portrait)->setChecked(true);
    m_pageSize = new QComboBox;
    m_pageSize->setObjectName(QStringLiteral("exportPageSize"));
    m_pageSize->addItem(QStringLiteral("A4"), static_cast<int>(PageSize::A4));
    m_pageSize->addItem(QStringLiteral("A3"), static_cast<int>(PageSize::A3));
    m_pageSize->setCurrentIndex(m_pageSize->findData(static_cast<int>(defaults.pageSize)));
    auto* orientation = new QHBoxLayout;
    orientation->addWidget(m_pageSize);
    orientation->addWidget(m_landscape);
    orientation->addWidget(m_portrait);
    orientation->addStretch();
    m_format = new QComboBox;
    m_format->addItem(tr("PDF document"), static_cast<int>(ExportFormat::Pdf));
    m_format->addItem(tr("PNG image"), static_cast<int>(ExportFormat::Png));
    m_format->addItem(tr("SVG drawing"), static_cast<int>(ExportFormat::Svg));
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
    m_dpi = new QSpinBox;
    m_dpi->setRange(72, 1200);
    m_dpi->setValue(defaults.dpi);
    m_dpi->setSuffix(tr(" dpi"));
    m_path = new QLineEdit(path);
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto* browse = new QToolButton;
    browse->setText(tr("Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Subtitle"), m_subtitle);
    form->addRow(tr("Source line"), m_source);
    form->addRow(tr("Page"), orientation);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Resolution"), m_dpi);
    form->addRow(tr("File"), pathRow);
    m_title->setMinimumWidth(420);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_format, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &ExportDialog::formatChanged);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_error->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    formatChanged();
}

QString ExportDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

QString ExportDialog::defaultFolder(const QString& remembered) {
    const QStringList candidates = {
        remembered, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), QDir::homePath()};
    for (const QString& dir : candidates)
        if (!dir.isEmpty() && QFileInfo(dir).isDir())
            return dir;
    return QDir::homePath();
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.title = m_title->text();
    o.subtitle = m_subtitle->text();
    o.sourceLine = m_source->text();
    o.orientation = m_portrait->isChecked() ? PageOrientation::Portrait : PageOrientation::Landscape;
    o.pageSize = static_cast<PageSize>(m_pageSize->currentData().toInt());
    o.dpi = m_dpi->value();
    return o;
}

ExportFormat ExportDialog::format() const {
    return static_cast<ExportFormat>(m_format->currentData().toInt());
}

QString ExportDialog::path() const {
    return m_path->text().trimmed();
}

void ExportDialog::formatChanged() {
    const QString suffix = format() == ExportFormat::Pdf   ? QStringLiteral("pdf")
                           : format() == ExportFormat::Png ? QStringLiteral("png")
                                                           : QStringLiteral("svg");
    QString p = path();
    if (!p.isEmpty()) {
        const QFileInfo info(p);
        p = info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix);
        m_path->setText(QDir::toNativeSeparators(p));
    }
    m_dpi->setEnabled(format() != ExportFormat::Svg);
}

void ExportDialog::browse() {
    const QString filter = format() == ExportFormat::Pdf   ? tr("PDF document (*.pdf)")
                           : format() == ExportFormat::Png ? tr("PNG image (*.png)")
                                                           : tr("SVG drawing (*.svg)");
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export the map"), path(), filter);
    if (chosen.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(chosen));
    ExportFormat f;
    if (formatFromPath(chosen, &f))
        m_format->setCurrentIndex(m_format->findData(static_cast<int>(f)));
}

void ExportDialog::accept() {
    if (path().isEmpty()) {
        browse();
        if (path().isEmpty())
            return;
    }
    ExportFormat f;
    if (!formatFromPath(path(), &f) || f != format()) {
        formatChanged(); // gives the file the suffix of the chosen format
    }
    QString error;
    if (m_exporter && !m_exporter(*this, &error)) {
        m_error->setText(error.isEmpty() ? tr("The map could not be exported.") : error);
        m_error->setVisible(true);
        return; // stay open: the user can change the folder or the name
    }
    m_error->setVisible(false);
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------------

void showHelp(QWidget* parent, const Session& session) {
    const model::PoleParameters& p = session.parameters().poles;
    const QLocale locale;
    auto n = [&](double threshold) { return locale.toString(p.scaled(threshold), 'f', 0); };
    auto pct = [&](double share) { return locale.toString(100.0 * share, 'f', 0) + percentSuffix(); };

    QString html;
    html += QObject::tr(
        "<h2>Maillage: pôles d'offre de soins</h2>"
        "<p>Each bassin de vie is classified by the number N of health professionals of the "
        "selected year. The rules are applied in order; the first that holds gives the type.</p>");
    html +=
        QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>");
    html += QObject::tr("<tr><th>Type</th><th>Rule (current parameters)</th></tr>");
    html += QObject::tr("<tr><td>1 — Pôle de grande métropole</td><td>N &gt; %1</td></tr>")
                .arg(n(p.metropoleMin));
    html += QObject::tr("<tr><td>2 — Grand pôle</td><td>%1 ≤ N ≤ %2</td></tr>")
                .arg(n(p.grandPoleMin), n(p.metropoleMin));
    html += QObject::tr("<tr><td>3 — Pôle intermédiaire</td><td>%1 ≤ N &lt; %2, pôle professions ≥ %3 of N, "
                        "psychiatric nurses ≤ %4 of N</td></tr>")
                .arg(n(p.intermediateMin), n(p.grandPoleMin), pct(p.intermediatePoleShareMin),
                     pct(p.intermediatePsyShareMax));
    html +=
        QObject::tr("<tr><td>4 — Pôle secondaire</td><td>not 1–3, and N outside psychiatry ≥ %1</td></tr>")
            .arg(n(p.secondaryExPsyMin));
    html += QObject::tr("<tr><td>Hors pôle</td><td>everything else</td></tr>");
    html += QStringLiteral("</table>");
    html += QObject::tr(
        "<h3>The map</h3><ul>"
        "<li>Click a bassin de vie to select it: the panels show its figures and the reason of "
        "its type. Shift-click adds to the selection.</li>"
        "<li>Commune boundaries and names appear when you zoom in.</li>"
        "<li>Type a name in the search field (accents optional) to go to a bassin de vie or a "
        "commune.</li>"
        "<li>Parameters (Ctrl+,) change the thresholds: the map and the legend follow at once.</li>"
        "</ul>");
    html += QObject::tr("<h3>Shortcuts</h3><table cellpadding='2'>"
                        "<tr><td>Ctrl+O</td><td>Open a dataset</td></tr>"
                        "<tr><td>Ctrl+I</td><td>Import official files</td></tr>"
                        "<tr><td>Ctrl+E</td><td>Export the map</td></tr>"
                        "<tr><td>Ctrl+P</td><td>Export the map as PDF</td></tr>"
                        "<tr><td>Ctrl+F</td><td>Search a place</td></tr>"
                        "<tr><td>Ctrl+B</td><td>Bookmark the view</td></tr>"
                        "<tr><td>Ctrl+Shift+F</td><td>Whole territory</td></tr>"
                        "<tr><td>F1</td><td>This help</td></tr></table>");
    if (session.dataset().meta.fictional)
        html +=
            QObject::tr("<p><b>The demonstration dataset is fictional</b>: its territory, places and counts "
                        "are generated and describe no real place.</p>");

    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Maillage help"));
    auto* browser = new QTextBrowser;
    browser->setHtml(html);
    browser->setOpenExternalLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog.resize(640, 620);
    dialog.exec();
}

UserGuideWindow::UserGuideWindow(const QUrl& url, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("User guide"));
    setObjectName(QStringLiteral("userGuide"));
    m_browser = new QTextBrowser;
    m_browser->setOpenExternalLinks(true); // web links go to the browser; relative .md links stay here
    auto* back = new QToolButton;
    back->setText(tr("Back"));
    back->setEnabled(false);
    auto* home = new QToolButton;
    home->setText(tr("Contents"));
    connect(back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(home, &QToolButton::clicked, m_browser, &QTextBrowser::home);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QToolButton::setEnabled);
    auto* bar = new QHBoxLayout;
    bar->addWidget(back);
    bar->addWidget(home);
    bar->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(820, 720);
    connect(m_browser, &QTextBrowser::sourceChanged, this, &UserGuideWindow::fitImages);
    if (url.isEmpty())
        m_browser->setMarkdown(tr("# User guide\n\nThe user guide is not installed with this build."));
    else
        m_browser->setSource(url, QTextDocument::MarkdownResource); // relative links resolve from here
}

void UserGuideWindow::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    fitImages();
}

void UserGuideWindow::fitImages() {
    QTextDocument* document = m_browser->document();
    const int maxWidth =
        qMax(200, m_browser->viewport()->width() - 2 * static_cast<int>(document->documentMargin()) - 4);
    struct Image {
        int position;
        QTextImageFormat format;
    };
    QList<Image> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                images.append({it.fragment().position(), it.fragment().charFormat().toImageFormat()});
    QTextCursor cursor(document);
    for (Image& image : images) {
        const QVariant data = document->resource(QTextDocument::ImageResource, QUrl(image.format.name()));
        const QImage natural =
            data.canConvert<QImage>() ? data.value<QImage>() : QImage::fromData(data.toByteArray());
        if (natural.isNull())
            continue;
        const int width = qMin(natural.width(), maxWidth);
        image.format.setWidth(width);
        image.format.setHeight(static_cast<double>(natural.height()) * width / natural.width());
        cursor.setPosition(image.position);
        cursor.setPosition(image.position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image.format);
    }
}

QUrl UserGuideWindow::indexUrl(const QString& language) {
    const QString other = language == QLatin1String("en") ? QStringLiteral("fr") : QStringLiteral("en");
    for (const QString& lang : {language, other}) {
        const QString path = QStringLiteral("/docs/%1/index.md").arg(lang);
        if (QFile::exists(QLatin1Char(':') + path))
            return QUrl(QStringLiteral("qrc:") + path);
    }
    return QUrl();
}

void showAbout(QWidget* parent, const Session& session) {
    QString text =
        QObject::tr("<h3>Maillage %1</h3>"
                    "<p>Pôles d'offre de soins, maillage and Crunch diagnostics for regional health "
                    "observatories (ORS) and elected officials.</p>"
                    "<p>Built on QGIS %2, Qt %3, GDAL, GEOS and PROJ.</p>")
            .arg(QStringLiteral(MAILLAGE_VERSION), Qgis::version(), QString::fromLatin1(qVersion()));
    if (!session.path().isEmpty())
        text += QObject::tr("<p>Dataset: %1<br>Profession catalogue: the one stored in this dataset (%2 "
                            "professions).</p>")
                    .arg(QDir::toNativeSeparators(session.path()).toHtmlEscaped())
                    .arg(session.dataset().catalogue.professions().size());
    else if (session.hasDataset())
        text += QObject::tr("<p>Profession catalogue: the one built into the application (%1 professions, "
                            "resources/professions.csv).</p>")
                    .arg(session.dataset().catalogue.professions().size());
    if (session.dataset().meta.fictional)
        text += QObject::tr("<p><b>The data shown are fictional</b> (demonstration dataset).</p>");
    QMessageBox::about(parent, QObject::tr("About Maillage"), text);
}

} // namespace maillage::ui
