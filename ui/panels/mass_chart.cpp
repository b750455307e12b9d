#include "ui/panels/mass_chart.h"

#include "ui/panels/chart_image.h"
#include "ui/panels/panel_util.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace maillage::ui {

namespace {

//! Okabe–Ito: eight colours told apart with the common colour-vision deficiencies.
QColor lineColor(std::size_t i) {
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                     QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0x00, 0x00, 0x00), QColor(0xF0, 0xE4, 0x42)};
    return colours[i % (sizeof colours / sizeof colours[0])];
}

//! A round step for about `count` ticks over `span`.
double niceStep(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

bool shown(double v) {
    return std::isfinite(v);
}

} // namespace

MassChart::MassChart(QWidget* parent) : QWidget(parent) {
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setAccessibleName(tr("Mass of the pôles over the years"));
    panel::addChartImageActions(this, tr("Mass of the pôles over the years"), tr("pole-mass.png"));
}

QSize MassChart::sizeHint() const {
    return {360, 260};
}

QSize MassChart::minimumSizeHint() const {
    return {220, 160};
}

void MassChart::setLines(std::vector<int> vintages, std::vector<MassLine> lines, double secrecyThreshold) {
    for (MassLine& line : lines) {
        line.mass.resize(vintages.size(), std::numeric_limits<double>::quiet_NaN());
        for (double& m : line.mass)
            if (secrecyThreshold > 0 && m > 0 && m < secrecyThreshold) // DOMAIN.md §7: a masked count
                m = std::numeric_limits<double>::quiet_NaN();
    }
    m_vintages = std::move(vintages);
    m_lines = std::move(lines);
    update();
}

int MassChart::drawnLineCount() const {
    return static_cast<int>(std::count_if(m_lines.begin(), m_lines.end(), [](const MassLine& l) {
        return std::any_of(l.mass.begin(), l.mass.end(), shown);
    }));
}

int MassChart::drawnPointCount() const {
    int n = 0;
    for (const MassLine& l : m_lines)
        n += static_cast<int>(std::count_if(l.mass.begin(), l.mass.end(), shown));
    return n;
}

QImage MassChart::image(qreal scale) {
    return panel::chartImage(this, scale);
}

bool MassChart::writeImage(const QString& path, QString* error) {
    return panel::writeChartImage(this, tr("Mass of the pôles over the years"), path, error);
}

void MassChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    QColor faint = text, mid = text;
    faint.setAlphaF(0.12);
    mid.setAlphaF(0.55);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.9));
    p.setFont(small);
    const QFontMetrics fm(small);
    if (m_vintages.empty() || drawnPointCount() == 0) {
        p.setPen(mid);
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No pôle mass to show"));
        return;
    }
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (const MassLine& l : m_lines)
        for (double m : l.mass)
            if (shown(m)) {
                lo = std::min(lo, m);
                hi = std::max(hi, m);
            }
    const double step = niceStep(std::max(hi - lo, hi * 0.1), 4);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    if (hi <= lo)
        hi = lo + step;
    int labelWidth = 0;
    for (double t = lo; t <= hi + step / 2; t += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(panel::number(t)));
    // The legend: one row per pôle under the plot.
    const int lineH = fm.height();
    const int legendH = static_cast<int>(m_lines.size()) * lineH + 4;
    const QRect plot = rect().adjusted(labelWidth + 10, 8, -16, -(lineH + 8 + legendH));
    if (plot.width() < 40 || plot.height() < 30)
        return;
    const int y0 = m_vintages.front(), y1 = std::max(m_vintages.back(), y0 + 1);
    auto toX = [&](int year) {
        return m_vintages.size() == 1 ? plot.center().x()
                                      : plot.left() + double(year - y0) / (y1 - y0) * plot.width();
    };
    auto toY = [&](double v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };
    for (double t = lo; t <= hi + step / 2; t += step) {
        p.setPen(QPen(faint, 1));
        p.drawLine(QPointF(plot.left(), toY(t)), QPointF(plot.right(), toY(t)));
        p.setPen(mid);
        p.drawText(QRectF(0, toY(t) - lineH / 2.0, labelWidth + 4, lineH), Qt::AlignRight | Qt::AlignVCenter,
                   panel::number(t));
    }
    for (int year : m_vintages)
        p.drawText(QRectF(toX(year) - 30, plot.bottom() + 3, 60, lineH), Qt::AlignHCenter,
                   QString::number(year));
    p.setPen(QPen(mid, 1));
    p.drawRect(plot);
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const MassLine& line = m_lines[i];
        p.setPen(QPen(lineColor(i), 2));
        p.setBrush(lineColor(i));
        QPainterPath path; // a masked mass breaks the line: nothing is drawn through it
        bool open = false;
        for (std::size_t v = 0; v < m_vintages.size(); ++v) {
            if (!shown(line.mass[v])) {
                open = false;
                continue;
            }
            const QPointF at(toX(m_vintages[v]), toY(line.mass[v]));
            open ? path.lineTo(at) : path.moveTo(at);
            open = true;
            p.drawEllipse(at, 3, 3);
        }
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        const int y = plot.bottom() + lineH + 8 + static_cast<int>(i) * lineH;
        p.drawLine(QPointF(plot.left(), y + lineH / 2.0), QPointF(plot.left() + 18, y + lineH / 2.0));
        p.setPen(text);
        p.drawText(QPoint(plot.left() + 24, y + fm.ascent()), line.name);
    }
}

} // namespace maillage::ui
