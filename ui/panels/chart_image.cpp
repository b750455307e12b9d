#include "ui/panels/chart_image.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPalette>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace maillage::ui::panel {

namespace {
//! The translation context of the charts' export.
class ChartImage {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::ChartImage)
};
} // namespace

QImage chartImage(QWidget* chart, qreal scale) {
    QImage out(chart->size() * scale, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(scale);
    out.fill(chart->palette().color(QPalette::Base)); // the chart's own background
    chart->render(&out);
    return out;
}

bool writeChartImage(QWidget* chart, const QString& title, const QString& path, QString* error) {
    const QFileInfo target(path);
    const bool svg = target.suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (target.isSymLink() || (target.exists() && !target.isFile()))
        return fail(ChartImage::tr("%1 is not a regular file: choose a file name.").arg(target.fileName()));
    QSaveFile file(path); // a temporary file, renamed over `path` by commit()
    if (!file.open(QIODevice::WriteOnly))
        return fail(ChartImage::tr("Cannot write in the folder %1.")
                        .arg(QDir::toNativeSeparators(target.absolutePath())));
    bool written = true;
    if (svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(chart->size());
        generator.setViewBox(chart->rect());
        generator.setTitle(title);
        chart->render(&generator);
    } else {
        written = chartImage(chart).save(&file, "PNG");
    }
    if (!written || !file.commit())
        return fail(ChartImage::tr("The chart could not be saved as %1.").arg(target.fileName()));
    return true;
}

void addChartImageActions(QWidget* chart, const QString& title, const QString& defaultFileName) {
    auto* copy = new QAction(ChartImage::tr("Copy image"), chart);
    copy->setObjectName(QStringLiteral("copyChart"));
    QObject::connect(copy, &QAction::triggered, chart,
                     [chart] { QApplication::clipboard()->setImage(chartImage(chart)); });
    auto* save = new QAction(ChartImage::tr("Export image…"), chart);
    save->setObjectName(QStringLiteral("exportChart"));
    QObject::connect(save, &QAction::triggered, chart, [chart, title, defaultFileName] {
        const QString path = QFileDialog::getSaveFileName(
            chart, ChartImage::tr("Export the chart"), QDir::home().filePath(defaultFileName),
            ChartImage::tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!writeChartImage(chart, title, path, &error))
            QMessageBox::critical(chart, ChartImage::tr("Export the chart"), error);
    });
    chart->addAction(copy);
    chart->addAction(save);
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace maillage::ui::panel
