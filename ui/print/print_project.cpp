#include "ui/print/print_project.h"

#include "core/analysis/change.h"
#include "core/io/gpkg.h"
#include "core/model/error.h"
#include "ui/styles/dataset_styles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <qgsvectorlayer.h>

namespace maillage::ui::print {

namespace {

struct PrintText {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::print::PrintText)
};

Language uiLanguage() {
    return QLocale().language() == QLocale::French ? Language::Fr : Language::En;
}

} // namespace

std::unique_ptr<PrintProject> PrintProject::open(const QString& gpkg, QString* error) {
    std::unique_ptr<PrintProject> p(new PrintProject);
    const QString copy = QDir(p->m_folder.path()).filePath(QStringLiteral("dataset.gpkg"));
    if (!p->m_folder.isValid() || !QFile::copy(gpkg, copy)) {
        if (error)
            *error = PrintText::tr("%1: the dataset cannot be copied for printing.").arg(gpkg);
        return nullptr;
    }
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    try {
        io::ReadOptions attributesOnly; // anchors are stored: no polygon is needed for the figures
        attributesOnly.geometries = false;
        p->m_dataset = io::readDataset(copy.toStdString(), attributesOnly);
        p->m_classification = analysis::classifyDataset(p->m_dataset, analysis::defaultVintage(p->m_dataset),
                                                        p->m_dataset.params.poles);
    } catch (const Error& e) {
        if (error)
            *error = QString::fromStdString(e.describe(uiLanguage()));
        return nullptr;
    }
    QString detail;
    if (!styles::writeDatasetStyles(copy, p->m_dataset, p->m_classification, &detail) ||
        !p->m_project.read(styles::projectUri(copy))) {
        if (error)
            *error = PrintText::tr("%1: the map of the dataset cannot be drawn (%2).")
                         .arg(gpkg, detail.isEmpty() ? p->m_project.error()
                                                     : detail.section(QStringLiteral(": "), 1));
        return nullptr;
    }
    return p;
}

QgsVectorLayer* PrintProject::layer(const QString& name) {
    for (QgsMapLayer* l : m_project.mapLayers())
        if (l->source().endsWith(QStringLiteral("layername=") + name))
            return qobject_cast<QgsVectorLayer*>(l);
    return nullptr;
}

} // namespace maillage::ui::print
