#pragma once
// What the panels' charts share to leave the window: the chart as an image, written to SVG or PNG through a
// temporary file, and Copy image / Export image… in its context menu.
#include <QImage>
#include <QString>

class QWidget;

namespace maillage::ui::panel {

//! The chart as drawn now, at `scale` times its size on screen, on its background.
QImage chartImage(QWidget* chart, qreal scale = 2.0);
//! Writes the chart to `path`, SVG (titled `title`) or PNG by its suffix, through a temporary file renamed
//! when complete; refuses a symbolic link or anything but a regular file. Returns false with a message in
//! `error`.
bool writeChartImage(QWidget* chart, const QString& title, const QString& path, QString* error);
//! Copy image and Export image… (to `defaultFileName` in the home folder by default) in the chart's
//! context menu.
void addChartImageActions(QWidget* chart, const QString& title, const QString& defaultFileName);

} // namespace maillage::ui::panel
