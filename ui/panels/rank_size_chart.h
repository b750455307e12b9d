#pragma once
// Rank–size chart of pôles: log10(rank) against log10(mass), coloured by pôle type, with the
// least-squares line and its slope (about -1 for a Zipf-like system; steeper = more concentrated).
#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

namespace maillage::ui {

struct RankSizePoint {
    QString name;
    double mass = 0; //!< professionals
    int type = 0;    //!< pôle type 1..4 (0 = hors pôle)
};

class RankSizeChart : public QWidget {
    Q_OBJECT
public:
    explicit RankSizeChart(QWidget* parent = nullptr);

    //! Points in any order; they are ranked by decreasing mass. Points with no mass are left out.
    void setPoints(std::vector<RankSizePoint> points);
    const std::vector<RankSizePoint>& points() const { return m_points; }
    //! True when at least two points allow a fitted line.
    bool hasFit() const { return m_hasFit; }
    //! Slope of log10(mass) against log10(rank).
    double slope() const { return m_slope; }
    double intercept() const { return m_intercept; }

    //! The chart as drawn now, at `scale` times its size on screen, on its background.
    QImage image(qreal scale = 2.0);
    //! Writes the chart to `path`, SVG or PNG by its suffix, through a temporary file renamed when complete;
    //! refuses a symbolic link or anything but a regular file. Returns false with a message in `error`.
    bool writeImage(const QString& path, QString* error);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    void addImageActions();
    std::vector<RankSizePoint> m_points; // by decreasing mass
    std::vector<QPointF> m_drawn;        // widget coordinates of m_points at the last paint
    bool m_hasFit = false;
    double m_slope = 0, m_intercept = 0;
};

} // namespace maillage::ui
