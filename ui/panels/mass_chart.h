#pragma once
// Chart of each pôle's mass over the vintages (issue 11): one line per pôle, the years on the x axis, a
// legend with the pôles' names. Masses that statistical secrecy masks are not drawn (a gap in the line).
#include <QString>
#include <QWidget>

#include <vector>

namespace maillage::ui {

//! One pôle's line: its name and its mass in each vintage of the chart (NaN where none is shown).
struct MassLine {
    QString name;
    std::vector<double> mass;
};

class MassChart : public QWidget {
    Q_OBJECT
public:
    explicit MassChart(QWidget* parent = nullptr);

    //! The vintages (ascending) and one line per pôle, `mass` in the vintages' order. Masses of 1 to
    //! `secrecyThreshold` − 1 are left out (not drawn, not in tooltips); 0 = no secrecy.
    void setLines(std::vector<int> vintages, std::vector<MassLine> lines, double secrecyThreshold);
    const std::vector<int>& vintages() const { return m_vintages; }
    //! The lines as drawn: masked masses are NaN.
    const std::vector<MassLine>& lines() const { return m_lines; }
    //! Lines with at least one mass drawn.
    int drawnLineCount() const;
    //! Masses drawn, all lines together.
    int drawnPointCount() const;

    QImage image(qreal scale = 2.0);
    //! SVG or PNG by the suffix of `path` (panel::writeChartImage).
    bool writeImage(const QString& path, QString* error);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int> m_vintages;
    std::vector<MassLine> m_lines;
};

} // namespace maillage::ui
