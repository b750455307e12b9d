#pragma once
// File > Import official files: commune polygons, the commune -> bassin de vie table, population and
// professionals (one file per vintage), then a preview of what did not join before the dataset is saved.
#include "core/io/import.h"
#include "core/model/dataset.h"

#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QWizard>

#include <memory>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace maillage::ui {

class FunctionTask;
class RegisterInputs;

//! A line edit with a "Browse…" button opening a file dialog (a save dialog when `save`); the row's layout.
QHBoxLayout* fileRow(QWidget* owner, QLineEdit* edit, const QString& title, const QString& filter,
                     bool save = false);
//! File dialog filters: tables (CSV, spreadsheets), vector data.
QString tableFilter();
QString vectorFilter();

//! The join report and warnings of an import or of added data, as the wizard's last page shows them (HTML).
QString importReportHtml(const io::ImportReport& report);

//! The columns of a table (CSV, spreadsheet) or the fields of a vector file (GeoPackage, Shapefile,
//! GeoJSON) named `path`, and its first rows in `preview` (when not null; left empty for vector files).
//! Empty when the file cannot be read (the import then says why).
QStringList fileColumns(const QString& path, io::Table* preview = nullptr);

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    explicit ImportWizard(QWidget* parent = nullptr);
    ~ImportWizard() override;

    //! The options gathered from the pages.
    io::ImportOptions options() const;
    //! Fills the pages from `options` (e.g. to import again with the same files).
    void setOptions(const io::ImportOptions& options);
    void setOutputPath(const QString& path);
    //! The join report and warnings shown on the last page (HTML).
    QString reportHtml() const;
    //! The GeoPackage to write.
    QString outputPath() const;
    //! The imported dataset, once the last page's import succeeded (moved out by the caller).
    model::Dataset takeDataset();
    bool imported() const { return m_imported; }

signals:
    //! The import task started (the main window may show it in its status bar too).
    void taskStarted(FunctionTask* task);

private:
    friend class ImportRunPage;
    void runImport();
    void showReport(const io::ImportReport& report);
    //! The page of infra-communal zones (IRIS or quartiers), their population and grouping, their
    //! professionals, and the quartiers prioritaires (QPV).
    void addZonesPage();
    //! A row of the professionals page for `source` (its columns kept with the row), made current.
    void addProfessionalsRow(const io::ProfessionalsSource& source);
    //! The columns chosen for the professionals file of `row` (the reader's defaults where not chosen).
    io::ProfessionalsColumns professionalsColumns(int row) const;
    //! The layout and column choices of the selected professionals file, with its first rows.
    QWidget* professionalsColumnsBox();
    //! Fills that box from the file of `row` and the columns chosen for it.
    void showProfessionalsColumns(int row);
    //! Fills the column choices of the table or vector file of `file` (each with the names it detects
    //! first) and `preview` with its first rows, whenever the path names a file.
    void watchColumns(QLineEdit* file, const QList<QPair<QComboBox*, QStringList>>& choices,
                      QTableWidget* preview);

    // polygons
    QLineEdit* m_communes;
    QLineEdit* m_layer;
    QComboBox* m_codeField;
    QComboBox* m_nameField;
    QLineEdit* m_title;
    QSpinBox* m_cogYear;
    // bassins
    QLineEdit* m_bassins;
    QComboBox* m_bvColumn;
    // population
    QLineEdit* m_population;
    QComboBox* m_populationCode;
    QComboBox* m_populationColumn;
    QTableWidget* m_populationPreview;
    QTableWidget* m_bassinsPreview;
    // professionals
    QTableWidget* m_professionals;
    QComboBox* m_countsLayout;
    QComboBox* m_countsCommune;
    QComboBox* m_countsProfession;
    QComboBox* m_countsCount;
    QTableWidget* m_countsPreview;
    QPlainTextEdit* m_sources;
    QLineEdit* m_departements;
    QLineEdit* m_region;
    // travel times, observed flows, declared cooperations (optional)
    QLineEdit* m_travelTimes;
    QLineEdit* m_flows;
    QComboBox* m_flowKind;
    QLineEdit* m_cooperations;
    // zones, quartiers, QPV (optional)
    QLineEdit* m_zones;
    QComboBox* m_zoneCode;
    QComboBox* m_zoneName;
    QComboBox* m_zoneCommune;
    QLineEdit* m_zonePopulation;
    QLineEdit* m_quartiers;
    QLineEdit* m_zoneProfessionals;
    QSpinBox* m_zoneProfessionalsYear;
    QLineEdit* m_qpv;
    RegisterInputs* m_register; //!< register of individual professionals (optional)
    // run
    QLineEdit* m_output;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_cancel;
    QTextBrowser* m_report;

    QPointer<FunctionTask> m_task;
    std::shared_ptr<model::Dataset> m_result;
    bool m_imported = false;
};

} // namespace maillage::ui
