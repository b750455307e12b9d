#include "ui/panels/sensitivity_zonage.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/result_tables.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/result_table_model.h"
#include "ui/session.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace maillage::ui {

using panel::number;
using panel::qs;

namespace {

analysis::Language uiLanguage() {
    return panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En;
}

QDoubleSpinBox* thresholdBox(const QString& objectName) {
    auto* box = new QDoubleSpinBox;
    box->setObjectName(objectName);
    box->setRange(0, 1e9);
    box->setDecimals(2);
    box->setSingleStep(0.1);
    box->setKeyboardTracking(false); // one zonage per value typed, not per keystroke
    return box;
}

} // namespace

ZonageView::ZonageView(Session* session, QWidget* parent) : QWidget(parent), m_session(session) {
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* row = new QHBoxLayout;
    m_first = thresholdBox(QStringLiteral("zonageThreshold1"));
    m_first->setToolTip(
        tr("Communes below this accessibility are under-served (zone d'intervention "
           "prioritaire for GPs: 2.5 consultations per standardised inhabitant and per year)"));
    m_second = thresholdBox(QStringLiteral("zonageThreshold2"));
    m_second->setSpecialValueText(tr("none"));
    m_second->setToolTip(tr("An optional second threshold (zone d'action complémentaire); 0 = none"));
    row->addWidget(m_first, 1);
    row->addWidget(m_second, 1);
    form->addRow(tr("Zonage thresholds"), row);
    root->addLayout(form);
    m_unit = new QLabel;
    m_unit->setObjectName(QStringLiteral("zonageUnit"));
    m_unit->setWordWrap(true);
    panel::setMuted(m_unit);
    root->addWidget(m_unit);
    m_classes = new QLabel;
    m_classes->setObjectName(QStringLiteral("zonageClasses"));
    m_classes->setWordWrap(true);
    root->addWidget(m_classes);
    m_changes = new QLabel;
    m_changes->setObjectName(QStringLiteral("zonageChanges"));
    m_changes->setWordWrap(true);
    m_changes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(m_changes);
    m_model = new ResultTableModel(this);
    m_table = panel::tableView(QStringLiteral("accessTable"), panel::sortProxy(m_model, this));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 6);
    root->addWidget(m_table, 1);

    connect(m_first, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ZonageView::applyThresholds);
    connect(m_second, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ZonageView::applyThresholds);
    connect(m_session, &Session::densityMapReady, this, &ZonageView::onAccessShown);
    connect(m_session, &Session::zonageChanged, this, &ZonageView::showZonage);
    onAccessShown();
}

ZonageView::~ZonageView() = default;

void ZonageView::onAccessShown() {
    const DensityMap* map = m_session->shownDensityMap();
    if (!map || !map->access) {
        m_model->setTable({}, uiLanguage());
        return;
    }
    if (m_suggestedFor != map->access.get()) {
        // A new accessibility: its own units, so a threshold suggested for it (DREES's 2.5 for
        // consultations, else a quantile); the second threshold is the user's.
        m_suggestedFor = map->access.get();
        const QSignalBlocker block(m_first);
        m_first->setValue(suggestedZonageThreshold(*map->access));
    }
    applyThresholds();
}

void ZonageView::setThresholds(double first, double second) {
    {
        const QSignalBlocker b1(m_first), b2(m_second);
        m_first->setValue(first);
        m_second->setValue(second);
    }
    applyThresholds();
}

void ZonageView::applyThresholds() {
    std::vector<double> thresholds{m_first->value()};
    if (m_second->value() > 0)
        thresholds.push_back(m_second->value());
    const QString error = m_session->setZonageThresholds(thresholds);
    if (!error.isEmpty())
        m_changes->setText(tr("Thresholds not applied: %1").arg(error));
}

void ZonageView::showZonage() {
    const ZonageState* z = m_session->zonage();
    if (!z) {
        m_classes->clear();
        m_changes->clear();
        m_unit->clear();
        m_model->setTable({}, uiLanguage());
        return;
    }
    const analysis::Language language = uiLanguage();
    const model::Dataset& ds = m_session->dataset();
    analysis::AccessibilityInput input;
    input.values = z->access->values;
    input.unit = analysis::accessUnit(*z->access, language);
    input.profession = z->access->profession;
    input.vintage = z->access->vintage;
    input.hasZonage = true;
    input.zonageThreshold = z->zonage.thresholds.front();
    input.secrecy = analysis::SecrecyRule::from(m_session->parameters().density);
    input.language = language;
    m_model->setTable(analysis::accessibilityTable(ds, input), language);
    // The least served first, every figure in sight at dock width.
    m_table->sortByColumn(m_model->table().column("access"), Qt::AscendingOrder);
    m_table->resizeColumnsToContents();
    const io::ResultTable& table = m_model->table();
    const int name = table.column("name"), unit = table.column("unit");
    m_table->setColumnWidth(name, std::min(m_table->columnWidth(name), 150));
    m_table->setColumnHidden(unit, true); // the same for every row: said above the table
    // The accessibility next to the name, as wide as its figures (its header, with the unit, is long).
    const int access = table.column("access");
    QHeaderView* header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(access), 2);
    m_table->setColumnWidth(access,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("0 000,000")) + 16);
    m_unit->setText(tr("Accessibility in %1").arg(qs(input.unit)));
    m_classes->setText(classesText());
    m_changes->setText(changesText());
}

QString ZonageView::classesText() const {
    const ZonageState* z = m_session->zonage();
    const std::vector<double>& t = z->zonage.thresholds;
    QStringList parts;
    for (std::size_t k = 0; k < z->zonage.communesOf.size(); ++k) {
        const QString range = k == 0          ? tr("under %1").arg(number(t[0], 2))
                              : k == t.size() ? tr("%1 and more").arg(number(t[k - 1], 2))
                                              : tr("%1 to %2").arg(number(t[k - 1], 2), number(t[k], 2));
        parts << tr("%1: %Ln communes, %2 inhabitants", nullptr, z->zonage.communesOf[k])
                     .arg(range, number(z->zonage.populationOf[k]));
    }
    return parts.join(QStringLiteral(" · "));
}

QString ZonageView::changesText() const {
    const ZonageState* z = m_session->zonage();
    if (z->previousThresholds.empty())
        return {};
    if (z->changed.empty())
        return tr("No commune changes class.");
    const model::Dataset& ds = m_session->dataset();
    QStringList moves;
    double population = 0;
    for (int c : z->changed) {
        const int from = z->previousClassOf[static_cast<std::size_t>(c)];
        const int to = z->zonage.classOf[static_cast<std::size_t>(c)];
        moves << tr("%1 (class %2 → %3)")
                     .arg(qs(ds.communes[static_cast<std::size_t>(c)].name))
                     .arg(from + 1)
                     .arg(to + 1);
        population += z->access->demand[static_cast<std::size_t>(c)];
    }
    const QString head =
        z->movedThreshold >= 0
            ? qs(analysis::describeZonageChange(
                  {z->zonage.thresholds[static_cast<std::size_t>(z->movedThreshold)], z->changed, population,
                   z->zonage.populationOf},
                  static_cast<std::size_t>(z->movedThreshold), z->access->demandStandardised, uiLanguage()))
            : tr("%Ln communes change class.", nullptr, static_cast<int>(z->changed.size()));
    return head + QLatin1Char(' ') + tr("Who enters or leaves: %1").arg(moves.join(QStringLiteral(", ")));
}

QStringList ZonageView::changedCommunes() const {
    QStringList codes;
    if (const ZonageState* z = m_session->zonage())
        for (int c : z->changed)
            codes << qs(m_session->dataset().communes[static_cast<std::size_t>(c)].code);
    return codes;
}

} // namespace maillage::ui
