#include "ui/panels/density_classes.h"

#include "ui/panels/panel_util.h"
#include "ui/session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

namespace maillage::ui {

using analysis::ClassMethod;

DensityClassesChooser::DensityClassesChooser(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("densityClasses"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("classMethod"));
    m_method->setToolTip(tr("How the classes of the density map are chosen. Weighted by population, each "
                            "class holds about as many inhabitants: a few tiny communes, whose density "
                            "jumps with one professional, cannot make the top class on their own."));
    m_method->addItem(tr("Quantiles weighted by population"),
                      static_cast<int>(ClassMethod::WeightedQuantiles));
    m_method->addItem(tr("Quantiles"), static_cast<int>(ClassMethod::Quantiles));
    m_method->addItem(tr("Natural breaks (Jenks)"), static_cast<int>(ClassMethod::NaturalBreaks));
    m_method->addItem(tr("Equal intervals"), static_cast<int>(ClassMethod::EqualIntervals));
    m_method->addItem(tr("Fixed limits"), static_cast<int>(ClassMethod::Fixed));
    m_count = new QSpinBox;
    m_count->setObjectName(QStringLiteral("classCount"));
    m_count->setRange(3, 9); // the ColorBrewer palette of the map has 3 to 9 colours
    m_count->setToolTip(tr("Number of classes"));
    m_limits = new QLineEdit;
    m_limits->setObjectName(QStringLiteral("classLimits"));
    m_limits->setPlaceholderText(tr("e.g. 5; 10; 20"));
    m_limits->setToolTip(tr("Limits between the classes, ascending, separated by semicolons"));
    row->addWidget(m_method, 1);
    row->addWidget(m_count);
    row->addWidget(m_limits, 1);
    connect(m_method, qOverload<int>(&QComboBox::activated), this, &DensityClassesChooser::apply);
    connect(m_count, qOverload<int>(&QSpinBox::valueChanged), this, &DensityClassesChooser::apply);
    connect(m_limits, &QLineEdit::editingFinished, this, &DensityClassesChooser::apply);
    connect(session, &Session::densityClassesChanged, this, &DensityClassesChooser::showSpec);
    connect(session, &Session::datasetChanged, this, &DensityClassesChooser::showSpec);
    showSpec();
}

void DensityClassesChooser::showSpec() {
    const analysis::ClassSpec& spec = m_session->densityClasses();
    const QSignalBlocker b1(m_method), b2(m_count), b3(m_limits);
    m_method->setCurrentIndex(m_method->findData(static_cast<int>(spec.method)));
    const bool fixed = spec.method == ClassMethod::Fixed;
    m_count->setValue(spec.count);
    m_count->setVisible(!fixed);
    QStringList limits;
    for (double l : spec.fixedLimits)
        limits << QLocale().toString(l, 'g', 10);
    m_limits->setText(limits.join(QStringLiteral("; ")));
    m_limits->setVisible(fixed);
}

void DensityClassesChooser::apply() {
    analysis::ClassSpec spec;
    spec.method = static_cast<ClassMethod>(m_method->currentData().toInt());
    spec.count = m_count->value();
    if (spec.method == ClassMethod::Fixed) {
        m_count->hide();
        m_limits->show();
        QString error;
        spec.fixedLimits = parseLimits(m_limits->text(), &error);
        m_limits->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #B00020;"));
        m_limits->setToolTip(
            error.isEmpty() ? tr("Limits between the classes, ascending, separated by semicolons") : error);
        if (!error.isEmpty() || spec.fixedLimits.empty())
            return; // the map keeps its classes until the limits are usable
        spec.count = static_cast<int>(spec.fixedLimits.size()) + 1;
    } else {
        m_count->show();
        m_limits->hide();
    }
    m_session->setDensityClasses(spec);
}

std::vector<double> DensityClassesChooser::parseLimits(const QString& text, QString* error) {
    std::vector<double> limits;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const QString part = parts[i].trimmed();
        double value = QLocale().toDouble(part, &ok);
        if (!ok)
            value = QLocale::c().toDouble(part, &ok); // "12.5" typed in a French interface
        if (!ok) {
            *error = tr("Limit %1 (\"%2\") is not a number. Expected numbers separated by semicolons, "
                        "e.g. 5; 10; 20.")
                         .arg(i + 1)
                         .arg(part);
            return {};
        }
        if (!limits.empty() && value <= limits.back()) {
            *error = tr("Limit %1 (%2) is not above the one before (%3). Expected ascending limits.")
                         .arg(i + 1)
                         .arg(panel::number(value, 1), panel::number(limits.back(), 1));
            return {};
        }
        limits.push_back(value);
    }
    return limits;
}

} // namespace maillage::ui
