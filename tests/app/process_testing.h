#pragma once
// Running the maillage binary as a process, as users run it (the QGIS module starts once per process, in
// one language), and reading its PDFs with poppler-utils, for the suites of tests/app that define
// MAILLAGE_BINARY.
#include "core/analysis/poles.h"
#include "core/io/gpkg.h"

#include "testing.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace maillage::testing {

//! What a run of the binary gave.
struct ProcessResult {
    int status = -1;
    QString err;
};

//! Runs the binary with `args`, without a display, under the locale `locale` (the pages are in its
//! language unless --lang says otherwise). "C" is English here: LANGUAGE=en says so, the application
//! being French when the environment names no language.
inline ProcessResult runBinary(const QStringList& args, const QString& locale = QStringLiteral("C.UTF-8")) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_MESSAGES", "LANG", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), locale);
    if (locale.startsWith(QLatin1Char('C')))
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILLAGE_BINARY), args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

//! Output of a poppler tool (pdftotext, pdfinfo) with `args`; empty when it cannot run.
inline QString poppler(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

//! The arguments of `maillage import` of Hauts-de-France from ../shared/data (communes COG 2018, BV2012,
//! population 2020, BPE 2013 and 2018) into `gpkg`, quiet.
inline QStringList hautsDeFranceImport(const QString& gpkg) {
    return {QStringLiteral("import"),
            QStringLiteral("--communes"),
            sharedPath("communes/communes_hauts_de_france_cog2018.geojson"),
            QStringLiteral("--bassins"),
            sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv"),
            QStringLiteral("--population"),
            sharedPath("population/population_communes_2020.csv"),
            QStringLiteral("--professionals"),
            sharedPath("professionals/bpe2013_sante_par_commune.csv") + QStringLiteral(":2013"),
            QStringLiteral("--professionals"),
            sharedPath("professionals/bpe2018_sante_par_commune_long.csv") + QStringLiteral(":2018"),
            QStringLiteral("--quiet"),
            QStringLiteral("--output"),
            gpkg};
}

//! The demo dataset as the binary writes it, in a temporary folder, read back with its classification.
struct DemoFixture {
    QTemporaryDir dir;
    QString gpkg;
    model::Dataset dataset;
    analysis::Classification classes;

    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
    //! Writes demo.gpkg under `locale`, with `extra` options; the run, for its status and messages.
    ProcessResult write(const QString& locale, const QStringList& extra = {}) {
        gpkg = path("demo.gpkg");
        const ProcessResult r =
            runBinary(QStringList{QStringLiteral("demo"), QStringLiteral("--output"), gpkg} + extra, locale);
        if (r.status == 0) {
            dataset = io::readDataset(gpkg.toStdString(), io::ReadOptions{false});
            classes = analysis::classifyDataset(dataset, 0, dataset.params.poles);
        }
        return r;
    }
};

} // namespace maillage::testing
