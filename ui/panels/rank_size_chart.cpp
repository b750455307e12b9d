#include "ui/panels/rank_size_chart.h"

#include "ui/panels/chart_image.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace maillage::ui {

namespace {

// Nice tick values 1, 2, 5 x 10^k inside [lo, hi] (both > 0).
std::vector<double> niceLogTicks(double lo, double hi, bool decadesOnly) {
    std::vector<double> ticks;
    const int kLo = static_cast<int>(std::floor(std::log10(lo)));
    const int kHi = static_cast<int>(std::ceil(std::log10(hi)));
    for (int k = kLo; k <= kHi; ++k) {
        for (double m : {1.0, 2.0, 5.0}) {
            if (decadesOnly && m != 1.0)
                continue;
            const double v = m * std::pow(10.0, k);
            if (v >= lo * 0.999 && v <= hi * 1.001)
                ticks.push_back(v);
        }
    }
    return ticks;
}

} // namespace

RankSizeChart::RankSizeChart(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setMouseTracking(false);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setAccessibleName(tr("Rank–size chart of the pôles"));
    addImageActions();
}

QSize RankSizeChart::sizeHint() const {
    return {360, 260};
}
QSize RankSizeChart::minimumSizeHint() const {
    return {240, 200};
}
int RankSizeChart::heightForWidth(int width) const {
    return std::clamp(width * 3 / 4, 200, 340);
}

void RankSizeChart::setPoints(std::vector<RankSizePoint> points) {
    points.erase(
        std::remove_if(points.begin(), points.end(),
                       [](const RankSizePoint& p) { return !(p.mass > 0) || !std::isfinite(p.mass); }),
        points.end());
    std::stable_sort(points.begin(), points.end(),
                     [](const RankSizePoint& a, const RankSizePoint& b) { return a.mass > b.mass; });
    m_points = std::move(points);
    m_drawn.clear();

    // Ordinary least squares of log10(mass) on log10(rank): the chart's reading aid, not an analysis.
    const int n = static_cast<int>(m_points.size());
    m_hasFit = false;
    m_slope = m_intercept = 0;
    if (n >= 2) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; ++i) {
            const double x = std::log10(i + 1.0), y = std::log10(m_points[i].mass);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        const double den = n * sxx - sx * sx;
        if (den > 0) {
            m_slope = (n * sxy - sx * sy) / den;
            m_intercept = (sy - m_slope * sx) / n;
            m_hasFit = true;
        }
    }
    update();
}

QImage RankSizeChart::image(qreal scale) {
    return panel::chartImage(this, scale);
}

bool RankSizeChart::writeImage(const QString& path, QString* error) {
    return panel::writeChartImage(this, tr("Rank–size chart"), path, error);
}

void RankSizeChart::addImageActions() {
    panel::addChartImageActions(this, tr("Rank–size chart"), tr("rank-size.png"));
}

void RankSizeChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.12);
    QColor mid = text;
    mid.setAlphaF(0.55);

    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.9));
    p.setFont(small);
    const QFontMetrics fm(small);

    m_drawn.clear();
    if (m_points.empty()) {
        p.setPen(mid);
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No pôle in this territory"));
        return;
    }

    const int n = static_cast<int>(m_points.size());
    double massMin = m_points.back().mass, massMax = m_points.front().mass;
    // Log domain padded so that points do not sit on the frame.
    double yLo = std::log10(massMin), yHi = std::log10(massMax);
    if (yHi - yLo < 0.3) {
        const double c = (yHi + yLo) / 2;
        yLo = c - 0.15;
        yHi = c + 0.15;
    }
    const double yPad = (yHi - yLo) * 0.06;
    yLo -= yPad;
    yHi += yPad;
    double xLo = 0, xHi = std::max(std::log10(static_cast<double>(n)), 0.3);
    const double xPad = (xHi - xLo) * 0.05;
    xLo -= xPad;
    xHi += xPad;

    const std::vector<double> yTicks0 = niceLogTicks(std::pow(10.0, yLo), std::pow(10.0, yHi), false);
    const std::vector<double> yTicks =
        yTicks0.size() > 7 ? niceLogTicks(std::pow(10.0, yLo), std::pow(10.0, yHi), true) : yTicks0;
    int yLabelWidth = 0;
    for (double t : yTicks)
        yLabelWidth = std::max(yLabelWidth, fm.horizontalAdvance(panel::number(t)));

    // Legend row at the top: the types present.
    bool present[5] = {};
    for (const auto& pt : m_points)
        present[std::clamp(pt.type, 0, 4)] = true;
    const int lineH = fm.height();
    const int legendH = lineH + 6;
    const QRect plot = rect().adjusted(lineH + 4 + yLabelWidth + 6, legendH + 4, -10, -(2 * lineH + 10));
    if (plot.width() < 40 || plot.height() < 40)
        return;

    {
        int x = plot.left();
        const int y = 3;
        for (int type = 1; type <= 4; ++type) {
            if (!present[type])
                continue;
            const QString label = panel::qs(analysis::poleTypeShort(static_cast<analysis::PoleType>(type)));
            p.setPen(QPen(QColor(0x33, 0x33, 0x33), 0.8));
            p.setBrush(poleTypeColor(type));
            p.drawEllipse(QPointF(x + 5, y + lineH / 2.0), 4.5, 4.5);
            p.setPen(text);
            p.drawText(QPoint(x + 13, y + fm.ascent()), label);
            x += 13 + fm.horizontalAdvance(label) + 12;
        }
    }

    auto toX = [&](double lx) { return plot.left() + (lx - xLo) / (xHi - xLo) * plot.width(); };
    auto toY = [&](double ly) { return plot.bottom() - (ly - yLo) / (yHi - yLo) * plot.height(); };

    // Grid and ticks.
    p.setBrush(Qt::NoBrush);
    for (double t : yTicks) {
        const double y = toY(std::log10(t));
        p.setPen(QPen(faint, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(mid);
        const QString label = panel::number(t);
        p.drawText(QRectF(plot.left() - yLabelWidth - 6, y - lineH / 2.0, yLabelWidth + 2, lineH),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }
    std::vector<double> xTicks;
    for (double t : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000})
        if (t <= n)
            xTicks.push_back(t);
    if (xTicks.size() > 7) {
        std::vector<double> decades;
        for (double t : xTicks)
            if (std::log10(t) == std::floor(std::log10(t)))
                decades.push_back(t);
        xTicks = decades;
    }
    for (double t : xTicks) {
        const double x = toX(std::log10(t));
        p.setPen(QPen(faint, 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(mid);
        p.drawText(QRectF(x - 30, plot.bottom() + 3, 60, lineH), Qt::AlignHCenter | Qt::AlignTop,
                   panel::number(t));
    }
    p.setPen(QPen(mid, 1));
    p.drawRect(QRectF(plot).adjusted(0, 0, 0, 0));

    // Axis titles.
    p.setPen(text);
    p.drawText(QRect(plot.left(), plot.bottom() + lineH + 5, plot.width(), lineH), Qt::AlignHCenter,
               tr("Rank (log scale)"));
    p.save();
    p.translate(2, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, 0, plot.height(), lineH), Qt::AlignHCenter | Qt::AlignTop,
               tr("Professionals (log scale)"));
    p.restore();

    // Fitted line.
    p.setClipRect(plot);
    if (m_hasFit) {
        QPen pen(text, 1.4, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(toX(xLo), toY(m_intercept + m_slope * xLo)),
                   QPointF(toX(xHi), toY(m_intercept + m_slope * xHi)));
    }

    // Points, smallest on top so that a crowded tail stays readable.
    m_drawn.resize(m_points.size());
    for (int i = 0; i < n; ++i)
        m_drawn[i] = QPointF(toX(std::log10(i + 1.0)), toY(std::log10(m_points[i].mass)));
    for (int i = 0; i < n; ++i) {
        p.setPen(QPen(QColor(0x33, 0x33, 0x33), 0.8));
        p.setBrush(poleTypeColor(m_points[i].type));
        p.drawEllipse(m_drawn[i], 4.5, 4.5);
    }
    p.setClipping(false);

    if (m_hasFit) {
        const QString slopeText = tr("Slope %1").arg(panel::signedNumber(m_slope, 2));
        const QRect box = fm.boundingRect(slopeText).adjusted(-4, -2, 4, 2);
        QRect placed(plot.right() - box.width() - 6, plot.top() + 6, box.width(), box.height());
        QColor bg = pal.color(QPalette::Base);
        bg.setAlphaF(0.85);
        p.setPen(Qt::NoPen);
        p.setBrush(bg);
        p.drawRect(placed);
        p.setPen(text);
        p.drawText(placed, Qt::AlignCenter, slopeText);
    }
}

bool RankSizeChart::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        int best = -1;
        double bestD = 8.0 * 8.0;
        for (int i = 0; i < static_cast<int>(m_drawn.size()); ++i) {
            const QPointF d = m_drawn[i] - QPointF(help->pos());
            const double dd = d.x() * d.x() + d.y() * d.y();
            if (dd < bestD) {
                bestD = dd;
                best = i;
            }
        }
        if (best >= 0) {
            const auto& pt = m_points[best];
            QToolTip::showText(help->globalPos(),
                               tr("%1 (%2)\nrank %3, %4 professionals")
                                   .arg(pt.name, panel::poleTypeLabel(pt.type))
                                   .arg(best + 1)
                                   .arg(panel::number(pt.mass)),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace maillage::ui
